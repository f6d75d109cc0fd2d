using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kith.Core.Data;
using Kith.Core.Directory.Interchange;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Jobs;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Feeds;

/// <summary>Serves whatever the test says next, and remembers what was asked for.</summary>
internal sealed class StubFeedServer : HttpMessageHandler
{
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer { get; set; } =
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));

    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        return Answer(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        // The factory may drop its handler; the test keeps using this one.
    }

    public static HttpResponseMessage Json(JsonNode body) => new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}

/// <summary>The app with the job runner left to the test and feeds answered by <see cref="Feed"/>.</summary>
public sealed class FeedsWebFactory : KithWebFactory
{
    internal StubFeedServer Feed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Feeds:TimeoutSeconds", "1");
        builder.ConfigureTestServices(services => services.AddHttpClient<FeedPullHandler>().ConfigurePrimaryHttpMessageHandler(() => Feed));
    }
}

public sealed class FeedAdminTests(FeedsWebFactory factory) : IClassFixture<FeedsWebFactory>
{
    private static JsonObject Service(int n, string name) => new()
    {
        ["id"] = $"feed-svc-{n}",
        ["name"] = name,
        ["status"] = "active",
        ["organization"] = new JsonObject { ["id"] = "feed-org", ["name"] = "Feed organisation" },
    };

    private static JsonObject Page(int page, int totalPages, params JsonObject[] services) => new()
    {
        ["total_items"] = 3,
        ["total_pages"] = totalPages,
        ["page_number"] = page,
        ["size"] = services.Length,
        ["first_page"] = page == 1,
        ["last_page"] = page == totalPages,
        ["empty"] = services.Length == 0,
        ["contents"] = new JsonArray([.. services]),
    };

    private async Task<int> RunDueJobsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<JobRunner>();
        return await runner.RunDueAsync("test-node", factory.Services.GetRequiredService<IServiceScopeFactory>());
    }

    private async Task<T> WithDbAsync<T>(Func<KithDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDbContext>());
    }

    [Fact]
    public async Task A_feed_that_fails_is_retried_with_backoff_shows_why_and_leaves_records_unchanged()
    {
        var admin = await factory.CreateUserAsync(KithRoles.Administrator);
        using var client = factory.CreateClient();
        await client.SignInAsync(admin);

        var bad = await client.PostFormAsync("/admin/feeds/new", new() { ["Input.Name"] = "Test council", ["Input.Url"] = "ftp://feeds.example.org/services", ["Input.IntervalHours"] = "24" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Enter a web address that starts with https:// or http://", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var registered = await client.PostFormAsync("/admin/feeds/new", new() { ["Input.Name"] = "Test council", ["Input.Url"] = "https://feeds.example.org/oruk/services", ["Input.IntervalHours"] = "24" });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var feedUrl = registered.RequestMessage!.RequestUri!.AbsolutePath;
        var feedId = Guid.Parse(feedUrl.Split('/')[^1]);

        // First pull: the feed answers 500.
        factory.Feed.Answer = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var before = DateTime.UtcNow;
        Assert.Equal(1, await RunDueJobsAsync());
        var page = await client.GetStringAsync(feedUrl);
        Assert.Contains("The last pull failed", page, StringComparison.Ordinal);
        Assert.Contains("answered 500", page, StringComparison.Ordinal);
        var job = await WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Payload == feedId.ToString() && j.CompletedAt == null));
        Assert.Equal(1, job.Attempts);
        Assert.InRange(job.RunAfter, before.AddSeconds(55), DateTime.UtcNow.AddSeconds(65));
        Assert.Equal(0, await RunDueJobsAsync()); // not due again until the backoff has passed

        // Pull now: this time the feed does not answer within the timeout.
        factory.Feed.Answer = async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };
        await client.PostFormAsync(feedUrl + "?handler=pull", []);
        before = DateTime.UtcNow;
        Assert.Equal(1, await RunDueJobsAsync());
        page = await client.GetStringAsync(feedUrl);
        Assert.Contains("did not answer within 1 seconds", page, StringComparison.Ordinal);
        job = await WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Payload == feedId.ToString() && j.CompletedAt == null));
        Assert.Equal(2, job.Attempts);
        Assert.InRange(job.RunAfter, before.AddMinutes(5).AddSeconds(-5), DateTime.UtcNow.AddMinutes(5).AddSeconds(5));
        var feed = await WithDbAsync(db => db.DirectoryFeeds.AsNoTracking().SingleAsync(f => f.Id == feedId));
        Assert.Equal(2, feed.ConsecutiveFailures);
        Assert.Null(feed.ModifiedAfter);

        // Pull now: two pages, then success.
        factory.Feed.Requests.Clear();
        factory.Feed.Answer = (request, _) => Task.FromResult(StubFeedServer.Json(request.RequestUri!.Query.Contains("page=1", StringComparison.Ordinal)
            ? Page(1, 2, Service(1, "Lunch club"), Service(2, "Choir"))
            : Page(2, 2, Service(3, "Men's shed"))));
        await client.PostFormAsync(feedUrl + "?handler=pull", []);
        Assert.Equal(1, await RunDueJobsAsync());
        Assert.Equal(2, factory.Feed.Requests.Count);
        Assert.All(factory.Feed.Requests, r => Assert.DoesNotContain("modified_after", r.Query, StringComparison.Ordinal));
        Assert.Contains("full=true", factory.Feed.Requests[0].Query, StringComparison.Ordinal);
        page = await client.GetStringAsync(feedUrl);
        Assert.DoesNotContain("The last pull failed", page, StringComparison.Ordinal);
        Assert.Contains("3 added, 0 updated, 0 unchanged, 0 rejected", page, StringComparison.Ordinal);
        feed = await WithDbAsync(db => db.DirectoryFeeds.AsNoTracking().SingleAsync(f => f.Id == feedId));
        Assert.Equal(0, feed.ConsecutiveFailures);
        Assert.NotNull(feed.ModifiedAfter);
        var next = await WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Payload == feedId.ToString() && j.CompletedAt == null));
        Assert.InRange(next.RunAfter, DateTime.UtcNow.AddHours(23.9), DateTime.UtcNow.AddHours(24.1));
        var stored = await WithDbAsync(db => db.CommunityAssets.AsNoTracking().Where(a => a.SourceKey == "feeds.example.org")
            .OrderBy(a => a.SourceId).Select(a => new { a.SourceId, a.Name, a.Version, a.LastModified }).ToListAsync());
        Assert.Equal(3, stored.Count);

        // A 500 after the success: nothing already imported changes.
        factory.Feed.Answer = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        await client.PostFormAsync(feedUrl + "?handler=pull", []);
        Assert.Equal(1, await RunDueJobsAsync());
        var after = await WithDbAsync(db => db.CommunityAssets.AsNoTracking().Where(a => a.SourceKey == "feeds.example.org")
            .OrderBy(a => a.SourceId).Select(a => new { a.SourceId, a.Name, a.Version, a.LastModified }).ToListAsync());
        Assert.Equal(stored, after);
        Assert.Contains("The last pull failed", await client.GetStringAsync(feedUrl), StringComparison.Ordinal);

        // The next good pull asks only for changes since the watermark.
        factory.Feed.Requests.Clear();
        factory.Feed.Answer = (_, _) => Task.FromResult(StubFeedServer.Json(Page(1, 1, Service(2, "Community choir"))));
        await client.PostFormAsync(feedUrl + "?handler=pull", []);
        Assert.Equal(1, await RunDueJobsAsync());
        Assert.Contains("modified_after=", Assert.Single(factory.Feed.Requests).Query, StringComparison.Ordinal);
        Assert.Contains("0 added, 1 updated, 0 unchanged, 0 rejected", await client.GetStringAsync(feedUrl), StringComparison.Ordinal);
        Assert.Equal("Community choir", await WithDbAsync(db => db.CommunityAssets.AsNoTracking().Where(a => a.SourceId == "feed-svc-2").Select(a => a.Name).SingleAsync()));

        var list = await client.GetStringAsync("/admin/feeds");
        Assert.Contains("Test council", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_see_feeds()
    {
        var editor = await factory.CreateUserAsync(KithRoles.Practitioner);
        using var client = factory.CreateClient();
        await client.SignInAsync(editor);
        var response = await client.GetAsync("/admin/feeds");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
