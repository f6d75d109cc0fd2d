using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships;

public class GraphTests
{
    [Fact]
    public void Parallel_ties_merge_into_one_edge_whose_weight_is_their_sum()
    {
        var graph = new GraphBuilder(3).AddTie(0, 1, 2).AddTie(1, 0, 3).AddTie(1, 2, 1, isDirected: true).Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(5, graph.WeightBetween(0, 1));
        Assert.Equal(5, graph.WeightBetween(1, 0));
        Assert.Equal([0, 2], graph.Neighbours(1).ToArray());
        Assert.Equal(0, graph.WeightBetween(0, 2));
    }

    [Fact]
    public void A_directed_tie_is_one_arc_and_a_mutual_tie_two()
    {
        var graph = new GraphBuilder(3).AddTie(0, 1).AddTie(1, 2, isDirected: true).Build();

        Assert.Equal(3, graph.ArcCount);
        Assert.Equal(1, graph.DirectedTieCount);
        Assert.True(graph.HasArc(1, 2));
        Assert.False(graph.HasArc(2, 1));
        Assert.Equal([1], graph.InNeighbours(2).ToArray());
        Assert.Equal([0, 2], graph.OutNeighbours(1).ToArray());
    }

    [Fact]
    public void Self_ties_and_bad_weights_are_refused()
    {
        var builder = new GraphBuilder(2);

        Assert.Throws<ArgumentException>(() => builder.AddTie(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTie(0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTie(0, 2));
    }

    [Fact]
    public void A_graph_without_ties_has_nodes_and_no_edges()
    {
        var graph = new GraphBuilder(4).Build();

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(0, graph.EdgeCount);
        Assert.True(graph.Neighbours(3).IsEmpty);
    }
}
