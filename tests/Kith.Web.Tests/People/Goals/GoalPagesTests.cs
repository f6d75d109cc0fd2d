using System.Net;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.People.Goals;

/// <summary>The goal, concern, instrument and check-in pages over HTTP: who may see them, and what bad input does.</summary>
public sealed class GoalPagesTests : IClassFixture<GoalPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public GoalPagesTests(Fixture fixture) => this.fixture = fixture;

    public static TheoryData<string> Routes => new(
        "/people/{0}/goals",
        "/people/{0}/goals/new",
        "/people/{0}/goals/{1}",
        "/people/{0}/concerns",
        "/people/{0}/concerns/new",
        "/people/{0}/concerns/{2}",
        "/people/{0}/check-ins",
        "/people/{0}/check-ins/new",
        "/people/{0}/check-ins/new?instrument=ons4");

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_practitioner_of_another_team_is_refused_and_the_refusal_is_audited(string route)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, fixture.PersonId, fixture.GoalId, fixture.ConcernId);
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);
        var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);

        using var get = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        var after = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);
        Assert.True(after > before, "the refusal was not audited");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_team_practitioner_sees_each_page(string route)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, fixture.PersonId, fixture.GoalId, fixture.ConcernId);
        using var client = await fixture.TeamClientAsync();

        using var get = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task A_goal_is_added_and_words_too_long_are_refused_with_nothing_saved()
    {
        using var client = await fixture.TeamClientAsync();
        var url = $"/people/{fixture.PersonId}/goals/new";
        var token = TestAccounts.AntiforgeryToken(await client.GetStringAsync(url));
        var before = await CountGoalsAsync();

        using var tooLong = await client.PostAsync(url, Form(token, ("Input.Words", new string('a', Goal.WordsLimit + 1)), ("Input.Status", "Active"), ("Input.UsesAttainmentScale", "false")));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1000 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountGoalsAsync());

        using var ok = await client.PostAsync(url, Form(token, ("Input.Words", "I want to cook for friends"), ("Input.Status", "Active"), ("Input.UsesAttainmentScale", "false"), ("Input.Marks", "written-by-person")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(before + 1, await CountGoalsAsync());
    }

    [Fact]
    public async Task A_gas_score_of_3_is_refused_and_a_score_of_1_is_saved()
    {
        using var client = await fixture.TeamClientAsync();
        var url = $"/people/{fixture.PersonId}/goals/{fixture.GoalId}";
        var page = await client.GetStringAsync(url);
        Assert.Contains("name=\"Input.Levels[4]\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Rating.Score\"", page, StringComparison.Ordinal);
        var token = TestAccounts.AntiforgeryToken(page);
        var date = new[] { ("Rating.RatedOn.Day", "1"), ("Rating.RatedOn.Month", "12"), ("Rating.RatedOn.Year", "2026") };

        using var bad = await client.PostAsync(url + "?handler=rate", Form(token, [("Rating.Score", "3"), .. date]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose a score from −2 to +2", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.GoalRatings.CountAsync(r => r.GoalId == fixture.GoalId && r.Score == 3)));

        using var good = await client.PostAsync(url + "?handler=rate", Form(token, [("Rating.Score", "1"), .. date]));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.GoalRatings.CountAsync(r => r.GoalId == fixture.GoalId && r.Score == 1)));
    }

    [Fact]
    public async Task A_stale_edit_shows_both_versions_keeps_what_was_typed_and_saves_nothing()
    {
        using var client = await fixture.TeamClientAsync();
        var goalId = await fixture.Factory.WithDbAsync(async db =>
        {
            var goal = new Goal { PersonId = fixture.PersonId, Words = "Walk to the shops", Version = 2 };
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        var url = $"/people/{fixture.PersonId}/goals/{goalId}";
        var token = TestAccounts.AntiforgeryToken(await client.GetStringAsync(url));

        using var stale = await client.PostAsync(url, Form(token, ("Version", "1"), ("Input.Words", "Walk to the park with my dog"), ("Input.Status", "Active"), ("Input.UsesAttainmentScale", "false")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this goal", html, StringComparison.Ordinal);
        Assert.Contains("Walk to the shops", html, StringComparison.Ordinal);
        Assert.Contains("Walk to the park with my dog", html, StringComparison.Ordinal);
        var saved = await fixture.Factory.WithDbAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal("Walk to the shops", saved.Words);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task An_ons4_answer_of_11_is_refused_with_nothing_saved_and_a_good_check_in_is_saved_unsummed()
    {
        using var client = await fixture.TeamClientAsync();
        var url = $"/people/{fixture.PersonId}/check-ins/new?instrument=ons4";
        var form = await client.GetStringAsync(url);
        Assert.Contains("name=\"Answers[anxious]\"", form, StringComparison.Ordinal);
        Assert.Contains("10 (Completely)", form, StringComparison.Ordinal);
        var token = TestAccounts.AntiforgeryToken(form);
        (string, string)[] rest = [("Answers[worthwhile]", "8"), ("Answers[happy]", "6"), ("Answers[anxious]", "2"), ("Stage", "Start"), ("TakenOn.Day", "1"), ("TakenOn.Month", "12"), ("TakenOn.Year", "2026")];

        using var bad = await client.PostAsync(url, Form(token, [("Answers[satisfied]", "11"), .. rest]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The answer to question 1 must be a whole number from 0 to 10", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.CheckIns.CountAsync(c => c.PersonId == fixture.PersonId)));

        using var future = await client.PostAsync(url, Form(token, [("Answers[satisfied]", "7"), .. rest[..4], ("TakenOn.Day", "1"), ("TakenOn.Month", "1"), ("TakenOn.Year", "2099")]));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        using var good = await client.PostAsync(url, Form(token, [("Answers[satisfied]", "7"), .. rest]));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var html = await good.Content.ReadAsStringAsync();
        Assert.Contains("they are not added up", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Total", html, StringComparison.Ordinal);
        var answers = await fixture.Factory.WithDbAsync(db => db.CheckInAnswers.Where(a => a.PersonId == fixture.PersonId).OrderBy(a => a.ItemKey).Select(a => a.ItemKey + "=" + a.Value).ToListAsync());
        Assert.Equal(["anxious=2", "happy=6", "satisfied=7", "worthwhile=8"], answers);
    }

    [Fact]
    public async Task An_invalid_uploaded_definition_lists_its_errors_and_saves_nothing()
    {
        var admin = await fixture.Factory.CreateUserAsync(KithRoles.Administrator);
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(admin);
        var page = await client.GetStringAsync("/admin/instruments");
        Assert.Contains("ONS personal wellbeing", page, StringComparison.Ordinal);
        Assert.Contains("WEMWBS", page, StringComparison.Ordinal);
        var before = await fixture.Factory.WithDbAsync(db => db.Instruments.CountAsync());

        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestAccounts.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("""{ "key": "Bad Key", "name": "x" }"""u8.ToArray()), "Definition", "bad.json" },
        };
        using var response = await client.PostAsync("/admin/instruments", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.key", html, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", html, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Instruments.CountAsync()));
    }

    [Fact]
    public async Task A_concern_too_long_is_refused_and_a_stale_concern_edit_keeps_both_versions()
    {
        using var client = await fixture.TeamClientAsync();
        var concernId = await fixture.Factory.WithDbAsync(async db =>
        {
            var concern = new Concern { PersonId = fixture.PersonId, Area = ConcernArea.Housing, Description = "Damp in the flat", RaisedOn = new DateOnly(2026, 11, 2), Version = 3 };
            db.Concerns.Add(concern);
            await db.SaveChangesAsync();
            return concern.Id;
        });
        var url = $"/people/{fixture.PersonId}/concerns/{concernId}";
        var token = TestAccounts.AntiforgeryToken(await client.GetStringAsync(url));
        (string, string)[] rest = [("Input.Area", "Housing"), ("Input.Status", "Noted"), ("Input.RaisedOn.Day", "2"), ("Input.RaisedOn.Month", "11"), ("Input.RaisedOn.Year", "2026")];

        using var tooLong = await client.PostAsync(url, Form(token, [("Version", "3"), ("Input.Description", new string('a', Concern.TextLimit + 1)), .. rest]));
        using var stale = await client.PostAsync(url, Form(token, [("Version", "2"), ("Input.Description", "Damp and mould in the bedroom"), .. rest]));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Damp in the flat", html, StringComparison.Ordinal);
        Assert.Contains("Damp and mould in the bedroom", html, StringComparison.Ordinal);
        var saved = await fixture.Factory.WithDbAsync(db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == concernId));
        Assert.Equal("Damp in the flat", saved.Description);
        Assert.Equal(3, saved.Version);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private Task<int> CountGoalsAsync() => fixture.Factory.WithDbAsync(db => db.Goals.CountAsync(g => g.PersonId == fixture.PersonId));

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public Guid PersonId { get; private set; }

        public Guid GoalId { get; private set; }

        public Guid ConcernId { get; private set; }

        public async Task<HttpClient> TeamClientAsync()
        {
            var client = Factory.CreateClient();
            await client.SignInAsync(TeamPractitioner);
            return client;
        }

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            var team = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(team, "Robin Example");
            (GoalId, ConcernId) = await Factory.WithDbAsync(async db =>
            {
                var goal = new Goal { PersonId = PersonId, Words = "Get back on my bike", UsesAttainmentScale = true, Expected = "Ride round the block" };
                var concern = new Concern { PersonId = PersonId, Area = ConcernArea.Money, Description = "Rent arrears", RaisedOn = new DateOnly(2026, 11, 1) };
                db.Goals.Add(goal);
                db.Concerns.Add(concern);
                await db.SaveChangesAsync();
                return (goal.Id, concern.Id);
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
