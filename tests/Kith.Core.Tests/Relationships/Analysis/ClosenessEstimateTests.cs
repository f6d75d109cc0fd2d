using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

public class ClosenessEstimateTests
{
    [Fact]
    public void Estimated_closeness_is_near_exact_and_exact_in_small_pieces()
    {
        // A 3,000-node random graph plus a separate triangle (nodes 3000–3002) and an isolate (3003).
        var random = new Random(9);
        var builder = new GraphBuilder(3004);
        for (var i = 0; i < 12_000; i++)
        {
            var a = random.Next(3000);
            var b = random.Next(2999);
            builder.AddTie(a, b >= a ? b + 1 : b);
        }

        builder.AddTie(3000, 3001).AddTie(3001, 3002).AddTie(3002, 3000);
        var graph = builder.Build();
        var exact = Closeness.Compute(graph);

        var estimate = Closeness.Estimate(graph, Betweenness.SampleSources(3004, 200, 1), seed: 1);

        var worst = Enumerable.Range(0, 3000).Where(v => exact[v] > 0).Max(v => Math.Abs(estimate[v] - exact[v]) / exact[v]);
        Assert.True(worst < 0.10, $"Worst relative error {worst}.");
        Assert.Equal(exact[3000..], estimate[3000..]);
        Assert.Equal(0, estimate[3003]);
    }

    [Fact]
    public void Network_analysis_estimates_closeness_only_above_its_threshold()
    {
        var graph = ReferenceGraphs.Random(1500, 8, seed: 2);

        var exact = NetworkAnalysis.Run(graph);
        var estimated = NetworkAnalysis.Run(graph, new AnalysisOptions(SampleSources: 100) { ExactClosenessUpTo = 1000 });

        Assert.False(exact.ClosenessEstimated);
        Assert.Equal(Closeness.Compute(graph), exact.Closeness);
        Assert.True(estimated.ClosenessEstimated);
        Assert.NotEqual(exact.Closeness, estimated.Closeness);
        Assert.All(Enumerable.Range(0, 1500).Where(v => exact.Closeness[v] > 0), v =>
            Assert.InRange(estimated.Closeness[v], exact.Closeness[v] * 0.85, exact.Closeness[v] * 1.15));
    }
}

public class ClosenessEstimateInputTests
{
    [Fact]
    public void Sources_must_be_distinct_nodes()
    {
        var graph = ReferenceGraphs.Path(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => Closeness.Estimate(graph, [4], seed: 1));
        Assert.Throws<ArgumentException>(() => Closeness.Estimate(graph, [1, 1], seed: 1));
        Assert.Equal(Closeness.Compute(graph), Closeness.Estimate(graph, [0], seed: 1));
    }
}
