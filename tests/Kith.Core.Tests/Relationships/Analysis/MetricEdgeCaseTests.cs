using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

/// <summary>Small graphs whose answers follow from the definitions: empty, isolates, pieces, paths, stars.</summary>
public class MetricEdgeCaseTests
{
    [Fact]
    public void An_empty_graph_gives_empty_figures_without_throwing()
    {
        var metrics = NetworkAnalysis.Run(new GraphBuilder(0).Build());

        Assert.Empty(metrics.Betweenness);
        Assert.Empty(metrics.Closeness);
        Assert.Empty(metrics.Eigenvector);
        Assert.Empty(metrics.Bridges);
        Assert.Equal(0, metrics.Density);
        Assert.Null(metrics.Reciprocity);
        Assert.Equal(0, metrics.Communities.Count);
        Assert.Equal(0, metrics.Communities.Modularity);
    }

    [Fact]
    public void A_graph_of_isolates_gives_zeros_and_nulls_and_no_NaN()
    {
        var metrics = NetworkAnalysis.Run(new GraphBuilder(3).Build());

        Assert.All(metrics.Betweenness, b => Assert.Equal(0, b));
        Assert.All(metrics.Closeness, c => Assert.Equal(0, c));
        Assert.All(metrics.Eigenvector, x => Assert.Equal(0, x));
        Assert.All(metrics.StructuralHoles.EffectiveSize, Assert.Null);
        Assert.All(metrics.StructuralHoles.Constraint, Assert.Null);
        Assert.All(metrics.Degrees.Strength, s => Assert.Equal(0, s));
        Assert.Equal(0, metrics.Density);
        Assert.Equal([0, 1, 2], metrics.Communities.Membership);
        Assert.Equal(3, metrics.Communities.Count);
        Assert.Equal(0, metrics.Communities.Modularity);
    }

    [Fact]
    public void On_a_path_every_edge_is_a_bridge_and_every_inner_node_a_cut()
    {
        var path = ReferenceGraphs.Path(5);

        Assert.Equal([new Edge(0, 1), new Edge(1, 2), new Edge(2, 3), new Edge(3, 4)], Cuts.Bridges(path));
        Assert.Equal([1, 2, 3], MetricReferenceTests.Indexes(Cuts.ArticulationPoints(path)));
        // Betweenness on a path: node i lies between i·(n−1−i) pairs.
        Assert.Equal([0, 3, 4, 3, 0], Betweenness.Exact(path));
    }

    [Fact]
    public void A_long_path_does_not_overflow_the_stack()
    {
        var path = ReferenceGraphs.Path(200_000);

        var (bridges, cuts) = Cuts.Search(path);

        Assert.Equal(199_999, bridges.Count);
        Assert.Equal(199_998, cuts.Count(c => c));
    }

    [Fact]
    public void A_cycle_has_no_bridges_or_articulation_points()
    {
        var cycle = ReferenceGraphs.Build(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)]);

        Assert.Empty(Cuts.Bridges(cycle));
        Assert.DoesNotContain(true, Cuts.ArticulationPoints(cycle));
    }

    [Fact]
    public void A_star_has_its_centre_as_the_only_cut_and_leaves_fully_constrained()
    {
        // Star of 1 centre + 5 leaves: the centre brokers all 10 leaf pairs; its 5 contacts share no ties, so its
        // effective size is 5 and its constraint Σ(1/5)² = 0.2; each leaf has one contact: effective size 1,
        // constraint 1 (Burt 1992).
        var star = ReferenceGraphs.Star(6);

        var holes = StructuralHoles.Compute(star);

        Assert.Equal([0], MetricReferenceTests.Indexes(Cuts.ArticulationPoints(star)));
        Assert.Equal(5, Cuts.Bridges(star).Count);
        Assert.Equal(10, Betweenness.Exact(star)[0]);
        Assert.Equal(5, holes.EffectiveSize[0]!.Value, 12);
        Assert.Equal(0.2, holes.Constraint[0]!.Value, 12);
        for (var leaf = 1; leaf < 6; leaf++)
        {
            Assert.Equal(1, holes.EffectiveSize[leaf]!.Value, 12);
            Assert.Equal(1, holes.Constraint[leaf]!.Value, 12);
        }

        Assert.Equal(1, Closeness.Compute(star)[0], 12);
    }

    [Fact]
    public void A_star_bipartite_graph_gives_a_converged_eigenvector()
    {
        // Star K1,4: leading eigenvector of A is (2, 1, 1, 1, 1)/√8 (λ = 2). Plain power iteration would oscillate.
        var eigenvector = Eigenvector.Compute(ReferenceGraphs.Star(5));

        Assert.Equal(2 / Math.Sqrt(8), eigenvector[0], 9);
        Assert.Equal(1 / Math.Sqrt(8), eigenvector[3], 9);
    }

    [Fact]
    public void A_disconnected_graph_scores_each_piece_without_NaN()
    {
        // Two pieces: a triangle 0–1–2 and a pair 3–4, plus the isolate 5.
        var graph = ReferenceGraphs.Build(6, [(0, 1), (1, 2), (2, 0), (3, 4)]);

        var metrics = NetworkAnalysis.Run(graph);

        // Wasserman–Faust: in the triangle each node reaches 2 of 5 at distance 2 → (2/2)·(2/5) = 0.4; in the pair (1/1)·(1/5).
        MetricReferenceTests.AssertClose([0.4, 0.4, 0.4, 0.2, 0.2, 0], metrics.Closeness, 1e-12);
        // The triangle's eigenvalue (2) beats the pair's (1): all weight in the triangle, 1/√3 each.
        MetricReferenceTests.AssertClose([1 / Math.Sqrt(3), 1 / Math.Sqrt(3), 1 / Math.Sqrt(3), 0, 0, 0], metrics.Eigenvector, 1e-6);
        Assert.Equal([new Edge(3, 4)], metrics.Bridges);
        Assert.Equal(3, metrics.Communities.Count);
        Assert.Equal(metrics.Communities.Membership[0], metrics.Communities.Membership[2]);
        Assert.NotEqual(metrics.Communities.Membership[0], metrics.Communities.Membership[3]);
        Assert.DoesNotContain(metrics.Eigenvector, double.IsNaN);
        Assert.Equal(4.0 / 15, metrics.Density, 12);
    }

    [Fact]
    public void Degrees_count_distinct_neighbours_arcs_and_summed_strengths()
    {
        // 0–1 mutual twice (strengths 2 and 3), 1→2 one-way (strength 4).
        var graph = new GraphBuilder(3).AddTie(0, 1, 2).AddTie(0, 1, 3).AddTie(1, 2, 4, isDirected: true).Build();

        var degrees = Degrees.Compute(graph);

        Assert.Equal([1, 2, 1], degrees.Degree);
        Assert.Equal([1, 1, 1], degrees.InDegree);
        Assert.Equal([1, 2, 0], degrees.OutDegree);
        Assert.Equal([5, 9, 4], degrees.Strength);
    }

    [Fact]
    public void Reciprocity_is_null_without_one_way_ties_and_ignores_mutual_ones()
    {
        var mutualOnly = new GraphBuilder(3).AddTie(0, 1).AddTie(1, 2).Build();
        // One-way 0→1 and 1→0 (returned), 1→2 (not), plus a mutual 2–0 that is left out.
        var mixed = new GraphBuilder(3)
            .AddTie(0, 1, isDirected: true).AddTie(1, 0, isDirected: true).AddTie(1, 2, isDirected: true).AddTie(2, 0)
            .Build();

        Assert.Null(Cohesion.Reciprocity(mutualOnly));
        Assert.Equal(2.0 / 3, Cohesion.Reciprocity(mixed)!.Value, 12);
    }

    [Fact]
    public void Modularity_refuses_a_membership_of_the_wrong_length()
    {
        var graph = ReferenceGraphs.Path(3);

        Assert.Throws<ArgumentException>(() => Communities.Modularity(graph, [0, 0]));
        Assert.Throws<ArgumentException>(() => Communities.Modularity(graph, [0, -1, 0]));
        Assert.Equal(Communities.Modularity(graph, [0, 0, 1]), Communities.Modularity(graph, [7, 7, 100]), 12);
    }
}
