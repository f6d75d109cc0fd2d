using Kith.BrowserTests.Infrastructure;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// An administrator registers a directory feed and sees its page, and changes when review reminders go
/// out and sees the overdue and no-one-to-remind lists follow. Each page passes the axe check.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdminDirectoryJourneys(BrowserFixture fixture)
{
    private const string AdminEmail = "admin@demo.kith.invalid";

    [Fact]
    public async Task An_administrator_registers_a_feed_sees_its_page_and_removes_it()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInStaffAsync(AdminEmail, BrowserFixture.DemoPassword);
        var name = $"Neighbouring council {Guid.NewGuid().ToString("N")[..6]}";

        await page.GotoAsync("/admin/feeds");
        Assert.Equal("Directory feeds", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a feed" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/feeds/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // A mistake is shown in the error summary with what was typed kept.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Services address").FillAsync("ftp://feeds.example.org/services");
        await page.GetByLabel("Hours between pulls").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the feed" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Enter a web address that starts with https:// or http://", await page.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(name, await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // A local address where nothing listens: any pull the job runner makes fails without touching the directory.
        const string url = "http://127.0.0.1:9/oruk/services";
        await page.GetByLabel("Services address").FillAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the feed" }).ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, "/admin/feeds/[0-9a-f-]{36}$"));
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());
        var summary = await page.Locator(".nhsuk-summary-list").InnerTextAsync();
        Assert.Contains(url, summary, StringComparison.Ordinal);
        Assert.Contains("24 hours", summary, StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GotoAsync("/admin/feeds");
        Assert.Equal(1, await page.Locator("main a", new() { HasText = name }).CountAsync());
        await page.Locator("main a", new() { HasText = name }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the feed" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/feeds");
        Assert.Contains($"{name} was removed", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main a", new() { HasText = name }).CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_changes_when_reminders_go_out_and_the_lists_follow()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var quiet = $"Larkspur allotment {suffix}";
        var overdue = $"Larkspur book swap {suffix}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddListingAsync(quiet, email: null, lastVerified: today.AddMonths(-18), overdueSince: null);
        await AddListingAsync(overdue, email: "books@larkspur.example", lastVerified: today.AddYears(-3), overdueSince: DateTime.UtcNow.AddDays(-30));
        var page = await fixture.NewPageAsync();
        await page.SignInStaffAsync(AdminEmail, BrowserFixture.DemoPassword);

        await page.GotoAsync("/admin/directory-freshness");
        Assert.Equal("Keeping listings up to date", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await OverdueRows(page).Filter(new() { HasText = overdue }).CountAsync());
        Assert.Equal(1, await NoOneRows(page).Filter(new() { HasText = quiet }).CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Out of range: the error says what to do.
        await Months(page).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Two years between checks: the listing checked 18 months ago is no longer due.
        await Months(page).FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("Saved. Listings not checked for 24 months").WaitForAsync();
        Assert.Equal(0, await NoOneRows(page).Filter(new() { HasText = quiet }).CountAsync());
        Assert.Equal(1, await OverdueRows(page).Filter(new() { HasText = overdue }).CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Back to the default, for the other journeys.
        await Months(page).FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("Saved. Listings not checked for 12 months").WaitForAsync();
        Assert.Equal(1, await NoOneRows(page).Filter(new() { HasText = quiet }).CountAsync());
    }

    private static ILocator Months(IPage page) => page.GetByLabel("Months without a check before the first reminder");

    private static ILocator OverdueRows(IPage page) => page.Locator("table:has(caption:text('Overdue listings')) tbody tr");

    private static ILocator NoOneRows(IPage page) => page.Locator("table:has(caption:text('Listings due a check with no email address')) tbody tr");

    private async Task AddListingAsync(string name, string? email, DateOnly lastVerified, DateTime? overdueSince)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        db.Actor = ProcessContext.System("browser test");
        var organization = new Organization { Name = $"{name} group", LastModified = DateTime.UtcNow };
        db.Organizations.Add(organization);
        db.CommunityAssets.Add(new CommunityAsset
        {
            Name = name,
            OrganizationId = organization.Id,
            Email = email,
            Description = "A listing for the administrators' freshness page.",
            LastVerifiedOn = lastVerified,
            CreatedAt = DateTime.UtcNow.AddYears(-5),
            LastModified = DateTime.UtcNow,
            ReviewRemindersSent = overdueSince is null ? 0 : 3,
            LastReminderSentAt = overdueSince?.AddDays(-14),
            ReviewOverdueSince = overdueSince,
        });
        await db.SaveChangesAsync();
    }
}
