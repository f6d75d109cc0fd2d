using Kith.Core.Directory.Stewardship;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Moderation;

/// <summary>The moderation queue: the public's proposals, oldest first. Shows no personal data.</summary>
public sealed class IndexModel(ModerationService moderation) : PageModel
{
    public ModerationQueue Queue { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await moderation.GetQueueAsync(cancellationToken);
}
