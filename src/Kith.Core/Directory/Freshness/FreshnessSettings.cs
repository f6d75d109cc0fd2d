namespace Kith.Core.Directory.Freshness;

/// <summary>
/// When review reminders go out: after <see cref="MonthsUntilReview"/> months without verification the
/// first, then one every <see cref="DaysBetweenReminders"/> days up to three, and
/// <see cref="DaysBeforeOverdue"/> days after the third the listing counts as overdue.
/// Kept in SystemSettings under <see cref="MonthsKey"/>, <see cref="GapKey"/> and <see cref="FinalWaitKey"/>.
/// </summary>
public sealed record FreshnessSettings(int MonthsUntilReview, int DaysBetweenReminders, int DaysBeforeOverdue)
{
    public const string MonthsKey = "directory.review-months";
    public const string GapKey = "directory.review-reminder-gap-days";
    public const string FinalWaitKey = "directory.review-final-wait-days";

    public const int MaximumMonths = 120;
    public const int MaximumDays = 180;

    /// <summary>How many reminders are sent before a listing counts as overdue.</summary>
    public const int Reminders = 3;

    /// <summary>12 months, then two weeks between reminders and two weeks after the last.</summary>
    public static FreshnessSettings Default { get; } = new(12, 14, 14);

    /// <summary>Plain-words problems with the values, empty when they are all in range.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MonthsUntilReview is < 1 or > MaximumMonths)
        {
            problems.Add($"Months before the first reminder must be a whole number from 1 to {MaximumMonths}.");
        }

        if (DaysBetweenReminders is < 1 or > MaximumDays)
        {
            problems.Add($"Days between reminders must be a whole number from 1 to {MaximumDays}.");
        }

        if (DaysBeforeOverdue is < 1 or > MaximumDays)
        {
            problems.Add($"Days after the third reminder must be a whole number from 1 to {MaximumDays}.");
        }

        return problems;
    }
}
