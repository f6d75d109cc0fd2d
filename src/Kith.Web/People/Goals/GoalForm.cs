using Kith.Core.People;
using Kith.Core.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.People.Goals;

/// <summary>What the goal form posts. Strings, so whatever was typed comes back on an error or a conflict.</summary>
public sealed class GoalInput
{
    /// <summary>The value of the "written by the person" checkbox.</summary>
    public const string WrittenByPersonValue = "written-by-person";

    public string? Words { get; set; }

    public string? WhyItMatters { get; set; }

    public GoalStatus Status { get; set; }

    public List<string> Marks { get; set; } = [];

    public bool? UsesAttainmentScale { get; set; }

    public string?[] Levels { get; set; } = new string?[5];

    public static GoalInput From(Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new()
        {
            Words = goal.Words,
            WhyItMatters = goal.WhyItMatters,
            Status = goal.Status,
            Marks = goal.WrittenByPerson ? [WrittenByPersonValue] : [],
            UsesAttainmentScale = goal.UsesAttainmentScale,
            Levels = [goal.MuchLessThanExpected, goal.LessThanExpected, goal.Expected, goal.MoreThanExpected, goal.MuchMoreThanExpected],
        };
    }

    /// <summary>The details to save, adding any errors to <paramref name="modelState"/> under "Input.*".</summary>
    public GoalDetails ToDetails(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var levels = new string?[5];
        Array.Copy(Levels, levels, Math.Min(5, Levels.Length));
        var details = new GoalDetails
        {
            Words = Words ?? string.Empty,
            WhyItMatters = WhyItMatters,
            Status = Status,
            WrittenByPerson = Marks.Contains(WrittenByPersonValue, StringComparer.Ordinal),
            UsesAttainmentScale = UsesAttainmentScale == true,
            Levels = levels,
        };
        foreach (var (field, message) in GoalService.Validate(details))
        {
            modelState.AddModelError($"Input.{field}", message);
        }

        return details;
    }
}

/// <summary>Dates as people in the UK see them.</summary>
public static class UkDate
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Today in Europe/London.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));
    }

    /// <summary>For example "3 December 2026".</summary>
    public static string Show(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Reads an optional or required date, adding a clear error under <paramref name="key"/>.</summary>
    public static DateOnly? Read(DateInput? input, string key, string what, bool required, DateOnly? notAfter, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (input is null || input.IsEmpty)
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {what}");
            }

            return null;
        }

        if (!input.TryGetDate(out var date))
        {
            modelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date, for example 27 3 2026");
            return null;
        }

        if (notAfter is { } last && date > last)
        {
            modelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be today or in the past");
            return null;
        }

        return date;
    }
}
