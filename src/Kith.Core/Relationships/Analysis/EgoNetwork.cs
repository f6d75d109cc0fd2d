namespace Kith.Core.Relationships.Analysis;

/// <summary>One actor's neighbourhood.</summary>
/// <param name="Nodes">The centre first, then the nodes one step away, then those two steps away; within a step, in
/// breadth-first order (by the order of whoever reached them first, then by node number).</param>
/// <param name="Distance">Steps from the centre (0, 1 or 2), per entry of <paramref name="Nodes"/>.</param>
/// <param name="Edges">Undirected edges among <paramref name="Nodes"/>, each once with A &lt; B.</param>
public sealed record EgoView(int[] Nodes, int[] Distance, IReadOnlyList<Edge> Edges);

/// <summary>Ego networks: breadth-first search from one node in the undirected view.</summary>
public static class EgoNetwork
{
    /// <summary>
    /// The nodes within <paramref name="steps"/> (1 or 2) of <paramref name="centre"/>, and every edge among them
    /// (including edges between two nodes at the outer step). Work and memory are proportional to the view and the
    /// ties of its nodes, never to the whole graph, so it is fast on large graphs; thread-safe.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The centre is not a node, or steps is not 1 or 2.</exception>
    public static EgoView Of(Graph graph, int centre, int steps)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(centre);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(centre, graph.NodeCount);
        if (steps is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "An ego view goes one or two steps out.");
        }

        var adjacency = graph.Undirected;
        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        var distanceOf = new Dictionary<int, int> { [centre] = 0 };
        var nodes = new List<int> { centre };
        var distances = new List<int> { 0 };
        var head = 0;
        while (head < nodes.Count)
        {
            var v = nodes[head];
            var d = distances[head++];
            if (d == steps)
            {
                break;
            }

            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var w = targets[e];
                if (distanceOf.TryAdd(w, d + 1))
                {
                    nodes.Add(w);
                    distances.Add(d + 1);
                }
            }
        }

        var edges = new List<Edge>();
        foreach (var v in nodes)
        {
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var w = targets[e];
                if (w > v && distanceOf.ContainsKey(w))
                {
                    edges.Add(new Edge(v, w));
                }
            }
        }

        return new EgoView([.. nodes], [.. distances], edges);
    }
}
