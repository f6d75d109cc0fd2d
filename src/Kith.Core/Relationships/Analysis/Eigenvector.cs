namespace Kith.Core.Relationships.Analysis;

/// <summary>
/// Eigenvector centrality: a node scores highly when its neighbours do. Unweighted undirected adjacency (tie strengths
/// ignored), as networkx <c>eigenvector_centrality(G)</c> without a weight, scaled to unit Euclidean norm (the sum of
/// squares is 1). Range 0 to 1. igraph's <c>Graph.eigenvector_centrality()</c> scales the largest value to 1 instead:
/// divide igraph's vector by its norm to compare.
/// </summary>
/// <remarks>
/// Power iteration on A + I (the shift networkx uses), so bipartite graphs such as stars and even cycles converge
/// instead of oscillating. In a graph in several pieces the weight gathers in the piece with the largest leading
/// eigenvalue and the rest tend to 0, as in the exact leading eigenvector. A graph without edges gives all zeros, as do
/// isolates; nothing is NaN and nothing throws. Stops when the summed change is below n·1e−10 or after 1,000 rounds.
/// </remarks>
public static class Eigenvector
{
    private const int MaxRounds = 1000;
    private const double Tolerance = 1e-10;

    public static double[] Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var x = new double[n];
        if (graph.EdgeCount == 0)
        {
            return x;
        }

        var offsets = graph.Undirected.Offsets;
        var targets = graph.Undirected.Targets;
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        for (var round = 0; round < MaxRounds; round++)
        {
            var sumSquares = 0.0;
            for (var v = 0; v < n; v++)
            {
                var sum = x[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    sum += x[targets[e]];
                }

                next[v] = sum;
                sumSquares += sum * sum;
            }

            var norm = Math.Sqrt(sumSquares);
            var change = 0.0;
            for (var v = 0; v < n; v++)
            {
                next[v] /= norm;
                change += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (change < n * Tolerance)
            {
                break;
            }
        }

        var isolated = false;
        for (var v = 0; v < n; v++)
        {
            if (offsets[v + 1] == offsets[v])
            {
                x[v] = 0;
                isolated = true;
            }
        }

        if (isolated)
        {
            var norm = 0.0;
            for (var v = 0; v < n; v++)
            {
                norm += x[v] * x[v];
            }

            norm = Math.Sqrt(norm);
            for (var v = 0; v < n; v++)
            {
                x[v] /= norm;
            }
        }

        return x;
    }
}
