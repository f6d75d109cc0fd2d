using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>Someone finds a walking group near a postcode and opens its page, with and without mistakes.</summary>
[Collection(BrowserCollection.Name)]
public class PublicDirectoryJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Searching_from_the_home_page_reaches_results_and_an_asset_page_that_pass_axe()
    {
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        await page.GetByLabel("What are you looking for?").FillAsync("walk");
        await page.GetByLabel("Postcode").FillAsync("AV1 2AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await page.WaitForURLAsync("**/assets?**");
        Assert.Contains("near AV1 2AB", await page.Locator("#results-heading").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".kith-result").CountAsync() > 0);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.Locator(".kith-result a").First.ClickAsync();
        await page.WaitForURLAsync("**/assets/*");
        Assert.Equal("How to get involved", await page.Locator(".kith-get-involved h2").InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_mistake_shows_the_error_summary_and_the_fields_still_pass_axe()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/assets?q=walk&postcode=AV1&radius=-3");

        Assert.Equal(400, response!.Status);
        Assert.Contains("Radius must be between 1 and 200 kilometres", await page.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("walk", await page.GetByLabel("What are you looking for?").InputValueAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task The_api_page_passes_axe()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/api");

        Assert.True(await page.Locator(".kith-api-operation").CountAsync() >= 2);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }
}
