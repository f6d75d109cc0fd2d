using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A listing goes unchecked: the daily sweep sends its three review reminders (the test moves the
/// reminder dates back rather than waiting a fortnight), it becomes overdue, sinks below a comparable
/// listing and says "Not checked since". The organisation opens the "still correct" link from the email
/// in the outbox, confirms, and the listing is back on top with no notice.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class FreshnessJourney(BrowserFixture fixture)
{
    private const string Search = "/assets?q=quillbrook+tai+chi";
    private const string Mondays = "Quillbrook tai chi (Mondays)";
    private const string Thursdays = "Quillbrook tai chi (Thursdays)";

    [GeneratedRegex(@"https?://[^\s]+(/review/[A-Za-z0-9_-]+)")]
    private static partial Regex ReviewLink();

    [Fact]
    public async Task A_stale_listing_sinks_and_says_so_until_the_still_correct_link_restores_it()
    {
        var mondays = await AddListingAsync(Mondays, "mondays@quillbrook.example");
        await AddListingAsync(Thursdays, "thursdays@quillbrook.example");
        var page = await fixture.NewPageAsync();

        // Both fresh: equal text, so the tie goes by name and Mondays comes first.
        Assert.Equal([Mondays, Thursdays], await ResultNamesAsync(page));
        Assert.Equal(0, await page.GetByText("Not checked since").CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Not checked for two years: three reminders a fortnight apart, then overdue.
        var twoYearsAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2);
        await fixture.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == mondays).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastVerifiedOn, twoYearsAgo)));
        var sweeper = fixture.Server.Services.GetRequiredService<ListingReviewSweeper>();
        for (var step = 1; step <= 4; step++)
        {
            var outcome = await sweeper.SweepOnceAsync(CancellationToken.None);
            Assert.NotNull(outcome);
            Assert.Equal(step, await fixture.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == mondays).Select(a => a.ReviewRemindersSent + (a.ReviewOverdueSince == null ? 0 : 1)).SingleAsync()));
            var sent = await fixture.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == mondays).Select(a => a.LastReminderSentAt).SingleAsync());
            await fixture.WithDbAsync(db => db.CommunityAssets.Where(a => a.Id == mondays)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastReminderSentAt, sent!.Value.AddDays(-15))));
        }

        var emails = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == "mondays@quillbrook.example").OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal(3, emails.Count);

        var notice = $"Not checked since {twoYearsAgo.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";
        Assert.Equal([Thursdays, Mondays], await ResultNamesAsync(page));
        var sunk = page.Locator(".kith-result").Nth(1);
        Assert.Contains(notice, await sunk.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Not checked since", await page.Locator(".kith-result").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await sunk.Locator("a[data-map-link]").ClickAsync();
        await page.WaitForURLAsync($"**/assets/{mondays}");
        Assert.Equal(1, await page.GetByText(notice).CountAsync());
        Assert.Equal(0, await page.GetByText("These details may be out of date").CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // The first reminder's link still works after the third was sent.
        var link = ReviewLink().Match(emails[0].Body).Groups[1].Value;
        Assert.NotEmpty(link);
        await page.GotoAsync(link);
        Assert.Equal("Are these details still correct?", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(Mondays, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, these details are still correct" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Thank you" }).WaitForAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        Assert.Equal([Mondays, Thursdays], await ResultNamesAsync(page));
        Assert.Equal(0, await page.GetByText("Not checked since").CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    private async Task<List<string>> ResultNamesAsync(IPage page)
    {
        await page.GotoAsync(Search);
        return [.. await page.Locator(".kith-result a[data-map-link]").AllInnerTextsAsync()];
    }

    /// <summary>A freshly checked tai chi class with its own email address, in the database and the index.</summary>
    private async Task<Guid> AddListingAsync(string name, string email)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        db.Actor = ProcessContext.System("browser test");
        var organization = new Organization { Name = "Quillbrook Community Association", LastModified = DateTime.UtcNow };
        var asset = new CommunityAsset
        {
            Name = name,
            OrganizationId = organization.Id,
            Email = email,
            Description = "Slow, gentle tai chi in the church hall. Everyone welcome.",
            LastVerifiedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            CreatedAt = DateTime.UtcNow.AddYears(-3),
            LastModified = DateTime.UtcNow,
        };
        db.Organizations.Add(organization);
        db.CommunityAssets.Add(asset);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AssetSearchIndex>().RefreshAsync(db, asset.Id, CancellationToken.None);
        return asset.Id;
    }
}
