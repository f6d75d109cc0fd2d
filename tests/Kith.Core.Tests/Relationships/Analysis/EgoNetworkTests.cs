using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

public class EgoNetworkTests
{
    [Fact]
    public void One_step_gives_the_centre_then_its_contacts_and_the_ties_among_them()
    {
        // Path 0–1–2–3–4 plus a chord 1–3.
        var graph = ReferenceGraphs.Build(5, [(0, 1), (1, 2), (2, 3), (3, 4), (1, 3)]);

        var ego = EgoNetwork.Of(graph, 2, 1);

        Assert.Equal([2, 1, 3], ego.Nodes);
        Assert.Equal([0, 1, 1], ego.Distance);
        Assert.Equal([new Edge(1, 2), new Edge(1, 3), new Edge(2, 3)], ego.Edges.OrderBy(e => e.A).ThenBy(e => e.B));
    }

    [Fact]
    public void Two_steps_reach_contacts_of_contacts_and_ties_between_them()
    {
        var karate = ReferenceGraphs.Karate();

        var ego = EgoNetwork.Of(karate, 11, 2);

        // Node 11 knows only Mr Hi (0), whose 16 contacts are two steps out.
        Assert.Equal(11, ego.Nodes[0]);
        Assert.Equal(0, ego.Nodes[1]);
        Assert.Equal(17, ego.Nodes.Length);
        Assert.Equal([0, 1], ego.Distance[..2]);
        Assert.All(ego.Distance[2..], d => Assert.Equal(2, d));
        // Edges: 16 from Mr Hi, plus the 18 among his contacts (11 is one of them but has no others).
        Assert.Equal(16 + 18, ego.Edges.Count);
        Assert.All(ego.Edges, e => Assert.True(e.A < e.B));
    }

    [Fact]
    public void Only_one_or_two_steps_and_real_nodes_are_accepted()
    {
        var graph = ReferenceGraphs.Path(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => EgoNetwork.Of(graph, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => EgoNetwork.Of(graph, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EgoNetwork.Of(graph, 3, 1));
        Assert.Equal([0], EgoNetwork.Of(new GraphBuilder(1).Build(), 0, 2).Nodes);
    }
}
