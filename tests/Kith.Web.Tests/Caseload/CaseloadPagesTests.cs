using System.Net;
using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Directory;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Caseload;

/// <summary>The caseload at /caseload and the follow-up page of a connection (ADR 22).</summary>
public sealed class CaseloadPagesTests : IClassFixture<CaseloadPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public CaseloadPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_caseload_groups_the_practitioners_connections_and_audits_a_read_of_each_person_shown()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Sam);

        var response = await client.GetAsync("/caseload");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var (needsACall, waiting, connected) = Groups(html);
        Assert.Contains("Robin Example", waiting, StringComparison.Ordinal);
        Assert.Contains("Knit and Natter", waiting, StringComparison.Ordinal);
        Assert.Contains("3 days", waiting, StringComparison.Ordinal);
        Assert.Contains("Riverside Allotments", needsACall, StringComparison.Ordinal);
        Assert.Contains("Follow-up 1 due", needsACall, StringComparison.Ordinal);
        Assert.Contains("Declined: see how they are", needsACall, StringComparison.Ordinal);
        Assert.Contains("Meets on the wrong day", needsACall, StringComparison.Ordinal);
        Assert.Contains("Bakers Circle", connected, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{fixture.Robin}/connections/{fixture.Waiting}\"", waiting, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{fixture.Robin}/connections/{fixture.Due}/follow-up\"", needsACall, StringComparison.Ordinal);

        // Bea's connection is hers; the person of another team is not Sam's to see, even though Sam made the connection.
        Assert.DoesNotContain("Walking Football", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Outside Person", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/caseload\"", html, StringComparison.Ordinal);

        var robinReads = (await fixture.Factory.AuditAboutAsync(fixture.Robin)).Where(e => e.Action == AuditActions.Viewed && e.UserId == fixture.Sam.Id).ToList();
        Assert.Contains(robinReads, e => e.Changes!.Contains(FollowUpService.CaseloadAuditPart, StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.Factory.AuditAboutAsync(fixture.Outsider), e => e.Action == AuditActions.Viewed && e.UserId == fixture.Sam.Id);
    }

    [Fact]
    public async Task The_team_view_shows_colleagues_connections_and_staff_of_another_team_see_none_of_them()
    {
        using var sam = fixture.Factory.CreateClient();
        await sam.SignInAsync(fixture.Sam);
        var team = WebUtility.HtmlDecode(await sam.GetStringAsync("/caseload?view=team"));
        Assert.Contains("Walking Football", team, StringComparison.Ordinal);
        Assert.Contains($"Made by {fixture.Bea.DisplayName}", team, StringComparison.Ordinal);
        Assert.DoesNotContain("Outside Person", team, StringComparison.Ordinal);

        using var other = fixture.Factory.CreateClient();
        await other.SignInAsync(fixture.Other);
        foreach (var url in new[] { "/caseload", "/caseload?view=team" })
        {
            var html = WebUtility.HtmlDecode(await other.GetStringAsync(url));
            Assert.DoesNotContain("Robin Example", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Riverside Allotments", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/people/{fixture.Robin}/connections/{fixture.Due}/follow-up")).StatusCode);

        using var person = fixture.Factory.CreateClient();
        await person.SignInAsync(await fixture.Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/caseload")).StatusCode);

        using var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/caseload");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/sign-in", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_up_page_refuses_bad_input_with_an_error_summary_and_saves_nothing()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Sam);
        var url = $"/people/{fixture.Robin}/connections/{fixture.Waiting}/follow-up";
        var page = await client.GetStringAsync(url);
        var fields = HiddenFields(page);

        var noOutcome = await client.PostFormAsync(url, new(fields) { ["Move"] = "none" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        var html = WebUtility.HtmlDecode(await noOutcome.Content.ReadAsStringAsync());
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select how the follow-up went", html, StringComparison.Ordinal);

        var noReason = await client.PostFormAsync(url, new(fields) { ["Outcome"] = "SpokeToThem", ["Move"] = "Rejected", ["Note"] = "They have decided" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("Give a reason for marking the connection as declined", html, StringComparison.Ordinal);
        Assert.Contains("They have decided", html, StringComparison.Ordinal);

        var notAllowed = await client.PostFormAsync(url, new(fields) { ["Outcome"] = "SpokeToThem", ["Move"] = "Completed", ["MoveReason"] = "Done" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, notAllowed.StatusCode);
        Assert.Contains("Select a change from the list, or no change", WebUtility.HtmlDecode(await notAllowed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var tooLong = await client.PostFormAsync(url, new(fields) { ["Outcome"] = "SpokeToThem", ["Move"] = "none", ["Note"] = new string('x', 2001) }, page);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.ConnectionFollowUps.CountAsync(f => f.ConnectionId == fixture.Waiting)));
        Assert.Equal(ConnectionStatus.Requested, await fixture.Factory.WithDbAsync(db => db.Connections.Where(c => c.Id == fixture.Waiting).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{fixture.Robin}/connections/{Guid.NewGuid()}/follow-up")).StatusCode);
    }

    [Fact]
    public async Task Recording_a_follow_up_with_first_attended_saves_both_once_even_when_posted_twice_and_offers_a_check_in()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Sam);
        var url = $"/people/{fixture.Robin}/connections/{fixture.Due}/follow-up";
        var page = await client.GetStringAsync(url);
        Assert.Contains("Follow-up 1, due", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var form = new Dictionary<string, string>(HiddenFields(page))
        {
            ["Outcome"] = "SpokeToThem",
            ["Note"] = "Went on Tuesday and loved it",
            ["Move"] = "InProgress",
        };

        var first = await client.PostFormAsync(url, form, page);
        var second = await client.PostFormAsync(url, form, page);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith("/follow-up?recorded=true", response.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        }

        var done = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("Follow-up recorded", done, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{fixture.Robin}/check-ins/new?instrument=ons4&stage=FollowUp&connection={fixture.Due}\"", done, StringComparison.Ordinal);

        var (followUps, status, starts) = await fixture.Factory.WithDbAsync(async db => (
            await db.ConnectionFollowUps.AsNoTracking().Where(f => f.ConnectionId == fixture.Due).ToListAsync(),
            await db.Connections.Where(c => c.Id == fixture.Due).Select(c => c.Status).SingleAsync(),
            await db.ConnectionTransitions.CountAsync(t => t.ConnectionId == fixture.Due && t.To == ConnectionStatus.InProgress)));
        var followUp = Assert.Single(followUps);
        Assert.Equal(1, followUp.Number);
        Assert.Equal(FollowUpOutcome.SpokeToThem, followUp.Outcome);
        Assert.Equal("Went on Tuesday and loved it", followUp.Note);
        Assert.Equal(fixture.Sam.Id, followUp.DoneByUserId);
        Assert.Equal(ConnectionStatus.InProgress, status);
        Assert.Equal(1, starts);

        // It leaves "Needs a call" for "Connected", and the reminder for it was sent once, to Sam, without the person's name.
        var (needsACall, _, connected) = Groups(WebUtility.HtmlDecode(await client.GetStringAsync("/caseload")));
        Assert.DoesNotContain("Riverside Allotments", needsACall, StringComparison.Ordinal);
        Assert.Contains("Riverside Allotments", connected, StringComparison.Ordinal);
        var reminder = await fixture.Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.EventKey == FollowUpService.ReminderEventKey(fixture.Due, 1)));
        Assert.Equal(fixture.Sam.Email, reminder.Recipient);
        Assert.DoesNotContain("Robin", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("/caseload", reminder.Body, StringComparison.Ordinal);
    }

    private static (string NeedsACall, string Waiting, string Connected) Groups(string html)
    {
        var needs = html.IndexOf("id=\"needs-a-call\"", StringComparison.Ordinal);
        var waiting = html.IndexOf("id=\"waiting\"", StringComparison.Ordinal);
        var connected = html.IndexOf("id=\"connected\"", StringComparison.Ordinal);
        Assert.True(needs >= 0 && waiting > needs && connected > waiting, "The three groups are shown in order.");
        return (html[needs..waiting], html[waiting..connected], html[connected..]);
    }

    private static Dictionary<string, string> HiddenFields(string html) => new()
    {
        ["Version"] = Value(html, "Version"),
        ["FollowUpId"] = Value(html, "FollowUpId"),
    };

    private static string Value(string html, string name)
    {
        var marker = $"name=\"{name}\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The form has a {name} field.");
        start += marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Sam { get; private set; } = null!;

        public TestUser Bea { get; private set; } = null!;

        public TestUser Other { get; private set; } = null!;

        public Guid Robin { get; private set; }

        public Guid Outsider { get; private set; }

        /// <summary>Introduced 3 days ago, no reply.</summary>
        public Guid Waiting { get; private set; }

        /// <summary>Accepted; introduced 20 days ago, so its first follow-up is due.</summary>
        public Guid Due { get; private set; }

        public async Task InitializeAsync()
        {
            Sam = await Factory.CreateUserAsync(KithRoles.Practitioner);
            Bea = await Factory.CreateUserAsync(KithRoles.Practitioner);
            Other = await Factory.CreateUserAsync(KithRoles.Practitioner);
            var teamId = await Factory.CreateTeamAsync("Connectors", false, Sam, Bea);
            var otherTeam = await Factory.CreateTeamAsync("Elsewhere", false, Other);
            Robin = await Factory.CreatePersonAsync(teamId, "Robin Example");
            var alex = await Factory.CreatePersonAsync(teamId, "Alex Sample");
            var jo = await Factory.CreatePersonAsync(teamId, "Jo Colleague");
            Outsider = await Factory.CreatePersonAsync(otherTeam, "Outside Person");

            var sam = new ProcessContext(Sam.Id, Sam.DisplayName);
            var bea = new ProcessContext(Bea.Id, Bea.DisplayName);
            var group = new ProcessContext(null, "The group (by link)");
            await Factory.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                Guid Make(Guid personId, string assetName, ProcessContext by, int daysAgo, params (ConnectionStatus To, string? Note)[] moves)
                {
                    var asset = new CommunityAsset { Name = assetName, Organization = new Organization { Name = $"{assetName} group" }, CreatedAt = now, LastModified = now };
                    db.CommunityAssets.Add(asset);
                    var at = now.AddDays(-daysAgo);
                    var connection = Connection.Create(personId, asset.Id, ConnectionKind.Introduction, by, at);
                    db.ConnectionTransitions.Add(connection.Introduce(by, at));
                    foreach (var (to, note) in moves)
                    {
                        at = at.AddDays(1);
                        db.ConnectionTransitions.Add(connection.MoveTo(to, to == ConnectionStatus.Rejected ? group : by, at, note));
                    }

                    db.Connections.Add(connection);
                    return connection.Id;
                }

                Waiting = Make(Robin, "Knit and Natter", sam, 3);
                Due = Make(Robin, "Riverside Allotments", sam, 20, (ConnectionStatus.Accepted, null));
                Make(alex, "Bakers Circle", sam, 5, (ConnectionStatus.Accepted, null));
                Make(alex, "Choir on the Hill", sam, 4, (ConnectionStatus.Rejected, "Meets on the wrong day"));
                Make(jo, "Walking Football", bea, 2);
                Make(Outsider, "Secret Garden", sam, 30, (ConnectionStatus.Accepted, null));
                await db.SaveChangesAsync();
                return 0;
            });

            var outcome = await Factory.Services.GetRequiredService<FollowUpSweeper>().SweepOnceAsync(CancellationToken.None);
            Assert.NotNull(outcome);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
