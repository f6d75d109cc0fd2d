using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Surveys;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Relationships.Surveys;

/// <summary>The managers' survey pages and the respondent's emailed link (ADR 25).</summary>
public sealed partial class SurveyPagesTests : IClassFixture<SurveyPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public SurveyPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Practitioners_cannot_open_the_survey_pages_and_managers_can()
    {
        var f = fixture.Factory;
        using var practitioner = f.CreateClient();
        await practitioner.SignInAsync(fixture.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/relationships/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/relationships/surveys/new")).StatusCode);

        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/relationships/surveys")).StatusCode);
        var form = WebUtility.HtmlDecode(await manager.GetStringAsync("/relationships/surveys/new"));
        Assert.Contains("Set up a survey round", form, StringComparison.Ordinal);
        Assert.Contains("These people have no email address on the map", form, StringComparison.Ordinal);
        Assert.Contains("Cal Nomail", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"Recipients\" type=\"checkbox\" value=\"{fixture.Alex}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"Recipients\" type=\"checkbox\" value=\"{fixture.NoEmail}\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/relationships/surveys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_new_round_with_mistakes_is_shown_again_with_every_problem_and_what_was_typed_and_nothing_saved()
    {
        var f = fixture.Factory;
        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var before = await f.WithDbAsync(db => db.SurveyRounds.CountAsync());
        var response = await manager.PostFormAsync("/relationships/surveys/new", new()
        {
            ["Title"] = "Autumn check",
            ["Topic"] = string.Empty,
            ["ClosesOn.Day"] = "31",
            ["ClosesOn.Month"] = "2",
            ["ClosesOn.Year"] = "2030",
            ["RosterChoice"] = "everyone",
            ["Recipients"] = fixture.NoEmail.ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter what the questions are about", html, StringComparison.Ordinal);
        Assert.Contains("Choose at least one question that asks people to name others", html, StringComparison.Ordinal);
        Assert.Contains("Enter the closing date as a real date", html, StringComparison.Ordinal);
        Assert.Contains("Only staff members and resident representatives with an email address", html, StringComparison.Ordinal);
        Assert.Contains("Choose at least one person who may see the personal answers", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Autumn check\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await f.WithDbAsync(db => db.SurveyRounds.CountAsync()));

        // Every form needs its antiforgery token.
        using var bare = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync("/relationships/surveys/new", bare)).StatusCode);
    }

    [Fact]
    public async Task A_round_is_set_up_sent_answered_by_link_without_an_account_closed_and_then_its_link_is_gone()
    {
        var f = fixture.Factory;
        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var roundId = await fixture.CreateRoundAsync(manager, "Spring partnership survey");
        var roundUrl = $"/relationships/surveys/{roundId}";
        var roundPage = await manager.GetStringAsync(roundUrl);
        Assert.Contains("Not sent yet", roundPage, StringComparison.Ordinal);

        var sent = await manager.PostFormAsync(roundUrl + "?handler=Send", [], roundPage);
        Assert.Equal(roundUrl, sent.RequestMessage?.RequestUri?.AbsolutePath);
        var recipients = await f.WithDbAsync(db => db.SurveyRecipients.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync());
        var alexRecipient = recipients.Single(r => r.ActorId == fixture.Alex);
        var email = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.EventKey == RelationshipSurveyService.EventKey(alexRecipient.Id)));
        Assert.Equal("alex@council.example", email.Recipient);
        Assert.DoesNotContain("Alex", email.Body, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(email.Body).Value).PathAndQuery;

        // The respondent, with no account.
        using var respondent = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var open = await respondent.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("no-referrer", open.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", open.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var about = WebUtility.HtmlDecode(await open.Content.ReadAsStringAsync());
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", about, StringComparison.Ordinal);
        Assert.Contains("seen by the organisation's managers", about, StringComparison.Ordinal);
        Assert.Contains($"{fixture.Manager.DisplayName} (manager)", about, StringComparison.Ordinal);
        Assert.Contains("kept for 24 months", about, StringComparison.Ordinal);

        // The respondent's forms and the manager's buttons need their antiforgery tokens.
        using (var bare = new FormUrlEncodedContent(new Dictionary<string, string> { ["Step"] = "agree", ["Agreed"] = "yes" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await respondent.PostAsync(link, bare)).StatusCode);
        }

        using (var bare = new FormUrlEncodedContent(new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(roundUrl + "?handler=Close", bare)).StatusCode);
        }

        var noChoice = await respondent.PostFormAsync(link, new() { ["Step"] = "agree" }, about);
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Contains("Choose yes if you agree", WebUtility.HtmlDecode(await noChoice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var declined = await respondent.PostFormAsync(link, new() { ["Step"] = "agree", ["Agreed"] = "no" }, about);
        Assert.Contains("Nothing has been saved", WebUtility.HtmlDecode(await declined.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var choose = WebUtility.HtmlDecode(await (await respondent.PostFormAsync(link, new() { ["Step"] = "agree", ["Agreed"] = "yes" }, about)).Content.ReadAsStringAsync());
        Assert.Contains("Who do you work with on mental health in Northfield?", choose, StringComparison.Ordinal);
        Assert.Contains("Northfield Trust", choose, StringComparison.Ordinal);
        Assert.DoesNotContain(">Alex Worker<", choose, StringComparison.Ordinal);
        var version = Regex.Match(choose, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var bea = fixture.Bea.ToString("N");
        var trust = fixture.Trust.ToString("N");
        Dictionary<string, string> Form(params (string Key, string Value)[] extra)
        {
            var form = new Dictionary<string, string> { ["Agreed"] = "yes", ["Version"] = version };
            foreach (var (key, value) in extra)
            {
                form[key] = value;
            }

            return form;
        }

        // Someone not on the list (a made-up id) is refused.
        var offList = await respondent.PostFormAsync(link, Form(("Step", "choose"), ("Chosen", $"{Guid.NewGuid():N}:WorksWith")), choose);
        Assert.Equal(HttpStatusCode.BadRequest, offList.StatusCode);
        Assert.Contains("not on this survey's list", WebUtility.HtmlDecode(await offList.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var chosen = new FormUrlEncodedContent([
            new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(choose)), new("Step", "choose"), new("Agreed", "yes"), new("Version", version),
            new("Chosen", $"{bea}:WorksWith"), new("Chosen", $"{bea}:SeeksAdviceFrom"), new("Chosen", $"{trust}:WorksWith")]);
        var details = WebUtility.HtmlDecode(await (await respondent.PostAsync(link, chosen)).Content.ReadAsStringAsync());
        Assert.Contains("How strong is your relationship with Bea Officer?", details, StringComparison.Ordinal);
        Assert.Contains("How does working with Northfield Trust affect your energy?", details, StringComparison.Ordinal);

        Dictionary<string, string> Details(string beaStrength) => Form(
            ("Step", "details"), ("Chosen", $"{trust}:WorksWith"),
            ($"Strength[{bea}]", beaStrength), ($"Energy[{bea}]", "Energising"), ($"Note[{bea}]", "Weekly huddle"),
            ($"Strength[{trust}]", "2"), ($"Energy[{trust}]", "Draining"));

        // Dictionary forms keep one Chosen value; the Bea ties are added in the raw posts below.
        using var badStrength = new FormUrlEncodedContent(Details("7").Append(new("Chosen", $"{bea}:WorksWith")).Append(new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(details))));
        var bad = await respondent.PostAsync(link, badStrength);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Choose how strong your relationship with Bea Officer is, from 1 (weak) to 5 (strong)", badHtml, StringComparison.Ordinal);
        Assert.Contains("Weekly huddle", badHtml, StringComparison.Ordinal);

        using var goodDetails = new FormUrlEncodedContent(Details("4").Append(new("Chosen", $"{bea}:WorksWith")).Append(new("Chosen", $"{bea}:SeeksAdviceFrom")).Append(new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(details))));
        var check = WebUtility.HtmlDecode(await (await respondent.PostAsync(link, goodDetails)).Content.ReadAsStringAsync());
        Assert.Contains("Check your answers", check, StringComparison.Ordinal);
        Assert.Contains("strength 4", check, StringComparison.Ordinal);
        Assert.Equal(0, await f.WithDbAsync(db => db.RelationshipTies.CountAsync(t => t.SurveyRoundId == roundId)));

        var save = await respondent.PostAsync(link, SaveForm(check));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var thanks = WebUtility.HtmlDecode(await respondent.GetStringAsync(save.Headers.Location!.OriginalString));
        Assert.Contains("Your answers have been saved", thanks, StringComparison.Ordinal);

        var ties = await f.WithDbAsync(db => db.RelationshipTies.AsNoTracking().Where(t => t.SurveyRoundId == roundId).ToListAsync());
        Assert.Equal(3, ties.Count);
        Assert.All(ties, t => Assert.Equal((TieSource.Survey, fixture.Alex), (t.Source, t.FromActorId)));
        Assert.Equal((2, TieEnergy.Draining), ties.Where(t => t.ToActorId == fixture.Trust).Select(t => (t.Strength, t.Energy!.Value)).Single());
        var alex = await f.WithDbAsync(db => db.RelationshipActors.AsNoTracking().SingleAsync(a => a.Id == fixture.Alex));
        Assert.Equal("in the survey", alex.AgreementHow);

        // Opening the link again starts from the saved answers, which can be changed while the round is open.
        var reopened = WebUtility.HtmlDecode(await (await respondent.PostFormAsync(link, new() { ["Step"] = "agree", ["Agreed"] = "yes" }, about)).Content.ReadAsStringAsync());
        Assert.Matches($"value=\"{bea}:SeeksAdviceFrom\" checked", reopened);
        Assert.DoesNotMatch($"value=\"{trust}:SeeksAdviceFrom\" checked", reopened);

        // The same check page posted again is stale: the answers changed since it was shown.
        var stale = await respondent.PostAsync(link, SaveForm(check));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // A tampered token is one page that names nothing.
        var tampered = await respondent.GetAsync(link[..^2] + (link[^2] == 'A' ? "BB" : "AA"));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        var tamperedHtml = WebUtility.HtmlDecode(await tampered.Content.ReadAsStringAsync());
        Assert.Contains("This link does not work", tamperedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring partnership survey", tamperedHtml, StringComparison.Ordinal);

        // The manager sees who answered, and closes the round.
        var afterAnswers = WebUtility.HtmlDecode(await manager.GetStringAsync(roundUrl));
        Assert.Contains("1 of 2 sent", afterAnswers, StringComparison.Ordinal);
        Assert.DoesNotContain("Weekly huddle", afterAnswers, StringComparison.Ordinal);
        var reminded = await manager.PostFormAsync(roundUrl + "?handler=Remind", [], afterAnswers);
        Assert.Equal(roundUrl, reminded.RequestMessage?.RequestUri?.AbsolutePath);
        var beaRecipient = recipients.Single(r => r.ActorId == fixture.Bea);
        Assert.Equal(1, await f.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventKey == RelationshipSurveyService.ReminderEventKey(beaRecipient.Id, 1))));
        Assert.Equal(0, await f.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventKey == RelationshipSurveyService.ReminderEventKey(alexRecipient.Id, 1))));
        await manager.PostFormAsync(roundUrl + "?handler=Close", [], afterAnswers);

        var closed = await respondent.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        Assert.Contains($"This survey closed on {today}. Your answers were kept.", WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var lateSave = await respondent.PostAsync(link, SaveForm(check));
        Assert.Equal(HttpStatusCode.Gone, lateSave.StatusCode);
        Assert.Equal(3, await f.WithDbAsync(db => db.RelationshipTies.CountAsync(t => t.SurveyRoundId == roundId)));

        FormUrlEncodedContent SaveForm(string page)
        {
            var fields = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
                .Where(kv => kv.Key != "__RequestVerificationToken")
                .Append(new("Step", "save"))
                .Append(new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(page)));
            return new FormUrlEncodedContent(fields);
        }
    }

    [Fact]
    public async Task The_answers_page_is_for_the_named_viewers_only_and_each_look_is_audited()
    {
        var f = fixture.Factory;
        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var roundId = await fixture.CreateRoundAsync(manager, "Answers round");
        var roundPage = await manager.GetStringAsync($"/relationships/surveys/{roundId}");
        Assert.Contains("See the personal answers", roundPage, StringComparison.Ordinal);
        var answers = await manager.GetAsync($"/relationships/surveys/{roundId}/answers");
        Assert.Equal(HttpStatusCode.OK, answers.StatusCode);
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == RelationshipSurveyService.AnswersViewedEntityType && e.EntityId == roundId.ToString() && e.UserId == fixture.Manager.Id)));

        using var other = f.CreateClient();
        await other.SignInAsync(fixture.OtherManager);
        Assert.DoesNotContain("See the personal answers", await other.GetStringAsync($"/relationships/surveys/{roundId}"), StringComparison.Ordinal);
        var refused = await other.GetAsync($"/relationships/surveys/{roundId}/answers");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"Only the people named for this round can see them: {fixture.Manager.DisplayName}", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await f.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == RelationshipSurveyService.AnswersViewedEntityType && e.UserId == fixture.OtherManager.Id)));
    }

    [Fact]
    public async Task Running_a_round_again_copies_it_as_a_draft_and_the_compare_page_sets_the_two_side_by_side()
    {
        var f = fixture.Factory;
        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var firstId = await fixture.CreateRoundAsync(manager, "First round");
        var url = $"/relationships/surveys/{firstId}";
        var page = await manager.GetStringAsync(url);
        Assert.DoesNotContain("Run this round again", page, StringComparison.Ordinal);
        await manager.PostFormAsync(url + "?handler=Send", [], page);
        page = await manager.GetStringAsync(url);

        var badDate = await manager.PostFormAsync(url + "?handler=Repeat", new() { ["AgainClosesOn.Day"] = "40", ["AgainClosesOn.Month"] = "1", ["AgainClosesOn.Year"] = "2030" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Enter the closing date of the new round as a real date", WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var closes = DateTime.UtcNow.AddDays(30);
        var again = await manager.PostFormAsync(url + "?handler=Repeat", new()
        {
            ["AgainTitle"] = "Second round",
            ["AgainClosesOn.Day"] = $"{closes.Day}",
            ["AgainClosesOn.Month"] = $"{closes.Month}",
            ["AgainClosesOn.Year"] = $"{closes.Year}",
        }, page);
        var secondPath = again.RequestMessage!.RequestUri!.AbsolutePath;
        var secondId = Guid.Parse(secondPath["/relationships/surveys/".Length..]);
        Assert.NotEqual(firstId, secondId);
        var second = await f.WithDbAsync(db => db.SurveyRounds.AsNoTracking().Include(r => r.Recipients).SingleAsync(r => r.Id == secondId));
        Assert.Equal((firstId, SurveyStatus.Draft, 2), (second.PreviousRoundId, second.Status, second.Recipients.Count));
        var secondPage = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("copied from the last one", secondPage, StringComparison.Ordinal);
        Assert.Contains("Compare with it", secondPage, StringComparison.Ordinal);

        var compare = await manager.GetAsync($"/relationships/surveys/{secondId}/compare");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        var compareHtml = WebUtility.HtmlDecode(await compare.Content.ReadAsStringAsync());
        Assert.Contains("Second round (this round)", compareHtml, StringComparison.Ordinal);
        Assert.Contains(">First round</th>", compareHtml, StringComparison.Ordinal);
        Assert.Contains(">fewer than 5</td>", compareHtml, StringComparison.Ordinal);
        Assert.Contains("What these figures mean", compareHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/relationships/surveys/{secondId}/compare?with={Guid.NewGuid()}")).StatusCode);
    }

    [GeneratedRegex(@"https?://[^\s]+/survey/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Manager { get; private set; } = null!;

        public TestUser OtherManager { get; private set; } = null!;

        public TestUser Practitioner { get; private set; } = null!;

        public Guid Alex { get; private set; }

        public Guid Bea { get; private set; }

        public Guid NoEmail { get; private set; }

        public Guid Trust { get; private set; }

        public async Task InitializeAsync()
        {
            Manager = await Factory.CreateUserAsync(KithRoles.Manager);
            OtherManager = await Factory.CreateUserAsync(KithRoles.Manager);
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            (Alex, Bea, NoEmail, Trust) = await Factory.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                RelationshipActor Actor(string name, ActorKind kind, string? email, string? sector) =>
                    new() { Name = name, Kind = kind, Email = email, Sector = sector, CreatedAt = now, LastModified = now };
                var alex = Actor("Alex Worker", ActorKind.StaffMember, "alex@council.example", "social care");
                var bea = Actor("Bea Officer", ActorKind.StaffMember, "bea@trust.example", "health");
                var noEmail = Actor("Cal Nomail", ActorKind.ResidentRepresentative, null, null);
                var trust = Actor("Northfield Trust", ActorKind.Organisation, null, "health");
                db.RelationshipActors.AddRange(alex, bea, noEmail, trust);
                await db.SaveChangesAsync();
                return (alex.Id, bea.Id, noEmail.Id, trust.Id);
            });
        }

        /// <summary>Sets up a round through the new-round page (Alex and Bea asked; the manager named) and returns its id.</summary>
        public async Task<Guid> CreateRoundAsync(HttpClient manager, string title)
        {
            var page = await manager.GetStringAsync("/relationships/surveys/new");
            var closes = DateTime.UtcNow.AddDays(10);
            using var form = new FormUrlEncodedContent([
                new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(page)),
                new("Title", title), new("Topic", "mental health in Northfield"),
                new("Questions", "WorksWith"), new("Questions", "Advice"), new("Details", "Strength"), new("Details", "Energy"),
                new("ClosesOn.Day", $"{closes.Day}"), new("ClosesOn.Month", $"{closes.Month}"), new("ClosesOn.Year", $"{closes.Year}"),
                new("RosterChoice", "everyone"), new("Recipients", Alex.ToString()), new("Recipients", Bea.ToString()), new("Viewers", Manager.Id)]);
            var created = await manager.PostAsync("/relationships/surveys/new", form);
            var path = created.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty;
            Assert.StartsWith("/relationships/surveys/", path, StringComparison.Ordinal);
            return Guid.Parse(path["/relationships/surveys/".Length..]);
        }

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
