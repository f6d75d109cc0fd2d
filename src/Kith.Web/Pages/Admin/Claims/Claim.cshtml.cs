using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Claims;

/// <summary>One claim, for an administrator to approve or deny. Each read of the claimant's details is audited.</summary>
public sealed class ClaimModel(ClaimService claims, ClaimedListings claimed) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ListingClaim Claim { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var decision = await claims.ApproveAsync(
            Id,
            AccountLinks.Absolute(HttpContext, AccountLinks.ResetPassword),
            AccountLinks.Absolute(HttpContext, AccountLinks.SignIn),
            User.GetProcessContext(),
            cancellationToken);
        if (!decision.Succeeded)
        {
            return await RefusedAsync(decision.Errors, cancellationToken);
        }

        claimed.Forget();
        Notice = decision.AccountCreated
            ? $"Approved. We have made an account for {Claim.ClaimantName} and emailed them a link to choose a password."
            : $"Approved. {Claim.ClaimantName}'s account can now edit listings, and we have emailed them.";
        return Redirect("/admin/claims");
    }

    public async Task<IActionResult> OnPostDenyAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are denying the claim");
        }
        else if (reason.Length > ListingClaim.ReasonLimit)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        }

        if (ModelState.ErrorCount > 0)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var decision = await claims.DenyAsync(Id, reason!, User.GetProcessContext(), cancellationToken);
        if (!decision.Succeeded)
        {
            return await RefusedAsync(decision.Errors, cancellationToken);
        }

        Notice = "Denied. We have emailed the claimant your reason.";
        return Redirect("/admin/claims");
    }

    private async Task<IActionResult> RefusedAsync(IEnumerable<string> errors, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        foreach (var error in errors)
        {
            ModelState.AddModelError("decide", error.TrimEnd('.'));
        }

        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await claims.ReadAsync(Id, User.GetProcessContext(), cancellationToken) is not { } claim)
        {
            return false;
        }

        Claim = claim;
        return true;
    }
}
