using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

public class SampledBetweennessTests
{
    private static readonly Graph Thousand = ReferenceGraphs.Random(1000, 8, seed: 7);

    [Fact]
    public void Sampled_betweenness_is_within_its_stated_bound_of_exact()
    {
        var exact = Betweenness.Exact(Thousand);

        var sampled = Betweenness.Sampled(Thousand, 200, seed: 3);

        Assert.Equal(200, sampled.Sources);
        Assert.Equal(Betweenness.DefaultConfidence, sampled.Confidence);
        Assert.True(sampled.ErrorBound > 0);
        var worst = exact.Zip(sampled.Values, (e, s) => Math.Abs(e - s)).Max();
        Assert.True(worst <= sampled.ErrorBound, $"Worst error {worst} exceeds the bound {sampled.ErrorBound}.");
        // The Hoeffding bound is loose (it ignores variance); the estimate is useful all the same. One node's estimate
        // from 200 sources can be 20% out (source sampling is unbiased but noisy), but the total over nodes, which is
        // Σ over sampled pairs of (distance − 1), is within 5%.
        Assert.InRange(sampled.Values.Sum(), exact.Sum() * 0.95, exact.Sum() * 1.05);
    }

    [Fact]
    public void The_bound_is_Hoeffding_with_a_union_bound_over_nodes()
    {
        // (n/2)(n−2)·√(ln(2n/δ)/(2k)) with n = 1000, k = 200, δ = 0.05.
        var expected = 500.0 * 998 * Math.Sqrt(Math.Log(2000 / 0.05) / 400);

        Assert.Equal(expected, Betweenness.ErrorBound(1000, 200, 0.95), 6);
        Assert.True(Betweenness.ErrorBound(1000, 800, 0.95) < Betweenness.ErrorBound(1000, 200, 0.95));
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_and_another_seed_another()
    {
        var first = Betweenness.Sampled(Thousand, 50, seed: 11);
        var again = Betweenness.Sampled(Thousand, 50, seed: 11);
        var other = Betweenness.Sampled(Thousand, 50, seed: 12);

        Assert.Equal(first.Values, again.Values);
        Assert.NotEqual(first.Values, other.Values);
    }

    [Fact]
    public void As_many_sources_as_nodes_is_exact_with_bound_zero()
    {
        var karate = ReferenceGraphs.Karate();

        var sampled = Betweenness.Sampled(karate, 34, seed: 1);

        Assert.Equal(Betweenness.Exact(karate), sampled.Values);
        Assert.Equal(0, sampled.ErrorBound);
        Assert.Equal(1, sampled.Confidence);
        Assert.Throws<ArgumentOutOfRangeException>(() => Betweenness.Sampled(karate, 0, seed: 1));
    }

    [Fact]
    public void Network_analysis_samples_above_its_threshold_and_reports_the_bound()
    {
        var metrics = NetworkAnalysis.Run(Thousand, new AnalysisOptions(ExactBetweennessUpTo: 500, SampleSources: 100, Seed: 5));

        Assert.Equal(100, metrics.BetweennessSources);
        Assert.Equal(Betweenness.ErrorBound(1000, 100, Betweenness.DefaultConfidence), metrics.BetweennessErrorBound);
        Assert.Equal(Betweenness.Sampled(Thousand, 100, 5).Values, metrics.Betweenness);
    }

    [Fact]
    public void Communities_are_deterministic_for_a_seed()
    {
        var first = Communities.Find(Thousand, seed: 4);
        var again = Communities.Find(Thousand, seed: 4);

        Assert.Equal(first.Membership, again.Membership);
        Assert.Equal(first.Modularity, again.Modularity);
        Assert.Equal(Enumerable.Range(0, first.Count), first.Membership.Distinct().Order());
    }

    [Fact]
    public void Exact_betweenness_is_the_same_on_every_run()
    {
        Assert.Equal(Betweenness.Exact(Thousand), Betweenness.Exact(Thousand));
    }
}
