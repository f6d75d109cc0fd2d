using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Kith.Core.Connections;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A practitioner introduces a person to a group with their consent (issue 5, part 3): consent first, then what to share, then a
/// preview of exactly what the group sees. The group opens the link from the email in the outbox, with no account, and accepts.
/// The draft connection is made in setup: the connect page is built on another branch.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class IntroductionJourney(BrowserFixture fixture)
{
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [GeneratedRegex(@"https?://[^\s]+(/introductions/[A-Za-z0-9_-]+)")]
    private static partial Regex IntroductionLink();

    [GeneratedRegex(@"/people/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex RecordAddress();

    [Fact]
    public async Task A_practitioner_introduces_a_person_with_consent_and_the_group_accepts_by_the_emailed_link()
    {
        var staff = await fixture.NewPageAsync();
        await staff.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await staff.GotoAsync("/people/new");
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync($"Jordan Reed {suffix}");
        await staff.GetByRole(AriaRole.Group, new() { Name = "Which of your teams will work with them?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await staff.WaitForURLAsync(RecordAddress());
        var personId = Guid.Parse(RecordAddress().Match(staff.Url).Groups["id"].Value);
        var groupEmail = $"hello.{suffix}@orchard.example";
        var connectionId = await DraftConnectionAsync(personId, $"Orchard Lane Growers {suffix}", groupEmail);

        // Step 1: consent, required.
        await staff.GotoAsync($"/people/{personId}/connections/{connectionId}/introduce");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await staff.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Select how Jordan Reed", await staff.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("Yes, they said yes on the phone or a video call").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Step 2: what to share.
        await staff.Locator("h1", new() { HasText = "What to share with the group" }).WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("The name the group should use").FillAsync("Jordan");
        await staff.GetByLabel("Something else, typed below").CheckAsync();
        await staff.GetByLabel("If something else, how to contact them").FillAsync("07700 900789, afternoons");
        await staff.GetByLabel("What they would like the group to know (optional)").FillAsync("Has a bad knee, so prefers raised beds");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Step 3: exactly what the group will see, then send.
        await staff.Locator("h1", new() { HasText = "Check what the group will see" }).WaitForAsync();
        var preview = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("07700 900789, afternoons", preview, StringComparison.Ordinal);
        Assert.Contains("Has a bad knee, so prefers raised beds", preview, StringComparison.Ordinal);
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the introduction" }).ClickAsync();
        await staff.WaitForURLAsync($"**/people/{personId}/connections/{connectionId}");

        // The group opens the link from the email, with no account, and accepts.
        var body = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == groupEmail).Select(m => m.Body).SingleAsync());
        var link = IntroductionLink().Match(body).Groups[1].Value;
        Assert.NotEmpty(link);
        var group = await fixture.NewPageAsync();
        await group.GotoAsync(link);
        Assert.StartsWith("An introduction to Orchard Lane Growers", await group.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var shown = await group.Locator("main").InnerTextAsync();
        Assert.Contains("Jordan", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Reed", shown, StringComparison.Ordinal);
        Assert.Contains("07700 900789, afternoons", shown, StringComparison.Ordinal);
        await group.AssertNoSeriousAccessibilityViolationsAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Yes, we can welcome them" }).ClickAsync();
        await group.GetByText("We have told the practitioner you can welcome them").WaitForAsync();
        Assert.Contains("You said you can welcome them", await group.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await group.AssertNoSeriousAccessibilityViolationsAsync();

        Assert.Equal(ConnectionStatus.Accepted, await fixture.WithDbAsync(db => db.Connections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));

        // A tampered link shows the page that reveals nothing.
        await group.GotoAsync(link[..^3] + "abc");
        Assert.Equal("This link does not work", await group.Locator("h1").InnerTextAsync());
        await group.AssertNoSeriousAccessibilityViolationsAsync();
    }

    /// <summary>A group that takes introductions and a draft introduction of the person to it.</summary>
    private Task<Guid> DraftConnectionAsync(Guid personId, string name, string email) => fixture.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var asset = new CommunityAsset
        {
            Name = name,
            Email = email,
            IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions,
            Description = "Shared growing space with raised beds. Tea and cake on Tuesdays.",
            Organization = new Organization { Name = "Orchard Lane Residents", LastModified = now },
            CreatedAt = now,
            LastModified = now,
        };
        db.CommunityAssets.Add(asset);
        var connection = Connection.Create(personId, asset.Id, ConnectionKind.Introduction, ProcessContext.System("browser test"), now);
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection.Id;
    });
}
