namespace Kith.Core.Relationships.Analysis;

/// <param name="ExactBetweennessUpTo">Graphs with at most this many nodes get exact betweenness; larger ones are sampled.</param>
/// <param name="SampleSources">Sources sampled for larger graphs.</param>
/// <param name="Seed">Seed for the betweenness sample and the community search; the same seed gives the same figures.</param>
public sealed record AnalysisOptions(int ExactBetweennessUpTo = 5000, int SampleSources = 500, int Seed = 1)
{
    /// <summary>Graphs with at most this many nodes get exact closeness; larger ones get <see cref="Closeness.Estimate"/>
    /// from the same sampled sources as betweenness.</summary>
    public int ExactClosenessUpTo { get; init; } = 20_000;
}

/// <summary>Every metric for one graph; arrays are indexed by node number.</summary>
/// <param name="BetweennessSources">Sources sampled, or null when betweenness is exact.</param>
/// <param name="BetweennessErrorBound">The sample's error bound at <see cref="Betweenness.DefaultConfidence"/>, or null when exact.</param>
public sealed record NetworkMetrics(
    DegreeFigures Degrees,
    double[] Betweenness,
    int? BetweennessSources,
    double? BetweennessErrorBound,
    double[] Closeness,
    double[] Eigenvector,
    StructuralHoleFigures StructuralHoles,
    IReadOnlyList<Edge> Bridges,
    bool[] ArticulationPoints,
    double Density,
    double? Reciprocity,
    CommunityFigures Communities)
{
    /// <summary>Whether <see cref="Closeness"/> is an estimate from sampled sources (large graphs) rather than exact.</summary>
    public bool ClosenessEstimated { get; init; }
}

/// <summary>
/// Runs every metric on one graph, the independent parts side by side (betweenness, closeness and Burt's measures are
/// themselves parallel). Exact throughout for small graphs; above <see cref="AnalysisOptions.ExactBetweennessUpTo"/>
/// nodes betweenness is sampled, and above <see cref="AnalysisOptions.ExactClosenessUpTo"/> closeness is estimated from
/// the same sources. Deterministic for a given graph and <see cref="AnalysisOptions.Seed"/>.
/// </summary>
public static class NetworkAnalysis
{
    public static NetworkMetrics Run(Graph graph, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new AnalysisOptions();
        double[] betweenness = [];
        int? sources = null;
        double? bound = null;
        double[] closeness = [];
        double[] eigenvector = [];
        DegreeFigures? degrees = null;
        StructuralHoleFigures? holes = null;
        List<Edge> bridges = [];
        bool[] articulation = [];
        CommunityFigures? communities = null;
        var closenessEstimated = graph.NodeCount > options.ExactClosenessUpTo;
        Parallel.Invoke(
            () =>
            {
                if (graph.NodeCount <= options.ExactBetweennessUpTo)
                {
                    betweenness = Analysis.Betweenness.Exact(graph);
                }
                else
                {
                    var sampled = Analysis.Betweenness.Sampled(graph, options.SampleSources, options.Seed);
                    betweenness = sampled.Values;
                    if (sampled.ErrorBound > 0)
                    {
                        sources = sampled.Sources;
                        bound = sampled.ErrorBound;
                    }
                }
            },
            () => closeness = closenessEstimated
                ? Analysis.Closeness.Estimate(graph, Analysis.Betweenness.SampleSources(graph.NodeCount, Math.Min(options.SampleSources, graph.NodeCount), options.Seed), options.Seed)
                : Analysis.Closeness.Compute(graph),
            () => communities = Analysis.Communities.Find(graph, options.Seed),
            () =>
            {
                degrees = Analysis.Degrees.Compute(graph);
                eigenvector = Analysis.Eigenvector.Compute(graph);
                holes = Analysis.StructuralHoles.Compute(graph);
                (bridges, articulation) = Cuts.Search(graph);
            });

        return new NetworkMetrics(
            degrees!,
            betweenness,
            sources,
            bound,
            closeness,
            eigenvector,
            holes!,
            bridges,
            articulation,
            Cohesion.Density(graph),
            Cohesion.Reciprocity(graph),
            communities!)
        {
            ClosenessEstimated = closenessEstimated,
        };
    }
}
