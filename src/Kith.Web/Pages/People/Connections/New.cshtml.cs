using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Connections;

/// <summary>
/// Connects the person with one community asset (<c>?asset=ID</c>): signpost only (they go on their own) or, when
/// the group welcomes them, an introduction; with a note of why. Makes the draft and goes to the connection's page.
/// Shows what fits and what does not, when the asset is among the person's suggestions.
/// </summary>
public sealed class NewModel(ConnectionService connections, ConnectionMatcher matcher, KithDbContext db) : PersonPageModel
{
    /// <summary>How far down the person's suggestions to look for the asset's fits.</summary>
    public const int SuggestionDepth = 50;

    protected override string RecordPart => ConnectionService.AuditPart;

    [FromQuery(Name = "asset")]
    public Guid AssetId { get; set; }

    [BindProperty]
    public ConnectionKind? Kind { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string AssetName { get; private set; } = string.Empty;

    public IntroductionPolicy Policy { get; private set; }

    /// <summary>The asset as a suggestion for the person, or null when it is not among their best <see cref="SuggestionDepth"/>.</summary>
    public Suggestion? Suggestion { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool AcceptsIntroductions => Policy == IntroductionPolicy.AcceptsIntroductions;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Kind = AcceptsIntroductions ? null : ConnectionKind.SignpostOnly;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            ModelState.AddModelError(nameof(Kind), "Choose how to connect them");
        }
        else if (Kind == ConnectionKind.Introduction && !AcceptsIntroductions)
        {
            ModelState.AddModelError(nameof(Kind), $"{AssetName} does not take introductions: choose signpost only, so they go on their own");
        }

        var note = Note?.Trim();
        if (note is { Length: > Connection.NoteLimit })
        {
            ModelState.AddModelError(nameof(Note), $"The note must be {Connection.NoteLimit} characters or fewer; it has {note.Length}");
        }

        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var id = await connections.CreateAsync(new CreateConnectionOptions(PersonId, AssetId, Kind!.Value, note), Actor, cancellationToken);
        Notice = Kind == ConnectionKind.Introduction
            ? $"Connection with {AssetName} made. Next, introduce them: that asks for their consent."
            : $"Connection with {AssetName} made. Record below when you have passed it on to them.";
        return Redirect($"/people/{PersonId}/connections/{id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var asset = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == AssetId)
            .Select(a => new { a.Name, a.IntroductionPolicy }).SingleOrDefaultAsync(cancellationToken);
        if (asset is null)
        {
            return false;
        }

        AssetName = asset.Name;
        Policy = asset.IntroductionPolicy;
        var suggestions = await matcher.SuggestAsync(PersonId, Actor, SuggestionDepth, ReadAudit.AlreadyWritten, cancellationToken);
        Suggestion = suggestions?.Suggestions.FirstOrDefault(s => s.AssetId == AssetId);
        return true;
    }
}
