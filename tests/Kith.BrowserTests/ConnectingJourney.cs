using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// Issue 5, the practitioner's side: open a person, see suggestions with the reasons they fit, connect one
/// signpost only, record passed on, accepted and first attended, and see the ONS4 prompt; with an axe check on
/// every page on the way (preferences, turning a suggestion down and the check-in form included).
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ConnectingJourney(BrowserFixture fixture)
{
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [Fact]
    public async Task A_practitioner_connects_a_person_signpost_only_and_records_each_step()
    {
        var personId = await PersonWithSuggestionsAsync();
        var connections = $"/people/{personId}/connections";
        var staff = await fixture.NewPageAsync();
        await staff.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);

        // Suggestions, with why each fits.
        await staff.GotoAsync(connections);
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains("Why it fits", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var connectButtons = staff.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Connect with ") });
        var assetName = (await connectButtons.First.TextContentAsync() ?? string.Empty).Trim()["Connect with ".Length..];
        var notForThem = staff.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Not for them\\b") });

        // The preferences page and turning a suggestion down are there, and pass the accessibility check.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Travel, free times, cost and access" }).ClickAsync();
        await staff.WaitForURLAsync($"**{connections}/preferences");
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        await staff.GotoAsync(connections);
        await notForThem.Last.ClickAsync();
        await staff.WaitForURLAsync(new Regex("/connections/dismiss\\?asset="));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains("Why is it not for them?", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GotoAsync(connections);

        // Connect, signpost only.
        await connectButtons.First.ClickAsync();
        await staff.WaitForURLAsync(new Regex("/connections/new\\?asset="));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Contains($"Connect with {assetName}", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GetByLabel("Signpost only").CheckAsync();
        await staff.GetByLabel("Why this, for them? (optional)").FillAsync("Wants to get out more and meet people");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Make the connection" }).ClickAsync();
        await staff.WaitForURLAsync(ConnectionAddress());
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        // Passed on, accepted, first attended.
        await RecordStepAsync(staff, "Passed on to them", "Gave them the leaflet and the bus times");
        await RecordStepAsync(staff, "They said they will go", null);
        await RecordStepAsync(staff, "They went for the first time", "Went with their neighbour");
        var page = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("Recorded: attending.", page, StringComparison.Ordinal);
        Assert.Contains("Gave them the leaflet and the bus times", page, StringComparison.Ordinal);
        Assert.Contains("Went with their neighbour", page, StringComparison.Ordinal);
        Assert.Contains("Record a follow-up", page, StringComparison.Ordinal);

        // The ONS4 prompt, and its link to the check-in form with the moment chosen.
        Assert.Contains("Along the way: an ONS4 wellbeing check-in is due.", page, StringComparison.Ordinal);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Record an ONS4 check-in" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/check-ins/new\\?instrument=ons4"));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.True(await staff.GetByLabel("Along the way (follow-up)").IsCheckedAsync());
    }

    private static async Task RecordStepAsync(IPage page, string step, string? note)
    {
        await page.GetByLabel(step).CheckAsync();
        if (note is not null)
        {
            await page.GetByLabel("Note or reason").FillAsync(note);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record this step" }).ClickAsync();
        await page.Locator(".nhsuk-inset-text", new() { HasTextString = "Recorded:" }).WaitForAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    /// <summary>A demo person of the link workers' team with a suggestion that fits.</summary>
    private async Task<Guid> PersonWithSuggestionsAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var matcher = scope.ServiceProvider.GetRequiredService<ConnectionMatcher>();
        var recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var people = await db.People.AsNoTracking()
            .Where(p => p.Teams.Any(t => db.Teams.Any(team => team.Id == t.TeamId && team.Name == DemoPeopleSeeder.TeamName)) && p.ClosedOn == null)
            // Not someone another journey has just checked in with: the ONS4 prompt this journey expects would not be due.
            .Where(p => !db.CheckIns.Any(c => c.PersonId == p.Id && c.TakenOn >= recently))
            .OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();
        foreach (var id in people)
        {
            var results = await matcher.SuggestAsync(id, ProcessContext.System("browser test"), 10, ReadAudit.Write);
            var suggestions = results?.Suggestions ?? [];
            if (suggestions.Count > 0 && suggestions[0].Fits.Count > 0)
            {
                return id;
            }
        }

        throw new InvalidOperationException("No demo person has a suggestion that fits.");
    }

    private static Regex ConnectionAddress() => ConnectionAddressPattern();

    [GeneratedRegex(@"/people/[0-9a-f\-]{36}/connections/[0-9a-f\-]{36}$")]
    private static partial Regex ConnectionAddressPattern();
}
