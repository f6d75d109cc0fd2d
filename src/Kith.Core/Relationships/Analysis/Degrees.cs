namespace Kith.Core.Relationships.Analysis;

/// <summary>Degree figures per node, indexed by node number.</summary>
/// <param name="Degree">Distinct neighbours in the undirected view (0 to n−1).</param>
/// <param name="InDegree">Distinct nodes with an arc in, in the directed view (a mutual tie counts both ways).</param>
/// <param name="OutDegree">Distinct nodes with an arc out, in the directed view.</param>
/// <param name="Strength">Sum of the merged undirected weights of a node's edges (tie strengths 1–5 summed); 0 for an isolate.</param>
public sealed record DegreeFigures(int[] Degree, int[] InDegree, int[] OutDegree, double[] Strength);

/// <summary>Degree, in/out-degree and weighted strength. O(n + m).</summary>
public static class Degrees
{
    public static DegreeFigures Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var degree = new int[n];
        var inDegree = new int[n];
        var outDegree = new int[n];
        var strength = new double[n];
        var undirected = graph.Undirected;
        var weights = undirected.Weights;
        for (var v = 0; v < n; v++)
        {
            degree[v] = undirected.DegreeOf(v);
            inDegree[v] = graph.Incoming.DegreeOf(v);
            outDegree[v] = graph.Outgoing.DegreeOf(v);
            var sum = 0.0;
            for (var e = undirected.Offsets[v]; e < undirected.Offsets[v + 1]; e++)
            {
                sum += weights[e];
            }

            strength[v] = sum;
        }

        return new DegreeFigures(degree, inDegree, outDegree, strength);
    }
}
