using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Relationships.Insights;

/// <summary>
/// A tie that is the only link between two groups: take it away and the actors on <see cref="A"/>'s side
/// (<see cref="SideA"/> of them, A included) lose every route to the <see cref="SideB"/> on <see cref="B"/>'s side.
/// </summary>
public sealed record BridgeGap(RelationshipActor A, int SideA, RelationshipActor B, int SideB)
{
    /// <summary>The smaller side: how many actors hang on this one tie.</summary>
    public int Smaller => Math.Min(SideA, SideB);
}

/// <summary>An actor whose going would split the map: the sizes of the pieces left, largest first.</summary>
public sealed record ArticulationGap(RelationshipActor Actor, IReadOnlyList<int> Pieces, double Betweenness);

/// <summary>An actor others route through whose contacts are not tied to each other.</summary>
/// <param name="Share">Share of the shortest routes between pairs of other actors that pass through this one, 0–1.</param>
/// <param name="MedianConstraint">The median constraint of actors with ties, for comparison.</param>
public sealed record BrokerGap(RelationshipActor Actor, double Betweenness, double Share, double Constraint, double MedianConstraint);

/// <summary>What the gaps page shows.</summary>
/// <param name="IsolatedTeams">Teams with no ties at all.</param>
/// <param name="InwardTeams">Teams with ties, but none to another team, organisation, community group or community asset.</param>
/// <param name="MoreArticulationPoints">Articulation points beyond <see cref="GapFinder.ArticulationLimit"/>, not listed.</param>
public sealed record GapsView(
    IReadOnlyList<RelationshipActor> Isolated,
    IReadOnlyList<RelationshipActor> IsolatedTeams,
    IReadOnlyList<RelationshipActor> InwardTeams,
    IReadOnlyList<BridgeGap> Bridges,
    IReadOnlyList<ArticulationGap> ArticulationPoints,
    int MoreArticulationPoints,
    IReadOnlyList<BrokerGap> Brokers);

/// <summary>
/// Isolated actors and teams, and single points of failure. Bridges and articulation points come from the metrics;
/// this class names both sides and counts them. Brokers: actors with betweenness above zero, among the highest tenth (at
/// least <see cref="BrokerLimit"/> considered), whose constraint is at or below the median of actors with ties: people
/// others route through who also span groups that are not otherwise tied.
/// </summary>
public static class GapFinder
{
    public const int ArticulationLimit = 50;
    public const int BrokerLimit = 10;

    public static GapsView Of(LoadedMap map, NetworkMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(metrics);
        var graph = map.Graph;
        var actors = map.Actors;
        var isolated = Enumerable.Range(0, graph.NodeCount).Where(i => graph.Neighbours(i).Length == 0).Select(i => actors[i]).ToList();
        var isolatedTeams = isolated.Where(a => a.Kind == ActorKind.Team).ToList();
        var inwardTeams = Enumerable.Range(0, graph.NodeCount)
            .Where(i => actors[i].Kind == ActorKind.Team && graph.Neighbours(i).Length > 0)
            .Where(i => !HasOrganisationalNeighbour(graph, actors, i))
            .Select(i => actors[i])
            .ToList();

        var bridges = BridgeSides(graph, metrics.Bridges)
            .Select(b => new BridgeGap(actors[b.Edge.A], b.SideA, actors[b.Edge.B], b.SideB))
            .OrderByDescending(b => b.Smaller).ThenBy(b => b.A.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(b => b.B.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var cuts = Enumerable.Range(0, graph.NodeCount).Where(i => metrics.ArticulationPoints[i])
            .OrderByDescending(i => metrics.Betweenness[i]).ThenBy(i => actors[i].Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var articulation = cuts.Take(ArticulationLimit)
            .Select(i => new ArticulationGap(actors[i], PiecesWithout(graph, i), metrics.Betweenness[i]))
            .ToList();

        return new GapsView(isolated, isolatedTeams, inwardTeams, bridges, articulation, Math.Max(0, cuts.Count - ArticulationLimit), Brokers(map, metrics));
    }

    private static bool HasOrganisationalNeighbour(Graph graph, IReadOnlyList<RelationshipActor> actors, int node)
    {
        foreach (var n in graph.Neighbours(node))
        {
            if (TiesReport.IsOrganisational(actors[n].Kind))
            {
                return true;
            }
        }

        return false;
    }

    private static List<BrokerGap> Brokers(LoadedMap map, NetworkMetrics metrics)
    {
        var n = map.Graph.NodeCount;
        var constraints = Enumerable.Range(0, n).Select(i => metrics.StructuralHoles.Constraint[i]).Where(c => c is not null).Select(c => c!.Value).Order().ToList();
        if (constraints.Count == 0 || n < 3)
        {
            return [];
        }

        var median = constraints.Count % 2 == 1
            ? constraints[constraints.Count / 2]
            : (constraints[(constraints.Count / 2) - 1] + constraints[constraints.Count / 2]) / 2;
        var pairs = (n - 1) * (double)(n - 2) / 2;
        var considered = Math.Max(BrokerLimit, (int)Math.Ceiling(n / 10.0));
        return Enumerable.Range(0, n)
            .Where(i => metrics.Betweenness[i] > 0)
            .OrderByDescending(i => metrics.Betweenness[i]).ThenBy(i => map.Actors[i].Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(considered)
            .Where(i => metrics.StructuralHoles.Constraint[i] is { } c && c <= median)
            .Take(BrokerLimit)
            .Select(i => new BrokerGap(map.Actors[i], metrics.Betweenness[i], Math.Min(1, metrics.Betweenness[i] / pairs), metrics.StructuralHoles.Constraint[i]!.Value, median))
            .ToList();
    }

    /// <summary>The sizes of the pieces <paramref name="removed"/>'s component falls into without it, largest first.</summary>
    internal static List<int> PiecesWithout(Graph graph, int removed)
    {
        var seen = new bool[graph.NodeCount];
        seen[removed] = true;
        var pieces = new List<int>();
        var stack = new Stack<int>();
        foreach (var start in graph.Neighbours(removed))
        {
            if (seen[start])
            {
                continue;
            }

            var size = 0;
            seen[start] = true;
            stack.Push(start);
            while (stack.TryPop(out var v))
            {
                size++;
                foreach (var w in graph.Neighbours(v))
                {
                    if (!seen[w])
                    {
                        seen[w] = true;
                        stack.Push(w);
                    }
                }
            }

            pieces.Add(size);
        }

        return [.. pieces.OrderDescending()];
    }

    /// <summary>
    /// For each bridge, the number of actors on each side. Linear time: the graph without its bridges falls into
    /// blocks; the blocks joined by the bridges form a forest, and a bridge's sides are a subtree and the rest of its tree.
    /// </summary>
    internal static List<(Edge Edge, int SideA, int SideB)> BridgeSides(Graph graph, IReadOnlyList<Edge> bridges)
    {
        var n = graph.NodeCount;
        var isBridge = bridges.ToHashSet();
        var block = new int[n];
        Array.Fill(block, -1);
        var blockSizes = new List<int>();
        var stack = new Stack<int>();
        for (var start = 0; start < n; start++)
        {
            if (block[start] >= 0)
            {
                continue;
            }

            var id = blockSizes.Count;
            blockSizes.Add(0);
            block[start] = id;
            stack.Push(start);
            while (stack.TryPop(out var v))
            {
                blockSizes[id]++;
                foreach (var w in graph.Neighbours(v))
                {
                    if (block[w] < 0 && !isBridge.Contains(new Edge(Math.Min(v, w), Math.Max(v, w))))
                    {
                        block[w] = id;
                        stack.Push(w);
                    }
                }
            }
        }

        // The forest of blocks, rooted anywhere; subtree sizes in actors.
        var blocks = blockSizes.Count;
        var adjacent = new List<(int Block, int Bridge)>[blocks];
        for (var b = 0; b < blocks; b++)
        {
            adjacent[b] = [];
        }

        for (var i = 0; i < bridges.Count; i++)
        {
            adjacent[block[bridges[i].A]].Add((block[bridges[i].B], i));
            adjacent[block[bridges[i].B]].Add((block[bridges[i].A], i));
        }

        var parent = new int[blocks];
        var parentBridge = new int[blocks];
        var subtree = blockSizes.ToArray();
        var treeSize = new int[blocks];
        var root = new int[blocks];
        Array.Fill(parent, -2);
        var order = new List<int>();
        for (var r = 0; r < blocks; r++)
        {
            if (parent[r] != -2)
            {
                continue;
            }

            parent[r] = -1;
            parentBridge[r] = -1;
            var visit = new Stack<int>();
            visit.Push(r);
            var members = new List<int>();
            while (visit.TryPop(out var b))
            {
                members.Add(b);
                root[b] = r;
                foreach (var (next, bridge) in adjacent[b])
                {
                    if (parent[next] == -2)
                    {
                        parent[next] = b;
                        parentBridge[next] = bridge;
                        visit.Push(next);
                    }
                }
            }

            order.AddRange(members);
        }

        for (var k = order.Count - 1; k >= 0; k--)
        {
            var b = order[k];
            if (parent[b] >= 0)
            {
                subtree[parent[b]] += subtree[b];
            }
        }

        foreach (var b in order)
        {
            treeSize[b] = subtree[root[b]];
        }

        var result = new List<(Edge, int, int)>(bridges.Count);
        foreach (var bridge in bridges)
        {
            var (blockA, blockB) = (block[bridge.A], block[bridge.B]);
            var child = parent[blockB] == blockA ? blockB : blockA;
            var below = subtree[child];
            var rest = treeSize[child] - below;
            result.Add(child == blockB ? (bridge, rest, below) : (bridge, below, rest));
        }

        return result;
    }
}
