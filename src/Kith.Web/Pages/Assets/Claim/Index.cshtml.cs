using Kith.Core.Data;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.Pages.Assets.Suggest;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Assets.Claim;

/// <summary>"Is this your organisation?": anyone can claim the listings of the organisation that runs an asset. No account is needed.</summary>
public sealed class IndexModel(KithDbContext db, ClaimService claims, SubmissionRateLimiter limiter) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    [BindProperty(Name = ProposalValidation.HoneypotField)]
    public string? Honeypot { get; set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public bool AlreadyClaimed { get; private set; }

    private Guid organizationId;

    public sealed class ClaimInput
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Role { get; set; }

        public string? Evidence { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Honeypot))
        {
            return RedirectToPage("/Assets/Claim/Sent");
        }

        var name = Input.Name?.Trim();
        var email = Input.Email?.Trim();
        var role = Input.Role?.Trim();
        var evidence = Input.Evidence?.Trim();
        Check(name, nameof(ClaimInput.Name), "Enter your full name", ListingClaim.NameLimit, "Your name");
        Check(email, nameof(ClaimInput.Email), "Enter your work email address", ListingClaim.EmailLimit, "Email address");
        if (!string.IsNullOrEmpty(email) && email.Length <= ListingClaim.EmailLimit && !ProposalValidation.IsEmail(email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address in the correct format, like name@example.org");
        }

        Check(role, nameof(ClaimInput.Role), "Enter your role at the organisation", ListingClaim.RoleLimit, "Your role");
        Check(evidence, nameof(ClaimInput.Evidence), "Tell us how we can check that you work or volunteer there", ListingClaim.EvidenceLimit, "How we can check");
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!limiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError("Input.Name", ProposalValidation.TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await claims.SubmitAsync(new ClaimRequest(organizationId, name!, email!, role!, evidence!), HttpContext.GetProcessContext(), cancellationToken);
        return result switch
        {
            ClaimSubmitResult.NoSuchOrganisation => NotFound(),
            ClaimSubmitResult.AlreadyPending => RedirectToPage("/Assets/Claim/Sent", new { already = "yes" }),
            _ => RedirectToPage("/Assets/Claim/Sent"),
        };
    }

    private void Check(string? value, string field, string missing, int limit, string label)
    {
        if (string.IsNullOrEmpty(value))
        {
            ModelState.AddModelError($"Input.{field}", missing);
        }
        else if (value.Length > limit)
        {
            ModelState.AddModelError($"Input.{field}", $"{label} must be {limit:N0} characters or fewer");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await db.CommunityAssets.AsNoTracking()
            .Where(a => a.Id == Id && a.ArchivedAt == null && a.Organization != null)
            .Select(a => new { a.Organization!.Id, a.Organization.Name, a.Organization.ClaimedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        organizationId = found.Id;
        OrganizationName = found.Name;
        AlreadyClaimed = found.ClaimedAt is not null;
        return true;
    }
}
