using System.Security.Claims;
using System.Text.Json;
using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure.Modules;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>What the add or edit journey keeps in its server-side draft between pages.</summary>
/// <param name="AssetId">The asset being edited, or null when adding one.</param>
/// <param name="BaseVersion">The version the editor started from, for the conflict check.</param>
public sealed record AssetJourneyState(Guid? AssetId, int? BaseVersion, AssetDetails Details)
{
    /// <summary>The details as they stood at <see cref="BaseVersion"/>, so a conflict can tell the editor's changes from others'.</summary>
    public AssetDetails? Original { get; init; }

    /// <summary>Steps answered so far; check answers is open once the required ones are.</summary>
    public IReadOnlyList<string> Answered { get; init; } = [];

    public bool IsEdit => AssetId is not null;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static AssetJourneyState FromJson(string json) =>
        JsonSerializer.Deserialize<AssetJourneyState>(json, JsonOptions) ?? throw new JsonException("The draft held no journey.");

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

/// <summary>The pages of the journey, in order, with the field labels each one answers.</summary>
public static class AssetSteps
{
    public sealed record Step(string Slug, string Title, bool Required, params string[] Fields);

    public static IReadOnlyList<Step> All { get; } =
    [
        new("name", "Name and type", true, "Name", "Type of asset"),
        new("organisation", "Organisation", true, "Organisation"),
        new("description", "Description", true, "Description", "How to get involved", "Introductions", "Status"),
        new("where", "Where it happens", true, "How people take part", "Address", "Online link"),
        new("when", "When it happens", false, "Opening times"),
        new("cost", "Cost", false, "Cost"),
        new("who", "Who it is for", false, "Age range", "Who it is for", "Languages"),
        new("what", "What it offers", false, "What it offers"),
        new("accessibility", "Accessibility", false, "Accessibility"),
        new("contact", "Contact details", false, "Email", "Phone", "Website"),
    ];

    public static Step? Find(string? slug) => All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.Ordinal));

    /// <summary>The step that asks for a field, by the field's label.</summary>
    public static Step ForField(string label) => All.First(s => s.Fields.Contains(label, StringComparer.Ordinal));

    public static Step? After(Step step) => All.SkipWhile(s => s != step).Skip(1).FirstOrDefault();

    public static Step? Before(Step step) => All.TakeWhile(s => s != step).LastOrDefault();
}

/// <summary>How the manage pages show instants: UK local time in words.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A UTC instant as "23 November 2026 at 10:05".</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London)
            .ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>Shared by the pages that work on a journey draft: loading it for the signed-in editor and saving it back.</summary>
public abstract class AssetDraftPageModel(JourneyDraftService drafts) : PageModel
{
    [FromRoute]
    public Guid DraftId { get; set; }

    public AssetJourneyState State { get; protected set; } = new(null, null, new AssetDetails());

    protected JourneyDraft? Draft { get; private set; }

    protected JourneyDraftService Drafts => drafts;

    public string StepUrl(string slug, bool fromCheck = false) =>
        $"/manage/assets/drafts/{DraftId}/{slug}{(fromCheck ? "?from=check" : string.Empty)}";

    public string CheckAnswersUrl => $"/manage/assets/drafts/{DraftId}/check-answers";

    /// <summary>
    /// Loads the draft; false when it does not exist, belongs to someone else, or is outside the editor's
    /// <see cref="ListingScope"/> (an asset, or an organisation chosen or named, that is not theirs).
    /// </summary>
    protected async Task<bool> LoadDraftAsync(CancellationToken cancellationToken)
    {
        Draft = await drafts.FindAsync(DraftId, EditorUserId(User), cancellationToken);
        if (Draft is null)
        {
            return false;
        }

        State = AssetJourneyState.FromJson(Draft.Json);
        Scope = await HttpContext.GetListingScopeAsync(cancellationToken);
        if (Scope.IsEverything)
        {
            return true;
        }

        var details = State.Details;
        return details.NewOrganizationName is null
            && (details.OrganizationId is null || Scope.Covers(details.OrganizationId))
            && (State.AssetId is not { } assetId || await HttpContext.RequestServices.GetRequiredService<ListingEditors>().CoversAssetAsync(Scope, assetId, cancellationToken));
    }

    /// <summary>The listings the editor may change; set by <see cref="LoadDraftAsync"/>.</summary>
    protected ListingScope Scope { get; private set; } = ListingScope.FromOrganizations([]);

    protected Task SaveDraftAsync(CancellationToken cancellationToken) =>
        drafts.UpdateAsync(Draft ?? throw new InvalidOperationException("Load the draft first."), State.ToJson(), cancellationToken);

    protected Task DeleteDraftAsync(CancellationToken cancellationToken) =>
        drafts.DeleteAsync(Draft ?? throw new InvalidOperationException("Load the draft first."), cancellationToken);

    public static string EditorUserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The editor is not signed in.");

    /// <summary>Renders the page again with the errors in ModelState and HTTP 400.</summary>
    protected PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
