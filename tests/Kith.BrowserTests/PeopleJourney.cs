using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// The journey of issue 3: a practitioner records a first conversation, strengths, an ecomap, a goal and an
/// ONS4 check-in, invites the person; the person signs in, sees their plan strengths first and suggests a
/// change to a goal; the practitioner accepts it; the person sees who has looked at their record.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class PeopleJourney(BrowserFixture fixture)
{
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [Fact]
    public async Task A_practitioner_and_a_person_build_and_share_a_plan()
    {
        var staff = await fixture.NewPageAsync();
        await staff.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);

        // The caseload, then a new person.
        await staff.GotoAsync("/people");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"Morgan Ellis {suffix}";
        var email = $"morgan.{suffix}@example.invalid";
        await staff.GotoAsync("/people/new");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await staff.GetByLabel("Pronouns (optional)").FillAsync("they/them");
        await staff.GetByLabel("Email address (optional)").FillAsync(email);
        await staff.GetByRole(AriaRole.Group, new() { Name = "Which of your teams will work with them?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await staff.WaitForURLAsync(RecordAddress());
        var personId = RecordAddress().Match(staff.Url).Groups["id"].Value;
        var record = $"/people/{personId}";
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        await RecordConversationAsync(staff, record);
        await AddStrengthAsync(staff, record, "Skills", "I can fix any bike you bring me");
        await AddStrengthAsync(staff, record, "Passions and interests", "Growing chillies on the windowsill");
        await AddStrengthAsync(staff, record, "Gifts they could share", "Teaching kids to ride without stabilisers");
        await AddTieAsync(staff, record, "My sister Jo", "sister", strength: "5", feels: "Supportive", way: "Both ways");
        await AddTieAsync(staff, record, "Mr Patel next door", "neighbour", strength: "3", feels: "Supportive", way: "They support the person");
        await AddTieAsync(staff, record, "Dad", "father", strength: "2", feels: "Stressful", way: "The person supports them");
        await AddTieAsync(staff, record, "Thursday cycle club", "member", strength: "4", feels: "Mixed", way: "Both ways");
        await AddTieAsync(staff, record, "Millbrook GP practice", "GP", strength: "1", feels: "Neutral", way: "They support the person");
        await staff.GotoAsync($"{record}/network");
        await staff.Locator("#ecomap canvas").First.WaitForAsync();
        var ties = await staff.Locator("main table").AllInnerTextsAsync();
        foreach (var tie in new[] { "My sister Jo", "Mr Patel next door", "Dad", "Thursday cycle club", "Millbrook GP practice" })
        {
            Assert.Contains(ties, table => table.Contains(tie, StringComparison.Ordinal));
        }

        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        var goalWords = "I want to get back to riding to work";
        await staff.GotoAsync($"{record}/goals/new");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByLabel("The goal, in the person's own words").FillAsync(goalWords);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await staff.WaitForURLAsync(url => !url.Contains("/goals/new", StringComparison.Ordinal));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        await RecordOns4Async(staff, record);

        // The whole record: strengths come before concerns and goals.
        await staff.GotoAsync(record);
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var recordText = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("I can fix any bike you bring me", recordText, StringComparison.Ordinal);
        Assert.True(recordText.IndexOf("Strengths", StringComparison.Ordinal) < recordText.IndexOf(goalWords, StringComparison.Ordinal));

        // The invitation.
        await staff.GotoAsync($"{record}/invite");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await staff.Locator("main").GetByText(email).First.WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var link = await InvitationLinkAsync(email);

        // The person accepts, sees their plan strengths first and suggests a change to the goal.
        var person = await fixture.NewPageAsync();
        await person.GotoAsync(link);
        await person.AssertNoSeriousAccessibilityViolationsAsync();
        var password = "a-long-password-for-morgan-" + suffix;
        await person.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await person.GetByLabel("Password again").FillAsync(password);
        await person.GetByRole(AriaRole.Button, new() { Name = "Save the password and see your plan" }).ClickAsync();
        await person.WaitForURLAsync("**/my");
        await person.AssertNoSeriousAccessibilityViolationsAsync();
        var plan = await person.Locator("main").InnerTextAsync();
        var strengthsAt = plan.IndexOf("I can fix any bike you bring me", StringComparison.Ordinal);
        Assert.True(strengthsAt >= 0, "the plan shows the strengths");
        Assert.True(strengthsAt < plan.IndexOf(goalWords, StringComparison.Ordinal), "strengths come before goals");
        Assert.Contains("My sister Jo", plan, StringComparison.Ordinal);

        await person.GetByRole(AriaRole.Link, new() { Name = "Suggest a change" }).First.ClickAsync();
        await person.AssertNoSeriousAccessibilityViolationsAsync();
        var ownWords = "I want to cycle to work three days a week by the summer";
        await person.GetByLabel("Your words for this goal").FillAsync(ownWords);
        await person.GetByRole(AriaRole.Button, new() { Name = "Send my suggestion" }).ClickAsync();
        await person.WaitForURLAsync("**/my/suggestions**");
        await person.AssertNoSeriousAccessibilityViolationsAsync();

        // The practitioner accepts it; the goal is now in the person's words, marked as theirs.
        await staff.GotoAsync($"{record}/suggestions");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains(ownWords, await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Accept" }).First.ClickAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GotoAsync($"{record}/goals");
        Assert.Contains(ownWords, await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await person.GotoAsync("/my");
        var after = await person.Locator("main").InnerTextAsync();
        Assert.Contains(ownWords, after, StringComparison.Ordinal);
        Assert.Contains("written by you", after, StringComparison.OrdinalIgnoreCase);

        // The person sees who has looked at their record.
        await person.GotoAsync("/my/access-log");
        await person.AssertNoSeriousAccessibilityViolationsAsync();
        var log = await person.Locator("main").InnerTextAsync();
        Assert.Contains("Demo link worker", log, StringComparison.Ordinal);
    }

    private static Regex RecordAddress() => RecordAddressPattern();

    [GeneratedRegex(@"/people/(?<id>[0-9a-f\-]{36})$")]
    private static partial Regex RecordAddressPattern();

    private static async Task RecordConversationAsync(IPage page, string record)
    {
        await page.GotoAsync($"{record}/conversations/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var today = DateTime.Today;
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the conversation" });
        await date.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Listening and connecting").CheckAsync();
        await page.GetByLabel("Their words 1").FillAsync("Since I stopped cycling I hardly leave the flat.");
        await page.GetByLabel("Their words 2").FillAsync("I used to be the one everyone brought their bikes to.");
        await page.GetByLabel("What you agreed (optional)").FillAsync("Look for a bike group nearby; Morgan to ask Jo about the garage.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the conversation" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/conversations/new", StringComparison.Ordinal));
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains("I used to be the one everyone brought their bikes to.", await page.Locator("blockquote").AllInnerTextsAsync().ContinueWith(t => string.Join("\n", t.Result), TaskScheduler.Default), StringComparison.Ordinal);
    }

    private static async Task AddStrengthAsync(IPage page, string record, string category, string words)
    {
        await page.GotoAsync($"{record}/strengths/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Category" }).GetByLabel(category, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Their words").FillAsync(words);
        await page.GetByRole(AriaRole.Group, new() { Name = "Who named it?" }).GetByLabel("They did").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strength" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/strengths/new", StringComparison.Ordinal));
        Assert.Contains(words, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task AddTieAsync(IPage page, string record, string who, string relationship, string strength, string feels, string way)
    {
        await page.GotoAsync($"{record}/network/ties/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByLabel("Who or what is it?").FillAsync(who);
        await page.GetByLabel("What are they to them?").FillAsync(relationship);
        await page.GetByRole(AriaRole.Group, new() { Name = "Kind" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Formal or informal?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How strong is the tie?" }).GetByLabel(new Regex("^" + strength)).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How does it feel?" }).GetByLabel(feels, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which way does support go?" }).GetByLabel(way, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How often are they in touch?" }).GetByLabel("Weekly", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tie" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/ties/new", StringComparison.Ordinal));
    }

    private static async Task RecordOns4Async(IPage page, string record)
    {
        await page.GotoAsync($"{record}/check-ins/new?instrument=ons4");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var groups = page.Locator("main fieldset");
        var values = new[] { "6", "7", "5", "4" };
        for (var i = 0; i < values.Length; i++)
        {
            await groups.Nth(i).Locator($"input[type=radio][value='{values[i]}']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Group, new() { Name = "When in your work together is this?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date it was taken" });
        var today = DateTime.Today;
        await date.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/check-ins/new", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/checkin.png", FullPage = true });
            throw new InvalidOperationException(page.Url + "\n" + await page.Locator("main").InnerTextAsync());
        }

        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        using var scope = fixture.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var body = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == email)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.Body)
            .FirstAsync();
        var match = Regex.Match(body, @"https?://\S*/account/accept-invitation\S*");
        Assert.True(match.Success, "the invitation email carries a link");
        var uri = new Uri(match.Value.TrimEnd('.', ')', '>'));
        return uri.PathAndQuery;
    }
}
