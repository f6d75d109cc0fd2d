using System.Globalization;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Instruments;
using Kith.Web.People;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.CheckIns;

/// <summary>
/// Records a check-in with one instrument (?instrument=ons4), its form drawn from the definition; without one, offers the choice.
/// <c>?stage=FollowUp</c> preselects when in the work it is; <c>?connection=ID</c> (a connection of the person's, from its
/// ONS4 prompt) returns to that connection's page after saving.
/// </summary>
public sealed class NewModel(InstrumentCatalogue catalogue, CheckInService checkIns, KithDbContext db, TimeProvider clock) : PersonPageModel
{
    protected override string RecordPart => "check-ins";

    [FromQuery(Name = "instrument")]
    public string? InstrumentKey { get; set; }

    /// <summary>Each item's answer as posted, keyed by item key; every item has an entry.</summary>
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public CheckInStage? Stage { get; set; }

    [BindProperty]
    public DateInput TakenOn { get; set; } = new();

    [FromQuery(Name = "stage")]
    public CheckInStage? SuggestedStage { get; set; }

    /// <summary>The connection to go back to after saving, when the person has it.</summary>
    [FromQuery(Name = "connection")]
    public Guid? ConnectionId { get; set; }

    public Instrument? Instrument { get; private set; }

    public IReadOnlyList<InstrumentDefinition> Offered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        TakenOn = DateInput.FromDate(UkDate.Today(clock));
        Stage = SuggestedStage is { } stage && Enum.IsDefined(stage) ? stage : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Instrument is null)
        {
            return NotFound();
        }

        if (Stage is null)
        {
            ModelState.AddModelError(nameof(Stage), "Choose when in your work together this check-in is");
        }

        var takenOn = UkDate.Read(TakenOn, nameof(TakenOn), "the date it was taken", required: true, UkDate.Today(clock), ModelState);
        var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Instrument.Items)
        {
            var text = Answers.GetValueOrDefault(item.Key);
            answers[item.Key] = InstrumentEngine.ParseAnswer(text);
            if (!string.IsNullOrWhiteSpace(text) && answers[item.Key] is null)
            {
                unreadable.Add(item.Key);
            }
        }

        var score = InstrumentEngine.Score(Instrument, answers);
        foreach (var error in score.Errors)
        {
            var index = Instrument.Items.ToList().FindIndex(i => i.Key == error.Path) + 1;
            var item = Instrument.Items[index - 1];
            var message = answers[error.Path] is null && !unreadable.Contains(error.Path)
                ? $"Choose an answer to question {index}"
                : item.Scale is { } s
                    ? string.Create(CultureInfo.InvariantCulture, $"The answer to question {index} must be a whole number from {s.Min} to {s.Max}")
                    : $"Choose one of the answers offered for question {index}";
            ModelState.AddModelError($"Answers[{error.Path}]", message);
        }

        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        db.Actor = Actor;
        await checkIns.RecordAsync(PersonId, Instrument, answers, takenOn!.Value, Stage!.Value, User.Identity?.Name ?? "Staff", cancellationToken);
        if (ConnectionId is { } connectionId && await db.Connections.AnyAsync(c => c.Id == connectionId && c.PersonId == PersonId, cancellationToken))
        {
            return Redirect($"/people/{PersonId}/connections/{connectionId}");
        }

        return Redirect($"/people/{PersonId}/check-ins?instrument={Uri.EscapeDataString(Instrument.Key)}");
    }

    /// <summary>Plain label for a stage.</summary>
    public static string StageLabel(CheckInStage stage) => stage switch
    {
        CheckInStage.Start => "At the start",
        CheckInStage.FollowUp => "Along the way (follow-up)",
        CheckInStage.End => "At the end",
        _ => "Another time",
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(InstrumentKey))
        {
            Offered = (await catalogue.ListAsync(cancellationToken)).Where(i => i.RetiredAt is null).ToList();
            return true;
        }

        Instrument = await catalogue.GetAsync(InstrumentKey, cancellationToken: cancellationToken);
        if (Instrument is null)
        {
            return false;
        }

        foreach (var item in Instrument.Items)
        {
            Answers.TryAdd(item.Key, null);
        }

        return true;
    }
}
