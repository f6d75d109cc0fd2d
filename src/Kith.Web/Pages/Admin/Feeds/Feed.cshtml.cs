using Kith.Core.Directory.Interchange;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Feeds;

/// <summary>One feed: its status, last report and failure, with pull now, pause and remove (administrators).</summary>
public sealed class FeedModel(DirectoryFeeds feeds) : PageModel
{
    public DirectoryFeed Feed { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await feeds.GetAsync(id, cancellationToken) is not { } feed)
        {
            return NotFound();
        }

        Feed = feed;
        return Page();
    }

    public async Task<IActionResult> OnPostPullAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await feeds.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await feeds.PullNowAsync(id, User.GetProcessContext(), cancellationToken);
        Notice = "The pull starts within a minute. Refresh this page to see how it went.";
        return Redirect($"/admin/feeds/{id}");
    }

    public async Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await feeds.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await feeds.PauseAsync(id, User.GetProcessContext(), cancellationToken);
        Notice = "The feed is paused. Pull now starts it again.";
        return Redirect($"/admin/feeds/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await feeds.GetAsync(id, cancellationToken) is not { } feed)
        {
            return NotFound();
        }

        await feeds.RemoveAsync(id, User.GetProcessContext(), cancellationToken);
        TempData["Notice"] = $"{feed.Name} was removed. The services it imported stay in the directory.";
        return Redirect("/admin/feeds");
    }
}
