using System.Text;
using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// Issue 6's whole journey: a manager imports a partnership spreadsheet (one bad row is left out with its reason),
/// runs a survey round that two staff members answer through their emailed links with no account, opens the map,
/// finds the weakest ties between sectors and asks who else should be round the table for "mental health in
/// Northfield", seeing suggestions with reasons. Axe runs on every page visited.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class RelationshipsJourney(BrowserFixture fixture)
{
    private const string ManagerEmail = "manager@demo.kith.invalid";

    [GeneratedRegex(@"https?://[^\s]+(/survey/[A-Za-z0-9_-]+)")]
    private static partial Regex SurveyLink();

    [Fact]
    public async Task A_manager_imports_surveys_and_reads_the_map_the_weakest_ties_and_who_else_to_invite()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var hub = $"Northfield Wellbeing Hub {s}";
        var practice = $"Northfield Health Centre {s}";
        var housing = $"Ashworth Homes {s}";
        var tenants = $"Northfield Tenants Group {s}";
        var sam = $"Sam Rivers {s}";
        var jo = $"Jo Patel {s}";
        var samEmail = $"sam.{s}@example.org";
        var joEmail = $"jo.{s}@example.org";

        var manager = await fixture.NewPageAsync();
        await manager.SignInStaffAsync(ManagerEmail, BrowserFixture.DemoPassword);

        // 1. Import the spreadsheet: five good tie rows come in, the one with strength 9 is left out with its reason.
        await manager.GotoAsync("/relationships/import");
        await manager.AssertNoSeriousAccessibilityViolationsAsync();
        var actors = string.Join('\n',
            "name,kind,area,sector,decides about,holds budget,budget band,knows about,interest,influence,email",
            $"{hub},community group,Northfield,voluntary and community,,no,,loneliness,5,2,",
            $"{practice},organisation,Northfield,health,mental health,yes,100k to 1m,,4,5,",
            $"{housing},organisation,Ashworth Vale,housing,housing,yes,over 1m,,2,4,",
            $"{tenants},community group,Northfield,voluntary and community,,no,,mental health; Northfield,5,1,",
            $"{sam},staff member,Northfield,health,,no,,mental health,4,2,{samEmail}",
            $"{jo},staff member,Northfield,social care,,no,,,3,2,{joEmail}");
        var ties = string.Join('\n',
            "from,to,type,directed,strength",
            $"{practice},{housing},shares information with,no,1",
            $"{hub},{practice},refers to,yes,4",
            $"{housing},{hub},works with,no,2",
            $"{tenants},{hub},works with,no,5",
            $"{sam},{practice},works with,no,3",
            $"{practice},{hub},works with,no,9");
        await manager.GetByLabel("Actors file (CSV)").SetInputFilesAsync(new FilePayload { Name = "actors.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(actors) });
        await manager.GetByLabel("Ties file (CSV)").SetInputFilesAsync(new FilePayload { Name = "ties.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ties) });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await manager.GetByRole(AriaRole.Heading, new() { Name = "Imported" }).WaitForAsync();
        var imported = await manager.Locator("main").InnerTextAsync();
        Assert.Contains("Actors: 6 added", imported, StringComparison.Ordinal);
        Assert.Contains("Ties: 5 added", imported, StringComparison.Ordinal);
        var leftOut = await manager.GetByRole(AriaRole.Table, new() { Name = "Rows left out, with why" }).InnerTextAsync();
        Assert.Contains("7", leftOut, StringComparison.Ordinal);
        Assert.Contains("1 to 5", leftOut, StringComparison.Ordinal);
        await manager.AssertNoSeriousAccessibilityViolationsAsync();

        // 2. A survey round to the two staff members, about mental health in Northfield.
        await manager.GotoAsync("/relationships/surveys/new");
        await manager.AssertNoSeriousAccessibilityViolationsAsync();
        await manager.GetByLabel("Title", new() { Exact = true }).FillAsync($"Northfield partnerships {s}");
        await manager.GetByLabel("What the questions are about").FillAsync("mental health in Northfield");
        await manager.GetByLabel("Who do you work with on the topic?").CheckAsync();
        await manager.GetByLabel("How strong is that relationship? (1 to 5)").CheckAsync();
        await manager.GetByLabel("How does working with them affect your energy?").CheckAsync();
        var closes = DateTime.UtcNow.AddDays(14);
        var closing = manager.GetByRole(AriaRole.Group, new() { Name = "Closing date" });
        await closing.GetByLabel("Day").FillAsync(closes.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await closing.GetByLabel("Month").FillAsync(closes.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await closing.GetByLabel("Year").FillAsync(closes.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByLabel("Everyone on the map").CheckAsync();
        var recipients = manager.GetByRole(AriaRole.Group, new() { Name = "Who to send the survey to" });
        await recipients.GetByLabel(sam, new() { Exact = true }).CheckAsync();
        await recipients.GetByLabel(jo, new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Group, new() { Name = "Who may see the personal answers" }).GetByLabel("Demo team manager").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the round" }).ClickAsync();
        await manager.GetByRole(AriaRole.Heading, new() { Name = $"Northfield partnerships {s}", Level = 1 }).WaitForAsync();
        await manager.AssertNoSeriousAccessibilityViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the links" }).ClickAsync();
        await manager.GetByRole(AriaRole.Heading, new() { Name = $"Northfield partnerships {s}", Level = 1 }).WaitForAsync();

        // 3. Each respondent opens their own link, with no account, agrees and answers.
        await AnswerAsync(samEmail, practice, strength: "4");
        await AnswerAsync(joEmail, hub, strength: "2");
        await manager.ReloadAsync();
        Assert.Contains("2 of 2", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // 4. The map: drawn with JavaScript, with its table alternative below.
        await manager.GotoAsync("/relationships/map");
        await manager.Locator("[data-ready='true']").WaitForAsync();
        var actorTable = await manager.GetByRole(AriaRole.Table, new() { Name = "Actors" }).InnerTextAsync();
        Assert.Contains(jo, actorTable, StringComparison.Ordinal);
        Assert.Contains(practice, actorTable, StringComparison.Ordinal);
        await manager.AssertNoSeriousAccessibilityViolationsAsync();

        // 5. The weakest ties between sectors: the health centre and the housing organisation barely share information.
        await manager.GotoAsync("/relationships/ties-report?Types=SharesInformationWith");
        await manager.GetByRole(AriaRole.Heading, new() { Name = "Weakest ties between sectors" }).WaitForAsync();
        var weakest = await manager.GetByRole(AriaRole.Table, new() { Name = "The weakest single ties between actors of different sectors" }).InnerTextAsync();
        Assert.Contains(practice, weakest, StringComparison.Ordinal);
        Assert.Contains(housing, weakest, StringComparison.Ordinal);
        await manager.AssertNoSeriousAccessibilityViolationsAsync();

        // 6. Who else should be round the table, with the hub already invited: each suggestion says why.
        await manager.GotoAsync("/relationships/round-table");
        await manager.AssertNoSeriousAccessibilityViolationsAsync();
        await manager.GetByLabel("Topic or decision").FillAsync("mental health in Northfield");
        await manager.GetByText("Who is already invited", new() { Exact = true }).First.ClickAsync();
        await manager.GetByLabel(hub, new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Suggest who else" }).ClickAsync();
        await manager.GetByRole(AriaRole.Heading, new() { Name = "Suggestions for “mental health in Northfield”" }).WaitForAsync();
        var suggestions = manager.Locator("main table tr", new() { HasText = practice });
        var why = await suggestions.First.InnerTextAsync();
        Assert.Contains("Decides about mental health", why, StringComparison.OrdinalIgnoreCase);
        var tenantsRow = await manager.Locator("main table tr", new() { HasText = tenants }).First.InnerTextAsync();
        Assert.Contains("mental health", tenantsRow, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await manager.Locator("main table tr", new() { HasText = hub }).CountAsync());
        await manager.AssertNoSeriousAccessibilityViolationsAsync();
    }

    private async Task AnswerAsync(string email, string names, string strength)
    {
        var body = await fixture.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).Select(m => m.Body).SingleAsync());
        var link = SurveyLink().Match(body).Groups[1].Value;
        Assert.NotEmpty(link);
        var respondent = await fixture.NewPageAsync();
        await respondent.GotoAsync(link);
        await respondent.GetByRole(AriaRole.Heading, new() { Name = "Who will see your answers" }).WaitForAsync();
        Assert.Contains("Demo team manager", await respondent.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await respondent.AssertNoSeriousAccessibilityViolationsAsync();
        await respondent.GetByLabel("Yes, I agree").CheckAsync();
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await respondent.GetByRole(AriaRole.Heading, new() { Name = "Who you work with", Level = 1 }).WaitForAsync();
        await respondent.AssertNoSeriousAccessibilityViolationsAsync();
        await respondent.GetByLabel($"Work with {names}", new() { Exact = true }).CheckAsync();
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await respondent.GetByRole(AriaRole.Heading, new() { Name = "About each relationship", Level = 1 }).WaitForAsync();
        await respondent.AssertNoSeriousAccessibilityViolationsAsync();
        await respondent.GetByRole(AriaRole.Group, new() { Name = $"How strong is your relationship with {names}?" }).GetByLabel(strength, new() { Exact = true }).CheckAsync();
        await respondent.GetByRole(AriaRole.Group, new() { Name = $"How does working with {names} affect your energy?" }).GetByLabel("It gives me energy").CheckAsync();
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await respondent.GetByRole(AriaRole.Heading, new() { Name = "Check your answers", Level = 1 }).WaitForAsync();
        Assert.Contains(names, await respondent.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await respondent.AssertNoSeriousAccessibilityViolationsAsync();
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await respondent.GetByRole(AriaRole.Heading, new() { Name = "Your answers have been saved" }).WaitForAsync();
        await respondent.AssertNoSeriousAccessibilityViolationsAsync();
        await respondent.Context.CloseAsync();
    }
}
