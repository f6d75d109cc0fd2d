using Kith.Core.Connections;
using Kith.Core.Connections.Introductions;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Relationships.Data;

/// <summary>Observed ties from introductions, and the retention sweep (ADR 0023).</summary>
public sealed class ObservedTiesAndRetentionTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");

    [Fact]
    public void Strength_grows_with_the_number_of_introductions()
    {
        Assert.Equal([1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5], new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40 }.Select(ObservedTieService.StrengthOf));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Introductions_become_refers_to_ties_from_the_practitioners_team_counted_and_recounted_idempotently(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        Guid teamId, otherTeamId, gardenId, pantryId, personId;
        await using (var db = world.Context())
        {
            db.Actor = Sam;
            var team = new Team { Name = "Northfield link workers", CreatedAt = world.Now };
            team.Members.Add(new TeamMember { UserId = "user-sam", AddedAt = world.Now });
            var other = new Team { Name = "Another team", CreatedAt = world.Now };
            var person = new Person { Name = "Robin Example", CreatedAt = world.Now, LastModified = world.Now };
            var organisation = new Organization { Name = "Riverside Trust" };
            var garden = new CommunityAsset { Name = "Riverside Garden", Organization = organisation, CreatedAt = world.Now, LastModified = world.Now };
            var pantry = new CommunityAsset { Name = "Eastfield Pantry", Organization = organisation, CreatedAt = world.Now, LastModified = world.Now };
            db.AddRange(team, other, person, garden, pantry);
            await db.SaveChangesAsync();
            db.PersonTeams.Add(new PersonTeam { PersonId = person.Id, TeamId = other.Id, Since = world.Today });
            await db.SaveChangesAsync();
            (teamId, otherTeamId, gardenId, pantryId, personId) = (team.Id, other.Id, garden.Id, pantry.Id, person.Id);

            // The pantry is already on the map, and an editor declared a tie from the team's actor to it.
            var map = world.Map(db);
            var pantryActor = await map.CreateActorAsync(new ActorValues { Kind = ActorKind.CommunityGroup, Name = "Eastfield Community Pantry", CommunityAssetId = pantry.Id }, RelationshipWorld.Editor);
            var teamActor = await map.CreateActorAsync(new ActorValues { Kind = ActorKind.Team, Name = "Northfield link workers", TeamId = team.Id }, RelationshipWorld.Editor);
            await map.CreateTieAsync(new TieValues { FromActorId = teamActor.Id, ToActorId = pantryActor.Id, Type = TieType.RefersTo, IsDirected = true, Strength = 5 }, RelationshipWorld.Editor);
        }

        // Sam (in the team) introduces Robin to the garden three times and to the pantry once; someone in no team once to the garden.
        await AddIntroductionsAsync(world, personId, gardenId, "user-sam", 3);
        await AddIntroductionsAsync(world, personId, pantryId, "user-sam", 1);
        await AddIntroductionsAsync(world, personId, gardenId, "user-nobody", 1);

        await using (var db = world.Context())
        {
            var service = new ObservedTieService(db, world.Clock);
            var first = await service.RecomputeAsync(ObservedTieService.SweepContext);
            Assert.Equal(new ObservedTiesResult(ActorsCreated: 2, TiesCreated: 3, TiesUpdated: 0, TiesRemoved: 0), first);
            var observed = await db.RelationshipTies.AsNoTracking().Where(t => t.Source == TieSource.Observed).ToListAsync();
            var actors = await db.RelationshipActors.AsNoTracking().ToDictionaryAsync(a => a.Id);
            string Describe(RelationshipTie t) => $"{actors[t.FromActorId].Name} -> {actors[t.ToActorId].Name} x{t.ObservedCount} s{t.Strength}";
            Assert.Equal(
                ["Another team -> Riverside Garden x1 s1", "Northfield link workers -> Eastfield Community Pantry x1 s1", "Northfield link workers -> Riverside Garden x3 s2"],
                observed.Select(Describe).Order(StringComparer.Ordinal));
            Assert.All(observed, t => Assert.True(t.IsDirected && t.Type == TieType.RefersTo));
            Assert.Contains(actors.Values, a => a.Kind == ActorKind.CommunityAsset && a.CommunityAssetId == gardenId && a.Name == "Riverside Garden");
            Assert.Contains(actors.Values, a => a.Kind == ActorKind.Team && a.TeamId == otherTeamId);
            // The declared tie is untouched.
            Assert.Equal(5, (await db.RelationshipTies.AsNoTracking().SingleAsync(t => t.Source == TieSource.Declared)).Strength);

            var again = await new ObservedTieService(db, world.Clock).RecomputeAsync(ObservedTieService.SweepContext);
            Assert.Equal(new ObservedTiesResult(0, 0, 0, 0), again);
        }

        await AddIntroductionsAsync(world, personId, gardenId, "user-sam", 1);
        await using (var db = world.Context())
        {
            var third = await new ObservedTieService(db, world.Clock).RecomputeAsync(ObservedTieService.SweepContext);
            Assert.Equal(new ObservedTiesResult(0, 0, 1, 0), third);
            var team = await db.RelationshipActors.SingleAsync(a => a.TeamId == teamId);
            var garden = await db.RelationshipActors.SingleAsync(a => a.CommunityAssetId == gardenId);
            var tie = await db.RelationshipTies.SingleAsync(t => t.FromActorId == team.Id && t.ToActorId == garden.Id);
            Assert.Equal(4, tie.ObservedCount);
            Assert.Equal(3, tie.Strength);
            Assert.Equal(4, await db.RelationshipTies.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sweep_deletes_a_named_persons_ties_that_ended_or_went_unconfirmed_past_the_retention_period(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var asha = await world.ActorAsync("Asha Patel", ActorKind.StaffMember, agreed: true);
        var mind = await world.ActorAsync("Vale Mind");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        var endedLongAgo = await world.TieAsync(asha.Id, mind.Id, since: new DateOnly(2020, 1, 1), until: new DateOnly(2024, 4, 30));
        var endedRecently = await world.TieAsync(asha.Id, mind.Id, TieType.Trusts, until: new DateOnly(2027, 1, 1));
        var unconfirmed = await world.TieAsync(shed.Id, asha.Id, TieType.SeeksAdviceFrom);
        var betweenOrganisations = await world.TieAsync(mind.Id, shed.Id, until: new DateOnly(2020, 1, 1));

        // 25 months on: the unconfirmed tie was recorded more than 24 months ago; "ended recently" ended 18 months ago and was confirmed since.
        world.Clock.Advance(TimeSpan.FromDays(365 * 2 + 31));
        await using (var db = world.Context())
        {
            var confirmed = await world.Map(db).TieAsync(endedRecently.Id);
            await world.Map(db).UpdateTieAsync(endedRecently.Id, TieValues.From(confirmed!), confirmed!.Version, RelationshipWorld.Editor);
        }

        await using (var db = world.Context())
        {
            var result = await new RelationshipRetentionService(db, world.Clock).SweepAsync(24);
            Assert.Equal(1, result.EndedTies);
            Assert.Equal(1, result.UnconfirmedTies);
            var left = await db.RelationshipTies.AsNoTracking().Select(t => t.Id).ToListAsync();
            Assert.Equal(new[] { endedRecently.Id, betweenOrganisations.Id }.Order(), left.Order());
            var deleted = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.Deleted && e.EntityType == nameof(RelationshipTie)).ToListAsync();
            Assert.Equal(new[] { endedLongAgo.Id.ToString(), unconfirmed.Id.ToString() }.Order(), deleted.Select(e => e.EntityId).Order());
            Assert.All(deleted, e => Assert.Contains("retention period of 24 months", e.Reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sweep_deletes_snapshot_rows_about_someone_whose_agreement_is_no_longer_there(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var asha = await world.ActorAsync("Asha Patel", ActorKind.StaffMember, agreed: true);
        var mind = await world.ActorAsync("Vale Mind");
        await world.TieAsync(asha.Id, mind.Id);
        await using var db = world.Context();
        await new RelationshipAnalysisService(db, world.Clock).TakeSnapshotAsync("Spring", RelationshipWorld.Editor);

        // Agreement cleared without the withdraw action (for example by an older version, or by hand): the sweep catches it.
        await db.RelationshipActors.Where(a => a.Id == asha.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.AgreedToMappingAt, (DateTime?)null));
        var result = await new RelationshipRetentionService(db, world.Clock).SweepAsync(24);
        Assert.Equal(1, result.SnapshotActorRows);
        Assert.Equal(1, result.SnapshotTieRows);
        Assert.False(await db.RelationshipSnapshotActors.AnyAsync(a => a.ActorId == asha.Id));
        Assert.True(await db.RelationshipSnapshotActors.AnyAsync(a => a.ActorId == mind.Id));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == RelationshipRetentionService.SnapshotRowsEntityType && e.EntityId == asha.Id.ToString()));
        Assert.Equal(0, (await new RelationshipRetentionService(db, world.Clock).SweepAsync(24)).Total);
    }

    private static async Task AddIntroductionsAsync(RelationshipWorld world, Guid personId, Guid assetId, string userId, int count)
    {
        await using var db = world.Context();
        db.Actor = Sam;
        for (var i = 0; i < count; i++)
        {
            var connection = new Connection { PersonId = personId, CommunityAssetId = assetId, Kind = ConnectionKind.Introduction, Status = ConnectionStatus.Requested, MadeByName = "Sam", CreatedAt = world.Now, LastModified = world.Now };
            db.Connections.Add(connection);
            db.Introductions.Add(new Introduction
            {
                ConnectionId = connection.Id,
                PersonId = personId,
                CommunityAssetId = assetId,
                ConsentRecordedByUserId = userId,
                ConsentRecordedByName = "Sam",
                SharedName = "Robin",
                SharedContact = "07700 900123",
                RecipientEmail = "hello@example.org",
                TokenHash = Guid.NewGuid().ToString("N"),
                SentAt = world.Now.AddDays(-i),
                ExpiresAt = world.Now.AddDays(30),
            });
        }

        await db.SaveChangesAsync();
    }
}
