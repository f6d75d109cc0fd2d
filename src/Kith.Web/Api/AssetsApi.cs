using Kith.Core.Data;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Web.Api;

/// <summary>The directory's JSON API: search and one asset. Open to everyone, no sign-in.</summary>
public static class AssetsApi
{
    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/v1/assets").WithTags("Community assets");

        group.MapGet("/", SearchAsync)
            .WithName("SearchAssets")
            .WithSummary("Search the directory of community assets")
            .WithDescription("Every parameter is optional: with none, every listed asset is returned. Give a postcode, or lat and lon, to sort nearest first and see distances. An unknown parameter or a value that cannot be used is a 400 with a message saying what to change.");

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAsset")
            .WithSummary("Get one community asset")
            .WithDescription("The asset in the shape of an Open Referral HSDS 3.0 service, with its organisation, locations, schedules, contacts and costs. Assets no longer listed are a 404.");

        return group;
    }

    /// <summary>What the search handler needs besides the query.</summary>
    public sealed record SearchServices(
        HttpRequest Request, AssetSearchIndex Index, PostcodeService Postcodes, TaxonomyTermCodes TermCodes, KithDbContext Db, CancellationToken CancellationToken);

    internal static async Task<Results<Ok<AssetSearchResponse>, ProblemHttpResult, ValidationProblem>> SearchAsync(
        [AsParameters] AssetSearchParameters parameters, [AsParameters] SearchServices services)
    {
        var unknown = AssetSearchParameters.UnknownNames(services.Request.Query);
        if (unknown.Count > 0)
        {
            return TypedResults.Problem(
                title: unknown.Count == 1 ? "Unknown search parameter" : "Unknown search parameters",
                detail: $"This API does not know {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Remove {(unknown.Count == 1 ? "it" : "them")}, or use one of: {string.Join(", ", AssetSearchParameters.Names)}.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["unknown"] = unknown, ["known"] = AssetSearchParameters.Names });
        }

        var query = await AssetSearchQuery.ParseAsync(
            parameters, services.Postcodes, services.Db, services.CancellationToken, AssetSearchParameters.RepeatedNames(services.Request.Query), services.TermCodes);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.ErrorsByParameter(), title: "Some search parameters cannot be used");
        }

        var results = services.Index.Search(query.Criteria);
        return TypedResults.Ok(new AssetSearchResponse(
            results.Total, results.Page, results.PageSize, results.PageCount, query.Notes, results.Hits.Select(AssetSummaryJson.From).ToList()));
    }

    internal static async Task<Results<Ok<AssetJson>, ProblemHttpResult>> GetAsync(Guid id, KithDbContext db, CancellationToken cancellationToken)
    {
        var asset = await AssetDetails.LoadAsync(db, id, cancellationToken);
        if (asset is null)
        {
            return TypedResults.Problem(title: "Asset not found", detail: $"There is no community asset with the id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (asset.IsArchived)
        {
            return TypedResults.Problem(title: "Asset no longer listed", detail: "This community asset has been taken out of the directory.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(AssetJson.From(asset));
    }
}
