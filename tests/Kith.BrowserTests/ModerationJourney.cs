using Kith.BrowserTests.Infrastructure;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>A resident suggests a change to a listing without an account; a moderator accepts it and the listing shows it.</summary>
[Collection(BrowserCollection.Name)]
public class ModerationJourney(BrowserFixture fixture)
{
    private const string ModeratorEmail = "admin@demo.kith.invalid";

    [Fact]
    public async Task A_resident_suggests_an_edit_a_moderator_accepts_it_and_the_listing_changes()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var description = $"Friendly and relaxed, newcomers always welcome ({suffix}).";
        var residentEmail = $"resident.{suffix}@example.invalid";

        // The resident, not signed in, finds a listing and suggests a change.
        var resident = await fixture.NewPageAsync();
        await resident.GotoAsync("/assets");
        await resident.AssertNoSeriousAccessibilityViolationsAsync();
        var first = resident.Locator(".kith-result__name a").First;
        var assetName = (await first.InnerTextAsync()).Trim();
        var assetUrl = await first.GetAttributeAsync("href");
        await resident.GotoAsync(assetUrl!);
        await resident.AssertNoSeriousAccessibilityViolationsAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Suggest a change to this listing" }).ClickAsync();
        await resident.Locator("h1", new() { HasText = "Suggest a change" }).WaitForAsync();
        await resident.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Equal(assetName, await resident.GetByLabel("Name", new() { Exact = true }).InputValueAsync());

        // Sending it unchanged shows the error summary.
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickAsync();
        await resident.Locator(".nhsuk-error-summary").WaitForAsync();
        await resident.AssertNoSeriousAccessibilityViolationsAsync();

        await resident.GetByLabel("What it is and what happens there").FillAsync(description);
        await resident.GetByLabel("Your email address (optional)").FillAsync(residentEmail);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickAsync();
        await resident.Locator("h1", new() { HasText = "Thank you, we have your suggestion" }).WaitForAsync();
        await resident.AssertNoSeriousAccessibilityViolationsAsync();

        // A moderator works the queue.
        var moderator = await fixture.NewPageAsync();
        await moderator.SignInStaffAsync(ModeratorEmail, BrowserFixture.DemoPassword);
        await moderator.GotoAsync("/manage/moderation");
        await moderator.AssertNoSeriousAccessibilityViolationsAsync();
        await moderator.Locator("main table").GetByRole(AriaRole.Link, new() { Name = assetName }).First.ClickAsync();
        await moderator.Locator("h1", new() { HasText = $"Change to {assetName}" }).WaitForAsync();
        await moderator.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains(description, await moderator.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await moderator.Locator("main", new() { HasText = "Accepted. The listing is updated." }).WaitForAsync();
        await moderator.AssertNoSeriousAccessibilityViolationsAsync();

        // The public page shows the change, and the resident's outcome email waits in the outbox.
        await resident.GotoAsync(assetUrl!);
        await resident.Locator("main", new() { HasText = description }).WaitForAsync();
        await resident.AssertNoSeriousAccessibilityViolationsAsync();

        using var scope = fixture.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var email = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == residentEmail);
        Assert.Contains("accepted", email.Subject, StringComparison.Ordinal);
        Assert.Contains(assetName, email.Body, StringComparison.Ordinal);
    }
}
