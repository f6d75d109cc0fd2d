using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Directory;
using Kith.Core.Directory.Freshness;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Freshness;

/// <summary>The "still correct" page, the administrators' freshness page and the "not checked since" notice.</summary>
public sealed partial class FreshnessPagesTests : IClassFixture<FreshnessPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public FreshnessPagesTests(Fixture fixture) => this.fixture = fixture;

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Administrator { get; private set; } = null!;

        public TestUser Practitioner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _ = Factory.Server;
            Administrator = await Factory.CreateUserAsync(KithRoles.Administrator);
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [GeneratedRegex(@"/review/([A-Za-z0-9_-]+)")]
    private static partial Regex ReviewLink();

    private static readonly DateOnly LongAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2);

    /// <summary>A listing not checked for two years, with its own email address, in the database and the index.</summary>
    private static async Task<Guid> AddStaleListingAsync(KithWebFactory factory, string name, string email)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = $"{name} Trust", LastModified = DateTime.UtcNow };
            var asset = new CommunityAsset
            {
                Name = name,
                OrganizationId = organization.Id,
                Email = email,
                Description = "Bowls on the green, then tea.",
                LastVerifiedOn = LongAgo,
                CreatedAt = DateTime.UtcNow.AddYears(-3),
                LastModified = DateTime.UtcNow.AddYears(-2),
            };
            db.Organizations.Add(organization);
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        await RefreshIndexAsync(factory, id);
        return id;
    }

    private static async Task RefreshIndexAsync(KithWebFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AssetSearchIndex>()
            .RefreshAsync(scope.ServiceProvider.GetRequiredService<Kith.Core.Data.KithDbContext>(), id, CancellationToken.None);
    }

    /// <summary>Runs the day's sweep and returns the path of the "still correct" link emailed to <paramref name="email"/>.</summary>
    private static async Task<string> SweepAndReadLinkAsync(KithWebFactory factory, string email)
    {
        var outcome = await factory.Services.GetRequiredService<ListingReviewSweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.NotNull(outcome);
        var body = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).Select(m => m.Body).SingleAsync());
        return "/review/" + ReviewLink().Match(body).Groups[1].Value;
    }

    [Fact]
    public async Task Opening_the_link_confirms_nothing_and_the_button_confirms_the_listing()
    {
        var f = fixture.Factory;
        var id = await AddStaleListingAsync(f, "Green Lane bowls", "bowls@example.org");
        var link = await SweepAndReadLinkAsync(f, "bowls@example.org");
        using var client = f.CreateClient();

        // A GET, as a link scanner would send, shows the details and changes nothing.
        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Green Lane bowls", html, StringComparison.Ordinal);
        Assert.Contains("Yes, these details are still correct", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assets/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
        var untouched = await f.WithDbAsync(db => db.CommunityAssets.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(LongAgo, untouched.LastVerifiedOn);
        Assert.Equal(1, untouched.ReviewRemindersSent);

        // A POST without the antiforgery token is refused.
        using (var bare = new FormUrlEncodedContent(new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(link, bare)).StatusCode);
        }

        var confirmed = await client.PostFormAsync(link, new(), html);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(link, confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Thank you", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var asset = await f.WithDbAsync(db => db.CommunityAssets.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ListingReviewService.UkDate(DateTime.UtcNow), asset.LastVerifiedOn);
        Assert.Equal(0, asset.ReviewRemindersSent);
        Assert.Equal(untouched.Version + 1, asset.Version);
        Assert.True(await f.WithDbAsync(db => db.AssetRevisions.AnyAsync(r => r.AssetId == id && r.Summary == ListingReviewService.ConfirmedSummary && r.ActorName == Kith.Web.Pages.Review.IndexModel.AnonymousActor)));

        // The same link again says it is done, and posting again changes nothing more.
        var again = await client.GetStringAsync(link);
        Assert.Contains("were confirmed as still correct", again, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", again.Split("<main", StringSplitOptions.None)[^1], StringComparison.Ordinal);
        Assert.Equal(asset.Version, await f.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_link_that_does_not_work_gets_a_page_saying_what_to_do()
    {
        using var client = fixture.Factory.CreateClient();

        var unknown = await client.GetAsync("/review/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("This link does not work", html, StringComparison.Ordinal);
        Assert.Contains("Check you copied the whole link", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/assets\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_page_is_rate_limited_per_address()
    {
        // Its own app, so the limit does not spill into the other tests.
        using var factory = new KithWebFactory();
        using var client = factory.CreateClient();
        for (var i = 0; i < ReviewLinkRateLimiter.PermitsPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/review/guess-{i}")).StatusCode);
        }

        var limited = await client.GetAsync("/review/guess-again");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Wait a minute", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Only_administrators_see_the_freshness_page()
    {
        var f = fixture.Factory;
        using var anonymous = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirected = await anonymous.GetAsync("/admin/directory-freshness");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/account/sign-in", redirected.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        using var practitioner = f.CreateClient();
        await practitioner.SignInAsync(fixture.Practitioner);
        var refused = await practitioner.GetAsync("/admin/directory-freshness");
        Assert.Equal("/account/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);

        using var admin = f.CreateClient();
        await admin.SignInAsync(fixture.Administrator);
        var page = await admin.GetAsync("/admin/directory-freshness");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Reminded three times", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_changes_the_timeline_and_a_bad_value_is_explained()
    {
        var f = fixture.Factory;
        using var admin = f.CreateClient();
        await admin.SignInAsync(fixture.Administrator);

        var bad = await admin.PostFormAsync("/admin/directory-freshness", new() { ["Months"] = "a year", ["GapDays"] = "0", ["FinalWaitDays"] = "14" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Enter the months before the first reminder as a whole number from 1 to 120", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the days between reminders", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the days after the third reminder", badHtml, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync("/admin/directory-freshness", new() { ["Months"] = "18", ["GapDays"] = "10", ["FinalWaitDays"] = "21" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("not checked for 18 months", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ListingReviewService>();
            Assert.Equal(new FreshnessSettings(18, 10, 21), await reviews.GetSettingsAsync());
            await reviews.SetSettingsAsync(FreshnessSettings.Default, ProcessContext.System("test"));
        }
    }

    [Fact]
    public async Task An_overdue_listing_says_when_it_was_last_checked_once_on_its_page_and_in_results()
    {
        var f = fixture.Factory;
        var id = await AddStaleListingAsync(f, "Quarry Hill croquet", "croquet@example.org");
        await f.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ReviewRemindersSent, 3).SetProperty(a => a.ReviewOverdueSince, DateTime.UtcNow).SetProperty(a => a.LastModified, DateTime.UtcNow)));
        await RefreshIndexAsync(f, id);
        using var client = f.CreateClient();
        var expected = $"Not checked since {LongAgo.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";

        var details = await client.GetStringAsync($"/assets/{id}");
        Assert.Contains(expected, details, StringComparison.Ordinal);
        Assert.DoesNotContain("These details may be out of date", details, StringComparison.Ordinal);

        var results = await client.GetStringAsync("/assets?q=croquet");
        Assert.Contains("Quarry Hill croquet", results, StringComparison.Ordinal);
        Assert.Contains(expected, results, StringComparison.Ordinal);

        var admin = f.CreateClient();
        await admin.SignInAsync(fixture.Administrator);
        var overview = await admin.GetStringAsync("/admin/directory-freshness");
        Assert.Contains($"href=\"/assets/{id}\"", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/manage/assets/{id}\"", overview, StringComparison.Ordinal);
    }
}
