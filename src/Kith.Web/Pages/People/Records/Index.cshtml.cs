using System.Security.Claims;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.People.Records;

/// <summary>The caseload: the people the user's teams work with, 50 a page, with search and an open/closed filter.</summary>
public sealed class IndexModel(CaseloadQuery caseload) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseloadFilter Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CaseloadPage Result { get; private set; } = null!;

    public string PageHref => $"/people?q={Uri.EscapeDataString(Q ?? string.Empty)}&status={Status}&page={{0}}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        Result = await caseload.GetAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, Q, Status, PageNumber, cancellationToken: cancellationToken);
        return Page();
    }
}
