using System.Net;
using Kith.Core.Connections;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.People.Connections;

/// <summary>
/// The practitioner's connecting pages (connect, dismiss, a connection's page with its moves and ONS4 prompt,
/// preferences) and the person's own view of their connections with their say on how each is going.
/// </summary>
public sealed class ConnectingPagesTests : IClassFixture<ConnectingPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public ConnectingPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Staff_of_another_team_are_refused_every_connecting_page()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);

        foreach (var path in new[]
        {
            $"/people/{personId}/connections/{connectionId}",
            $"/people/{personId}/connections/new?asset={fixture.GardenId}",
            $"/people/{personId}/connections/dismiss?asset={fixture.GardenId}",
            $"/people/{personId}/connections/preferences",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_connection_of_someone_else_or_an_unknown_asset_is_not_found()
    {
        var personId = await fixture.NewPersonAsync();
        var otherId = await fixture.NewPersonAsync();
        var theirs = await fixture.ConnectAsync(otherId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var client = await fixture.PractitionerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{personId}/connections/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{personId}/connections/new?asset={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{personId}/connections/dismiss?asset={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Suggestions_offer_connect_and_not_for_them_and_connections_link_to_their_page()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.BakersId, ConnectionKind.SignpostOnly);
        using var client = await fixture.PractitionerAsync();

        var html = await client.GetStringAsync($"/people/{personId}/connections");

        Assert.Contains($"href=\"/people/{personId}/connections/{connectionId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{personId}/connections/new?asset={fixture.GardenId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{personId}/connections/dismiss?asset={fixture.GardenId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{personId}/connections/preferences\"", html, StringComparison.Ordinal);
        var notForThem = Html(html).QuerySelectorAll("a[role=button]").Select(a => a.TextContent).ToList();
        Assert.Contains("Not for them: Hilltop Garden Club", notForThem);
        Assert.Contains("Connect with Riverside Community Garden", notForThem);
    }

    [Fact]
    public async Task Connecting_signpost_only_makes_a_draft_with_the_note_and_shows_its_page()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await fixture.PractitionerAsync();
        var page = await client.GetStringAsync($"/people/{personId}/connections/new?asset={fixture.GardenId}");
        Assert.Contains("matches &#x27;gardening&#x27; from strengths", page, StringComparison.Ordinal);
        Assert.Contains("Introduce them to the group", page, StringComparison.Ordinal);

        var response = await client.PostFormAsync(
            $"/people/{personId}/connections/new?asset={fixture.GardenId}", new() { ["Kind"] = "SignpostOnly", ["Note"] = "Loves growing things" }, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var connection = await fixture.Factory.WithDbAsync(db => db.Connections.Include(c => c.Transitions).SingleAsync(c => c.PersonId == personId));
        Assert.Equal($"/people/{personId}/connections/{connection.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(ConnectionStatus.Draft, connection.Status);
        Assert.Equal(ConnectionKind.SignpostOnly, connection.Kind);
        Assert.Equal("Loves growing things", Assert.Single(connection.Transitions).Note);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Passed on to them", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/introduce", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connecting_without_choosing_how_or_introducing_to_a_signpost_only_group_is_refused_with_a_message()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/new?asset={fixture.HilltopId}";
        var page = await client.GetStringAsync(url);
        Assert.DoesNotContain("Introduce them to the group", page, StringComparison.Ordinal);

        var none = await client.PostFormAsync(url, new() { ["Kind"] = string.Empty }, page);
        var introduction = await client.PostFormAsync(url, new() { ["Kind"] = "Introduction" }, page);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose how to connect them", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, introduction.StatusCode);
        Assert.Contains("does not take introductions", await introduction.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Connections.AnyAsync(c => c.PersonId == personId)));
    }

    [Fact]
    public async Task Each_move_is_recorded_and_a_double_post_moves_once()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/{connectionId}";
        var page = await client.GetStringAsync(url);

        var first = await client.PostFormAsync(url, new() { ["Move"] = "Requested", ["Version"] = "1", ["Note"] = "Gave them the leaflet" }, page);
        var second = await client.PostFormAsync(url, new() { ["Move"] = "Requested", ["Version"] = "1", ["Note"] = "Gave them the leaflet" }, page);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Recorded: introduced.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already recorded", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        page = await client.GetStringAsync(url);
        await client.PostFormAsync(url, new() { ["Move"] = "Accepted", ["Version"] = "2" }, page);
        page = await client.GetStringAsync(url);
        var started = await client.PostFormAsync(url, new() { ["Move"] = "InProgress", ["Version"] = "3", ["Note"] = "First Tuesday" }, page);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        var connection = await fixture.Factory.WithDbAsync(db => db.Connections.Include(c => c.Transitions).SingleAsync(c => c.Id == connectionId));
        Assert.Equal(ConnectionStatus.InProgress, connection.Status);
        Assert.Equal(
            [ConnectionStatus.Draft, ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress],
            connection.Transitions.OrderBy(t => t.Sequence).Select(t => t.To));
        var history = WebUtility.HtmlDecode(await started.Content.ReadAsStringAsync());
        Assert.Contains("Gave them the leaflet", history, StringComparison.Ordinal);
        Assert.Contains("First Tuesday", history, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}/follow-up\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_illegal_move_a_missing_reason_and_a_stale_page_each_get_a_clear_message_and_change_nothing()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/{connectionId}";
        var page = await client.GetStringAsync(url);

        var illegal = await client.PostFormAsync(url, new() { ["Move"] = "Completed", ["Version"] = "1", ["Note"] = "Done" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        var illegalHtml = WebUtility.HtmlDecode(await illegal.Content.ReadAsStringAsync());
        Assert.Contains("nhsuk-error-summary", illegalHtml, StringComparison.Ordinal);
        Assert.Contains("cannot become completed", illegalHtml, StringComparison.Ordinal);

        await client.PostFormAsync(url, new() { ["Move"] = "Requested", ["Version"] = "1" }, page);
        page = await client.GetStringAsync(url);
        var noReason = await client.PostFormAsync(url, new() { ["Move"] = "Rejected", ["Version"] = "2" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give a reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stale = await client.PostFormAsync(url, new() { ["Move"] = "Accepted", ["Version"] = "1" }, page);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since you opened it", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var connection = await fixture.Factory.WithDbAsync(db => db.Connections.SingleAsync(c => c.Id == connectionId));
        Assert.Equal(ConnectionStatus.Requested, connection.Status);
        Assert.Equal(2, connection.Version);
    }

    [Fact]
    public async Task A_draft_introduction_links_to_the_introduction_page_and_cannot_be_moved_on_from_here()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.Introduction);
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/{connectionId}";
        var page = await client.GetStringAsync(url);

        Assert.Contains($"href=\"{url}/introduce\"", page, StringComparison.Ordinal);
        Assert.Contains("Introduce (asks for consent)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Introduced to the group", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/follow-up", page, StringComparison.Ordinal);

        var response = await client.PostFormAsync(url, new() { ["Move"] = "Requested", ["Version"] = "1" }, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asks for their consent first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ConnectionStatus.Draft, await fixture.Factory.WithDbAsync(db => db.Connections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_connection_page_prompts_for_the_start_ons4_until_one_is_recorded()
    {
        var personId = await fixture.NewPersonAsync();
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/{connectionId}";

        var page = await client.GetStringAsync(url);
        var link = $"/people/{personId}/check-ins/new?instrument=ons4&amp;stage=Start&amp;connection={connectionId}";
        Assert.Contains("At the start: an ONS4 wellbeing check-in is due.", page, StringComparison.Ordinal);
        Assert.Contains(link, page, StringComparison.Ordinal);

        var checkIn = await client.GetStringAsync(WebUtility.HtmlDecode(link));
        Assert.True(Html(checkIn).QuerySelector("input[name=Stage][value=Start]")?.HasAttribute("checked"));
        Assert.Contains($"connection={connectionId}", checkIn, StringComparison.Ordinal);
        var answers = new Dictionary<string, string> { ["Stage"] = "Start" };
        foreach (var item in new[] { "satisfied", "worthwhile", "happy", "anxious" })
        {
            answers[$"Answers[{item}]"] = "6";
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        answers["TakenOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        answers["TakenOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        answers["TakenOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await client.PostFormAsync(WebUtility.HtmlDecode(link), answers, checkIn);

        Assert.Equal(url, saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("ONS4 wellbeing check-in is due", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_for_them_needs_a_reason_and_then_the_suggestion_is_gone()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await fixture.PractitionerAsync();
        Assert.Contains("Hilltop Garden Club", Suggestions(await client.GetStringAsync($"/people/{personId}/connections")), StringComparison.Ordinal);
        var url = $"/people/{personId}/connections/dismiss?asset={fixture.HilltopId}";
        var page = await client.GetStringAsync(url);

        var empty = await client.PostFormAsync(url, new() { ["Reason"] = "  " }, page);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("is not for them, for example", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var dismissed = await client.PostFormAsync(url, new() { ["Reason"] = "Too far up the hill" }, page);

        Assert.Equal($"/people/{personId}/connections", dismissed.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await dismissed.Content.ReadAsStringAsync();
        Assert.Contains("will not be suggested", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hilltop Garden Club", Suggestions(html), StringComparison.Ordinal);
        Assert.Equal("Too far up the hill", await fixture.Factory.WithDbAsync(db => db.ConnectionDismissals.Where(d => d.PersonId == personId).Select(d => d.Reason).SingleAsync()));
    }

    [Fact]
    public async Task Preferences_are_validated_and_saved()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await fixture.PractitionerAsync();
        var url = $"/people/{personId}/connections/preferences";
        var page = await client.GetStringAsync(url);

        var bad = await client.PostFormAsync(url, new() { ["Version"] = "0", ["TravelKm"] = "far", ["CostLimit"] = "-2" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Enter how far they will travel as a number of kilometres", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the most they can pay for one session in pounds", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"far\"", badHtml, StringComparison.Ordinal);

        using var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(page)),
            new("Version", "0"),
            new("TravelKm", "3.5"),
            new("CostLimit", "£5.50"),
            new("Free.Tuesday", "Morning"),
            new("Free.Tuesday", "Evening"),
            new("Free.Saturday", "Afternoon"),
            new("AccessNeeds", "StepFreeAccess"),
            new("AccessNeeds", "HearingLoop"),
        ]);
        var saved = await client.PostAsync(url, content);

        Assert.Equal($"/people/{personId}/connections", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var preferences = await fixture.Factory.WithDbAsync(db => db.ConnectingPreferences.AsNoTracking().SingleAsync(p => p.PersonId == personId));
        Assert.Equal(3.5, preferences.TravelKm);
        Assert.Equal(5.50m, preferences.CostLimit);
        Assert.Equal(FreeTimes.None.With(DayOfWeek.Tuesday, DayPart.Morning).With(DayOfWeek.Tuesday, DayPart.Evening).With(DayOfWeek.Saturday, DayPart.Afternoon), preferences.FreeTimes);
        Assert.Equal([AccessibilityFeature.StepFreeAccess, AccessibilityFeature.HearingLoop], preferences.AccessNeeds);

        var again = await client.GetStringAsync(url);
        Assert.Contains("value=\"3.5\"", again, StringComparison.Ordinal);
        var form = Html(again);
        Assert.True(form.QuerySelector("input[name='Free.Tuesday'][value=Morning]")?.HasAttribute("checked"));
        Assert.False(form.QuerySelector("input[name='Free.Tuesday'][value=Afternoon]")?.HasAttribute("checked"));
        Assert.True(form.QuerySelector("input[name=AccessNeeds][value=HearingLoop]")?.HasAttribute("checked"));

        var stale = await client.PostFormAsync(url, new() { ["Version"] = "0", ["TravelKm"] = "8" }, page);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(3.5, await fixture.Factory.WithDbAsync(db => db.ConnectingPreferences.Where(p => p.PersonId == personId).Select(p => p.TravelKm).SingleAsync()));
    }

    [Fact]
    public async Task The_person_sees_their_connections_in_plain_words_and_says_how_it_is_going_which_their_worker_sees()
    {
        var personUser = await fixture.Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        var personId = await fixture.NewPersonAsync(personUser.Id);
        var connectionId = await fixture.ConnectAsync(personId, fixture.GardenId, ConnectionKind.SignpostOnly, passedOn: true);
        var otherId = await fixture.NewPersonAsync();
        var notTheirs = await fixture.ConnectAsync(otherId, fixture.GardenId, ConnectionKind.SignpostOnly);
        using var person = fixture.Factory.CreateClient();
        await person.SignInAsync(personUser);

        Assert.Contains("href=\"/my/connections\"", await person.GetStringAsync("/my"), StringComparison.Ordinal);
        var mine = WebUtility.HtmlDecode(await person.GetStringAsync("/my/connections"));
        Assert.Contains("Riverside Community Garden", mine, StringComparison.Ordinal);
        Assert.Contains("You have the details", mine, StringComparison.Ordinal);
        Assert.Contains("Go along when you are ready.", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/my/connections/{notTheirs}")).StatusCode);

        var url = $"/my/connections/{connectionId}";
        var page = await person.GetStringAsync(url);
        var none = await person.PostFormAsync(url, new() { ["Words"] = "Hmm" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose how it is going", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Hmm", Html(await none.Content.ReadAsStringAsync()).QuerySelector("textarea[name=Words]")?.TextContent.Trim());

        var sent = await person.PostFormAsync(url, new() { ["HowItIsGoing"] = "GoingWell", ["Words"] = "The tomatoes are coming on" }, page);

        Assert.Equal("/my/connections", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You last said", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var staff = await fixture.PractitionerAsync();
        var details = WebUtility.HtmlDecode(await staff.GetStringAsync($"/people/{personId}/connections/{connectionId}"));
        Assert.Contains("Going well", details, StringComparison.Ordinal);
        Assert.Contains("The tomatoes are coming on", details, StringComparison.Ordinal);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(personId), e => e.EntityType == nameof(ConnectionFeedback) && e.Action == Kith.Core.Platform.Audit.AuditActions.Created && e.UserId == personUser.Id);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Html(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    private static string Suggestions(string html) => html.Split("<h2 class=\"nhsuk-heading-m\">Suggestions</h2>")[1];

    public sealed class Fixture : IAsyncLifetime
    {
        private const double Latitude = ConnectionTestAssets.Latitude;
        private const double Longitude = ConnectionTestAssets.Longitude;

        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public Guid TeamId { get; private set; }

        public Guid GardenId { get; private set; }

        public Guid HilltopId { get; private set; }

        public Guid BakersId { get; private set; }

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            TeamId = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);

            var garden = ConnectionTestAssets.Asset("Riverside Community Garden", 1.2, AccessibilityFeature.StepFreeAccess);
            garden.IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions;
            var hilltop = ConnectionTestAssets.Asset("Hilltop Garden Club", 0.5);
            var bakers = ConnectionTestAssets.Asset("Bakers Circle", 0.3, AccessibilityFeature.StepFreeAccess);
            (GardenId, HilltopId, BakersId) = (garden.Id, hilltop.Id, bakers.Id);
            await Factory.WithDbAsync(async db =>
            {
                db.Postcodes.Add(new Postcode { Code = "LS11AA", Display = "LS1 1AA", District = "LS1", Latitude = Latitude, Longitude = Longitude });
                db.CommunityAssets.AddRange(garden, hilltop, bakers);
                await db.SaveChangesAsync();
                var index = Factory.Services.GetRequiredService<AssetSearchIndex>();
                await index.WhenBuilt;
                foreach (var id in new[] { garden.Id, hilltop.Id, bakers.Id })
                {
                    await index.RefreshAsync(db, id, CancellationToken.None);
                }

                return 0;
            });
        }

        /// <summary>A person of the team who loves gardening, at LS1 1AA, optionally with an account.</summary>
        public async Task<Guid> NewPersonAsync(string? userId = null)
        {
            var personId = await Factory.CreatePersonAsync(TeamId, "Robin Example", p =>
            {
                p.Postcode = "LS1 1AA";
                p.UserId = userId;
            });
            await Factory.WithDbAsync(async db =>
            {
                db.Strengths.Add(new Strength { PersonId = personId, Category = StrengthCategory.PassionOrInterest, Words = "gardening", SearchText = "gardening", RecordedAt = DateTime.UtcNow, RecordedByName = "Sam" });
                return await db.SaveChangesAsync();
            });
            return personId;
        }

        public Task<Guid> ConnectAsync(Guid personId, Guid assetId, ConnectionKind kind, bool passedOn = false) => Factory.WithDbAsync(async db =>
        {
            var by = new Kith.Core.Platform.Audit.ProcessContext(TeamPractitioner.Id, "Sam Practitioner");
            var connection = Connection.Create(personId, assetId, kind, by, DateTime.UtcNow);
            if (passedOn)
            {
                db.ConnectionTransitions.Add(connection.Introduce(by, DateTime.UtcNow));
            }

            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            return connection.Id;
        });

        public async Task<HttpClient> PractitionerAsync()
        {
            var client = Factory.CreateClient();
            await client.SignInAsync(TeamPractitioner);
            return client;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
