using Kith.Core.Platform.Accounts;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kith.Web.Tests.Relationships.Map;

/// <summary>The app with the map cache checking the database on every request, so a test sees its own changes at once.</summary>
public sealed class MapWebFactory(string changeCheckInterval = "00:00:00") : KithWebFactory
{
    public MapWebFactory()
        : this("00:00:00")
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RelationshipMap:ChangeCheckInterval", changeCheckInterval);
    }
}

/// <summary>
/// A small partnership map: a health centre, a food bank, a social care team and allotments tied in a line, a library
/// with no ties, and a staff member who has not agreed to be on the map (so neither they nor their tie may show).
/// The health centre's funding of the team ended on 31 December 2024.
/// </summary>
public sealed class MapFixture : IAsyncLifetime, IDisposable
{
    public static readonly DateOnly FundingEnded = new(2024, 12, 31);

    public MapWebFactory Factory { get; } = new();

    public TestUser Manager { get; private set; } = null!;

    public TestUser Practitioner { get; private set; } = null!;

    public RelationshipActor HealthCentre { get; } = Actor("Northfield Health Centre", ActorKind.Organisation, "health");

    public RelationshipActor FoodBank { get; } = Actor("Hillside Food Bank", ActorKind.CommunityGroup, "voluntary and community");

    public RelationshipActor CareTeam { get; } = Actor("Adult Social Care Team", ActorKind.Team, "social care");

    public RelationshipActor Allotments { get; } = Actor("Park Lane Allotments", ActorKind.CommunityAsset, "voluntary and community");

    public RelationshipActor Library { get; } = Actor("Central Library", ActorKind.Organisation, "education");

    public RelationshipActor NotAgreed { get; } = Actor("Sam Notyet", ActorKind.StaffMember, "health");

    public static RelationshipActor Actor(string name, ActorKind kind, string? sector) => new()
    {
        Name = name,
        Kind = kind,
        Sector = sector,
        Area = "Northfield",
        CreatedAt = DateTime.UtcNow,
        LastModified = DateTime.UtcNow,
    };

    public static RelationshipTie Tie(RelationshipActor from, RelationshipActor to, TieType type, int strength, bool directed, DateOnly? until = null) => new()
    {
        FromActorId = from.Id,
        ToActorId = to.Id,
        Type = type,
        Strength = strength,
        IsDirected = directed,
        Until = until,
        Source = TieSource.Declared,
        RecordedAt = DateTime.UtcNow,
        LastModified = DateTime.UtcNow,
    };

    public async Task InitializeAsync()
    {
        Manager = await Factory.CreateUserAsync(KithRoles.Manager);
        Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
        await Factory.WithDbAsync(async db =>
        {
            db.RelationshipActors.AddRange(HealthCentre, FoodBank, CareTeam, Allotments, Library, NotAgreed);
            db.RelationshipTies.AddRange(
                Tie(HealthCentre, FoodBank, TieType.WorksWith, 4, directed: false),
                Tie(FoodBank, CareTeam, TieType.RefersTo, 2, directed: true),
                Tie(CareTeam, Allotments, TieType.Trusts, 5, directed: false),
                Tie(HealthCentre, CareTeam, TieType.Funds, 3, directed: true, until: FundingEnded),
                Tie(Allotments, NotAgreed, TieType.WorksWith, 3, directed: false));
            return await db.SaveChangesAsync();
        });
    }

    public async Task<HttpClient> SignedInAsync(TestUser user)
    {
        var client = Factory.CreateClient();
        await client.SignInAsync(user);
        return client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}
