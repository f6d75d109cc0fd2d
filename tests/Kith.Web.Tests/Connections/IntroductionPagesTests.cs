using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Connections;
using Kith.Core.Connections.Introductions;
using Kith.Core.Directory;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Connections;

/// <summary>The introduce journey, the group's emailed link and the groups' inbox (ADR 20).</summary>
public sealed partial class IntroductionPagesTests : IClassFixture<IntroductionPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public IntroductionPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_practitioner_introduces_with_consent_and_the_group_accepts_then_records_attendance_by_the_emailed_link()
    {
        var f = fixture.Factory;
        var connectionId = await fixture.DraftAsync();
        using var practitioner = f.CreateClient();
        await practitioner.SignInAsync(fixture.Practitioner);
        var url = $"/people/{fixture.PersonId}/connections/{connectionId}/introduce";

        // Step 1 without consent is blocked, with an error summary; "not yet" says why.
        var noConsent = await practitioner.PostFormAsync(url, new() { ["Input.Step"] = "consent" });
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        var html = WebUtility.HtmlDecode(await noConsent.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Select how Robin agreed to be introduced", html, StringComparison.Ordinal);
        var notYet = await practitioner.PostFormAsync(url, new() { ["Input.Step"] = "consent", ["Input.Consent"] = "no" });
        Assert.Contains("You cannot introduce Robin until they agree", WebUtility.HtmlDecode(await notYet.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Skipping step 1 by posting the later steps straight away is blocked too.
        var skipped = await practitioner.PostFormAsync(url, new() { ["Input.Step"] = "send", ["Input.Name"] = "Robin", ["Input.ContactChoice"] = "phone" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);

        var step2 = await practitioner.PostFormAsync(url, new() { ["Input.Step"] = "consent", ["Input.Consent"] = "InPerson" });
        var step2Html = WebUtility.HtmlDecode(await step2.Content.ReadAsStringAsync());
        Assert.Contains("What to share with the group", step2Html, StringComparison.Ordinal);
        Assert.Contains("Phone from their record: 07700 900456", step2Html, StringComparison.Ordinal);

        var typedEmpty = await practitioner.PostFormAsync(url, new() { ["Input.Step"] = "share", ["Input.Consent"] = "InPerson", ["Input.Name"] = "Robin", ["Input.ContactChoice"] = "typed" });
        Assert.Equal(HttpStatusCode.BadRequest, typedEmpty.StatusCode);
        Assert.Contains("Enter how the group can contact them", WebUtility.HtmlDecode(await typedEmpty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Dictionary<string, string> share = new() { ["Input.Consent"] = "InPerson", ["Input.Name"] = "Robin", ["Input.ContactChoice"] = "phone", ["Input.Note"] = "Would like to come with a friend" };
        var preview = await practitioner.PostFormAsync(url, new(share) { ["Input.Step"] = "share" });
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Check what the group will see", previewHtml, StringComparison.Ordinal);
        Assert.Contains("07700 900456", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Would like to come with a friend", previewHtml, StringComparison.Ordinal);

        // Redirected to the connection's own page (another branch builds it; here it may not exist yet).
        var sent = await practitioner.PostFormAsync(url, new(share) { ["Input.Step"] = "send" }, previewHtml);
        Assert.Equal($"/people/{fixture.PersonId}/connections/{connectionId}", sent.RequestMessage?.RequestUri?.AbsolutePath);

        // A second click on "Send" goes to the same place and sends nothing more.
        var secondClick = await practitioner.PostFormAsync(url, new(share) { ["Input.Step"] = "send" }, previewHtml);
        Assert.Equal($"/people/{fixture.PersonId}/connections/{connectionId}", secondClick.RequestMessage?.RequestUri?.AbsolutePath);

        // Opening the page again: the connection is no longer a draft, so the page explains and nothing more is queued.
        var again = await practitioner.GetAsync(url);
        Assert.Contains("already introduced", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var messages = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.EventKey == IntroductionService.EventKey(connectionId)).ToListAsync());
        var email = Assert.Single(messages);
        Assert.Equal("hello@garden.example", email.Recipient);
        Assert.DoesNotContain("07700", email.Body, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(email.Body).Value).PathAndQuery;

        // The group, with no account.
        using var group = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var open = await group.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("no-referrer", open.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", open.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var openHtml = WebUtility.HtmlDecode(await open.Content.ReadAsStringAsync());
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", openHtml, StringComparison.Ordinal);
        Assert.Contains("07700 900456", openHtml, StringComparison.Ordinal);
        Assert.Contains("Would like to come with a friend", openHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Example", openHtml, StringComparison.Ordinal);

        var version = (await f.WithDbAsync(db => db.Connections.SingleAsync(c => c.Id == connectionId))).Version;
        var accept = await group.PostFormAsync(link, new() { ["Input.Response"] = "Accept", ["Input.Version"] = $"{version}" }, openHtml);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var twice = await group.PostFormAsync(link, new() { ["Input.Response"] = "Accept", ["Input.Version"] = $"{version}" }, openHtml);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        var afterAccept = WebUtility.HtmlDecode(await group.GetStringAsync(accept.Headers.Location!.OriginalString));
        Assert.Contains("You said you can welcome them", afterAccept, StringComparison.Ordinal);
        Assert.Contains("They came along", afterAccept, StringComparison.Ordinal);

        var attended = await group.PostFormAsync(link, new() { ["Input.Response"] = "Attended", ["Input.Version"] = $"{version + 1}" });
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);
        var decline = await group.PostFormAsync(link, new() { ["Input.Response"] = "Decline", ["Input.Version"] = $"{version + 1}", ["Input.Reason"] = "Full" }, afterAccept);
        Assert.Equal(HttpStatusCode.Conflict, decline.StatusCode);
        Assert.Contains("The person has already attended, so this introduction can no longer be declined.", WebUtility.HtmlDecode(await decline.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var finished = WebUtility.HtmlDecode(await group.GetStringAsync(link));
        Assert.Contains("This introduction is finished", finished, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Response", finished, StringComparison.Ordinal);

        var connection = await f.WithDbAsync(db => db.Connections.AsNoTracking().SingleAsync(c => c.Id == connectionId));
        Assert.Equal(ConnectionStatus.InProgress, connection.Status);
        Assert.Equal(1, await f.WithDbAsync(db => db.ConnectionTransitions.CountAsync(t => t.ConnectionId == connectionId && t.To == ConnectionStatus.Accepted)));
    }

    [Fact]
    public async Task A_decline_through_the_link_needs_a_reason_and_is_then_final()
    {
        var f = fixture.Factory;
        var (link, version) = await fixture.SentAsync();
        using var group = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bare = await group.PostFormAsync(link, new() { ["Input.Response"] = "Decline", ["Input.Version"] = $"{version}" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Enter why you cannot take them", WebUtility.HtmlDecode(await bare.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var declined = await group.PostFormAsync(link, new() { ["Input.Response"] = "Decline", ["Input.Version"] = $"{version}", ["Input.Reason"] = "We are full until spring" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var page = WebUtility.HtmlDecode(await group.GetStringAsync(link));
        Assert.Contains("You could not take them: We are full until spring", page, StringComparison.Ordinal);
        Assert.Contains("This introduction is finished", page, StringComparison.Ordinal);
        // The finished page has no forms; any page's antiforgery token will do for a hand-made post.
        var reuse = await group.PostFormAsync(link, new() { ["Input.Response"] = "Accept", ["Input.Version"] = $"{version + 1}" }, await group.GetStringAsync("/account/sign-in"));
        Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);
        Assert.Contains("cannot change any more", WebUtility.HtmlDecode(await reuse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_unknown_link_shows_one_page_that_reveals_nothing_and_an_expired_one_says_so()
    {
        var f = fixture.Factory;
        var (link, _) = await fixture.SentAsync();
        using var group = f.CreateClient();
        var tampered = link[..^2] + (link[^2] == 'x' ? "yy" : "xx");

        var bad = await group.GetAsync(tampered);
        var unknown = await group.GetAsync("/introductions/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("This link does not work", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin", badHtml, StringComparison.Ordinal);
        Assert.Equal(Body(badHtml), Body(await unknown.Content.ReadAsStringAsync()));

        await f.WithDbAsync(async db =>
        {
            var hash = IntroductionService.Hash(link["/introductions/".Length..]);
            return await db.Introductions.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        });
        var expired = await group.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var expiredHtml = WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync());
        Assert.Contains("This link has expired", expiredHtml, StringComparison.Ordinal);
        Assert.Contains("contact the practitioner", expiredHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin", expiredHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", expiredHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_shows_the_groups_introductions_only_to_its_own_editors()
    {
        var f = fixture.Factory;
        var (_, version) = await fixture.SentAsync();
        var introductionId = await f.WithDbAsync(db => db.Introductions.OrderByDescending(i => i.SentAt).Select(i => i.Id).FirstAsync());

        using var own = f.CreateClient();
        await own.SignInAsync(fixture.GardenEditor);
        var inbox = WebUtility.HtmlDecode(await own.GetStringAsync("/manage/introductions"));
        Assert.Contains($"/manage/introductions/{introductionId}", inbox, StringComparison.Ordinal);
        Assert.Contains("Riverside Community Garden", inbox, StringComparison.Ordinal);
        var detail = WebUtility.HtmlDecode(await own.GetStringAsync($"/manage/introductions/{introductionId}"));
        Assert.Contains("07700 900456", detail, StringComparison.Ordinal);
        var accepted = await own.PostFormAsync($"/manage/introductions/{introductionId}", new() { ["Input.Response"] = "Accept", ["Input.Version"] = $"{version}" }, detail);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal($"/manage/introductions/{introductionId}", accepted.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains("We have told the practitioner you can welcome them", WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(fixture.GardenEditor.DisplayName, await f.WithDbAsync(db => db.ConnectionTransitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Sequence).Select(t => t.ByName).FirstAsync()));

        using var other = f.CreateClient();
        await other.SignInAsync(fixture.OtherEditor);
        var otherInbox = WebUtility.HtmlDecode(await other.GetStringAsync("/manage/introductions"));
        Assert.DoesNotContain(introductionId.ToString(), otherInbox, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", otherInbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/manage/introductions/{introductionId}")).StatusCode);

        using var anonymous = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/manage/introductions")).StatusCode);
    }

    [Fact]
    public async Task A_signpost_or_an_asset_that_takes_no_introductions_gets_an_explanation_not_a_form()
    {
        var f = fixture.Factory;
        using var practitioner = f.CreateClient();
        await practitioner.SignInAsync(fixture.Practitioner);
        var signpost = await fixture.DraftAsync(ConnectionKind.SignpostOnly);
        var page = WebUtility.HtmlDecode(await practitioner.GetStringAsync($"/people/{fixture.PersonId}/connections/{signpost}/introduce"));
        Assert.Contains("This connection cannot be introduced", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Consent", page, StringComparison.Ordinal);
        var posted = await practitioner.PostFormAsync($"/people/{fixture.PersonId}/connections/{signpost}/introduce", new() { ["Input.Step"] = "consent", ["Input.Consent"] = "InPerson" });
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);

        using var other = f.CreateClient();
        await other.SignInAsync(fixture.OtherPractitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/people/{fixture.PersonId}/connections/{signpost}/introduce")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/people/{fixture.PersonId}/connections/{Guid.NewGuid()}/introduce")).StatusCode);
    }

    [Fact]
    public async Task The_asset_page_shows_responsiveness_only_from_five_introductions()
    {
        var f = fixture.Factory;
        using var client = f.CreateClient();
        var assetId = await f.WithDbAsync(async db =>
        {
            var asset = new CommunityAsset { Name = "Canal Walkers", Email = "walk@canal.example", IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions, Organization = new Organization { Name = "Canal Trust" }, CreatedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow };
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });

        for (var i = 0; i < 5; i++)
        {
            if (i == 4)
            {
                // Four introductions, all answered: still nothing.
                var none = WebUtility.HtmlDecode(await client.GetStringAsync($"/assets/{assetId}"));
                Assert.DoesNotContain("Usually replies", none, StringComparison.Ordinal);
            }

            var (link, version) = await fixture.SentAsync(assetId);

            // Answered through the service: the link pages share one rate limit per address, and this test is about the asset page.
            await f.WithDbAsync(db => Service(db).RespondAsync(link["/introductions/".Length..], i == 0 ? IntroductionResponse.Decline : IntroductionResponse.Accept, "Full", version));
        }

        var shown = WebUtility.HtmlDecode(await client.GetStringAsync($"/assets/{assetId}"));
        Assert.Contains("Usually replies within 1 day · 80% of introductions accepted", shown, StringComparison.Ordinal);
    }

    private static IntroductionService Service(Kith.Core.Data.KithDbContext db) =>
        new(db, new Kith.Core.Platform.Notifications.NotificationService(db, TimeProvider.System), new Kith.Core.People.PersonAccessService(db, TimeProvider.System), new IntroductionOptions(), TimeProvider.System);

    private static string Body(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    [GeneratedRegex(@"https?://[^\s]+/introductions/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Practitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public TestUser GardenEditor { get; private set; } = null!;

        public TestUser OtherEditor { get; private set; } = null!;

        public Guid PersonId { get; private set; }

        public Guid GardenId { get; private set; }

        public async Task InitializeAsync()
        {
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            GardenEditor = await Factory.CreateUserAsync(KithRoles.CommunityEditor);
            OtherEditor = await Factory.CreateUserAsync(KithRoles.CommunityEditor);
            var teamId = await Factory.CreateTeamAsync("Connectors", false, Practitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(teamId, "Robin Example", p => { p.PreferredName = "Robin"; p.Phone = "07700 900456"; });
            GardenId = await Factory.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                var garden = new CommunityAsset
                {
                    Name = "Riverside Community Garden",
                    Email = "hello@garden.example",
                    IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions,
                    Organization = new Organization { Name = "Riverside Trust", ClaimedByUserId = GardenEditor.Id },
                    CreatedAt = now,
                    LastModified = now,
                };
                db.CommunityAssets.Add(garden);
                db.Organizations.Add(new Organization { Name = "Other Trust", ClaimedByUserId = OtherEditor.Id });
                await db.SaveChangesAsync();
                return garden.Id;
            });
        }

        /// <summary>A draft connection of the person (the connect page is another branch's).</summary>
        public Task<Guid> DraftAsync(ConnectionKind kind = ConnectionKind.Introduction, Guid? assetId = null) => Factory.WithDbAsync(async db =>
        {
            var connection = Connection.Create(PersonId, assetId ?? GardenId, kind, new ProcessContext(Practitioner.Id, Practitioner.DisplayName), DateTime.UtcNow);
            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            return connection.Id;
        });

        /// <summary>Sends an introduction through the service and returns the link's path from the outbox and the connection's version.</summary>
        public async Task<(string Link, int Version)> SentAsync(Guid? assetId = null)
        {
            var connectionId = await DraftAsync(assetId: assetId);
            await Factory.WithDbAsync(async db =>
            {
                return await Service(db).IntroduceAsync(new IntroduceOptions(PersonId, connectionId, IntroductionConsent.OnThePhone, "Robin", "07700 900456", null), new Uri("http://localhost/"), new ProcessContext(Practitioner.Id, Practitioner.DisplayName));
            });
            var body = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.EventKey == IntroductionService.EventKey(connectionId)).Select(m => m.Body).SingleAsync());
            return (new Uri(LinkPattern().Match(body).Value).PathAndQuery, 2);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
