using Kith.Core.Connections.Referrals;
using Kith.Core.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Admin.FhirClients;

/// <summary>
/// Referrers' OAuth2 clients for the FHIR API (administrators): issue one (its secret is shown on this response
/// only, never again), see them all, revoke one.
/// </summary>
public sealed class IndexModel(ReferrerClientService clients, KithDbContext db) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public IReadOnlyList<ReferrerClientSummary> Clients { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    /// <summary>Set on the response that issued a client: the only time its secret is shown.</summary>
    public IssuedClient? Issued { get; private set; }

    public string? IssuedName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Enter the name of the organisation that will send referrals");
        }
        else if (name.Length > ReferrerClientService.NameLimit)
        {
            ModelState.AddModelError("Input.Name", $"The name must be {ReferrerClientService.NameLimit} characters or fewer");
        }

        if (!Guid.TryParse(Input.TeamId, out var teamId) || !await db.Teams.AnyAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken))
        {
            ModelState.AddModelError("Input.TeamId", "Select the team that will work with the people referred");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Issued = await clients.IssueAsync(name!, teamId, User.GetProcessContext(), cancellationToken);
        IssuedName = name;
        Input = new ClientInput();
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = await clients.RevokeAsync(id, User.GetProcessContext(), cancellationToken)
            ? "Access is revoked for this system. Its tokens stopped working at once."
            : "Access was already revoked for that system.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clients = await clients.ListAsync(cancellationToken);
        Teams = (await db.Teams.AsNoTracking().Where(t => t.ArchivedAt == null).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => (t.Id, t.Name)).ToList();
    }

    public sealed class ClientInput
    {
        public string? Name { get; set; }

        public string? TeamId { get; set; }
    }
}
