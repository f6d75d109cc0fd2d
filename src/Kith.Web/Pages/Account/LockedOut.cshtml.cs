using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>Says the account is locked for a while after too many wrong passwords, and when to try again.</summary>
public class LockedOutModel(TimeProvider clock) : PageModel
{
    private const string UntilKey = "kith.locked-until";

    /// <summary>When the lock ends, in UK time, or null when not known.</summary>
    public string? Until { get; private set; }

    /// <summary>Whole minutes until the lock ends (at least 1), or null when not known.</summary>
    public int? Minutes { get; private set; }

    /// <summary>Sends the browser to this page, carrying the end of the lock.</summary>
    public static IActionResult RedirectTo(PageModel page, DateTimeOffset? lockoutEnd)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (lockoutEnd is { } end)
        {
            page.TempData[UntilKey] = end.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        return page.RedirectToPage("/Account/LockedOut");
    }

    public void OnGet()
    {
        if (TempData[UntilKey] is string ticks && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            var end = new DateTimeOffset(value, TimeSpan.Zero);
            var left = end - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                Minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
                Until = TimeZoneInfo.ConvertTime(end, UkTime).ToString("HH:mm", CultureInfo.InvariantCulture);
            }
        }
    }

    private static TimeZoneInfo UkTime { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;
}
