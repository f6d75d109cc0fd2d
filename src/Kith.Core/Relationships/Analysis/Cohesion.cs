namespace Kith.Core.Relationships.Analysis;

/// <summary>Whole-graph cohesion: density and reciprocity.</summary>
public static class Cohesion
{
    /// <summary>
    /// Tied pairs over possible pairs in the undirected view: 2m / (n(n−1)), parallel ties counted once, weights
    /// ignored (networkx <c>density</c> on the undirected graph, igraph <c>Graph.density()</c>). Range 0 to 1; 0 for
    /// fewer than two nodes.
    /// </summary>
    public static double Density(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = (double)graph.NodeCount;
        return n < 2 ? 0 : graph.EdgeCount / (n * (n - 1) / 2);
    }

    /// <summary>
    /// Among the arcs that come from one-way (directed) ties — parallel ones between the same ordered pair counted once,
    /// ties entered as mutual left out — the share whose reverse arc is also a one-way tie: |{(u,v) ∈ D : (v,u) ∈ D}| / |D|.
    /// This is igraph's <c>Graph.reciprocity()</c> default (<c>ignore_loops=True, mode="default"</c>) on the directed
    /// graph of one-way ties alone, with multiple arcs merged. Mutual ties are left out because they were recorded as
    /// mutual, not answered from both ends, so they say nothing about whether a tie is returned. Range 0 to 1; null when
    /// the graph has no one-way ties (<see cref="Graph.DirectedTieCount"/> is 0).
    /// </summary>
    public static double? Reciprocity(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.DirectedTieCount == 0)
        {
            return null;
        }

        var arcs = graph.DirectedTiesOnly;
        var offsets = arcs.Offsets;
        var targets = arcs.Targets;
        long returned = 0;
        for (var u = 0; u < graph.NodeCount; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (arcs.Of(targets[e]).BinarySearch(u) >= 0)
                {
                    returned++;
                }
            }
        }

        return (double)returned / targets.Length;
    }
}
