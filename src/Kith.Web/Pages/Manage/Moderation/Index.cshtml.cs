using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Moderation;

/// <summary>The moderation queue: the public's proposals, oldest first (a community editor sees only those on their organisations' listings). Shows no personal data.</summary>
public sealed class IndexModel(ModerationService moderation) : PageModel
{
    public ModerationQueue Queue { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await moderation.GetQueueAsync(await HttpContext.GetListingScopeAsync(cancellationToken), cancellationToken);
}
