using System.Globalization;

namespace Kith.Web.People.AboutMe;

/// <summary>Dates as people read them in the UK, for About Me and conversations.</summary>
public static class AboutMeDates
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));
    }

    /// <summary>For example "3 December 2026", from a UTC instant.</summary>
    public static string Long(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("d MMMM yyyy", EnGb);

    /// <summary>For example "3 December 2026".</summary>
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);
}
