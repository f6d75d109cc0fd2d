using System.Globalization;
using Kith.Core.Directory.Freshness;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.DirectoryFreshness;

/// <summary>
/// When listings get review reminders, and where every listing stands in the cycle (administrators; the
/// /Admin folder is authorised for them). See docs/guides/stewards/freshness.md.
/// </summary>
public sealed class IndexModel(ListingReviewService reviews) : PageModel
{
    [BindProperty]
    public string? Months { get; set; }

    [BindProperty]
    public string? GapDays { get; set; }

    [BindProperty]
    public string? FinalWaitDays { get; set; }

    public FreshnessOverview Overview { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await reviews.GetOverviewAsync(cancellationToken);
        Months = Text(Overview.Settings.MonthsUntilReview);
        GapDays = Text(Overview.Settings.DaysBetweenReminders);
        FinalWaitDays = Text(Overview.Settings.DaysBeforeOverdue);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var months = Parse(nameof(Months), Months, FreshnessSettings.MaximumMonths, "Enter the months before the first reminder as a whole number from 1 to {0}, for example 12");
        var gap = Parse(nameof(GapDays), GapDays, FreshnessSettings.MaximumDays, "Enter the days between reminders as a whole number from 1 to {0}, for example 14");
        var wait = Parse(nameof(FinalWaitDays), FinalWaitDays, FreshnessSettings.MaximumDays, "Enter the days after the third reminder as a whole number from 1 to {0}, for example 14");
        if (!ModelState.IsValid || months is null || gap is null || wait is null)
        {
            Overview = await reviews.GetOverviewAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await reviews.SetSettingsAsync(new FreshnessSettings(months.Value, gap.Value, wait.Value), User.GetProcessContext(), cancellationToken);
        Done = string.Create(CultureInfo.InvariantCulture, $"Saved. Listings not checked for {months} months get a first reminder, then one every {gap} days, and count as overdue {wait} days after the third.");
        return RedirectToPage();
    }

    private int? Parse(string field, string? text, int maximum, string message)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= maximum)
        {
            return value;
        }

        ModelState.AddModelError(field, string.Format(CultureInfo.InvariantCulture, message, maximum));
        return null;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
