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
    /// <summary>One BFS per node, in parallel: O(n·m).</summary>
    public static double[] Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var result = new double[n];
        if (n < 2)
        {
            return result;
        }

        var offsets = graph.Undirected.Offsets;
        var targets = graph.Undirected.Targets;
        Parallel.For(
            0,
            n,
            () => (Distance: NewDistances(n), Order: new int[n]),
            (u, _, work) =>
            {
                var distance = work.Distance;
                var order = work.Order;
                distance[u] = 0;
                order[0] = u;
                int head = 0, tail = 1;
                long total = 0;
                while (head < tail)
                {
                    var v = order[head++];
                    var next = distance[v] + 1;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var w = targets[e];
                        if (distance[w] < 0)
                        {
                            distance[w] = next;
                            total += next;
                            order[tail++] = w;
                        }
                    }
                }

                for (var i = 0; i < tail; i++)
                {
                    distance[order[i]] = -1;
                }

                var reached = tail - 1;
                result[u] = total > 0 ? (double)reached / total * reached / (n - 1) : 0;
                return work;
            },
            _ => { });
        return result;
    }

    private static int[] NewDistances(int n)
    {
        var distance = new int[n];
        Array.Fill(distance, -1);
        return distance;
    }
}
