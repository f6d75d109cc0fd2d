using System.Net;
using System.Xml.Linq;
using Kith.Core.Platform.Accounts;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Relationships;

/// <summary>The relationship map's data pages (ADR 0023) on the demo area: managers only, forms, import, export, snapshots, the demo map.</summary>
public sealed class RelationshipDataPagesTests : IClassFixture<RelationshipDataPagesTests.Fixture>
{
    private readonly Fixture fixture;

    public RelationshipDataPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_demo_area_has_a_partnership_map_with_two_snapshots_a_year_apart_and_some_ties_faded_between_them()
    {
        var (actors, ties, snapshots, notAgreed) = await fixture.Factory.WithDbAsync(async db => (
            await db.RelationshipActors.CountAsync(),
            await db.RelationshipTies.CountAsync(),
            await db.RelationshipSnapshots.Include(s => s.Ties).AsNoTracking().OrderBy(s => s.TakenAt).ToListAsync(),
            await db.RelationshipActors.CountAsync(a => a.Kind == ActorKind.StaffMember && a.AgreedToMappingAt == null)));
        Assert.InRange(actors, 55, 70);
        Assert.InRange(ties, 190, 210);
        Assert.Equal(1, notAgreed);
        Assert.Equal(2, snapshots.Count);
        Assert.InRange((snapshots[1].TakenAt - snapshots[0].TakenAt).TotalDays, 360, 370);
        Assert.Equal(snapshots[0].TakenOn.AddYears(1), snapshots[1].TakenOn);
        var now = snapshots[1].Ties.ToDictionary(t => t.TieId);
        var faded = snapshots[0].Ties.Count(t => now.TryGetValue(t.TieId, out var later) && later.Strength < t.Strength);
        Assert.True(faded >= 10, $"only {faded} ties faded");
        Assert.Contains(snapshots[0].Ties, t => !now.ContainsKey(t.TieId)); // some ended
        Assert.True(snapshots[1].Density > 0);
    }

    [Fact]
    public async Task Every_page_opens_for_a_manager_and_none_for_a_practitioner()
    {
        var (actorId, tieId, snapshotId) = await fixture.Factory.WithDbAsync(async db => (
            await db.RelationshipActors.Where(a => a.Name == "Vale Mind").Select(a => a.Id).SingleAsync(),
            await db.RelationshipTies.Where(t => t.Source == TieSource.Declared).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.RelationshipSnapshots.OrderBy(s => s.TakenAt).Select(s => s.Id).FirstAsync()));
        string[] urls =
        [
            "/relationships", "/relationships/actors", "/relationships/actors?kind=Team&sector=health&area=Northfield&q=team",
            "/relationships/actors/new", $"/relationships/actors/{actorId}", $"/relationships/actors/{actorId}/edit",
            $"/relationships/ties/new?from={actorId}", $"/relationships/ties/{tieId}/edit", "/relationships/import", "/relationships/export",
            "/relationships/snapshots", $"/relationships/snapshots/{snapshotId}", $"/relationships/snapshots/{snapshotId}?sort=name&dir=asc",
            "/relationships/import?handler=template&file=relationships-actors.csv", "/relationships/export?handler=actors",
        ];
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        foreach (var url in urls)
        {
            var response = await manager.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }

        var hub = await manager.GetStringAsync("/relationships");
        Assert.Contains("href=\"/relationships\"", hub, StringComparison.Ordinal); // the header link
        Assert.Contains("/relationships/round-table", hub, StringComparison.Ordinal);
        Assert.Contains("/relationships/surveys", hub, StringComparison.Ordinal);

        using var practitioner = await fixture.SignedInAsync(fixture.Practitioner);
        foreach (var url in urls)
        {
            var response = await practitioner.GetAsync(url);
            Assert.True(response.RequestMessage?.RequestUri?.AbsolutePath == "/account/access-denied", $"{url}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }

        var home = await practitioner.GetStringAsync("/assets");
        Assert.DoesNotContain("href=\"/relationships\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_actor_with_mistakes_shows_them_and_keeps_what_was_typed_then_adds_it()
    {
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        var bad = await manager.PostFormAsync("/relationships/actors/new", new() { ["Input.Kind"] = "Team", ["Input.Name"] = " ", ["Input.Sector"] = "housing", ["Input.HoldsBudget"] = "true", ["Input.Interest"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter the actor's name", html, StringComparison.Ordinal);
        Assert.Contains("Select roughly how much budget they hold", html, StringComparison.Ordinal);
        Assert.Contains("Interest must be between 1 and 5", html, StringComparison.Ordinal);
        Assert.Contains("value=\"housing\"", html, StringComparison.Ordinal);

        var good = await manager.PostFormAsync("/relationships/actors/new", new() { ["Input.Kind"] = "CommunityGroup", ["Input.Name"] = "Northfield Knit and Natter", ["Input.Area"] = "Northfield", ["Input.HoldsBudget"] = "false", ["Input.Interest"] = "4" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.StartsWith("/relationships/actors/", good.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Northfield Knit and Natter", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tie_to_itself_or_one_already_there_is_refused_with_a_reason()
    {
        var (from, to) = await fixture.Factory.WithDbAsync(async db => (
            await db.RelationshipActors.Where(a => a.Name == "Northfield Men's Shed").Select(a => a.Id).SingleAsync(),
            await db.RelationshipActors.Where(a => a.Name == "Northfield Walking Group").Select(a => a.Id).SingleAsync()));
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        var url = $"/relationships/ties/new?from={from}";
        var self = await manager.PostFormAsync(url, new() { ["Input.ToActorId"] = from.ToString(), ["Input.Type"] = "WorksWith", ["Input.Strength"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("a tie joins two different actors", WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var wrongOrder = await manager.PostFormAsync(url, new()
        {
            ["Input.ToActorId"] = to.ToString(), ["Input.Type"] = "Trusts", ["Input.Strength"] = "3",
            ["Input.Since.Day"] = "1", ["Input.Since.Month"] = "6", ["Input.Since.Year"] = "2025", ["Input.Until.Day"] = "1", ["Input.Until.Month"] = "1", ["Input.Until.Year"] = "2025",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongOrder.StatusCode);
        Assert.Contains("The end date must be the same as or after the start date", WebUtility.HtmlDecode(await wrongOrder.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Dictionary<string, string> tie = new() { ["Input.ToActorId"] = to.ToString(), ["Input.Type"] = "SharesInformationWith", ["Input.Strength"] = "2", ["Input.Notes"] = "Share a noticeboard" };
        var first = await manager.PostFormAsync(url, tie);
        Assert.Equal($"/relationships/actors/{from}", first.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await manager.PostFormAsync(url, tie);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("There is already a current \"shares information with\" tie between Northfield Men's Shed and Northfield Walking Group", html, StringComparison.Ordinal);
        Assert.Contains("Share a noticeboard", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_and_the_typing_kept()
    {
        var actor = await fixture.Factory.WithDbAsync(db => db.RelationshipActors.Where(a => a.Name == "Vale Food Partnership").SingleAsync());
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        var url = $"/relationships/actors/{actor.Id}/edit";
        var page = await manager.GetStringAsync(url);
        Dictionary<string, string> fields = new() { ["Input.Kind"] = "Organisation", ["Input.Name"] = "Vale Food Partnership", ["Input.Sector"] = "food", ["Input.HoldsBudget"] = "false", ["Version"] = actor.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var saved = await manager.PostFormAsync(url, fields, page);
        Assert.Equal($"/relationships/actors/{actor.Id}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var stale = await manager.PostFormAsync(url, new(fields) { ["Input.Sector"] = "voluntary" }, page);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone changed this actor since you opened this page", html, StringComparison.Ordinal);
        Assert.Contains("value=\"voluntary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_page_imports_the_good_rows_and_lists_every_rejected_row_with_why()
    {
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        var page = await manager.GetStringAsync("/relationships/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestAccounts.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("name,kind,sector\nWeb Import Group,community group,faith\nWeb Import Ghost,ghost,faith\n"), "Actors", "actors.csv" },
            { new StringContent("from,to,type,strength\nWeb Import Group,Vale Mind,works with,4\nWeb Import Group,Vale Mind,trusts,9\nWeb Import Group,Nobody Here,funds,2\n"), "Ties", "ties.csv" },
        };
        var response = await manager.PostAsync("/relationships/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Actors: 1 added", html, StringComparison.Ordinal);
        Assert.Contains("Ties: 1 added", html, StringComparison.Ordinal);
        Assert.Contains("\"ghost\" is not a kind Kith knows", html, StringComparison.Ordinal);
        Assert.Contains("Strength \"9\" is outside 1 to 5", html, StringComparison.Ordinal);
        Assert.Contains("There is no actor called \"Nobody Here\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "Team", ["Input.Name"] = "No token team" });
        var response = await manager.PostAsync("/relationships/actors/new", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.RelationshipActors.AnyAsync(a => a.Name == "No token team")));
    }

    [Fact]
    public async Task The_graphml_download_parses_and_leaves_out_people_who_have_not_agreed()
    {
        using var manager = await fixture.SignedInAsync(fixture.Manager);
        var xml = await manager.GetStringAsync("/relationships/export?handler=graphml");
        var document = XDocument.Parse(xml);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var names = document.Descendants(g + "node").Select(n => n.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "name").Value).ToList();
        Assert.Contains("Vale Mind", names);
        Assert.DoesNotContain("Chris Dale", names);
        Assert.NotEmpty(document.Descendants(g + "edge"));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new() { SeedDemoArea = true };

        public TestUser Manager { get; private set; } = null!;

        public TestUser Practitioner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Manager = await Factory.CreateUserAsync(KithRoles.Manager);
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
        }

        public async Task<HttpClient> SignedInAsync(TestUser user)
        {
            var client = Factory.CreateClient();
            await client.SignInAsync(user);
            return client;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
