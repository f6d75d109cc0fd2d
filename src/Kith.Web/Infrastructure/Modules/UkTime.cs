using System.Globalization;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Shows UTC instants in UK time (Europe/London) for people to read.</summary>
internal static class UkTime
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>For example "23 Nov 2026, 17:05".</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
