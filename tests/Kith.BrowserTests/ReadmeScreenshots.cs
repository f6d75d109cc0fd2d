using Kith.BrowserTests.Infrastructure;
using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// The README's screenshots. Every run checks the pages render and pass axe; with
/// KITH_SCREENSHOTS_DIR set (scripts/screenshots sets it to docs/screenshots) the pictures are kept.
/// Map tiles are the test's plain stand-in tile, so no picture depends on a third-party server.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReadmeScreenshots(BrowserFixture fixture)
{
    private static readonly string Folder =
        Environment.GetEnvironmentVariable("KITH_SCREENSHOTS_DIR") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "kith-screenshots");

    [Fact]
    public async Task Screenshots_of_the_public_directory()
    {
        var page = await NewDesktopPageAsync();

        await page.GotoAsync("/");
        await SaveAsync(page, "home.png");

        await page.SetViewportSizeAsync(1280, 1600);
        await page.GotoAsync("/assets?q=walking+group&postcode=AV1+2AB&radius=3");
        await page.Locator("#results-map .leaflet-marker-icon").First.WaitForAsync();
        await SaveAsync(page, "search-results.png", fullPage: false);
        await page.SetViewportSizeAsync(1280, 900);

        await page.Locator(".kith-result a[data-map-link]").First.ClickAsync();
        await page.WaitForURLAsync("**/assets/*");
        await page.Locator("#asset-map .leaflet-marker-icon").First.WaitForAsync();
        await SaveAsync(page, "asset-page.png");

        await page.GotoAsync("/api");
        await SaveAsync(page, "api.png", fullPage: false);
    }

    [Fact]
    public async Task Screenshots_of_editing()
    {
        var page = await NewDesktopPageAsync();
        await EditorJourneys.SignInAsync(page, "editor@demo.kith.invalid", BrowserFixture.DemoPassword);

        await page.GotoAsync("/manage/assets/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Name and type" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await SaveAsync(page, "add-asset-error.png");
    }

    [Fact]
    public async Task Screenshots_of_connecting()
    {
        var personId = await DemoPersonWithSuggestionsAsync();
        var page = await NewDesktopPageAsync();
        await page.SignInStaffAsync("practitioner@demo.kith.invalid", BrowserFixture.DemoPassword);

        await page.GotoAsync($"/people/{personId}/connections");
        await page.Locator("h2", new() { HasText = "Suggestions" }).WaitForAsync();
        await page.Locator("h2", new() { HasText = "Suggestions" }).ScrollIntoViewIfNeededAsync();
        await SaveAsync(page, "connection-suggestions.png", fullPage: false);
    }

    [Fact]
    public async Task Screenshots_of_relationships()
    {
        var page = await NewDesktopPageAsync();
        await page.SignInStaffAsync("manager@demo.kith.invalid", BrowserFixture.DemoPassword);

        await page.GotoAsync("/relationships/map");
        await page.Locator("[data-ready='true']").WaitForAsync();
        await page.Locator("[data-ready='true']").ScrollIntoViewIfNeededAsync();
        await SaveAsync(page, "relationship-map.png", fullPage: false);

        await page.GotoAsync("/relationships/round-table?Topic=mental+health+in+Northfield");
        await page.Locator("#suggestions").WaitForAsync();
        await page.Locator("#suggestions").ScrollIntoViewIfNeededAsync();
        await SaveAsync(page, "round-table.png", fullPage: false);
    }

    /// <summary>The first demo person of the link workers' team, by name, with at least one suggestion.</summary>
    private async Task<Guid> DemoPersonWithSuggestionsAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var matcher = scope.ServiceProvider.GetRequiredService<ConnectionMatcher>();
        var people = await db.People.AsNoTracking()
            .Where(p => p.Teams.Any(t => db.Teams.Any(team => team.Id == t.TeamId && team.Name == DemoPeopleSeeder.TeamName)) && p.ClosedOn == null)
            .OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();
        foreach (var id in people)
        {
            var results = await matcher.SuggestAsync(id, ProcessContext.System("readme screenshots"), 10, ReadAudit.Write);
            if (results is { Suggestions.Count: > 0 })
            {
                return id;
            }
        }

        throw new InvalidOperationException("No demo person has a suggestion.");
    }

    private async Task<IPage> NewDesktopPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        return page;
    }

    private static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 10_000, $"{name} is suspiciously small: the page may not have rendered.");
    }
}
