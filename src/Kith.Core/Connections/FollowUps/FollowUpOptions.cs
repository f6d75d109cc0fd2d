namespace Kith.Core.Connections.FollowUps;

/// <summary>
/// When connections are followed up, bound from the <c>Connections</c> configuration section
/// (docs/adr/0022-follow-ups-without-nagging.md).
/// </summary>
public sealed class FollowUpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connections";

    /// <summary>The most follow-ups one connection can be given.</summary>
    public const int MaximumFollowUps = 10;

    /// <summary>The longest interval or quiet period, in days.</summary>
    public const int MaximumDays = 365;

    /// <summary>14 and 56 days: two weeks and eight weeks.</summary>
    public static IReadOnlyList<int> DefaultIntervals { get; } = [14, 56];

    /// <summary>
    /// Days after the connection was introduced (or passed on, for signpost only) at which each follow-up falls due,
    /// in increasing order. Empty or missing means <see cref="DefaultIntervals"/>. An array, not a list with defaults,
    /// because the configuration binder appends to a list's existing items instead of replacing them.
    /// </summary>
    public int[]? FollowUpIntervals { get; set; }

    /// <summary>No reminder for a follow-up that falls due within this many days after the connection was last followed up (0 turns it off).</summary>
    public int FollowUpQuietDays { get; set; } = 7;

    /// <summary>A connection declined or that did not work out shows under "Needs a call" for this many days, unless followed up since.</summary>
    public int RecentlyEndedDays { get; set; } = 28;

    /// <summary>The intervals in force.</summary>
    public IReadOnlyList<int> Intervals => FollowUpIntervals is { Length: > 0 } configured ? configured : DefaultIntervals;

    /// <summary>Plain-words problems with the values, empty when they are all in range.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var intervals = Intervals;
        if (intervals.Count > MaximumFollowUps)
        {
            problems.Add($"Connections:FollowUpIntervals can hold at most {MaximumFollowUps} follow-ups; it has {intervals.Count}.");
        }

        if (intervals.Any(d => d is < 1 or > MaximumDays))
        {
            problems.Add($"Each of Connections:FollowUpIntervals must be a whole number of days from 1 to {MaximumDays}.");
        }

        if (intervals.Zip(intervals.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add("Connections:FollowUpIntervals must be in increasing order, each later than the one before.");
        }

        if (FollowUpQuietDays is < 0 or > MaximumDays)
        {
            problems.Add($"Connections:FollowUpQuietDays must be a whole number of days from 0 to {MaximumDays}.");
        }

        if (RecentlyEndedDays is < 1 or > MaximumDays)
        {
            problems.Add($"Connections:RecentlyEndedDays must be a whole number of days from 1 to {MaximumDays}.");
        }

        return problems;
    }
}
