using Kith.Core.Directory.Interchange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Feeds;

/// <summary>Every registered directory feed and how its pulls are going (administrators).</summary>
public sealed class IndexModel(DirectoryFeeds feeds) : PageModel
{
    public IReadOnlyList<DirectoryFeed> Feeds { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Feeds = await feeds.ListAsync(cancellationToken);
}

/// <summary>A feed's state in a few words, the same on the list and on the feed's page.</summary>
public static class FeedStatus
{
    public static string Describe(DirectoryFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (feed.Paused)
        {
            return "Paused";
        }

        if (feed.ConsecutiveFailures > 0)
        {
            return feed.ConsecutiveFailures == 1 ? "Last pull failed: retrying" : $"Failing: {feed.ConsecutiveFailures} pulls in a row";
        }

        return feed.LastSuccessAt is null ? "Waiting for its first pull" : "Working";
    }
}
