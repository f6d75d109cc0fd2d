using System.Net;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.People.Strengths;

/// <summary>Adding strengths and ties through the pages, and refusing staff of other teams on every route.</summary>
public sealed class StrengthsAndNetworkTests : IClassFixture<StrengthsAndNetworkTests.Fixture>
{
    private readonly Fixture fixture;

    public StrengthsAndNetworkTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task An_added_strength_is_shown_on_the_record_page()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Sam Strengths");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);

        var response = await client.PostFormAsync($"/people/{personId}/strengths/new", new()
        {
            ["Input.Category"] = "Gift",
            ["Input.Words"] = "Teaches café baking to neighbours",
            ["Input.NamedBy"] = "Family",
            ["Input.NamedByName"] = "her son Dan",
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", fixture.Factory.Logs.Entries.Where(e => e.Exception is not null).Select(e => e.ToString() + e.Exception)));
        Assert.EndsWith("/strengths", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var record = await client.GetStringAsync($"/people/{personId}");
        Assert.Contains("Teaches café baking to neighbours", System.Net.WebUtility.HtmlDecode(record), StringComparison.Ordinal);
        Assert.Contains("Gifts they could share", record, StringComparison.Ordinal);
        Assert.Contains("Add or change strengths", record, StringComparison.Ordinal);
        var saved = await fixture.Factory.WithDbAsync(db => db.Strengths.SingleAsync(s => s.PersonId == personId));
        Assert.Equal("teaches cafe baking to neighbours", saved.SearchText);
    }

    [Fact]
    public async Task Too_many_words_are_refused_and_nothing_is_saved()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Lee Long");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);

        var response = await client.PostFormAsync($"/people/{personId}/strengths/new", new()
        {
            ["Input.Category"] = "Skill",
            ["Input.Words"] = new string('a', Kith.Core.People.Strength.WordsLimit + 1),
            ["Input.NamedBy"] = "Person",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains($"{Kith.Core.People.Strength.WordsLimit} characters or fewer", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Strengths.CountAsync(s => s.PersonId == personId)));
    }

    [Fact]
    public async Task A_tie_of_strength_6_is_refused_and_a_good_tie_is_shown()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Tia Ties");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "My sister Jo",
            ["Input.Relationship"] = "sister",
            ["Input.To"] = "Person",
            ["Input.IsFormal"] = "false",
            ["Input.Strength"] = "6",
            ["Input.Valence"] = "Supportive",
            ["Input.Direction"] = "Both",
            ["Input.Frequency"] = "Weekly",
        };

        var refused = await client.PostFormAsync($"/people/{personId}/network/ties/new", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("1 (weak) to 5 (strong)", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.NetworkTies.CountAsync(t => t.PersonId == personId)));

        fields["Input.Strength"] = "4";
        var saved = await client.PostFormAsync($"/people/{personId}/network/ties/new", fields);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var network = await client.GetStringAsync($"/people/{personId}/network");
        Assert.Contains("My sister Jo", network, StringComparison.Ordinal);
        var record = await client.GetStringAsync($"/people/{personId}");
        Assert.Contains("See the ecomap and change ties", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_strength_leaves_the_list_and_a_snapshot_shows_what_changed_since()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Rae Remove");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);
        await client.PostFormAsync($"/people/{personId}/strengths/new", new() { ["Input.Category"] = "Skill", ["Input.Words"] = "Mends bicycles", ["Input.NamedBy"] = "Person" });
        var strengthId = await fixture.Factory.WithDbAsync(db => db.Strengths.Where(s => s.PersonId == personId).Select(s => s.Id).SingleAsync());

        var removed = await client.PostFormAsync($"/people/{personId}/strengths?handler=Remove&strengthId={strengthId}", [], await client.GetStringAsync($"/people/{personId}/strengths"));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("Mends bicycles", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await fixture.Factory.WithDbAsync(db => db.Strengths.SingleAsync(s => s.Id == strengthId))).RemovedAt);

        var snapshot = await client.PostFormAsync($"/people/{personId}/network?handler=Snapshot", new() { ["Note"] = "First review" }, await client.GetStringAsync($"/people/{personId}/network"));
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        await client.PostFormAsync($"/people/{personId}/network/ties/new", new()
        {
            ["Input.Name"] = "Tuesday walkers", ["Input.To"] = "Group", ["Input.IsFormal"] = "false", ["Input.Strength"] = "3",
            ["Input.Valence"] = "Supportive", ["Input.Direction"] = "TheyGive", ["Input.Frequency"] = "Weekly",
        });
        var snapshotId = await fixture.Factory.WithDbAsync(db => db.NetworkSnapshots.Where(s => s.PersonId == personId).Select(s => s.Id).SingleAsync());
        var shown = await client.GetStringAsync($"/people/{personId}/network/snapshots?id={snapshotId}");
        Assert.Contains("Tuesday walkers", shown, StringComparison.Ordinal);
        Assert.Contains("Added", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strength_can_be_changed_and_a_change_from_an_old_copy_is_refused_with_the_saved_words_shown()
    {
        var personId = await fixture.Factory.CreatePersonAsync(fixture.TeamId, "Cal Change");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);
        await client.PostFormAsync($"/people/{personId}/strengths/new", new() { ["Input.Category"] = "Skill", ["Input.Words"] = "Fixes bikes", ["Input.NamedBy"] = "Person" });
        var strengthId = await fixture.Factory.WithDbAsync(db => db.Strengths.Where(s => s.PersonId == personId).Select(s => s.Id).SingleAsync());
        var list = await client.GetStringAsync($"/people/{personId}/strengths");
        Assert.Contains($"/people/{personId}/strengths/{strengthId}", list, StringComparison.Ordinal);

        // Two copies of the page opened at version 1; the first save wins.
        var url = $"/people/{personId}/strengths/{strengthId}";
        var page = await client.GetStringAsync(url);
        Assert.Contains("Fixes bikes", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Version"] = "1", ["Input.Category"] = "Gift", ["Input.Words"] = "Teaches bike repair", ["Input.NamedBy"] = "Worker" };
        var changed = await client.PostFormAsync(url, fields, page);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.EndsWith("/strengths", changed.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Strength changed", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["Input.Words"] = "Rides a tandem";
        var stale = await client.PostFormAsync(url, fields, page);
        var html = System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this strength", html, StringComparison.Ordinal);
        Assert.Contains("Saved now: Gifts they could share, \"Teaches bike repair\"", html, StringComparison.Ordinal);
        Assert.Contains("Rides a tandem", html, StringComparison.Ordinal);

        var saved = await fixture.Factory.WithDbAsync(db => db.Strengths.SingleAsync(s => s.Id == strengthId));
        Assert.Equal(("Teaches bike repair", "teaches bike repair", 2), (saved.Words, saved.SearchText, saved.Version));

        var empty = await client.PostFormAsync(url, new() { ["Version"] = "2", ["Input.Category"] = "Gift", ["Input.Words"] = " ", ["Input.NamedBy"] = "Worker" }, page);
        Assert.Contains("Enter the strength in their own words", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{personId}/strengths/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("strengths")]
    [InlineData("strengths/new")]
    [InlineData("strengths/{tie}")]
    [InlineData("network")]
    [InlineData("network/ties/new")]
    [InlineData("network/ties/{tie}")]
    [InlineData("network/snapshots")]
    public async Task Staff_of_another_team_are_refused_and_the_refusal_is_audited(string route)
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);
        var url = $"/people/{fixture.PersonId}/{route.Replace("{tie}", Guid.NewGuid().ToString(), StringComparison.Ordinal)}";
        var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == "access-refused" && e.UserId == fixture.OtherPractitioner.Id);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == "access-refused" && e.UserId == fixture.OtherPractitioner.Id);
        Assert.Equal(before + 1, after);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public Guid TeamId { get; private set; }

        public Guid PersonId { get; private set; }

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            TeamId = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(TeamId, "Robin Example");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
