using Kith.Core.Directory.Stewardship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Claims;

/// <summary>Claims on organisations' listings waiting for an administrator, oldest first. Shows no claimant's personal data.</summary>
public sealed class IndexModel(ClaimService claims) : PageModel
{
    public ClaimQueue Queue { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await claims.GetQueueAsync(cancellationToken);
}
