using System.Security.Claims;
using Kith.Core.Platform.Accounts;
using Kith.Core.People.Records;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.People.Records;

/// <summary>Managers review the break-glass accesses to the people their teams work with.</summary>
public sealed class BreakGlassReviewModel(BreakGlassService breakGlass) : PageModel
{
    public IReadOnlyList<BreakGlassSummary> Accesses { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid AccessId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(KithRoles.Manager))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Accesses = await breakGlass.UnreviewedForManagerAsync(UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(KithRoles.Manager))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Note?.Trim().Length > BreakGlassService.ReviewNoteLimit)
        {
            ModelState.AddModelError(nameof(Note), $"Note must be {BreakGlassService.ReviewNoteLimit} characters or fewer");
            Accesses = await breakGlass.UnreviewedForManagerAsync(UserId, cancellationToken);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        if (!await breakGlass.ReviewAsync(AccessId, UserId, Note, User.GetProcessContext(), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/people/break-glass");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
