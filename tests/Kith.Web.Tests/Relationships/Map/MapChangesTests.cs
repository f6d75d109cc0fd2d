using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.Core.Platform.Accounts;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.Relationships.Map;

/// <summary>An empty map, and the cached map following changes in the database.</summary>
public sealed class MapChangesTests : IDisposable
{
    private readonly MapWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task An_empty_map_says_there_are_no_ties_yet_and_where_to_start()
    {
        var manager = await factory.CreateUserAsync(KithRoles.Manager);
        using var client = factory.CreateClient();
        await client.SignInAsync(manager);

        var response = await client.GetAsync("/relationships/map");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "There are no ties to show yet");
        Assert.NotNull(page.QuerySelector("a[href='/relationships/import']"));
        Assert.NotNull(page.QuerySelector("a[href='/relationships/surveys/new']"));
        Assert.Null(page.QuerySelector("#relationship-map-data"));
        var graph = JsonDocument.Parse(await client.GetStringAsync("/api/relationships/graph")).RootElement;
        Assert.Equal(0, graph.GetProperty("actorCount").GetInt32());
    }

    [Fact]
    public async Task A_tie_added_or_removed_shows_on_the_next_request()
    {
        var manager = await factory.CreateUserAsync(KithRoles.Manager);
        using var client = factory.CreateClient();
        await client.SignInAsync(manager);
        var a = MapFixture.Actor("Riverside Surgery", ActorKind.Organisation, "health");
        var b = MapFixture.Actor("Men's Shed", ActorKind.CommunityGroup, "voluntary and community");
        var c = MapFixture.Actor("Housing Options Team", ActorKind.Team, "housing");
        await factory.WithDbAsync(db =>
        {
            db.RelationshipActors.AddRange(a, b, c);
            db.RelationshipTies.Add(MapFixture.Tie(a, b, TieType.RefersTo, 3, directed: true));
            return db.SaveChangesAsync();
        });
        async Task<List<string>> EgoAsync()
        {
            var names = JsonDocument.Parse(await client.GetStringAsync($"/api/relationships/ego/{b.Id}")).RootElement
                .GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
            return [names[0], .. names.Skip(1).Order(StringComparer.Ordinal)]; // the centre first, the rest in any order
        }

        Assert.Equal(["Men's Shed", "Riverside Surgery"], await EgoAsync());

        var added = MapFixture.Tie(b, c, TieType.WorksWith, 2, directed: false);
        await factory.WithDbAsync(db =>
        {
            db.RelationshipTies.Add(added);
            return db.SaveChangesAsync();
        });
        Assert.Equal(["Men's Shed", "Housing Options Team", "Riverside Surgery"], await EgoAsync());

        await factory.WithDbAsync(async db =>
        {
            db.RelationshipTies.Remove(await db.RelationshipTies.FindAsync(added.Id) ?? throw new InvalidOperationException());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Men's Shed", "Riverside Surgery"], await EgoAsync());
    }

    [Fact]
    public async Task With_a_check_interval_the_ego_view_is_served_from_the_cache_at_once_and_refreshed_in_the_background_while_the_graph_sees_changes_now()
    {
        using var checking = new MapWebFactory("00:00:00.200");
        var manager = await checking.CreateUserAsync(KithRoles.Manager);
        using var client = checking.CreateClient();
        await client.SignInAsync(manager);
        var a = MapFixture.Actor("Oak Road Practice", ActorKind.Organisation, "health");
        var b = MapFixture.Actor("Knit and Natter", ActorKind.CommunityGroup, "voluntary and community");
        await checking.WithDbAsync(db =>
        {
            db.RelationshipActors.AddRange(a, b);
            return db.SaveChangesAsync();
        });
        async Task<int> EgoNodesAsync() => JsonDocument.Parse(await client.GetStringAsync($"/api/relationships/ego/{a.Id}")).RootElement.GetProperty("nodes").GetArrayLength();
        async Task<int> TiesAsync() => JsonDocument.Parse(await client.GetStringAsync("/api/relationships/graph")).RootElement.GetProperty("tieCount").GetInt32();
        Assert.Equal(1, await EgoNodesAsync());

        await checking.WithDbAsync(db =>
        {
            db.RelationshipTies.Add(MapFixture.Tie(a, b, TieType.WorksWith, 4, directed: false));
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, await EgoNodesAsync()); // within the interval: the cached map, no database check

        var seen = 1;
        for (var attempt = 0; attempt < 50 && seen == 1; attempt++)
        {
            await Task.Delay(250);
            seen = await EgoNodesAsync();
        }

        Assert.Equal(2, seen);

        // The graph (and the map page) compare with the database inside the request: a change shows on the next look.
        await checking.WithDbAsync(db =>
        {
            db.RelationshipTies.Add(MapFixture.Tie(b, a, TieType.Trusts, 3, directed: true));
            return db.SaveChangesAsync();
        });
        Assert.Equal(2, await TiesAsync());
    }
}
