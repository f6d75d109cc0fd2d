namespace Kith.Core.Relationships.Analysis;

/// <summary>Burt's structural-hole measures per node, indexed by node number.</summary>
/// <param name="EffectiveSize">Burt's effective size: contacts less their redundancy, 0 to degree; null for a node with no ties.</param>
/// <param name="Constraint">Burt's aggregate constraint, above 0 and at most about 1.125 (1 for a single contact); null for a node with no ties.</param>
public sealed record StructuralHoleFigures(double?[] EffectiveSize, double?[] Constraint);

/// <summary>
/// Burt (1992) effective size and constraint over the weighted undirected view (parallel ties merged, strengths summed),
/// as networkx <c>effective_size(G, weight="weight")</c> and <c>constraint(G, weight="weight")</c> (and igraph
/// <c>Graph.constraint(weights="weight")</c>). With w the merged weight, the proportional tie is
/// p_ij = (w_ij + w_ji) / Σ_k (w_ik + w_ki) = w_ij / s_i (s_i the node's strength), and m_jq = w_jq / max_k w_jk.
/// Effective size of i: Σ_j∈N(i) (1 − Σ_q∈N(i), q≠j p_iq·m_jq). Constraint of i: Σ_j∈N(i) (p_ij + Σ_q∈N(i), q≠j p_iq·p_qj)².
/// With all weights equal the effective size is n − 2t/n (n contacts, t ties among them), Borgatti's simplification.
/// </summary>
public static class StructuralHoles
{
    /// <summary>O(Σ_v deg(v)²) time, in parallel; per worker one array of n.</summary>
    public static StructuralHoleFigures Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var adjacency = graph.Undirected;
        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        var weights = adjacency.Weights;
        var strength = new double[n];
        var strongest = new double[n];
        for (var v = 0; v < n; v++)
        {
            double sum = 0, max = 0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                sum += weights[e];
                max = Math.Max(max, weights[e]);
            }

            strength[v] = sum;
            strongest[v] = max;
        }

        var effectiveSize = new double?[n];
        var constraint = new double?[n];
        Parallel.For(
            0,
            n,
            () => new double[n],
            (i, _, share) =>
            {
                int start = offsets[i], end = offsets[i + 1];
                if (start == end)
                {
                    return share;
                }

                // share[q] = p_iq for i's contacts, 0 elsewhere (reset below).
                for (var e = start; e < end; e++)
                {
                    share[targets[e]] = weights[e] / strength[i];
                }

                double size = 0, total = 0;
                for (var e = start; e < end; e++)
                {
                    var j = targets[e];
                    double redundancy = 0, indirect = 0;
                    for (var f = offsets[j]; f < offsets[j + 1]; f++)
                    {
                        var q = targets[f];
                        var piq = share[q];
                        if (piq > 0)
                        {
                            redundancy += piq * weights[f] / strongest[j];
                            indirect += piq * weights[f] / strength[q];
                        }
                    }

                    size += 1 - redundancy;
                    var local = share[j] + indirect;
                    total += local * local;
                }

                for (var e = start; e < end; e++)
                {
                    share[targets[e]] = 0;
                }

                effectiveSize[i] = size;
                constraint[i] = total;
                return share;
            },
            _ => { });
        return new StructuralHoleFigures(effectiveSize, constraint);
    }
}
