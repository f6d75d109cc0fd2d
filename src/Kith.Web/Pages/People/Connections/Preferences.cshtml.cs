using System.Globalization;
using Kith.Core.Connections;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Connections;

/// <summary>The parts of each day a person is free, as posted: one list of parts per day.</summary>
public sealed class FreeTimesInput
{
    public List<DayPart> Monday { get; set; } = [];

    public List<DayPart> Tuesday { get; set; } = [];

    public List<DayPart> Wednesday { get; set; } = [];

    public List<DayPart> Thursday { get; set; } = [];

    public List<DayPart> Friday { get; set; } = [];

    public List<DayPart> Saturday { get; set; } = [];

    public List<DayPart> Sunday { get; set; } = [];

    /// <summary>Monday first, as people read a week.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public List<DayPart> On(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };

    public static FreeTimesInput From(FreeTimes times)
    {
        var input = new FreeTimesInput();
        foreach (var day in Week)
        {
            input.On(day).AddRange(Enum.GetValues<DayPart>().Where(p => times.IsFree(day, p)));
        }

        return input;
    }

    public FreeTimes ToFreeTimes() =>
        Week.Aggregate(FreeTimes.None, (times, day) => On(day).Where(Enum.IsDefined).Aggregate(times, (t, part) => t.With(day, part)));
}

/// <summary>
/// The person's connecting preferences: how far they will travel, when they are free, what they can pay and the
/// access they need. The matcher ranks suggestions with them. Saved from the version shown, so two people editing
/// at once do not overwrite each other.
/// </summary>
public sealed class PreferencesModel(ConnectionService connections) : PersonPageModel
{
    /// <summary>The most a cost limit can be, in pounds.</summary>
    public const decimal MaxCostLimit = 1000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected override string RecordPart => "connecting-preferences";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? TravelKm { get; set; }

    [BindProperty]
    public FreeTimesInput Free { get; set; } = new();

    [BindProperty]
    public string? CostLimit { get; set; }

    [BindProperty]
    public List<AccessibilityFeature> AccessNeeds { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var saved = await connections.PreferencesAsync(PersonId, Actor, cancellationToken);
        Show(saved);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        double? travel = null;
        if (!string.IsNullOrWhiteSpace(TravelKm))
        {
            if (double.TryParse(TravelKm.Trim(), NumberStyles.Float, Invariant, out var km) && km is >= 0.1 and <= AssetSearchCriteria.MaxRadiusKm)
            {
                travel = km;
            }
            else
            {
                ModelState.AddModelError(nameof(TravelKm), string.Create(Invariant, $"Enter how far they will travel as a number of kilometres from 0.1 to {AssetSearchCriteria.MaxRadiusKm:0}, for example 5"));
            }
        }

        decimal? cost = null;
        if (!string.IsNullOrWhiteSpace(CostLimit))
        {
            var text = CostLimit.Trim().TrimStart('£');
            if (decimal.TryParse(text, NumberStyles.Number, Invariant, out var pounds) && pounds is >= 0 and <= MaxCostLimit && decimal.Round(pounds, 2) == pounds)
            {
                cost = pounds;
            }
            else
            {
                ModelState.AddModelError(nameof(CostLimit), string.Create(Invariant, $"Enter the most they can pay for one session in pounds, from 0 to {MaxCostLimit:0}, for example 0 for free things only or 5.50"));
            }
        }

        if (AccessNeeds.Any(a => !Enum.IsDefined(a)))
        {
            ModelState.AddModelError(nameof(AccessNeeds), "Choose access needs from the list");
        }

        if (ModelState.IsValid)
        {
            if (await connections.SavePreferencesAsync(PersonId, Version, travel, Free.ToFreeTimes(), cost, AccessNeeds.Distinct().ToList(), Actor, cancellationToken))
            {
                Notice = $"{Person.DisplayName}'s connecting preferences are saved. The suggestions below use them.";
                return Redirect($"/people/{PersonId}/connections");
            }

            var current = await connections.PreferencesAsync(PersonId, Actor, cancellationToken);
            Version = current?.Version ?? 0;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(nameof(TravelKm), "Someone changed these preferences since you opened them. Check the form against what they told you and save again");
            var conflict = Page();
            conflict.StatusCode = StatusCodes.Status409Conflict;
            return conflict;
        }

        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>"Morning", "Afternoon", "Evening".</summary>
    public static string PartLabel(DayPart part) => part switch
    {
        DayPart.Morning => "Morning",
        DayPart.Afternoon => "Afternoon",
        _ => "Evening",
    };

    private void Show(ConnectingPreferences? saved)
    {
        Version = saved?.Version ?? 0;
        TravelKm = saved?.TravelKm?.ToString("0.##", Invariant);
        CostLimit = saved?.CostLimit?.ToString("0.##", Invariant);
        Free = FreeTimesInput.From(saved?.FreeTimes ?? FreeTimes.None);
        AccessNeeds = saved?.AccessNeeds.ToList() ?? [];
    }
}
