namespace Kith.Core.Relationships.Analysis;

/// <summary>Betweenness estimated from a sample of source nodes.</summary>
/// <param name="Values">Estimated betweenness per node, on the same scale as <see cref="Betweenness.Exact"/> (unordered pairs, not normalised).</param>
/// <param name="Sources">Source nodes used (the node count when the answer is exact).</param>
/// <param name="ErrorBound">With probability at least <paramref name="Confidence"/>, every node's |estimate − exact| is at most this, simultaneously for all nodes; 0 when exact.</param>
/// <param name="Confidence">The probability the bound holds, in (0, 1]; 1 when exact.</param>
public sealed record SampledBetweenness(double[] Values, int Sources, double ErrorBound, double Confidence);

/// <summary>
/// Shortest-path betweenness: for each node v, the sum over unordered pairs {s, t} (s, t ≠ v) of the share of shortest
/// paths between s and t that pass through v. Undirected view, hop distances (tie weights ignored), each unordered pair
/// counted once, not normalised — the same numbers as networkx <c>betweenness_centrality(G, normalized=False)</c> and
/// igraph <c>Graph.betweenness(directed=False)</c>. Range 0 to (n−1)(n−2)/2.
/// </summary>
public static class Betweenness
{
    /// <summary>The confidence <see cref="Sampled(Graph, int, int)"/> states its bound at.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>Sources are split into this many fixed blocks so that sums, and so results, do not depend on thread timing.</summary>
    private const int Blocks = 16;

    /// <summary>Brandes (2001): one breadth-first search per source, O(n·m) time, O(n + m) memory per worker, in parallel.</summary>
    public static double[] Exact(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var sources = new int[n];
        for (var i = 0; i < n; i++)
        {
            sources[i] = i;
        }

        var totals = FromSources(graph, sources);
        for (var v = 0; v < n; v++)
        {
            totals[v] /= 2;
        }

        return totals;
    }

    /// <summary>
    /// Brandes and Pich (2007) source sampling: <paramref name="sources"/> distinct sources drawn uniformly without
    /// replacement (seeded, so the same seed gives the same answer), each node's summed dependencies scaled by n/k and
    /// halved for unordered pairs. The estimate is unbiased. With at least as many sources as nodes the answer is exact
    /// and the bound 0.
    /// </summary>
    /// <remarks>
    /// The bound is Hoeffding's inequality (which holds for sampling without replacement, Hoeffding 1963 §6) for each
    /// node, with a union bound over the n nodes: a source's dependency on a node lies in [0, n−2], so with probability
    /// at least 1 − δ every node's error is at most (n/2)·(n−2)·√(ln(2n/δ) / (2k)). It is honest but loose: it does not
    /// use the variance, so real errors are usually far smaller.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sources"/> is less than 1.</exception>
    public static SampledBetweenness Sampled(Graph graph, int sources, int seed) => Sampled(graph, sources, seed, DefaultConfidence);

    /// <inheritdoc cref="Sampled(Graph, int, int)"/>
    /// <param name="confidence">The probability the stated bound holds, strictly between 0 and 1.</param>
    public static SampledBetweenness Sampled(Graph graph, int sources, int seed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(sources, 1);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be strictly between 0 and 1.");
        }

        var n = graph.NodeCount;
        if (sources >= n)
        {
            return new SampledBetweenness(Exact(graph), n, 0, 1);
        }

        var chosen = SampleSources(n, sources, seed);
        var totals = FromSources(graph, chosen);
        var scale = (double)n / sources / 2;
        for (var v = 0; v < n; v++)
        {
            totals[v] *= scale;
        }

        return new SampledBetweenness(totals, sources, ErrorBound(n, sources, confidence), confidence);
    }

    /// <summary>The Hoeffding-plus-union bound of <see cref="Sampled(Graph, int, int)"/> for n nodes and k sources.</summary>
    public static double ErrorBound(int nodes, int sources, double confidence)
    {
        if (sources >= nodes || nodes < 3)
        {
            return 0;
        }

        var delta = 1 - confidence;
        return nodes / 2.0 * (nodes - 2) * Math.Sqrt(Math.Log(2.0 * nodes / delta) / (2.0 * sources));
    }

    /// <summary>k distinct nodes, uniformly, by a partial Fisher–Yates shuffle; sorted so the work order is stable.</summary>
    internal static int[] SampleSources(int n, int k, int seed)
    {
        var random = new Random(seed);
        var all = new int[n];
        for (var i = 0; i < n; i++)
        {
            all[i] = i;
        }

        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..k];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Σ over the given sources of each node's dependency δ_s(v) (ordered pairs from those sources).</summary>
    internal static double[] FromSources(Graph graph, int[] sources)
    {
        var n = graph.NodeCount;
        var blocks = Math.Max(1, Math.Min(Blocks, sources.Length));
        var partial = new double[blocks][];
        Parallel.For(0, blocks, block =>
        {
            var work = new BrandesBuffers(n);
            var into = new double[n];
            var start = (int)((long)sources.Length * block / blocks);
            var end = (int)((long)sources.Length * (block + 1) / blocks);
            for (var i = start; i < end; i++)
            {
                Accumulate(graph.Undirected, sources[i], work, into);
            }

            partial[block] = into;
        });

        var totals = new double[n];
        foreach (var into in partial)
        {
            for (var v = 0; v < n; v++)
            {
                totals[v] += into[v];
            }
        }

        return totals;
    }

    /// <summary>One source of Brandes: a BFS counting shortest paths, then dependencies back up the BFS order.</summary>
    internal static void Accumulate(Adjacency adjacency, int source, BrandesBuffers work, double[] into)
    {
        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        // Distance, path count and dependency side by side: one cache line per neighbour visited, not three.
        var state = work.State;
        var order = work.Order;
        state[source].Distance = 0;
        state[source].Paths = 1;
        order[0] = source;
        int head = 0, tail = 1;
        while (head < tail)
        {
            var v = order[head++];
            var next = state[v].Distance + 1;
            var pathsToV = state[v].Paths;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                ref var w = ref state[targets[e]];
                if (w.Distance < 0)
                {
                    w.Distance = next;
                    order[tail++] = targets[e];
                }

                if (w.Distance == next)
                {
                    w.Paths += pathsToV;
                }
            }
        }

        for (var i = tail - 1; i > 0; i--)
        {
            var node = order[i];
            ref var w = ref state[node];
            var previous = w.Distance - 1;
            var share = (1 + w.Dependency) / w.Paths;
            for (var e = offsets[node]; e < offsets[node + 1]; e++)
            {
                ref var v = ref state[targets[e]];
                if (v.Distance == previous)
                {
                    v.Dependency += v.Paths * share;
                }
            }

            into[node] += w.Dependency;
        }

        for (var i = 0; i < tail; i++)
        {
            state[order[i]] = NodeState.Unreached;
        }
    }

    /// <summary>Per-node search state for one source.</summary>
    internal struct NodeState
    {
        public static readonly NodeState Unreached = new() { Distance = -1 };

        public double Paths;
        public double Dependency;
        public int Distance;
    }

    /// <summary>Per-worker arrays for one BFS, reset only where touched.</summary>
    internal sealed class BrandesBuffers
    {
        public BrandesBuffers(int n)
        {
            State = new NodeState[n];
            Array.Fill(State, NodeState.Unreached);
            Order = new int[n];
        }

        public NodeState[] State { get; }

        public int[] Order { get; }
    }
}
