using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

public class NetworkAnalysisTests
{
    [Fact]
    public void Run_gives_the_same_figures_as_each_metric_alone()
    {
        var karate = ReferenceGraphs.Karate();

        var metrics = NetworkAnalysis.Run(karate);

        Assert.Equal(Betweenness.Exact(karate), metrics.Betweenness);
        Assert.Null(metrics.BetweennessSources);
        Assert.Null(metrics.BetweennessErrorBound);
        Assert.Equal(Closeness.Compute(karate), metrics.Closeness);
        Assert.False(metrics.ClosenessEstimated);
        Assert.Equal(Eigenvector.Compute(karate), metrics.Eigenvector);
        Assert.Equal(StructuralHoles.Compute(karate).Constraint, metrics.StructuralHoles.Constraint);
        Assert.Equal(StructuralHoles.Compute(karate).EffectiveSize, metrics.StructuralHoles.EffectiveSize);
        Assert.Equal(Cuts.Bridges(karate), metrics.Bridges);
        Assert.Equal(Cuts.ArticulationPoints(karate), metrics.ArticulationPoints);
        Assert.Equal(Degrees.Compute(karate).Degree, metrics.Degrees.Degree);
        Assert.Equal(Cohesion.Density(karate), metrics.Density);
        Assert.Null(metrics.Reciprocity);
        Assert.Equal(Communities.Find(karate, 1).Membership, metrics.Communities.Membership);
    }

    [Fact]
    public void Run_is_deterministic_for_a_seed()
    {
        var graph = ReferenceGraphs.Random(800, 6, seed: 21);
        var options = new AnalysisOptions(ExactBetweennessUpTo: 100, SampleSources: 60, Seed: 8) { ExactClosenessUpTo = 100 };

        var first = NetworkAnalysis.Run(graph, options);
        var again = NetworkAnalysis.Run(graph, options);

        Assert.Equal(first.Betweenness, again.Betweenness);
        Assert.Equal(first.Closeness, again.Closeness);
        Assert.Equal(first.Communities.Membership, again.Communities.Membership);
        Assert.Equal(first.Eigenvector, again.Eigenvector);
    }
}
