using System.Collections.Concurrent;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// Signs a staff member in through the real pages, including two-factor: the first time, it sets up the
/// authenticator from the key the set-up page shows; after that, it answers the code prompt with the same key.
/// </summary>
public static class StaffSignIn
{
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

    public static async Task SignInStaffAsync(this IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/sign-in");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal) && !page.Url.Contains("set-up", StringComparison.Ordinal))
        {
            Assert.True(Keys.TryGetValue(email, out var known), $"{email} has two-factor sign-in but this run never set it up");
            await page.GetByLabel("Code").FillAsync(Totp.Compute(known, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
        }

        // Staff without two-factor are sent to set it up from the first page they open.
        await page.GotoAsync("/account/two-factor/set-up");
        if (await page.Locator("#shared-key").CountAsync() == 1)
        {
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
            Keys[email] = key;
            await page.GetByLabel("Code").FillAsync(Totp.Compute(key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await page.Locator("#recovery-codes").WaitForAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        }
    }
}
