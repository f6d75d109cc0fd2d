using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Insights;

/// <summary>A small hand-made map for the insight tests: add actors and ties, then <see cref="Build"/>.</summary>
internal sealed class InsightMap
{
    private readonly List<RelationshipActor> actors = [];
    private readonly List<RelationshipTie> ties = [];

    public RelationshipActor Actor(string name, ActorKind kind = ActorKind.Organisation, Action<RelationshipActor>? with = null)
    {
        var actor = new RelationshipActor { Name = name, Kind = kind };
        with?.Invoke(actor);
        actors.Add(actor);
        return actor;
    }

    public RelationshipTie Tie(RelationshipActor from, RelationshipActor to, int strength = 3, TieType type = TieType.WorksWith, bool directed = false)
    {
        var tie = new RelationshipTie { FromActorId = from.Id, ToActorId = to.Id, Strength = strength, Type = type, IsDirected = directed };
        ties.Add(tie);
        return tie;
    }

    /// <summary>The map, actors in the order added.</summary>
    public LoadedMap Build() => new(new DateOnly(2026, 12, 4), actors.ToList(), ties.ToList());

    /// <summary>
    /// Metrics made by hand for rules that read only communities and betweenness: every figure zero, no bridges, and
    /// the membership given (all in community 0 when null).
    /// </summary>
    public static NetworkMetrics HandMetrics(LoadedMap map, int[]? membership = null, double[]? betweenness = null)
    {
        var n = map.Graph.NodeCount;
        membership ??= new int[n];
        return new NetworkMetrics(
            new DegreeFigures(new int[n], new int[n], new int[n], new double[n]),
            betweenness ?? new double[n],
            null,
            null,
            new double[n],
            new double[n],
            new StructuralHoleFigures(new double?[n], new double?[n]),
            [],
            new bool[n],
            0,
            null,
            new CommunityFigures(membership, membership.Length == 0 ? 0 : membership.Max() + 1, 0));
    }
}
