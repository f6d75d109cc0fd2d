using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Relationships.Data;

/// <summary>Actors, ties and agreement through <see cref="RelationshipMapService"/> (ADR 0023).</summary>
public sealed class RelationshipMapServiceTests
{
    [Fact]
    public void An_actor_needs_a_kind_and_a_name_and_scores_from_1_to_5()
    {
        var problems = RelationshipMapService.Validate(new ActorValues { Name = "  ", Interest = 0, DesiredInfluence = 6, HoldsBudget = true, Email = "not-an-email" });
        Assert.Equal(
            ["Kind", "Name", "BudgetBand", "Interest", "DesiredInfluence", "Email"],
            problems.Select(p => p.Field));
        Assert.Contains(problems, p => p.Message == "Enter the actor's name");
        Assert.Empty(RelationshipMapService.Validate(new ActorValues { Kind = ActorKind.Team, Name = "Reablement", Interest = 1, Influence = 5 }));
    }

    [Fact]
    public void A_tie_needs_two_different_actors_a_type_a_strength_from_1_to_5_and_dates_in_order()
    {
        var a = Guid.NewGuid();
        var problems = RelationshipMapService.Validate(new TieValues { FromActorId = a, ToActorId = a, Strength = 9, Since = new DateOnly(2026, 5, 1), Until = new DateOnly(2026, 4, 1) });
        Assert.Equal(["ToActorId", "Type", "Strength", "Until"], problems.Select(p => p.Field));
        Assert.Equal("Strength must be between 1 (weak) and 5 (strong)", problems[2].Message);
        Assert.Empty(RelationshipMapService.Validate(new TieValues { FromActorId = a, ToActorId = Guid.NewGuid(), Type = TieType.Funds, Strength = 5, Since = new DateOnly(2026, 5, 1), Until = new DateOnly(2026, 5, 1) }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saves_are_audited_duplicates_refused_and_a_stale_version_is_a_conflict(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var mind = await world.ActorAsync("Vale Mind");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        var tie = await world.TieAsync(mind.Id, shed.Id);

        await using var db = world.Context();
        var map = world.Map(db);
        // The same mutual tie the other way round is a duplicate; an ended one is not; a one-way tie of another type is not.
        var duplicate = await Assert.ThrowsAsync<RelationshipValidationException>(() => map.CreateTieAsync(
            new TieValues { FromActorId = shed.Id, ToActorId = mind.Id, Type = TieType.WorksWith, Strength = 2 }, RelationshipWorld.Editor));
        Assert.StartsWith("There is already a current \"works with\" tie between Men's Shed and Vale Mind", duplicate.Problems.Single().Message, StringComparison.Ordinal);
        await map.CreateTieAsync(new TieValues { FromActorId = shed.Id, ToActorId = mind.Id, Type = TieType.WorksWith, Strength = 2, Since = new DateOnly(2020, 1, 1), Until = new DateOnly(2021, 1, 1) }, RelationshipWorld.Editor);
        await map.CreateTieAsync(new TieValues { FromActorId = shed.Id, ToActorId = mind.Id, Type = TieType.SeeksAdviceFrom, IsDirected = true, Strength = 4 }, RelationshipWorld.Editor);
        var self = await Assert.ThrowsAsync<RelationshipValidationException>(() => map.CreateTieAsync(
            new TieValues { FromActorId = shed.Id, ToActorId = shed.Id, Type = TieType.Trusts, Strength = 2 }, RelationshipWorld.Editor));
        Assert.Equal("ToActorId", self.Problems.Single().Field);

        await map.UpdateActorAsync(mind.Id, new ActorValues { Kind = ActorKind.Organisation, Name = "Vale Mind", Sector = "voluntary and community", DecidesAbout = "mental health, young people" }, mind.Version, RelationshipWorld.Editor);
        await Assert.ThrowsAsync<RelationshipConflictException>(() => map.UpdateActorAsync(mind.Id, new ActorValues { Kind = ActorKind.Organisation, Name = "Stale" }, mind.Version, RelationshipWorld.Editor));
        await Assert.ThrowsAsync<RelationshipConflictException>(() => map.UpdateTieAsync(tie.Id, TieValues.From(tie), tie.Version + 5, RelationshipWorld.Editor));

        var saved = await map.ActorAsync(mind.Id);
        Assert.Equal("mental health; young people", saved!.DecidesAbout);
        Assert.Equal(mind.Version + 1, saved.Version);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == mind.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.Created, AuditActions.Updated], events.Select(e => e.Action));
        Assert.Equal("Erin Editor", events[1].ActorName);
        Assert.Contains("voluntary and community", events[1].Changes, StringComparison.Ordinal);
        Assert.Equal(3, await db.RelationshipTies.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_staff_member_is_off_the_map_until_they_agree_and_withdrawing_deletes_their_ties_and_snapshot_rows(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var asha = await world.ActorAsync("Asha Patel", ActorKind.StaffMember);
        var mind = await world.ActorAsync("Vale Mind");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        await world.TieAsync(asha.Id, mind.Id, TieType.RefersTo);
        await world.TieAsync(mind.Id, shed.Id);

        await using var db = world.Context();
        var map = world.Map(db);
        var analysis = new RelationshipAnalysisService(db, world.Clock);
        Assert.DoesNotContain((await analysis.LoadAsync(new MapFilter())).Actors, a => a.Id == asha.Id);

        var empty = await Assert.ThrowsAsync<RelationshipValidationException>(() => map.RecordAgreementAsync(asha.Id, " ", null, asha.Version, RelationshipWorld.Editor));
        Assert.Equal("How", empty.Problems.Single().Field);
        await Assert.ThrowsAsync<RelationshipValidationException>(() => map.RecordAgreementAsync(mind.Id, "by email", null, mind.Version, RelationshipWorld.Editor));
        await map.RecordAgreementAsync(asha.Id, "by email to the manager", new DateOnly(2026, 5, 20), asha.Version, RelationshipWorld.Editor);
        var loaded = await analysis.LoadAsync(new MapFilter());
        Assert.Contains(loaded.Actors, a => a.Id == asha.Id);
        Assert.Equal(2, loaded.Ties.Count);
        await analysis.TakeSnapshotAsync("Before", RelationshipWorld.Editor);
        Assert.Equal(1, await db.RelationshipSnapshotActors.CountAsync(a => a.ActorId == asha.Id));

        var agreed = (await map.ActorAsync(asha.Id))!;
        Assert.Equal(new DateTime(2026, 5, 20, 0, 0, 0, DateTimeKind.Utc), agreed.AgreedToMappingAt);
        var deleted = await map.WithdrawAgreementAsync(asha.Id, agreed.Version, RelationshipWorld.Editor);
        Assert.Equal(1, deleted);
        Assert.Equal(1, await db.RelationshipTies.CountAsync());
        Assert.False(await db.RelationshipSnapshotActors.AnyAsync(a => a.ActorId == asha.Id));
        Assert.False(await db.RelationshipSnapshotTies.AnyAsync(t => t.FromActorId == asha.Id || t.ToActorId == asha.Id));
        Assert.True(await db.RelationshipSnapshotActors.AnyAsync(a => a.ActorId == mind.Id));
        Assert.DoesNotContain((await analysis.LoadAsync(new MapFilter())).Actors, a => a.Id == asha.Id);
        Assert.Null((await map.ActorAsync(asha.Id))!.AgreedToMappingAt);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(RelationshipTie) && e.Action == AuditActions.Deleted));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == RelationshipRetentionService.SnapshotRowsEntityType && e.EntityId == asha.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Archiving_takes_an_actor_off_the_map_and_restoring_brings_it_back(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var mind = await world.ActorAsync("Vale Mind");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        await world.TieAsync(mind.Id, shed.Id);
        await using var db = world.Context();
        var map = world.Map(db);
        var analysis = new RelationshipAnalysisService(db, world.Clock);
        await map.ArchiveActorAsync(shed.Id, shed.Version, RelationshipWorld.Editor);
        Assert.Empty((await analysis.LoadAsync(new MapFilter())).Ties);
        Assert.Single(await map.ActorsAsync(new ActorQuery()));
        Assert.Equal(2, (await map.ActorsAsync(new ActorQuery(IncludeArchived: true))).Count);
        await map.RestoreActorAsync(shed.Id, shed.Version + 1, RelationshipWorld.Editor);
        Assert.Single((await analysis.LoadAsync(new MapFilter())).Ties);
        Assert.Equal(
            [AuditActions.Created, AuditActions.Archived, AuditActions.Restored],
            await db.AuditEvents.Where(e => e.EntityId == shed.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}
