using System.Net;
using Kith.Core.Connections;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.People.Connections;

/// <summary>The practitioner's read-only page of a person's connections and suggestions.</summary>
public sealed class ConnectionsPageTests : IClassFixture<ConnectionsPageTests.Fixture>
{
    private readonly Fixture fixture;

    public ConnectionsPageTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_page_lists_connections_and_ranked_suggestions_with_what_fits_and_what_does_not()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);

        var response = await client.GetAsync($"/people/{fixture.PersonId}/connections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var parts = html.Split("<h2 class=\"nhsuk-heading-m\">Suggestions</h2>");
        Assert.Equal(2, parts.Length);
        var (connections, suggestions) = (parts[0], parts[1]);

        Assert.Contains("Bakers Circle", connections, StringComparison.Ordinal);
        Assert.Contains("Introduced", connections, StringComparison.Ordinal);
        Assert.Contains("Signposted (goes on their own)", connections, StringComparison.Ordinal);
        Assert.DoesNotContain("Bakers Circle", suggestions, StringComparison.Ordinal);

        var accessible = suggestions.IndexOf("Riverside Community Garden", StringComparison.Ordinal);
        var inaccessible = suggestions.IndexOf("Hilltop Garden Club", StringComparison.Ordinal);
        Assert.True(accessible >= 0 && inaccessible > accessible, "The step-free garden comes before the nearer one without step-free access.");
        Assert.Contains("matches 'gardening' from strengths · 1.2 km away · Tuesday mornings, when they said they're free · free · step-free access", suggestions, StringComparison.Ordinal);
        Assert.Contains("no step-free access listed", suggestions, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assets/{fixture.GardenId}\"", suggestions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_page_is_audited_once_as_a_read_of_connections()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);
        var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == AuditActions.Viewed);

        (await client.GetAsync($"/people/{fixture.PersonId}/connections")).EnsureSuccessStatusCode();

        var views = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Where(e => e.Action == AuditActions.Viewed).ToList();
        Assert.Equal(before + 1, views.Count);
        Assert.Contains(ConnectionService.AuditPart, views[^1].Changes, StringComparison.Ordinal);
        Assert.Equal(fixture.TeamPractitioner.Id, views[^1].UserId);
    }

    [Fact]
    public async Task Staff_of_another_team_are_refused_and_the_refusal_is_audited()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);

        var response = await client.GetAsync($"/people/{fixture.PersonId}/connections");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(fixture.PersonId), e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private const double Latitude = ConnectionTestAssets.Latitude;
        private const double Longitude = ConnectionTestAssets.Longitude;

        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public Guid PersonId { get; private set; }

        public Guid GardenId { get; private set; }

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            var teamId = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(teamId, "Robin Example", p => p.Postcode = "LS1 1AA");

            var garden = ConnectionTestAssets.Asset("Riverside Community Garden", 1.2, AccessibilityFeature.StepFreeAccess);
            var hilltop = ConnectionTestAssets.Asset("Hilltop Garden Club", 0.5);
            var bakers = ConnectionTestAssets.Asset("Bakers Circle", 0.3, AccessibilityFeature.StepFreeAccess);
            GardenId = garden.Id;
            await Factory.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                db.Postcodes.Add(new Postcode { Code = "LS11AA", Display = "LS1 1AA", District = "LS1", Latitude = Latitude, Longitude = Longitude });
                db.CommunityAssets.AddRange(garden, hilltop, bakers);
                db.Strengths.Add(new Strength { PersonId = PersonId, Category = StrengthCategory.PassionOrInterest, Words = "gardening", SearchText = "gardening", RecordedAt = now, RecordedByName = "Sam" });
                db.ConnectingPreferences.Add(new ConnectingPreferences
                {
                    PersonId = PersonId,
                    TravelKm = 5,
                    FreeTimes = FreeTimes.On(FreeTimes.Weekdays, DayPart.Morning),
                    CostLimit = 0,
                    AccessNeeds = [AccessibilityFeature.StepFreeAccess],
                    LastModified = now,
                });
                var connection = Connection.Create(PersonId, bakers.Id, ConnectionKind.SignpostOnly, new ProcessContext(TeamPractitioner.Id, "Sam Practitioner"), now, "Loves baking");
                db.ConnectionTransitions.Add(connection.Introduce(new ProcessContext(TeamPractitioner.Id, "Sam Practitioner"), now, "Gave them the leaflet"));
                db.Connections.Add(connection);
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

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
