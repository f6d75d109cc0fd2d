using System.Net;
using System.Text.Json;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Relationships.Map;

/// <summary>GET /api/relationships/graph and /api/relationships/ego/{id}: who may call them, their JSON, their filters and their 400s.</summary>
public sealed class MapApiTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Names(JsonElement json) =>
        json.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_graph_lists_every_actor_on_the_map_with_their_figures_and_the_ties_holding_today()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var json = await JsonAsync(await client.GetAsync("/api/relationships/graph"));

        Assert.Equal(
            ["Adult Social Care Team", "Central Library", "Hillside Food Bank", "Northfield Health Centre", "Park Lane Allotments"],
            Names(json));
        Assert.Equal(5, json.GetProperty("actorCount").GetInt32());
        Assert.Equal(3, json.GetProperty("tieCount").GetInt32());
        var edges = json.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(3, edges.Count);
        var referral = Assert.Single(edges, e => e.GetProperty("type").GetString() == "refers-to");
        Assert.Equal(fixture.FoodBank.Id, referral.GetProperty("source").GetGuid());
        Assert.Equal(fixture.CareTeam.Id, referral.GetProperty("target").GetGuid());
        Assert.True(referral.GetProperty("directed").GetBoolean());
        Assert.Equal(2, referral.GetProperty("strength").GetInt32());

        var team = json.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == fixture.CareTeam.Id);
        Assert.Equal("team", team.GetProperty("kind").GetString());
        Assert.Equal("social care", team.GetProperty("sector").GetString());
        Assert.True(team.GetProperty("community").GetInt32() >= 1);
        var metrics = team.GetProperty("metrics");
        Assert.Equal(2, metrics.GetProperty("degree").GetInt32());
        Assert.Equal(2, metrics.GetProperty("inDegree").GetInt32()); // the food bank's referral and the allotments' mutual tie
        Assert.Equal(1, metrics.GetProperty("outDegree").GetInt32());
        Assert.Equal(7, metrics.GetProperty("strength").GetDouble());

        // The line health centre – food bank – team – allotments: the two in the middle carry every path across.
        Assert.Equal(2, metrics.GetProperty("betweenness").GetDouble());
        foreach (var name in new[] { "closeness", "eigenvector" })
        {
            Assert.True(metrics.GetProperty(name).GetDouble() > 0, name);
        }
    }

    [Fact]
    public async Task Filters_keep_only_the_ties_asked_for()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var worksWith = await JsonAsync(await client.GetAsync("/api/relationships/graph?types=works-with"));
        var strong = await JsonAsync(await client.GetAsync("/api/relationships/graph?minStrength=5"));
        var twoTypes = await JsonAsync(await client.GetAsync("/api/relationships/graph?types=trusts,RefersTo"));
        var voluntary = await JsonAsync(await client.GetAsync("/api/relationships/graph?sector=Voluntary%20and%20community"));
        var lastYear = await JsonAsync(await client.GetAsync("/api/relationships/graph?on=2024-06-30"));

        Assert.Equal(["works-with"], worksWith.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["trusts"], strong.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(2, twoTypes.GetProperty("tieCount").GetInt32());
        Assert.Equal(["Hillside Food Bank", "Park Lane Allotments"], Names(voluntary));
        Assert.Equal(0, voluntary.GetProperty("tieCount").GetInt32());
        Assert.Equal(4, lastYear.GetProperty("tieCount").GetInt32());
        Assert.Contains(lastYear.GetProperty("edges").EnumerateArray(), e => e.GetProperty("type").GetString() == "funds");
    }

    [Fact]
    public async Task The_ego_view_at_one_step_holds_the_actor_and_their_own_ties_and_at_two_steps_their_ties_ties()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var one = await JsonAsync(await client.GetAsync($"/api/relationships/ego/{fixture.HealthCentre.Id}"));
        var two = await JsonAsync(await client.GetAsync($"/api/relationships/ego/{fixture.HealthCentre.Id}?steps=2"));

        Assert.Equal(fixture.HealthCentre.Id, one.GetProperty("centre").GetGuid());
        Assert.Equal(1, one.GetProperty("steps").GetInt32());
        Assert.Equal(
            [(fixture.HealthCentre.Id, 0), (fixture.FoodBank.Id, 1)],
            one.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("id").GetGuid(), n.GetProperty("distance").GetInt32())));
        Assert.Single(one.GetProperty("edges").EnumerateArray());

        var nodes = two.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(fixture.HealthCentre.Id, nodes[0].GetProperty("id").GetGuid());
        Assert.Equal(
            new Dictionary<Guid, int> { [fixture.HealthCentre.Id] = 0, [fixture.FoodBank.Id] = 1, [fixture.CareTeam.Id] = 2 },
            nodes.ToDictionary(n => n.GetProperty("id").GetGuid(), n => n.GetProperty("distance").GetInt32()));
        Assert.Equal(["refers-to", "works-with"], two.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Order(StringComparer.Ordinal));

        // As the map stood before the funding ended, the team is one step away.
        var before = await JsonAsync(await client.GetAsync($"/api/relationships/ego/{fixture.HealthCentre.Id}?steps=1&on=2024-06-30"));
        Assert.Contains(before.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetGuid() == fixture.CareTeam.Id && n.GetProperty("distance").GetInt32() == 1);
    }

    [Theory]
    [InlineData("/api/relationships/graph?types=hugs", "Unknown tie type 'hugs'. Use one or more of: works-with, refers-to")]
    [InlineData("/api/relationships/graph?minStrength=9", "minStrength must be a whole number from 1 (weak) to 5 (strong).")]
    [InlineData("/api/relationships/graph?on=31/12/2024", "on must be a date written YYYY-MM-DD, like 2026-03-31.")]
    [InlineData("/api/relationships/graph?colour=red", "This API does not know 'colour'. Use only: types, sector, minStrength, on.")]
    [InlineData("/api/relationships/graph?steps=2", "This API does not know 'steps'.")]
    [InlineData("/api/relationships/ego/{centre}?steps=3", "steps must be 1 or 2.")]
    [InlineData("/api/relationships/ego/{centre}?steps=2&types=works-with,nope", "Unknown tie type 'nope'.")]
    public async Task A_parameter_that_cannot_be_used_is_a_400_saying_what_to_send(string url, string message)
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync(url.Replace("{centre}", fixture.HealthCentre.Id.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_and_one_not_on_the_map_are_404s_that_say_which()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var unknown = await client.GetAsync($"/api/relationships/ego/{Guid.NewGuid()}");
        var notAgreed = await client.GetAsync($"/api/relationships/ego/{fixture.NotAgreed.Id}");
        var otherSector = await client.GetAsync($"/api/relationships/ego/{fixture.HealthCentre.Id}?sector=education");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Actor not found", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notAgreed.StatusCode);
        Assert.Contains("not on the map with these filters", await notAgreed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherSector.StatusCode);
    }

    [Fact]
    public async Task Practitioners_and_visitors_are_refused_with_problem_details()
    {
        using var practitioner = await fixture.SignedInAsync(fixture.Practitioner);
        using var visitor = fixture.Factory.CreateClient();

        var forbidden = await practitioner.GetAsync("/api/relationships/graph");
        var forbiddenEgo = await practitioner.GetAsync($"/api/relationships/ego/{fixture.HealthCentre.Id}");
        var anonymous = await visitor.GetAsync("/api/relationships/graph");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenEgo.StatusCode);
        Assert.DoesNotContain("Health Centre", await forbiddenEgo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_call_records_one_viewed_audit_event_for_the_caller()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);
        int Count(List<AuditEvent> events, string part) => events.Count(e => e.EntityId == part && e.UserId == fixture.Manager.Id);
        var before = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == RelationshipAnalysisService.ViewedEntityType).ToListAsync());

        await JsonAsync(await client.GetAsync("/api/relationships/graph"));
        await JsonAsync(await client.GetAsync($"/api/relationships/ego/{fixture.FoodBank.Id}?steps=2"));

        var after = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == RelationshipAnalysisService.ViewedEntityType).ToListAsync());
        Assert.Equal(Count(before, "api-graph") + 1, Count(after, "api-graph"));
        Assert.Equal(Count(before, "api-ego") + 1, Count(after, "api-ego"));
        Assert.All(after.Where(e => e.EntityId is "api-graph" or "api-ego"), e => Assert.Equal(AuditActions.Viewed, e.Action));
    }
}
