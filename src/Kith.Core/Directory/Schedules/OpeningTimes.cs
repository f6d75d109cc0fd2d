namespace Kith.Core.Directory.Schedules;

/// <summary>Schedules in plain words, and whether an asset runs at a given time.</summary>
public static class OpeningTimes
{
    /// <summary>One schedule in words, e.g. "Tuesdays 10:00 to 12:00, weekly" or "First Monday of the month, 18:30 to 20:00".</summary>
    public static string Describe(Schedule schedule) => throw new NotImplementedException("Being built on the search branch.");
}
