namespace Kith.Core.Relationships.Analysis;

/// <summary>An undirected edge between two node numbers, <see cref="A"/> &lt; <see cref="B"/>.</summary>
public readonly record struct Edge(int A, int B);

/// <summary>
/// Single points of failure in the undirected view: bridges (edges) and articulation points (nodes) whose removal
/// splits their piece of the graph, as networkx <c>bridges</c> / <c>articulation_points</c> and igraph
/// <c>Graph.bridges()</c> / <c>Graph.articulation_points()</c>. Tarjan's low-link depth-first search, written with an
/// explicit stack (no recursion), so deep graphs of 100k+ nodes are safe. O(n + m).
/// </summary>
public static class Cuts
{
    /// <summary>Edges whose removal disconnects their component, sorted by (A, B). Parallel ties are one edge, so two
    /// ties between the same pair still make a bridge when that pair is the only link.</summary>
    public static IReadOnlyList<Edge> Bridges(Graph graph) => Search(graph).Bridges;

    /// <summary>Nodes whose removal disconnects their component, indexed by node number.</summary>
    public static bool[] ArticulationPoints(Graph graph) => Search(graph).ArticulationPoints;

    /// <summary>Both answers from one search.</summary>
    internal static (List<Edge> Bridges, bool[] ArticulationPoints) Search(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var offsets = graph.Undirected.Offsets;
        var targets = graph.Undirected.Targets;
        var discovered = new int[n];
        Array.Fill(discovered, -1);
        var low = new int[n];
        var parent = new int[n];
        var cursor = new int[n];
        var stack = new int[n];
        var articulation = new bool[n];
        var bridges = new List<Edge>();
        var time = 0;
        for (var root = 0; root < n; root++)
        {
            if (discovered[root] >= 0)
            {
                continue;
            }

            var rootChildren = 0;
            var top = 0;
            stack[0] = root;
            parent[root] = -1;
            discovered[root] = low[root] = time++;
            cursor[root] = offsets[root];
            while (top >= 0)
            {
                var v = stack[top];
                if (cursor[v] < offsets[v + 1])
                {
                    var w = targets[cursor[v]++];
                    if (discovered[w] < 0)
                    {
                        parent[w] = v;
                        discovered[w] = low[w] = time++;
                        cursor[w] = offsets[w];
                        stack[++top] = w;
                        if (v == root)
                        {
                            rootChildren++;
                        }
                    }
                    else if (w != parent[v] && discovered[w] < low[v])
                    {
                        low[v] = discovered[w];
                    }

                    continue;
                }

                top--;
                var p = parent[v];
                if (p < 0)
                {
                    continue;
                }

                if (low[v] < low[p])
                {
                    low[p] = low[v];
                }

                if (low[v] > discovered[p])
                {
                    bridges.Add(p < v ? new Edge(p, v) : new Edge(v, p));
                }

                if (p != root && low[v] >= discovered[p])
                {
                    articulation[p] = true;
                }
            }

            articulation[root] = rootChildren > 1;
        }

        bridges.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return (bridges, articulation);
    }
}
