// CONTRACT FILE on branch rel-base: the metric API every helper codes against. The graph-metrics helper
// replaces each body below with the real algorithm (in its own files, deleting this file), keeping the
// signatures. Nothing here reaches main as it is.
namespace Kith.Core.Relationships.Analysis;

/// <summary>Degree figures per node.</summary>
/// <param name="Degree">Distinct neighbours in the undirected view.</param>
/// <param name="InDegree">Distinct nodes with an arc in.</param>
/// <param name="OutDegree">Distinct nodes with an arc out.</param>
/// <param name="Strength">Sum of merged undirected weights.</param>
public sealed record DegreeFigures(int[] Degree, int[] InDegree, int[] OutDegree, double[] Strength);

public static class Degrees
{
    public static DegreeFigures Compute(Graph graph) => throw new NotImplementedException();
}

/// <param name="Values">Estimated betweenness per node, on the same scale as <see cref="Betweenness.Exact"/>.</param>
/// <param name="Sources">Source nodes sampled.</param>
/// <param name="ErrorBound">With probability <paramref name="Confidence"/>, every node's |estimate − exact| is at most this.</param>
public sealed record SampledBetweenness(double[] Values, int Sources, double ErrorBound, double Confidence);

public static class Betweenness
{
    /// <summary>Brandes, undirected view, hop distances, each unordered pair counted once (networkx normalized=False).</summary>
    public static double[] Exact(Graph graph) => throw new NotImplementedException();

    public static SampledBetweenness Sampled(Graph graph, int sources, int seed) => throw new NotImplementedException();
}

public static class Closeness
{
    /// <summary>Hop distances in the undirected view, Wasserman–Faust scaled for disconnected graphs (networkx default).</summary>
    public static double[] Compute(Graph graph) => throw new NotImplementedException();
}

public static class Eigenvector
{
    /// <summary>Undirected view, unit Euclidean norm (networkx eigenvector_centrality).</summary>
    public static double[] Compute(Graph graph) => throw new NotImplementedException();
}

/// <param name="EffectiveSize">Burt's effective size; null for a node with no ties.</param>
/// <param name="Constraint">Burt's aggregate constraint; null for a node with no ties.</param>
public sealed record StructuralHoleFigures(double?[] EffectiveSize, double?[] Constraint);

public static class StructuralHoles
{
    public static StructuralHoleFigures Compute(Graph graph) => throw new NotImplementedException();
}

/// <summary>An undirected edge, <see cref="A"/> &lt; <see cref="B"/>.</summary>
public readonly record struct Edge(int A, int B);

public static class Cuts
{
    /// <summary>Edges whose removal disconnects their component. Iterative: safe on 100k nodes.</summary>
    public static IReadOnlyList<Edge> Bridges(Graph graph) => throw new NotImplementedException();

    /// <summary>Nodes whose removal disconnects their component.</summary>
    public static bool[] ArticulationPoints(Graph graph) => throw new NotImplementedException();
}

public static class Cohesion
{
    /// <summary>Tied pairs over possible pairs in the undirected view; 0 for fewer than two nodes.</summary>
    public static double Density(Graph graph) => throw new NotImplementedException();

    /// <summary>Share of arcs whose reverse arc exists, counted over arcs from directed ties; null with no directed ties.</summary>
    public static double? Reciprocity(Graph graph) => throw new NotImplementedException();
}

/// <param name="Membership">Community number per node, 0..Count−1.</param>
public sealed record CommunityFigures(int[] Membership, int Count, double Modularity);

public static class Communities
{
    /// <summary>Louvain (or Leiden) on the weighted undirected view; deterministic for a seed.</summary>
    public static CommunityFigures Find(Graph graph, int seed = 1) => throw new NotImplementedException();

    /// <summary>Newman's weighted modularity of a partition.</summary>
    public static double Modularity(Graph graph, int[] membership) => throw new NotImplementedException();
}

/// <param name="Nodes">The centre first, then the rest by distance.</param>
/// <param name="Distance">Steps from the centre, per entry of <paramref name="Nodes"/>.</param>
/// <param name="Edges">Undirected edges among <paramref name="Nodes"/>.</param>
public sealed record EgoView(int[] Nodes, int[] Distance, IReadOnlyList<Edge> Edges);

public static class EgoNetwork
{
    /// <summary>The nodes within <paramref name="steps"/> (1 or 2) of <paramref name="centre"/>, and the edges among them.</summary>
    public static EgoView Of(Graph graph, int centre, int steps) => throw new NotImplementedException();
}

/// <param name="ExactBetweennessUpTo">Graphs with at most this many nodes get exact betweenness; larger ones are sampled.</param>
/// <param name="SampleSources">Sources sampled for larger graphs.</param>
public sealed record AnalysisOptions(int ExactBetweennessUpTo = 5000, int SampleSources = 500, int Seed = 1);

/// <summary>Every metric for one graph.</summary>
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
    CommunityFigures Communities);

public static class NetworkAnalysis
{
    public static NetworkMetrics Run(Graph graph, AnalysisOptions? options = null) => throw new NotImplementedException();
}
