using System.Numerics;

namespace Kith.Core.Relationships.Analysis;

/// <summary>
/// Closeness centrality over hop distances in the undirected view (tie weights ignored), with Wasserman and Faust's
/// scaling for graphs in several pieces — networkx <c>closeness_centrality(G)</c> with its default
/// <c>wf_improved=True</c>. For node u reaching r − 1 other nodes at total distance D:
/// C(u) = ((r − 1) / D) · ((r − 1) / (n − 1)). Range 0 to 1; 1 for the centre of a star; 0 for an isolate.
/// igraph's <c>Graph.closeness()</c> leaves out the second factor, so multiply igraph's value by (r − 1)/(n − 1) to compare.
/// </summary>
public static class Closeness
{
    /// <summary>Components up to this size are always computed exactly by <see cref="Estimate"/>.</summary>
    internal const int ExactComponentUpTo = 1000;

    /// <summary>Fewest sources <see cref="Estimate"/> uses in a larger component.</summary>
    internal const int MinimumSourcesPerComponent = 64;

    /// <summary>
    /// Exact, by bit-parallel multi-source breadth-first search (Then et al. 2014, "The more the merrier", VLDB 8(4)):
    /// 64 sources at a time share one sweep per level, batches in parallel. O(n·(n + m)·/64·levels) word operations;
    /// integer sums, so the answer does not depend on thread timing.
    /// </summary>
    public static double[] Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var sources = new int[n];
        for (var i = 0; i < n; i++)
        {
            sources[i] = i;
        }

        var (total, reached) = DistanceSums(graph, sources);
        var result = new double[n];
        for (var u = 0; u < n; u++)
        {
            result[u] = total[u] > 0 ? (double)reached[u] / total[u] * reached[u] / (n - 1) : 0;
        }

        return result;
    }

    /// <summary>
    /// An estimate for large graphs (Eppstein and Wang 2004, "Fast approximation of centrality", JGAA 8(1)): each node's
    /// mean distance to the rest of its component is estimated from breadth-first searches out of sampled sources in
    /// that component, and its reach r − 1 is exact (component sizes). Components of up to 1,000 nodes are computed
    /// exactly; each larger one gets the given sources that fall in it, topped up to at least 64 by seeded sampling.
    /// Unbiased for the mean distance; its relative error shrinks as 1/√(sources in the component).
    /// </summary>
    /// <param name="sources">Sampled sources (e.g. the betweenness sample), distinct node numbers.</param>
    /// <returns>The estimate, on the same scale as <see cref="Compute"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A source is not a node.</exception>
    /// <exception cref="ArgumentException">A source is given twice.</exception>
    public static double[] Estimate(Graph graph, int[] sources, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sources);
        var n = graph.NodeCount;
        var (component, sizes) = Components(graph);
        var inSample = new bool[n];
        foreach (var s in sources)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(sources));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(s, n, nameof(sources));
            if (inSample[s])
            {
                throw new ArgumentException($"Node {s} is a source more than once.", nameof(sources));
            }

            inSample[s] = true;
        }

        var perComponent = new int[sizes.Length];
        var chosen = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var size = sizes[component[v]];
            if (size <= ExactComponentUpTo || inSample[v])
            {
                chosen.Add(v);
                perComponent[component[v]]++;
            }
        }

        // Top up large components that the sample missed or barely touched.
        var random = new Random(seed);
        var members = new List<int>[sizes.Length];
        for (var c = 0; c < sizes.Length; c++)
        {
            if (sizes[c] > ExactComponentUpTo && perComponent[c] < MinimumSourcesPerComponent)
            {
                members[c] = [];
            }
        }

        for (var v = 0; v < n; v++)
        {
            members[component[v]]?.Add(v);
        }

        for (var c = 0; c < sizes.Length; c++)
        {
            if (members[c] is not { } list)
            {
                continue;
            }

            var pool = list.Where(v => !inSample[v]).ToArray();
            random.Shuffle(pool);
            chosen.AddRange(pool.Take(MinimumSourcesPerComponent - perComponent[c]));
        }

        var (total, hits) = DistanceSums(graph, [.. chosen]);
        var result = new double[n];
        for (var u = 0; u < n; u++)
        {
            var size = sizes[component[u]];
            if (total[u] == 0 || size < 2)
            {
                continue;
            }

            var reach = size - 1;
            if (size <= ExactComponentUpTo)
            {
                result[u] = (double)reach / total[u] * reach / (n - 1);
            }
            else
            {
                var meanDistance = (double)total[u] / hits[u];
                result[u] = 1 / meanDistance * reach / (n - 1);
            }
        }

        return result;
    }

    /// <summary>Per node: the summed hop distance from the given sources that reach it, and how many reach it (itself excluded).</summary>
    internal static (long[] Total, int[] Reached) DistanceSums(Graph graph, int[] sources)
    {
        var n = graph.NodeCount;
        var offsets = graph.Undirected.Offsets;
        var targets = graph.Undirected.Targets;
        var batches = (sources.Length + 63) / 64;
        var totals = new long[n];
        var reachedTotals = new int[n];
        var gate = new object();
        Parallel.For(
            0,
            batches,
            () => new MultiSourceBuffers(n),
            (batch, _, work) =>
            {
                var seen = work.Seen;
                var visit = work.Visit;
                var next = work.Next;
                var frontier = work.Frontier;
                var upcoming = work.Upcoming;
                var inUpcoming = work.InUpcoming;
                var first = batch * 64;
                var count = Math.Min(64, sources.Length - first);
                var frontierCount = 0;
                for (var i = 0; i < count; i++)
                {
                    var s = sources[first + i];
                    var bit = 1UL << i;
                    if (seen[s] == 0)
                    {
                        frontier[frontierCount++] = s;
                    }

                    seen[s] |= bit;
                    visit[s] |= bit;
                }

                var touched = new List<int>(frontierCount);
                for (var i = 0; i < frontierCount; i++)
                {
                    touched.Add(frontier[i]);
                }

                for (var level = 1; frontierCount > 0; level++)
                {
                    var upcomingCount = 0;
                    for (var f = 0; f < frontierCount; f++)
                    {
                        var v = frontier[f];
                        var bits = visit[v];
                        for (var e = offsets[v]; e < offsets[v + 1]; e++)
                        {
                            var w = targets[e];
                            var fresh = bits & ~seen[w];
                            if (fresh == 0)
                            {
                                continue;
                            }

                            next[w] |= fresh;
                            if (!inUpcoming[w])
                            {
                                inUpcoming[w] = true;
                                upcoming[upcomingCount++] = w;
                            }
                        }

                        visit[v] = 0;
                    }

                    for (var u = 0; u < upcomingCount; u++)
                    {
                        var w = upcoming[u];
                        inUpcoming[w] = false;
                        var fresh = next[w];
                        next[w] = 0;
                        if (seen[w] == 0)
                        {
                            touched.Add(w);
                        }

                        seen[w] |= fresh;
                        visit[w] = fresh;
                        var reachedBy = BitOperations.PopCount(fresh);
                        work.Total[w] += (long)level * reachedBy;
                        work.Reached[w] += reachedBy;
                    }

                    (frontier, upcoming) = (upcoming, frontier);
                    frontierCount = upcomingCount;
                }

                foreach (var v in touched)
                {
                    seen[v] = 0;
                }

                work.Frontier = frontier;
                work.Upcoming = upcoming;
                return work;
            },
            work =>
            {
                lock (gate)
                {
                    for (var v = 0; v < n; v++)
                    {
                        totals[v] += work.Total[v];
                        reachedTotals[v] += work.Reached[v];
                    }
                }
            });
        return (totals, reachedTotals);
    }

    /// <summary>Connected components of the undirected view: a number per node and the size of each.</summary>
    internal static (int[] Component, int[] Sizes) Components(Graph graph)
    {
        var n = graph.NodeCount;
        var offsets = graph.Undirected.Offsets;
        var targets = graph.Undirected.Targets;
        var component = new int[n];
        Array.Fill(component, -1);
        var queue = new int[n];
        var sizes = new List<int>();
        for (var root = 0; root < n; root++)
        {
            if (component[root] >= 0)
            {
                continue;
            }

            var c = sizes.Count;
            component[root] = c;
            queue[0] = root;
            int head = 0, tail = 1;
            while (head < tail)
            {
                var v = queue[head++];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var w = targets[e];
                    if (component[w] < 0)
                    {
                        component[w] = c;
                        queue[tail++] = w;
                    }
                }
            }

            sizes.Add(tail);
        }

        return (component, [.. sizes]);
    }

    private sealed class MultiSourceBuffers(int n)
    {
        public ulong[] Seen { get; } = new ulong[n];

        public ulong[] Visit { get; } = new ulong[n];

        public ulong[] Next { get; } = new ulong[n];

        public bool[] InUpcoming { get; } = new bool[n];

        public int[] Frontier { get; set; } = new int[n];

        public int[] Upcoming { get; set; } = new int[n];

        public long[] Total { get; } = new long[n];

        public int[] Reached { get; } = new int[n];
    }
}
