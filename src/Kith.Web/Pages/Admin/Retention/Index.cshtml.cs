using Kith.Core.People.Erasure;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Retention;

/// <summary>How many months after a record is closed it is erased automatically (administrators).</summary>
public sealed class IndexModel(PersonRetentionService retention) : PageModel
{
    [BindProperty]
    public string? Months { get; set; }

    public int? Current { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await retention.GetMonthsAsync(cancellationToken);
        Months = Current?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? months = null;
        if (!string.IsNullOrWhiteSpace(Months))
        {
            if (!int.TryParse(Months.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
                || m < 1 || m > PersonRetentionService.MaximumMonths)
            {
                ModelState.AddModelError(nameof(Months), $"Enter a whole number of months from 1 to {PersonRetentionService.MaximumMonths}, or leave it empty to keep records until someone erases them");
                Current = await retention.GetMonthsAsync(cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            months = m;
        }

        await retention.SetMonthsAsync(months, User.GetProcessContext(), cancellationToken);
        Done = months is null ? "Closed records are now kept until someone erases them." : $"Closed records are now erased {months} months after they were closed.";
        return RedirectToPage();
    }
}
