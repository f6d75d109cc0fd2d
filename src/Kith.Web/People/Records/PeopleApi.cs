using System.Security.Claims;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People.Records;

/// <summary>A person in a caseload list.</summary>
public sealed record PersonSummaryJson(Guid Id, string Name, string? PreferredName, string? Pronouns, DateOnly? ComeBackOn, DateOnly? ClosedOn);

/// <summary>A page of the caseload.</summary>
public sealed record CaseloadJson(int Total, int Page, int PageSize, int PageCount, IReadOnlyList<PersonSummaryJson> People);

/// <summary>A person's details; <see cref="Version"/> must be sent back with a PUT.</summary>
public sealed record PersonJson(
    Guid Id, int Version, string Name, string? PreferredName, string? Pronouns, DateOnly? DateOfBirth, string? Email, string? Phone,
    string? Address, string? Postcode, string PreferredContact, string? ContactNotes, string? PreferredLanguage, bool NeedsInterpreter,
    DateOnly? ClosedOn, IReadOnlyList<Guid> TeamIds);

/// <summary>The body of POST (with <see cref="TeamId"/>) and PUT (with <see cref="Version"/>).</summary>
public sealed record PersonWriteJson(
    string? Name, string? PreferredName, string? Pronouns, DateOnly? DateOfBirth, string? Email, string? Phone, string? Address,
    string? Postcode, string? PreferredContact, string? ContactNotes, string? PreferredLanguage, bool? NeedsInterpreter, Guid? TeamId, int? Version);

/// <summary>
/// The people API for staff signed in to Kith (the same cookie as the pages): the caseload, one person, add and update.
/// The same rules as the pages: only people your teams work with (or break-glass), every read and refusal audited.
/// </summary>
public static class PeopleApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/people").WithTags("People");
        group.MapGet("/", ListAsync).WithName("ListPeople").WithSummary("The people your teams work with, 50 a page");
        group.MapGet("/{personId:guid}", GetAsync).WithName("GetPerson").WithSummary("One person's details");
        group.MapPost("/", CreateAsync).WithName("CreatePerson").WithSummary("Add a person worked with by one of your teams");
        group.MapPut("/{personId:guid}", UpdateAsync).WithName("UpdatePerson").WithSummary("Change a person's details (send the version you read)");
    }

    private static ProblemHttpResult? Refuse(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Problem(title: "Sign in first", detail: "The people API needs a staff account signed in to Kith.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return PeopleModule.StaffRoles.Any(user.IsInRole)
            ? null
            : TypedResults.Problem(title: "Not allowed", detail: "Only practitioners, managers and administrators can use the people API.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    internal static async Task<Results<Ok<CaseloadJson>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, CaseloadQuery caseload, string? q, string? status, int? page, CancellationToken cancellationToken)
    {
        if (Refuse(user) is { } refused)
        {
            return refused;
        }

        var filter = CaseloadFilter.Open;
        if (status is not null && !Enum.TryParse(status, ignoreCase: true, out filter))
        {
            return TypedResults.Problem(title: "Unknown status", detail: "Use status=open, closed or all.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await caseload.GetAsync(UserId(user), q, filter, page ?? 1, CaseloadQuery.PageSize, cancellationToken);
        return TypedResults.Ok(new CaseloadJson(
            result.Total, result.Page, result.PageSize, result.PageCount,
            result.Rows.Select(r => new PersonSummaryJson(r.Id, r.Name, r.PreferredName, r.Pronouns, r.ComeBackOn, r.ClosedOn)).ToList()));
    }

    /// <summary>404 for no such person; 403 (audited) for someone who may not see them; null when allowed.</summary>
    private static async Task<(ProblemHttpResult? Refused, PersonAccess? Access)> CheckAsync(
        ClaimsPrincipal user, Guid personId, PersonAccessService access, string part, CancellationToken cancellationToken)
    {
        var result = await access.CheckAsync(personId, UserId(user), cancellationToken);
        if (!result.Exists)
        {
            return (TypedResults.Problem(title: "Person not found", detail: $"There is no person with the id {personId}.", statusCode: StatusCodes.Status404NotFound), null);
        }

        if (Refuse(user) is { } refused)
        {
            await access.RecordRefusedAsync(personId, part, user.GetProcessContext(), cancellationToken);
            return (refused, null);
        }

        if (!result.Allowed)
        {
            await access.RecordRefusedAsync(personId, part, user.GetProcessContext(), cancellationToken);
            return (TypedResults.Problem(
                title: "Not one of your teams' people",
                detail: "None of your teams works with this person. The attempt has been recorded. Use break-glass access on the record's page if you need to see it urgently.",
                statusCode: StatusCodes.Status403Forbidden), null);
        }

        return (null, result);
    }

    internal static async Task<Results<Ok<PersonJson>, ProblemHttpResult>> GetAsync(
        Guid personId, ClaimsPrincipal user, PersonAccessService access, KithDbContext db, CancellationToken cancellationToken)
    {
        var (refused, granted) = await CheckAsync(user, personId, access, "api-details", cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        await access.RecordViewAsync(granted!, "api-details", user.GetProcessContext(), cancellationToken);
        return TypedResults.Ok(await LoadAsync(db, personId, cancellationToken));
    }

    internal static async Task<Results<Created<PersonJson>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        PersonWriteJson body, ClaimsPrincipal user, PersonService people, KithDbContext db, CancellationToken cancellationToken)
    {
        if (Refuse(user) is { } refused)
        {
            return refused;
        }

        if (!TryDetails(body, out var details, out var contactError))
        {
            return contactError!;
        }

        var userId = UserId(user);
        if (body.TeamId is not { } teamId || !await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId, cancellationToken))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["teamId"] = ["Give teamId: the id of one of your teams, which will work with the person"] },
                title: "Some details cannot be used");
        }

        var result = await people.CreateAsync(details, teamId, user.GetProcessContext(), cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        return TypedResults.Created($"/api/people/{result.PersonId}", await LoadAsync(db, result.PersonId, cancellationToken));
    }

    internal static async Task<Results<Ok<PersonJson>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        Guid personId, PersonWriteJson body, ClaimsPrincipal user, PersonAccessService access, PersonService people, KithDbContext db, CancellationToken cancellationToken)
    {
        var (refused, granted) = await CheckAsync(user, personId, access, "api-details", cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (body.Version is not { } version)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["version"] = ["Give version: the version you read with GET, so a change made since is not overwritten"] },
                title: "Some details cannot be used");
        }

        if (!TryDetails(body, out var details, out var contactError))
        {
            return contactError!;
        }

        var result = await people.UpdateAsync(personId, version, details, user.GetProcessContext(granted!.BreakGlassReason), cancellationToken);
        if (result.Status == PersonSaveStatus.Conflict)
        {
            return TypedResults.Problem(
                title: "Someone else changed this person's details",
                detail: $"You sent version {version}, but the details are now at version {result.CurrentVersion}. Nothing was saved. GET the latest details, apply your change to them and PUT again.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion, ["current"] = result.Current, ["yours"] = result.Yours });
        }

        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        return TypedResults.Ok(await LoadAsync(db, personId, cancellationToken));
    }

    private static ValidationProblem Invalid(PersonSaveResult result) =>
        TypedResults.ValidationProblem(
            result.Errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }),
            title: "Some details cannot be used",
            detail: "Nothing was saved. Change the details named in errors and send them again.");

    private static string JsonName(string property) => property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    private static bool TryDetails(PersonWriteJson body, out PersonDetails details, out ValidationProblem? error)
    {
        error = null;
        var contact = ContactMethod.NoPreference;
        if (body.PreferredContact is not null && (!Enum.TryParse(body.PreferredContact, ignoreCase: true, out contact) || !Enum.IsDefined(contact) || int.TryParse(body.PreferredContact, out _)))
        {
            error = TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["preferredContact"] = [$"Use one of: {string.Join(", ", Enum.GetNames<ContactMethod>())}"] },
                title: "Some details cannot be used");
        }

        details = new PersonDetails
        {
            Name = body.Name,
            PreferredName = body.PreferredName,
            Pronouns = body.Pronouns,
            DateOfBirth = body.DateOfBirth,
            Email = body.Email,
            Phone = body.Phone,
            Address = body.Address,
            Postcode = body.Postcode,
            PreferredContact = contact,
            ContactNotes = body.ContactNotes,
            PreferredLanguage = body.PreferredLanguage,
            NeedsInterpreter = body.NeedsInterpreter ?? false,
        };
        return error is null;
    }

    private static async Task<PersonJson> LoadAsync(KithDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var p = await db.People.AsNoTracking().SingleAsync(x => x.Id == personId, cancellationToken);
        var teams = await db.PersonTeams.AsNoTracking().Where(t => t.PersonId == personId).Select(t => t.TeamId).ToListAsync(cancellationToken);
        return new PersonJson(
            p.Id, p.Version, p.Name, p.PreferredName, p.Pronouns, p.DateOfBirth, p.Email, p.Phone, p.Address, p.Postcode,
            p.PreferredContact.ToString(), p.ContactNotes, p.PreferredLanguage, p.NeedsInterpreter, p.ClosedOn, teams);
    }
}
