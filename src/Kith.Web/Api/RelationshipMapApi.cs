using Kith.Core.Data;
using Kith.Core.Relationships;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Api;

/// <summary>
/// The relationship map's JSON for managers and administrators signed in to Kith (the same cookie as the pages,
/// <see cref="RelationshipsModule.MapPolicy"/>): the whole map as filtered, with every actor's figures, and the ego
/// view of one actor. Each call records one "viewed" audit event. Maps come from <see cref="RelationshipMapCache"/>.
/// </summary>
public static class RelationshipMapApi
{
    /// <summary>What each handler needs besides its parameters.</summary>
    public sealed record Services(
        HttpContext Http, IAuthorizationService Authorization, RelationshipAnalysisService Analysis, RelationshipMapCache Cache,
        KithDbContext Db, CancellationToken CancellationToken);

    public static RouteGroupBuilder MapRelationshipMapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/relationships").WithTags("Relationship map");
        group.MapGet("/graph", GraphAsync)
            .WithName("GetRelationshipGraph")
            .WithSummary("The relationship map as filtered, with each actor's figures")
            .WithDescription("types (works-with, refers-to, funds, shares-information-with, trusts, seeks-advice-from; repeat or separate with commas), sector (repeatable), minStrength (1–5), on (YYYY-MM-DD, ties as they stood that day). Any other parameter, or a value that cannot be used, is a 400 saying what to send.");
        group.MapGet("/ego/{actorId:guid}", EgoAsync)
            .WithName("GetRelationshipEgo")
            .WithSummary("The actors within 1 or 2 steps of one actor, and the ties among them")
            .WithDescription("steps (1 or 2, default 1) and the same filters as /graph. An actor that is not on the map with these filters is a 404.");
        return group;
    }

    internal static async Task<Results<Ok<MapGraphJson>, ProblemHttpResult>> GraphAsync([AsParameters] Services services)
    {
        if (await RefuseAsync(services) is { } refused)
        {
            return refused;
        }

        var (query, problem) = Parse(services.Http.Request.Query, RelationshipMapQuery.GraphNames);
        if (problem is not null)
        {
            return problem;
        }

        var cached = await services.Cache.GetAsync(query!.ToFilter(), services.Analysis, services.Db, services.CancellationToken, checkNow: true);
        var json = RelationshipMapJson.Graph(cached);
        await services.Analysis.RecordViewAsync("api-graph", services.Http.GetProcessContext(), services.CancellationToken);
        return TypedResults.Ok(json);
    }

    internal static async Task<Results<Ok<EgoJson>, ProblemHttpResult>> EgoAsync(Guid actorId, [AsParameters] Services services)
    {
        if (await RefuseAsync(services) is { } refused)
        {
            return refused;
        }

        var (query, problem) = Parse(services.Http.Request.Query, RelationshipMapQuery.EgoNames);
        if (problem is not null)
        {
            return problem;
        }

        var cached = await services.Cache.GetAsync(query!.ToFilter(), services.Analysis, services.Db, services.CancellationToken);
        var centre = cached.Map.IndexOf(actorId);
        if (centre < 0)
        {
            // Perhaps added a moment ago: look again with the database before saying it is not there.
            cached = await services.Cache.GetAsync(query.ToFilter(), services.Analysis, services.Db, services.CancellationToken, checkNow: true);
            centre = cached.Map.IndexOf(actorId);
        }

        if (centre < 0)
        {
            var exists = await services.Db.RelationshipActors.AnyAsync(a => a.Id == actorId, services.CancellationToken);
            return TypedResults.Problem(
                title: exists ? "Actor not on the map with these filters" : "Actor not found",
                detail: exists
                    ? "This actor has no place on the map as filtered (another sector, archived, or not yet agreed to be on the map). Remove the sector filter or choose another actor."
                    : $"There is no actor with the id {actorId}. Take ids from GET /api/relationships/graph.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var json = RelationshipMapJson.Ego(cached, centre, query.EgoSteps);
        await services.Analysis.RecordViewAsync("api-ego", services.Http.GetProcessContext(), services.CancellationToken);
        return TypedResults.Ok(json);
    }

    private static async Task<ProblemHttpResult?> RefuseAsync(Services services)
    {
        var user = services.Http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Problem(title: "Sign in first", detail: "The relationship map API needs a manager's or administrator's account signed in to Kith.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var result = await services.Authorization.AuthorizeAsync(user, RelationshipsModule.MapPolicy);
        return result.Succeeded
            ? null
            : TypedResults.Problem(title: "Not allowed", detail: "Only managers and administrators can see the relationship map.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static (RelationshipMapQuery? Query, ProblemHttpResult? Problem) Parse(IQueryCollection query, IReadOnlyList<string> known)
    {
        var unknown = RelationshipMapQuery.UnknownNames(query, known);
        if (unknown.Count > 0)
        {
            return (null, TypedResults.Problem(
                title: unknown.Count == 1 ? "Unknown parameter" : "Unknown parameters",
                detail: $"This API does not know {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Use only: {string.Join(", ", known)}.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["unknown"] = unknown, ["known"] = known }));
        }

        var parsed = RelationshipMapQuery.Parse(query, forPage: false);
        if (!parsed.IsValid)
        {
            return (null, TypedResults.Problem(
                title: "Some parameters cannot be used",
                detail: string.Join(" ", parsed.Errors.Select(e => e.Message)),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = parsed.Errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                }));
        }

        return (parsed, null);
    }
}
