using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ShellJourney(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/no-such-page")]
    public async Task Shell_pages_pass_axe_and_start_the_design_system_scripts_without_errors(string path)
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A failed load is checked below, by address, so the 404 page's own status is not counted.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                errors.Add($"{response.Status} for {response.Url}");
            }
        };

        await page.GotoAsync(path);

        await page.WaitForFunctionAsync("() => document.querySelector('.nhsuk-header').hasAttribute('data-nhsuk-header-init')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.body.classList.contains('nhsuk-frontend-supported')"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task The_skip_link_moves_focus_to_the_main_content()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/about");
        await page.WaitForFunctionAsync("() => document.querySelector('.nhsuk-skip-link').hasAttribute('data-nhsuk-skip-link-init')");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("maincontent", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Printing_hides_the_navigation_and_footer()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/about");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".nhsuk-header__navigation").IsVisibleAsync());
        Assert.False(await page.Locator(".nhsuk-footer").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
    }
}
