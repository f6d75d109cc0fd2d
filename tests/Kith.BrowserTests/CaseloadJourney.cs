using Kith.BrowserTests.Infrastructure;
using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Kith.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A practitioner's connection falls due for its first follow-up (the test dates the introduction three weeks back
/// rather than waiting); the sweep sends one reminder; the caseload shows it under "Needs a call"; the practitioner
/// records the call and that the person has been for the first time, and is offered a wellbeing check-in.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CaseloadJourney(BrowserFixture fixture)
{
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [Fact]
    public async Task A_practitioner_sees_a_follow_up_due_on_their_caseload_and_records_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"Casey Follow {suffix}";
        var assetName = $"Canal side growers {suffix}";
        var (personId, connectionId) = await ConnectAsync(name, assetName, daysAgo: 21);
        await fixture.Server.Services.GetRequiredService<FollowUpSweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventKey == FollowUpService.ReminderEventKey(connectionId, 1))));

        var staff = await fixture.NewPageAsync();
        await staff.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).First.ClickAsync();
        await staff.WaitForURLAsync(url => url.EndsWith("/caseload", StringComparison.Ordinal));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        var needsACall = staff.GetByRole(AriaRole.Table, new() { Name = "Needs a call" });
        var row = needsACall.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        Assert.Contains("Follow-up 1 due", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Link, new() { Name = $"Record a follow-up with {name} about {assetName}" }).ClickAsync();
        await staff.WaitForURLAsync(url => url.EndsWith($"/connections/{connectionId}/follow-up", StringComparison.Ordinal));
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        // Saved without an answer: the error summary says what to do.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save follow-up" }).ClickAsync();
        await staff.GetByText("Select how the follow-up went").First.WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();

        await staff.GetByLabel("Spoke to them").CheckAsync();
        await staff.GetByLabel("What you talked about (optional)").FillAsync("Went on Saturday, planted leeks");
        await staff.GetByLabel("They have been for the first time").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save follow-up" }).ClickAsync();
        await staff.WaitForURLAsync(url => url.EndsWith("/follow-up?recorded=true", StringComparison.Ordinal));
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Follow-up recorded" }).WaitForAsync();
        await staff.AssertNoSeriousAccessibilityViolationsAsync();
        Assert.Equal(
            $"/people/{personId}/check-ins/new?instrument=ons4&stage=FollowUp&connection={connectionId}",
            await staff.GetByRole(AriaRole.Link, new() { Name = "Start a wellbeing check-in (ONS4)" }).GetAttributeAsync("href"));

        Assert.Equal(ConnectionStatus.InProgress, await fixture.WithDbAsync(db => db.Connections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
        await staff.GotoAsync("/caseload");
        var connected = await staff.GetByRole(AriaRole.Table, new() { Name = "Connected" }).InnerTextAsync();
        Assert.Contains(name, connected, StringComparison.Ordinal);
    }

    /// <summary>A new person in the demo practitioner's first team, connected by them with a new asset and introduced <paramref name="daysAgo"/> days ago.</summary>
    private Task<(Guid PersonId, Guid ConnectionId)> ConnectAsync(string name, string assetName, int daysAgo) => fixture.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == PractitionerEmail);
        var teamId = await db.Set<TeamMember>().Where(m => m.UserId == user.Id).Select(m => m.TeamId).FirstAsync();
        var now = DateTime.UtcNow;
        var by = new ProcessContext(user.Id, user.DisplayName);
        db.Actor = by;
        var person = new Person { Name = name, CreatedAt = now, LastModified = now };
        person.Teams.Add(new PersonTeam { PersonId = person.Id, TeamId = teamId, Since = DateOnly.FromDateTime(now) });
        var asset = new CommunityAsset { Name = assetName, Organization = new Organization { Name = $"{assetName} group" }, CreatedAt = now, LastModified = now };
        db.People.Add(person);
        db.CommunityAssets.Add(asset);
        var introduced = now.AddDays(-daysAgo);
        var connection = Connection.Create(person.Id, asset.Id, ConnectionKind.Introduction, by, introduced);
        db.ConnectionTransitions.Add(connection.Introduce(by, introduced));
        db.ConnectionTransitions.Add(connection.Accept(new ProcessContext(null, "The group (by link)"), introduced.AddDays(2)));
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return (person.Id, connection.Id);
    });
}
