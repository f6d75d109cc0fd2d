using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;

namespace Kith.Core.Tests.Relationships.Insights;

public class TiesReportTests
{
    [Fact]
    public void Ties_between_organisations_are_counted_with_mean_least_and_most_strength_and_people_are_left_out()
    {
        var map = new InsightMap();
        var council = map.Actor("Council", ActorKind.Organisation, a => a.Sector = "Local government");
        var hospital = map.Actor("Hospital", ActorKind.Organisation, a => a.Sector = "Health");
        var team = map.Actor("Link workers", ActorKind.Team, a => a.Sector = "health ");
        var group = map.Actor("Walking group", ActorKind.CommunityGroup, a => a.Sector = "Voluntary and community");
        var sam = map.Actor("Sam", ActorKind.StaffMember, a => a.Sector = "Health");
        map.Tie(council, hospital, 2);
        map.Tie(hospital, council, 4, TieType.Funds, directed: true);
        map.Tie(team, group, 5);
        map.Tie(sam, group, 1);
        map.Tie(team, hospital, 3);

        var report = TiesReport.Of(map.Build());

        Assert.Equal(5, report.TieCount);
        Assert.Equal(1, report.TiesLeftOutOfOrganisations);
        Assert.Equal(
            [
                new GroupPair("Link workers", "Walking group", 1, 5, 5, 5),
                new GroupPair("Council", "Hospital", 2, 3, 2, 4),
                new GroupPair("Hospital", "Link workers", 1, 3, 3, 3),
            ],
            report.OrganisationPairs);
        Assert.Equal(new GroupPair("Council", "Hospital", 2, 3, 2, 4), report.WeakestBetweenOrganisations[0]);
    }

    [Fact]
    public void Sectors_group_ignoring_case_and_the_weakest_between_sectors_leaves_out_ties_inside_one_sector()
    {
        var map = new InsightMap();
        var gp = map.Actor("GP practice", ActorKind.Organisation, a => a.Sector = "Health");
        var hospital = map.Actor("Hospital", ActorKind.Organisation, a => a.Sector = "health");
        var council = map.Actor("Council", ActorKind.Organisation, a => a.Sector = "Local government");
        var group = map.Actor("Walking group", ActorKind.CommunityGroup, a => a.Sector = "Voluntary");
        var nobody = map.Actor("No sector", ActorKind.Organisation);
        map.Tie(gp, hospital, 1);
        map.Tie(gp, council, 4);
        map.Tie(hospital, council, 2);
        map.Tie(group, gp, 1);
        map.Tie(group, council, 5);
        map.Tie(nobody, gp, 1);

        var report = TiesReport.Of(map.Build());

        Assert.Equal(1, report.TiesWithoutSector);
        Assert.Contains(new GroupPair("Health", "Health", 1, 1, 1, 1), report.SectorPairs);
        Assert.Equal(
            [
                new GroupPair("Health", "Voluntary", 1, 1, 1, 1),
                new GroupPair("Health", "Local government", 2, 3, 2, 4),
                new GroupPair("Local government", "Voluntary", 1, 5, 5, 5),
            ],
            report.WeakestBetweenSectors);
        Assert.Equal(new GroupPair("Local government", "Voluntary", 1, 5, 5, 5), report.SectorPairs[0]);
        Assert.Equal(["Walking group–GP practice", "Hospital–Council", "GP practice–Council", "Walking group–Council"], report.WeakestCrossSectorTies.Select(t => $"{t.FromName}–{t.ToName}"));
    }

    [Fact]
    public void Faded_ties_are_those_weaker_now_or_gone_matched_by_pair_and_type_either_way_round()
    {
        var map = new InsightMap();
        var a = map.Actor("A");
        var b = map.Actor("B");
        var c = map.Actor("C");
        var weaker = map.Tie(b, a, 2);
        map.Tie(a, c, 5, TieType.Funds, directed: true);
        map.Tie(b, c, 4);
        var loaded = map.Build();
        var goneActor = Guid.NewGuid();
        var snapshot = new RelationshipSnapshot { Label = "Last year" };
        snapshot.Actors.AddRange([Snap(a.Id, "A"), Snap(b.Id, "B"), Snap(c.Id, "C"), Snap(goneActor, "Closed charity")]);
        snapshot.Ties.Add(new RelationshipSnapshotTie { TieId = Guid.NewGuid(), FromActorId = a.Id, ToActorId = b.Id, Type = TieType.WorksWith, Strength = 4 });
        snapshot.Ties.Add(new RelationshipSnapshotTie { TieId = Guid.NewGuid(), FromActorId = a.Id, ToActorId = c.Id, Type = TieType.Funds, Strength = 3 });
        snapshot.Ties.Add(new RelationshipSnapshotTie { TieId = Guid.NewGuid(), FromActorId = a.Id, ToActorId = c.Id, Type = TieType.Trusts, Strength = 3 });
        snapshot.Ties.Add(new RelationshipSnapshotTie { TieId = Guid.NewGuid(), FromActorId = goneActor, ToActorId = c.Id, Type = TieType.WorksWith, Strength = 5 });
        snapshot.Ties.Add(new RelationshipSnapshotTie { TieId = weaker.Id, FromActorId = b.Id, ToActorId = c.Id, Type = TieType.WorksWith, Strength = 4 });

        var faded = TiesReport.FadedSince(snapshot, loaded);

        Assert.Equal(
            [
                new FadedTie(goneActor, "Closed charity", c.Id, "C", TieType.WorksWith, 5, null),
                new FadedTie(a.Id, "A", c.Id, "C", TieType.Trusts, 3, null),
                new FadedTie(a.Id, "A", b.Id, "B", TieType.WorksWith, 4, 2),
            ],
            faded);

        var onlyFunding = TiesReport.FadedSince(snapshot, loaded, [TieType.Funds]);
        Assert.Empty(onlyFunding);
    }

    private static RelationshipSnapshotActor Snap(Guid id, string name) => new() { ActorId = id, Name = name };
}
