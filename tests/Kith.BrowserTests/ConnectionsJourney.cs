using System.Globalization;
using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Kith.Core.Connections;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// Issue 5's whole journey: a practitioner opens a person whose strengths are gardening and baking, who needs step-free
/// access and is free on weekday mornings; sees ranked suggestions with reasons; introduces them to one with their
/// consent; the group accepts through the link in the email (read from the outbox); the practitioner records that the
/// person went, with a follow-up and its ONS4 check-in; and the person sees the connection in their own view. Axe
/// checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ConnectionsJourney(BrowserFixture fixture)
{
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [Fact]
    public async Task A_person_is_introduced_with_consent_the_group_accepts_and_the_person_sees_how_it_went()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (postcode, groupName, groupEmail) = await GroupNearAPostcodeAsync(suffix);
        var personName = $"Ade Okafor {suffix}";
        var personEmail = $"ade.{suffix}@example.invalid";

        var staff = await fixture.NewPageAsync();
        await staff.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);

        // The person: two strengths, and what they told the practitioner about access and free times.
        await staff.GotoAsync("/people/new");
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync(personName);
        await staff.GetByLabel("Email address (optional)").FillAsync(personEmail);
        await staff.GetByLabel("Postcode (optional)").FillAsync(postcode);
        await staff.GetByRole(AriaRole.Group, new() { Name = "Which of your teams will work with them?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await staff.WaitForURLAsync(RecordAddress());
        var personId = Guid.Parse(RecordAddress().Match(staff.Url).Groups["id"].Value);
        var record = $"/people/{personId}";
        await AddStrengthAsync(staff, record, "gardening");
        await AddStrengthAsync(staff, record, "baking");

        await staff.GotoAsync($"{record}/connections/preferences");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            await staff.GetByRole(AriaRole.Group, new() { Name = day, Exact = true }).GetByLabel("Morning").CheckAsync();
        }

        await staff.GetByRole(AriaRole.Group, new() { Name = "What access do they need?" }).GetByLabel("Step-free access").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await staff.WaitForURLAsync($"**{record}/connections");

        // Ranked suggestions, each with why it fits.
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var card = staff.Locator(".nhsuk-card", new() { HasTextString = groupName });
        var reasons = await card.InnerTextAsync();
        Assert.Contains("matches 'gardening' from strengths", reasons, StringComparison.Ordinal);
        Assert.Contains("matches 'baking' from strengths", reasons, StringComparison.Ordinal);
        Assert.Contains("Tuesday mornings, when they said they're free", reasons, StringComparison.Ordinal);
        Assert.Contains("step-free access", reasons, StringComparison.Ordinal);
        Assert.Contains("free", reasons, StringComparison.Ordinal);

        // Connect as an introduction, then introduce with consent.
        await staff.GetByRole(AriaRole.Button, new() { Name = $"Connect with {groupName}" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/connections/new\\?asset="));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("Introduce them to the group").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Make the connection" }).ClickAsync();
        await staff.WaitForURLAsync(ConnectionAddress());
        var connectionPage = new Uri(staff.Url).AbsolutePath;
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        await staff.GetByRole(AriaRole.Button, new() { Name = "Introduce (asks for consent)" }).ClickAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("Yes, they said yes in person").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await staff.Locator("h1", new() { HasText = "What to share with the group" }).WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("The name the group should use").FillAsync("Ade");
        await staff.GetByLabel("Something else, typed below").CheckAsync();
        await staff.GetByLabel("If something else, how to contact them").FillAsync("07700 900123, mornings");
        await staff.GetByLabel("What they would like the group to know (optional)").FillAsync("Loves bread-making and would bring a loaf");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await staff.Locator("h1", new() { HasText = "Check what the group will see" }).WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the introduction" }).ClickAsync();
        await staff.WaitForURLAsync($"**{connectionPage}");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        // The group accepts through the emailed link, with no account.
        var body = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == groupEmail).Select(m => m.Body).SingleAsync());
        var link = IntroductionLink().Match(body).Groups[1].Value;
        Assert.NotEmpty(link);
        var group = await fixture.NewPageAsync();
        await group.GotoAsync(link);
        await group.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains("Loves bread-making and would bring a loaf", await group.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await group.GetByRole(AriaRole.Button, new() { Name = "Yes, we can welcome them" }).ClickAsync();
        await group.GetByText("We have told the practitioner you can welcome them").WaitForAsync();
        await group.AssertNoSeriousAccessibilityViolationsAsync();

        // The practitioner sees it accepted, records that Ade went, with a follow-up, then the ONS4 check-in.
        await staff.GotoAsync(connectionPage);
        Assert.Contains("accepted", (await staff.Locator("main").InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Record a follow-up" }).ClickAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("Spoke to them").CheckAsync();
        await staff.GetByLabel("What you talked about (optional)").FillAsync("Went on Tuesday and brought a loaf");
        await staff.GetByLabel("They have been for the first time").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save follow-up" }).ClickAsync();
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Follow-up recorded" }).WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Equal(ConnectionStatus.InProgress, await fixture.WithDbAsync(db => db.Connections.Where(c => c.PersonId == personId).Select(c => c.Status).SingleAsync()));

        await staff.GetByRole(AriaRole.Link, new() { Name = "Start a wellbeing check-in (ONS4)" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/check-ins/new\\?instrument=ons4"));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.True(await staff.GetByLabel("Along the way (follow-up)").IsCheckedAsync());
        var questions = staff.Locator("main fieldset");
        var answers = new[] { "6", "7", "6", "3" };
        for (var i = 0; i < answers.Length; i++)
        {
            await questions.Nth(i).Locator($"input[type=radio][value='{answers[i]}']").CheckAsync();
        }

        var date = staff.GetByRole(AriaRole.Group, new() { Name = "Date it was taken" });
        var today = DateTime.Today;
        await date.GetByLabel("Day").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
        await staff.WaitForURLAsync($"**{connectionPage}");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var afterCheckIn = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("Went on Tuesday and brought a loaf", afterCheckIn, StringComparison.Ordinal);
        Assert.DoesNotContain("an ONS4 wellbeing check-in is due", afterCheckIn, StringComparison.Ordinal);

        // The person, invited to their own view, sees the connection.
        await staff.GotoAsync($"{record}/invite");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await staff.Locator("main").GetByText(personEmail).First.WaitForAsync();
        var invitation = await InvitationLinkAsync(personEmail);
        var person = await fixture.NewPageAsync();
        await person.GotoAsync(invitation);
        var password = "a-long-password-for-ade-" + suffix;
        await person.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await person.GetByLabel("Password again").FillAsync(password);
        await person.GetByRole(AriaRole.Button, new() { Name = "Save the password and see your plan" }).ClickAsync();
        await person.WaitForURLAsync("**/my");
        await person.GotoAsync("/my/connections");
        await person.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains(groupName, await person.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task AddStrengthAsync(IPage page, string record, string words)
    {
        await page.GotoAsync($"{record}/strengths/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Category" }).GetByLabel("Passions and interests", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Their words").FillAsync(words);
        await page.GetByRole(AriaRole.Group, new() { Name = "Who named it?" }).GetByLabel("They did").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strength" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/strengths/new", StringComparison.Ordinal));
    }

    /// <summary>
    /// A gardening and baking group 300 m from a demo postcode: step-free, free, Tuesday mornings, taking introductions;
    /// added to the search index as an edit would be.
    /// </summary>
    private Task<(string Postcode, string Name, string Email)> GroupNearAPostcodeAsync(string suffix) => fixture.WithDbAsync(async db =>
    {
        var postcode = await db.Postcodes.AsNoTracking().Where(p => p.TerminatedOn == null).OrderBy(p => p.Code).FirstAsync();
        var now = DateTime.UtcNow;
        var name = $"Greenway Garden Bakers {suffix}";
        var email = $"hello.{suffix}@greenway.example";
        var location = new Kith.Core.Directory.Location { Name = "Greenway Community Hall", Latitude = postcode.Latitude + 0.0027, Longitude = postcode.Longitude, LastModified = now };
        location.Accessibility.Add(new Accessibility { Feature = AccessibilityFeature.StepFreeAccess });
        var asset = new CommunityAsset
        {
            Name = name,
            Email = email,
            Description = "Gardening in raised beds, then baking bread and scones together in the hall kitchen. Everyone welcome.",
            IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions,
            Organization = new Organization { Name = $"Greenway Neighbours {suffix}", LastModified = now },
            CreatedAt = now,
            LastModified = now,
        };
        asset.ServiceAtLocations.Add(new ServiceAtLocation { Location = location });
        asset.Schedules.Add(new Schedule { Freq = "WEEKLY", ByDay = "TU", OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(12, 0) });
        db.CommunityAssets.Add(asset);
        await db.SaveChangesAsync();
        await fixture.Server.Services.GetRequiredService<AssetSearchIndex>().RefreshAsync(db, asset.Id, CancellationToken.None);
        return (postcode.Display, name, email);
    });

    private async Task<string> InvitationLinkAsync(string email)
    {
        var body = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == email)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.Body)
            .FirstAsync());
        var match = Regex.Match(body, @"https?://\S*/account/accept-invitation\S*");
        Assert.True(match.Success, "the invitation email carries a link");
        return new Uri(match.Value.TrimEnd('.', ')', '>')).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+(/introductions/[A-Za-z0-9_-]+)")]
    private static partial Regex IntroductionLink();

    [GeneratedRegex(@"/people/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex RecordAddress();

    [GeneratedRegex(@"/people/[0-9a-f-]{36}/connections/[0-9a-f-]{36}$")]
    private static partial Regex ConnectionAddress();
}
