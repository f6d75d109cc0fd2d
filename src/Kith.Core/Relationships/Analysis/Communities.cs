namespace Kith.Core.Relationships.Analysis;

/// <summary>A partition of the nodes into communities.</summary>
/// <param name="Membership">Community number per node, 0..Count−1, numbered in order of each community's lowest node number.</param>
/// <param name="Count">How many communities; a node with no ties is a community of its own.</param>
/// <param name="Modularity">Newman's weighted modularity of <paramref name="Membership"/>, −0.5 to 1 (0 for a graph without edges).</param>
public sealed record CommunityFigures(int[] Membership, int Count, double Modularity);

/// <summary>
/// Communities by the Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre 2008) on the weighted undirected view
/// (merged tie strengths as weights), resolution 1: repeated local moving of single nodes to the neighbouring
/// community with the best modularity gain, then aggregation of each community into one node, until no node moves.
/// The visiting order at each level is a shuffle seeded by <c>seed</c>, so the same graph and seed give the same
/// partition. Comparable with igraph <c>Graph.community_multilevel(weights="weight")</c>.
/// </summary>
public static class Communities
{
    /// <summary>A pass that raises modularity by less than this ends the local moving at that level.</summary>
    private const double MinimumGain = 1e-10;

    public static CommunityFigures Find(Graph graph, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }

        var level = Level.From(graph.Undirected, n);
        var random = new Random(seed);
        while (true)
        {
            var community = LocalMoving(level, random, out var moved);
            if (!moved)
            {
                break;
            }

            var count = Renumber(community);
            for (var v = 0; v < n; v++)
            {
                membership[v] = community[membership[v]];
            }

            level = Aggregate(level, community, count);
        }

        var total = Renumber(membership);
        return new CommunityFigures(membership, total, Modularity(graph, membership));
    }

    /// <summary>
    /// Newman's weighted modularity, resolution 1: Q = Σ_c [ W_c / 2W − (S_c / 2W)² ], where W is the total edge
    /// weight, W_c twice the weight inside community c and S_c the summed strength of its nodes (networkx
    /// <c>community.modularity(G, parts, weight="weight")</c>, igraph <c>Graph.modularity(membership, weights="weight")</c>).
    /// 0 for a graph without edges.
    /// </summary>
    /// <param name="membership">Any non-negative community number per node.</param>
    /// <exception cref="ArgumentException">The membership's length is not the node count, or a number is negative.</exception>
    public static double Modularity(Graph graph, int[] membership)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(membership);
        var n = graph.NodeCount;
        if (membership.Length != n)
        {
            throw new ArgumentException($"The membership has {membership.Length} entries; the graph has {n} nodes.", nameof(membership));
        }

        var compact = new int[n];
        var numbers = new Dictionary<int, int>();
        for (var v = 0; v < n; v++)
        {
            if (membership[v] < 0)
            {
                throw new ArgumentException("Community numbers must not be negative.", nameof(membership));
            }

            if (!numbers.TryGetValue(membership[v], out var c))
            {
                c = numbers.Count;
                numbers.Add(membership[v], c);
            }

            compact[v] = c;
        }

        var adjacency = graph.Undirected;
        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        var weights = adjacency.Weights;
        var strength = new double[numbers.Count];
        double inside = 0, twice = 0;
        for (var v = 0; v < n; v++)
        {
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                strength[compact[v]] += weights[e];
                twice += weights[e];
                if (compact[targets[e]] == compact[v])
                {
                    inside += weights[e];
                }
            }
        }

        if (twice == 0)
        {
            return 0;
        }

        var q = inside / twice;
        foreach (var s in strength)
        {
            q -= (s / twice) * (s / twice);
        }

        return q;
    }

    /// <summary>Renumbers in place to 0..count−1 by first appearance; returns the count.</summary>
    private static int Renumber(int[] labels)
    {
        var map = new int[labels.Length == 0 ? 0 : labels.Max() + 1];
        Array.Fill(map, -1);
        var count = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (map[label] < 0)
            {
                map[label] = count++;
            }

            labels[i] = map[label];
        }

        return count;
    }

    /// <summary>One round of local moving; the community per level node (not renumbered).</summary>
    private static int[] LocalMoving(Level level, Random random, out bool moved)
    {
        var n = level.NodeCount;
        var offsets = level.Offsets;
        var targets = level.Targets;
        var weights = level.Weights;
        var degree = new double[n];
        var twice = 0.0;
        for (var i = 0; i < n; i++)
        {
            var k = level.SelfLoop[i];
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                k += weights[e];
            }

            degree[i] = k;
            twice += k;
        }

        var community = new int[n];
        var total = new double[n];
        for (var i = 0; i < n; i++)
        {
            community[i] = i;
            total[i] = degree[i];
        }

        moved = false;
        if (twice == 0)
        {
            return community;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        var linkTo = new double[n];
        Array.Fill(linkTo, -1);
        var touched = new int[n];
        while (true)
        {
            var gained = 0.0;
            var moves = 0;
            foreach (var i in order)
            {
                var own = community[i];
                var count = 0;
                linkTo[own] = 0;
                touched[count++] = own;
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    var c = community[targets[e]];
                    if (linkTo[c] < 0)
                    {
                        linkTo[c] = 0;
                        touched[count++] = c;
                    }

                    linkTo[c] += weights[e];
                }

                var ki = degree[i];
                total[own] -= ki;
                var stay = linkTo[own] - (total[own] * ki / twice);
                var best = own;
                var bestGain = stay;
                for (var t = 1; t < count; t++)
                {
                    var c = touched[t];
                    var gain = linkTo[c] - (total[c] * ki / twice);
                    if (gain > bestGain)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                total[best] += ki;
                if (best != own)
                {
                    community[i] = best;
                    gained += bestGain - stay;
                    moves++;
                }

                for (var t = 0; t < count; t++)
                {
                    linkTo[touched[t]] = -1;
                }
            }

            if (moves > 0)
            {
                moved = true;
            }

            if (moves == 0 || 2 * gained / twice < MinimumGain)
            {
                return community;
            }
        }
    }

    /// <summary>One node per community; edges between communities summed; weight inside kept as a self-loop.</summary>
    private static Level Aggregate(Level level, int[] community, int count)
    {
        var n = level.NodeCount;
        var offsets = level.Offsets;
        var targets = level.Targets;
        var weights = level.Weights;
        var start = new int[count + 1];
        foreach (var c in community)
        {
            start[c + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            start[c + 1] += start[c];
        }

        var members = new int[n];
        var fill = (int[])start.Clone();
        for (var i = 0; i < n; i++)
        {
            members[fill[community[i]]++] = i;
        }

        var newOffsets = new int[count + 1];
        var newTargets = new int[targets.Length];
        var newWeights = new double[targets.Length];
        var selfLoop = new double[count];
        var link = new double[count];
        var touched = new int[count];
        var seen = new bool[count];
        var write = 0;
        for (var c = 0; c < count; c++)
        {
            var touchedCount = 0;
            var inside = 0.0;
            for (var m = start[c]; m < start[c + 1]; m++)
            {
                var i = members[m];
                inside += level.SelfLoop[i];
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    var d = community[targets[e]];
                    if (d == c)
                    {
                        inside += weights[e];
                        continue;
                    }

                    if (!seen[d])
                    {
                        seen[d] = true;
                        touched[touchedCount++] = d;
                    }

                    link[d] += weights[e];
                }
            }

            selfLoop[c] = inside;
            Array.Sort(touched, 0, touchedCount);
            for (var t = 0; t < touchedCount; t++)
            {
                var d = touched[t];
                newTargets[write] = d;
                newWeights[write++] = link[d];
                link[d] = 0;
                seen[d] = false;
            }

            newOffsets[c + 1] = write;
        }

        return new Level(count, newOffsets, newTargets[..write], newWeights[..write], selfLoop);
    }

    /// <summary>The graph at one Louvain level: compressed rows without self-loops, plus each node's self-loop weight
    /// (twice the weight inside it, so a node's degree is its row sum plus its self-loop).</summary>
    private sealed record Level(int NodeCount, int[] Offsets, int[] Targets, double[] Weights, double[] SelfLoop)
    {
        public static Level From(Adjacency adjacency, int n) =>
            new(n, adjacency.Offsets, adjacency.Targets, adjacency.Weights, new double[n]);
    }
}
