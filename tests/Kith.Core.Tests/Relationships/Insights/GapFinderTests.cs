using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;
using Kith.Core.Relationships.Insights;

namespace Kith.Core.Tests.Relationships.Insights;

public class GapFinderTests
{
    /// <summary>
    /// Two triangles (A, B, C and D, G, H) joined by one tie C–D, a tail D–E–F, an isolated actor, an isolated team, and
    /// a team tied only to a staff member. C–D is the only link between a group of 3 and a group of 5.
    /// </summary>
    private static (LoadedMap Map, Dictionary<string, RelationshipActor> Actors) Barbell()
    {
        var map = new InsightMap();
        var names = new Dictionary<string, RelationshipActor>();
        foreach (var name in new[] { "A", "B", "C", "D", "G", "H", "E", "F" })
        {
            names[name] = map.Actor(name);
        }

        names["Alone"] = map.Actor("Alone");
        names["Quiet team"] = map.Actor("Quiet team", ActorKind.Team);
        names["Inward team"] = map.Actor("Inward team", ActorKind.Team);
        names["Sam"] = map.Actor("Sam", ActorKind.StaffMember, a => a.AgreedToMappingAt = DateTime.UnixEpoch);
        map.Tie(names["A"], names["B"]);
        map.Tie(names["B"], names["C"]);
        map.Tie(names["A"], names["C"]);
        map.Tie(names["C"], names["D"], 1);
        map.Tie(names["D"], names["G"]);
        map.Tie(names["G"], names["H"]);
        map.Tie(names["D"], names["H"]);
        map.Tie(names["D"], names["E"]);
        map.Tie(names["E"], names["F"]);
        map.Tie(names["Inward team"], names["Sam"]);
        return (map.Build(), names);
    }

    [Fact]
    public void Isolated_actors_and_teams_are_listed_and_a_team_tied_only_to_people_is_named()
    {
        var (map, actors) = Barbell();

        var gaps = GapFinder.Of(map, NetworkAnalysis.Run(map.Graph));

        Assert.Equal([actors["Alone"], actors["Quiet team"]], gaps.Isolated);
        Assert.Equal([actors["Quiet team"]], gaps.IsolatedTeams);
        Assert.Equal([actors["Inward team"]], gaps.InwardTeams);
    }

    [Fact]
    public void Bridges_name_both_sides_with_their_sizes_the_most_important_first()
    {
        var (map, actors) = Barbell();

        var gaps = GapFinder.Of(map, NetworkAnalysis.Run(map.Graph));

        Assert.Equal(4, gaps.Bridges.Count);
        var first = gaps.Bridges[0];
        Assert.Equal((actors["C"], 3, actors["D"], 5), (first.A, first.SideA, first.B, first.SideB));
        Assert.Contains(gaps.Bridges, b => b.A == actors["D"] && b.SideA == 6 && b.B == actors["E"] && b.SideB == 2);
        Assert.Contains(gaps.Bridges, b => b.A == actors["E"] && b.SideA == 7 && b.B == actors["F"] && b.SideB == 1);
        Assert.Contains(gaps.Bridges, b => b.Smaller == 1 && b.A == actors["Inward team"] && b.B == actors["Sam"]);
    }

    [Fact]
    public void Articulation_points_say_how_the_map_splits_without_them()
    {
        var (map, actors) = Barbell();

        var gaps = GapFinder.Of(map, NetworkAnalysis.Run(map.Graph));

        Assert.Equal([actors["D"], actors["C"], actors["E"]], gaps.ArticulationPoints.Select(p => p.Actor));
        Assert.Equal([3, 2, 2], gaps.ArticulationPoints[0].Pieces);
        Assert.Equal([5, 2], gaps.ArticulationPoints[1].Pieces);
        Assert.Equal([6, 1], gaps.ArticulationPoints[2].Pieces);
        Assert.Equal(0, gaps.MoreArticulationPoints);
    }

    [Fact]
    public void Brokers_route_many_paths_and_have_low_constraint_and_a_map_without_ties_has_none()
    {
        var (map, actors) = Barbell();

        var gaps = GapFinder.Of(map, NetworkAnalysis.Run(map.Graph));

        var top = gaps.Brokers[0];
        Assert.Equal(actors["D"], top.Actor);
        Assert.True(top.Constraint <= top.MedianConstraint);
        Assert.InRange(top.Share, 0.01, 1);
        Assert.DoesNotContain(gaps.Brokers, b => b.Actor == actors["A"]);

        var empty = new InsightMap();
        empty.Actor("One");
        empty.Actor("Two");
        var lonely = empty.Build();
        var none = GapFinder.Of(lonely, NetworkAnalysis.Run(lonely.Graph));
        Assert.Empty(none.Brokers);
        Assert.Empty(none.Bridges);
        Assert.Equal(2, none.Isolated.Count);
    }
}
