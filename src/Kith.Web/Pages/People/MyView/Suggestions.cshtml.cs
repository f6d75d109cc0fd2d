using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Suggestions;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.MyView;

/// <summary>The person's pending suggestions, each with what the record says now and what they propose; accept or decline.</summary>
public sealed class SuggestionsModel(KithDbContext db, SuggestionService suggestions) : PersonPageModel
{
    protected override string RecordPart => "suggestions";

    /// <summary>A pending suggestion with the record's text now (which may differ from what the person saw).</summary>
    public sealed record Pending(SuggestedChange Suggestion, string? Now)
    {
        public bool ChangedSince => Suggestion.Target is SuggestionTarget.Goal or SuggestionTarget.AboutMeSection
            && !string.Equals(Now, Suggestion.CurrentText, StringComparison.Ordinal);
    }

    public IReadOnlyList<Pending> Items { get; private set; } = [];

    [BindProperty]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>What the page showed the record says now, posted back with "Accept" so a change since is caught.</summary>
    [BindProperty]
    public string? Shown { get; set; }

    /// <summary>The suggestion a decline note error is about.</summary>
    public Guid? ErrorFor { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        await DecideAsync(await suggestions.AcceptAsync(PersonId, Id, Actor.ActorName, Actor, Shown ?? string.Empty, cancellationToken), "Accepted: the record now shows their words.", cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        await DecideAsync(await suggestions.DeclineAsync(PersonId, Id, Note, Actor.ActorName, Actor, cancellationToken), "Declined: they will see why.", cancellationToken);

    private async Task<IActionResult> DecideAsync(SuggestionOutcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            Done = done;
            return RedirectToPage();
        }

        ErrorFor = Id;
        ModelState.AddModelError(nameof(Note), outcome.Error!);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Set<SuggestedChange>().AsNoTracking()
            .Where(s => s.PersonId == PersonId && s.Status == SuggestionStatus.Pending).ToListAsync(cancellationToken))
            .OrderBy(s => s.SuggestedAt).ToList();
        var items = new List<Pending>();
        foreach (var s in pending)
        {
            items.Add(new Pending(s, await suggestions.CurrentTextAsync(s, cancellationToken)));
        }

        Items = items;
    }

    public static string About(SuggestedChange s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Target switch
        {
            SuggestionTarget.Goal => "New words for a goal",
            SuggestionTarget.NewGoal => "A new goal",
            SuggestionTarget.NewStrength => "A new strength",
            SuggestionTarget.AboutMeSection => $"About me: {s.Field}",
            _ => "A change",
        };
    }
}
