using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A resident, with no account, looks for a walking group near a demo postcode, narrows the results
/// to free places with step-free access, opens one and reads when it meets and where, on the map.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ResidentSearchJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resident_finds_a_free_step_free_walking_group_and_reads_its_times_and_map()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByLabel("What are you looking for?").FillAsync("walking group");
        await page.GetByLabel("Postcode").FillAsync("AV1 2AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await page.WaitForURLAsync("**/assets?**");
        var everything = await ResultCountAsync(page);
        Assert.True(everything > 0, "Searching for a walking group near AV1 2AB found nothing.");
        Assert.Contains("walk", await page.Locator(".kith-result").First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.Locator("summary", new() { HasText = "More filters" }).ClickAsync();
        await page.GetByLabel("Free only").CheckAsync();
        await page.GetByLabel("Step-free access").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("free=true", RegexOptions.IgnoreCase));
        Assert.Contains("access=step-free-access", page.Url, StringComparison.OrdinalIgnoreCase);
        var narrowed = await ResultCountAsync(page);
        Assert.InRange(narrowed, 1, everything);
        var results = page.Locator(".kith-result");
        for (var i = 0; i < await results.CountAsync(); i++)
        {
            var card = results.Nth(i);
            Assert.Equal(1, await card.Locator(".nhsuk-tag", new() { HasText = "Free" }).CountAsync());
            Assert.Matches(DistanceAway(), await card.InnerTextAsync());
        }

        await page.AssertNoSeriousAccessibilityViolationsAsync();

        var first = results.First.Locator("a[data-map-link]");
        var name = await first.InnerTextAsync();
        await first.ClickAsync();

        await page.WaitForURLAsync("**/assets/*");
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());
        var times = page.Locator("h2:text-is('When') + ul li");
        Assert.True(await times.CountAsync() > 0, "The asset page shows no opening times.");
        Assert.Matches(OpeningTimesInWords(), await times.First.InnerTextAsync());
        Assert.Contains("Step-free access", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var map = page.Locator("#asset-map");
        await map.Locator(".leaflet-marker-icon").First.WaitForAsync();
        Assert.True(await map.Locator("img.leaflet-tile").CountAsync() > 0, "The map drew no tiles.");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    private static async Task<int> ResultCountAsync(IPage page)
    {
        var heading = await page.Locator("#results-heading").InnerTextAsync();
        return int.Parse(ResultCount().Match(heading).Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"450 m away" or "1.2 km away".</summary>
    [GeneratedRegex(@"\d+(\.\d)? k?m away")]
    internal static partial Regex DistanceAway();

    [GeneratedRegex(@"^([\d,]+) results?")]
    private static partial Regex ResultCount();

    /// <summary>"Tuesdays 10:00 to 12:00, weekly", "Every other Wednesday, 13:30 to 15:00" and the like.</summary>
    [GeneratedRegex(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Daily).*\d{2}:\d{2} to \d{2}:\d{2}")]
    private static partial Regex OpeningTimesInWords();
}
