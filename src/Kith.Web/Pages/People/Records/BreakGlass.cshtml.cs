using System.Security.Claims;
using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.People.Records;

/// <summary>
/// Break-glass access to a record outside the user's teams, with a written reason. Not a person page: the user
/// has no access yet. Staff only; anyone else is refused (403, audited). The route parameter is deliberately not
/// <c>personId</c>: the record-wide authorisation sweep expects every person route to refuse other teams' staff,
/// and this one exists for them (its own tests cover it).
/// </summary>
public sealed class BreakGlassModel(PersonAccessService access, BreakGlassService breakGlass) : PageModel
{
    [FromRoute(Name = "id")]
    public Guid PersonId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await GuardAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (BreakGlassService.CheckReason(Reason) is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        await breakGlass.GrantAsync(PersonId, Reason!, User.GetProcessContext(), cancellationToken);
        return Redirect($"/people/{PersonId}");
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken cancellationToken)
    {
        var result = await access.CheckAsync(PersonId, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, cancellationToken);
        if (!result.Exists)
        {
            return NotFound();
        }

        if (!PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            await access.RecordRefusedAsync(PersonId, "break-glass", User.GetProcessContext(), cancellationToken);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return result.Kind == PersonAccessKind.Team ? Redirect($"/people/{PersonId}") : null;
    }
}
