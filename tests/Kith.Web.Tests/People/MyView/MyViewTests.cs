using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.People.MyView;

/// <summary>The person's own view: invitation, their plan, suggestions and the access log.</summary>
public sealed partial class MyViewTests : IClassFixture<MyViewTests.Fixture>
{
    private readonly Fixture fixture;

    public MyViewTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task An_invited_person_chooses_a_password_and_sees_their_plan_strengths_before_goals()
    {
        var f = fixture.Factory;
        var email = $"robin-{Guid.NewGuid():N}@example.org";
        var personId = await f.CreatePersonAsync(fixture.TeamId, "Robin Invited", p => p.Email = email);
        await f.WithDbAsync(async db =>
        {
            db.Strengths.Add(new Strength { PersonId = personId, Category = StrengthCategory.Skill, Words = "I fix bikes", SearchText = "i fix bikes", RecordedByName = "Sam", NamedBy = NamedBy.Person });
            db.Goals.Add(new Goal { PersonId = personId, Words = "Ride to the coast", CreatedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var staff = f.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);

        var sent = await staff.PostFormAsync($"/people/{personId}/invite", []);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Invitation sent", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var body = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).Select(m => m.Body).SingleAsync());
        var link = new Uri(Link().Match(body).Value);
        Assert.Contains("7 days", body, StringComparison.Ordinal);

        using var person = f.CreateClient();
        var accepted = await person.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = TestAccounts.Password, ["Input.ConfirmPassword"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("/my", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("I fix bikes", html, StringComparison.Ordinal);
        var strengths = html.IndexOf("What you are good at and love", StringComparison.Ordinal);
        var goals = html.IndexOf("Your goals", StringComparison.Ordinal);
        Assert.True(strengths >= 0 && goals > strengths, "Strengths come before goals");
        Assert.True(html.IndexOf("Ride to the coast", StringComparison.Ordinal) > goals);

        // The link works once.
        using var again = f.CreateClient();
        var reused = await again.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("Ask your worker to send you a new invitation", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_someone_without_an_email_address_says_to_add_it()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "No Email");
        using var staff = fixture.Factory.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);

        var response = await staff.PostFormAsync($"/people/{personId}/invite", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Add their email address on the details page first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_invitation_link_says_to_ask_for_a_new_one()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync($"/account/accept-invitation?user={fixture.PersonUser.Id}&token=nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ask your worker", (await response.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suggested_goal_edit_accepted_by_the_practitioner_changes_the_goal_and_marks_it_written_by_the_person()
    {
        var f = fixture.Factory;
        var goalId = await f.WithDbAsync(async db =>
        {
            var goal = new Goal { PersonId = fixture.PersonId, Words = "Get out more", CreatedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow };
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        using var person = f.CreateClient();
        await person.SignInAsync(fixture.PersonUser);

        var form = await person.GetStringAsync($"/my/suggest?goal={goalId}");
        Assert.Contains("Get out more", form, StringComparison.Ordinal);
        var suggested = await person.PostFormAsync($"/my/suggest?goal={goalId}", new() { ["Words"] = "Walk with the Tuesday group every week" }, form);
        Assert.Equal("/my/suggestions", suggested.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("waiting for your worker", await suggested.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var staff = f.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);
        var page = await staff.GetStringAsync($"/people/{fixture.PersonId}/suggestions");
        Assert.Contains("Walk with the Tuesday group every week", page, StringComparison.Ordinal);
        var id = await f.WithDbAsync(db => db.Set<SuggestedChange>().Where(s => s.TargetId == goalId).Select(s => s.Id).SingleAsync());
        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector($"form:has(input[name=Id][value='{id}']) input[name=Shown]")?.GetAttribute("value");
        Assert.Equal("Get out more", shown);

        // Another practitioner rewords the goal while this page is open: accepting from it is refused, nothing changes.
        await f.WithDbAsync(async db =>
        {
            var goal = await db.Goals.SingleAsync(g => g.Id == goalId);
            goal.Words = "Get out of the house more";
            goal.Version++;
            await db.SaveChangesAsync();
            return 0;
        });
        var stale = await staff.PostFormAsync($"/people/{fixture.PersonId}/suggestions?handler=Accept", new() { ["Id"] = id.ToString(), ["Shown"] = shown! }, page);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("The record has changed since this page was opened", staleHtml, StringComparison.Ordinal);
        Assert.Contains("Get out of the house more", staleHtml, StringComparison.Ordinal);
        Assert.Equal("Get out of the house more", await f.WithDbAsync(db => db.Goals.AsNoTracking().Where(g => g.Id == goalId).Select(g => g.Words).SingleAsync()));

        var accepted = await staff.PostFormAsync(
            $"/people/{fixture.PersonId}/suggestions?handler=Accept", new() { ["Id"] = id.ToString(), ["Shown"] = "Get out of the house more" }, staleHtml);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var goal = await f.WithDbAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal("Walk with the Tuesday group every week", goal.Words);
        Assert.True(goal.WrittenByPerson);
        Assert.Equal(3, goal.Version);
        var plan = await person.GetStringAsync("/my");
        Assert.Contains("written by you", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_log_lists_the_practitioners_view()
    {
        using var staff = fixture.Factory.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/people/{fixture.PersonId}")).StatusCode);

        using var person = fixture.Factory.CreateClient();
        await person.SignInAsync(fixture.PersonUser);
        await person.GetStringAsync("/my");
        var log = await person.GetStringAsync("/my/access-log");

        Assert.Contains(fixture.Practitioner.DisplayName, log, StringComparison.Ordinal);
        Assert.Contains("Looked at the record", log, StringComparison.Ordinal);
        Assert.Matches(@">\s*You\s*</td>", log);
        var staffLog = await staff.GetStringAsync($"/people/{fixture.PersonId}/access-log");
        Assert.Contains(fixture.Practitioner.DisplayName, staffLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_asking_for_another_persons_record_is_refused_and_it_is_audited()
    {
        var other = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Someone Else");
        using var person = fixture.Factory.CreateClient();
        await person.SignInAsync(fixture.PersonUser);

        var response = await person.GetAsync($"/people/{other}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(other), e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.PersonUser.Id);
    }

    [Theory]
    [InlineData("invite")]
    [InlineData("suggestions")]
    [InlineData("access-log")]
    public async Task Staff_of_another_team_are_refused_the_staff_pages_and_it_is_audited(string page)
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);
        var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);

        var response = await client.GetAsync($"/people/{fixture.PersonId}/{page}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);
        Assert.True(after > before);
    }

    [Fact]
    public async Task Staff_cannot_open_the_persons_own_pages()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);

        var response = await client.GetAsync("/my");

        Assert.False(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == "/my", "Staff must not see a person's own pages");
    }

    [GeneratedRegex(@"https?://\S*/account/accept-invitation\?\S+")]
    private static partial Regex Link();

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Practitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public TestUser PersonUser { get; private set; } = null!;

        public Guid TeamId { get; private set; }

        public Guid PersonId { get; private set; }

        public async Task InitializeAsync()
        {
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            PersonUser = await Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
            TeamId = await Factory.CreateTeamAsync("Connectors", false, Practitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(TeamId, "Robin Example", p => p.UserId = PersonUser.Id);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
