using Kith.BrowserTests.Infrastructure;

namespace Kith.BrowserTests;

[Collection(BrowserCollection.Name)]
public class HomePageJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task The_home_page_loads_with_a_skip_link_and_passes_axe()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Equal("Skip to main content", await page.Locator(".nhsuk-skip-link").InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }
}
