using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

/// <summary>
/// Every metric against published or reference-implementation values on Zachary's karate club and the Florentine
/// families (see <see cref="ReferenceGraphs"/> for the data and its sources). Values marked "python-igraph 0.10.2" were
/// printed by reference_values.py in this folder (Debian python3-igraph 0.10.2) with the exact call named.
/// </summary>
public class MetricReferenceTests
{
    private static readonly Graph Karate = ReferenceGraphs.Karate();
    private static readonly Graph Florentine = ReferenceGraphs.FlorentineMarriages();

    [Fact]
    public void Karate_club_has_34_members_and_78_ties()
    {
        // Zachary (1977): 34 members, 78 edges.
        Assert.Equal(34, Karate.NodeCount);
        Assert.Equal(78, Karate.EdgeCount);
    }

    [Fact]
    public void Karate_betweenness_matches_igraph()
    {
        // python-igraph 0.10.2: Graph.Famous("Zachary").betweenness(directed=False)
        double[] expected =
        [
            231.071428571429, 28.478571428571, 75.850793650794, 6.288095238095, 0.333333333333, 15.833333333333,
            15.833333333333, 0.0, 29.529365079365, 0.447619047619, 0.333333333333, 0.0, 0.0, 24.215873015873, 0.0, 0.0,
            0.0, 0.0, 0.0, 17.146825396825, 0.0, 0.0, 0.0, 9.3, 1.166666666667, 2.027777777778, 0.0, 11.792063492063,
            0.947619047619, 1.542857142857, 7.609523809524, 73.009523809524, 76.690476190476, 160.551587301587,
        ];

        AssertClose(expected, Betweenness.Exact(Karate), 1e-9);
    }

    [Fact]
    public void Florentine_Medici_betweenness_is_47_5()
    {
        // Literature: the Medici's raw betweenness in the marriage network is 47.5 (networkx normalised 0.5219 × 91;
        // e.g. Padgett & Ansell 1993's argument that the Medici brokered between otherwise unconnected families).
        // The whole vector: python-igraph 0.10.2, Graph(n=16, edges=...).betweenness(directed=False).
        double[] expected = [0.0, 47.5, 5.0, 2.0, 9.333333333333, 8.5, 10.333333333333, 8.333333333333, 19.333333333333, 13.0, 0.0, 9.5, 23.166666666667, 0.0, 0.0, 0.0];

        var betweenness = Betweenness.Exact(Florentine);

        Assert.Equal(47.5, betweenness[ReferenceGraphs.Florentine("Medici")], 9);
        AssertClose(expected, betweenness, 1e-9);
    }

    [Fact]
    public void Karate_closeness_matches_igraph_scaled_as_networkx()
    {
        // python-igraph 0.10.2: g.closeness() × reached/(n−1), which is networkx closeness_centrality (wf_improved);
        // connected, so the factor is 1.
        double[] expected =
        [
            0.568965517241, 0.485294117647, 0.559322033898, 0.464788732394, 0.379310344828, 0.383720930233,
            0.383720930233, 0.44, 0.515625, 0.434210526316, 0.379310344828, 0.366666666667, 0.370786516854, 0.515625,
            0.370786516854, 0.370786516854, 0.284482758621, 0.375, 0.370786516854, 0.5, 0.370786516854, 0.375,
            0.370786516854, 0.392857142857, 0.375, 0.375, 0.362637362637, 0.458333333333, 0.452054794521,
            0.383720930233, 0.458333333333, 0.540983606557, 0.515625, 0.55,
        ];

        AssertClose(expected, Closeness.Compute(Karate), 1e-9);
    }

    [Fact]
    public void Florentine_closeness_with_the_isolated_Pucci_uses_Wasserman_Faust_scaling()
    {
        // python-igraph 0.10.2: g.closeness() × (len(g.subcomponent(v)) − 1)/(n − 1), i.e. networkx closeness_centrality
        // with wf_improved=True on the 16 families; the Pucci (isolate) get 0 (igraph gives NaN).
        double[] expected =
        [
            0.343859649123, 0.522666666667, 0.362962962963, 0.343859649123, 0.408333333333, 0.408333333333,
            0.466666666667, 0.450574712644, 0.450574712644, 0.362962962963, 0.266666666667, 0.373333333333,
            0.435555555556, 0.311111111111, 0.303875968992, 0.0,
        ];

        AssertClose(expected, Closeness.Compute(Florentine), 1e-9);
    }

    [Fact]
    public void Karate_eigenvector_matches_igraph_at_unit_norm()
    {
        // python-igraph 0.10.2: v = g.eigenvector_centrality(directed=False, scale=True); v / ‖v‖₂.
        double[] expected =
        [
            0.355491444525, 0.265959919552, 0.317192504486, 0.211179720378, 0.075968818183, 0.079483045117,
            0.079483045117, 0.170959748045, 0.227403907125, 0.102674250724, 0.075968818183, 0.052855697494,
            0.084254628717, 0.226472720142, 0.10140326219, 0.10140326219, 0.023635628105, 0.092399538196, 0.10140326219,
            0.147912510293, 0.10140326219, 0.092399538196, 0.10140326219, 0.150118571861, 0.057052440541,
            0.059206474917, 0.075579413488, 0.13347715338, 0.131077822984, 0.134960819262, 0.174758302314,
            0.191033841407, 0.308644219791, 0.373363470291,
        ];

        var eigenvector = Eigenvector.Compute(Karate);

        AssertClose(expected, eigenvector, 1e-7);
        Assert.Equal(1, eigenvector.Sum(x => x * x), 9);
    }

    [Fact]
    public void Florentine_eigenvector_matches_igraph_and_the_isolate_scores_0()
    {
        // python-igraph 0.10.2: v = g.eigenvector_centrality(directed=False, scale=True); v / ‖v‖₂.
        double[] expected =
        [
            0.132154294729, 0.430308094041, 0.25902616719, 0.275730373581, 0.355980448411, 0.211705251161,
            0.341552644057, 0.325842301124, 0.243956109159, 0.145917196466, 0.044813435896, 0.282800086544,
            0.289115599012, 0.0749227077, 0.088791887979, 0.0,
        ];

        AssertClose(expected, Eigenvector.Compute(Florentine), 1e-7);
    }

    [Fact]
    public void Karate_constraint_matches_igraph()
    {
        // python-igraph 0.10.2: Graph.Famous("Zachary").constraint()
        double[] expected =
        [
            0.155423297647, 0.279535108025, 0.18517663966, 0.396659647205, 0.529417438272, 0.477484809028,
            0.477484809028, 0.442711588542, 0.303600713668, 0.5, 0.529417438272, 1.0, 0.622504340278, 0.323335416667,
            0.573679594387, 0.573679594387, 0.78125, 0.590868537809, 0.573679594387, 0.373719350137, 0.573679594387,
            0.590868537809, 0.573679594387, 0.305823721646, 0.45987654321, 0.45987654321, 0.670901816609,
            0.285069204152, 0.386913153061, 0.449409001346, 0.34600646386, 0.244575403691, 0.249223362275,
            0.156418685121,
        ];

        AssertClose(expected, StructuralHoles.Compute(Karate).Constraint.Select(c => c!.Value).ToArray(), 1e-9);
    }

    [Fact]
    public void Florentine_constraint_matches_igraph_and_the_isolate_has_none()
    {
        // python-igraph 0.10.2: g.constraint() (NaN for the isolated Pucci, null here).
        double[] expected = [1.0, 0.20987654321, 0.48225308642, 0.655864197531, 0.458333333333, 0.5, 0.45987654321, 0.45987654321, 0.333333333333, 0.5, 1.0, 0.48225308642, 0.25, 1.0, 1.0];

        var constraint = StructuralHoles.Compute(Florentine).Constraint;

        AssertClose(expected, constraint[..15].Select(c => c!.Value).ToArray(), 1e-9);
        Assert.Null(constraint[ReferenceGraphs.Florentine("Pucci")]);
    }

    [Fact]
    public void Karate_effective_size_is_Borgatti_n_minus_2t_over_n()
    {
        // Unweighted, Burt's effective size reduces to n − 2t/n (Borgatti 1997, "Structural holes: unpacking Burt's
        // redundancy measures", Connections 20(1):35–38): n contacts, t ties among them. Hand counts for three members:
        // node 11 (member 12) has one contact: 1 − 0 = 1. Node 0 (Mr Hi) has 16 contacts with 18 ties among them:
        // 16 − 36/16 = 13.75. Node 16 (member 17) has contacts 5 and 6, tied to each other: 2 − 2/2 = 1.
        var size = StructuralHoles.Compute(Karate).EffectiveSize;

        Assert.Equal(1, size[11]!.Value, 9);
        Assert.Equal(13.75, size[0]!.Value, 9);
        Assert.Equal(1, size[16]!.Value, 9);
    }

    [Fact]
    public void Weighted_effective_size_and_constraint_match_Burt_by_hand()
    {
        // Ego 0 tied to 1 (strength 2), 2 and 3 (strength 1); 1–2 tied (strength 1). By Burt (1992), with
        // p_iq = w_iq/Σw_i and m_jq = w_jq/max_k w_jk: p01 = .5, p02 = p03 = .25; redundancy of 1 = p02·m12 = .25·(1/2),
        // of 2 = p01·m21 = .5·1, of 3 = 0, so effective size = .875 + .5 + 1 = 2.375.
        // Constraint: (p01 + p02·p21)² + (p02 + p01·p12)² + p03² = .625² + (.25 + .5/3)² + .25² = 0.626736…, which is
        // python-igraph 0.10.2 Graph(n=4, edges=[(0,1),(0,2),(0,3),(1,2)]).constraint(weights=[2,1,1,1]) = 0.626736111111111.
        var graph = new GraphBuilder(4).AddTie(0, 1, 2).AddTie(0, 2).AddTie(0, 3).AddTie(1, 2).Build();

        var holes = StructuralHoles.Compute(graph);

        Assert.Equal(2.375, holes.EffectiveSize[0]!.Value, 9);
        Assert.Equal(0.626736111111111, holes.Constraint[0]!.Value, 9);
        // igraph, same call: [0.626736111111111, 0.9444444444444443, 1.2569444444444442, 1.0]
        Assert.Equal(0.9444444444444443, holes.Constraint[1]!.Value, 9);
        Assert.Equal(1.2569444444444442, holes.Constraint[2]!.Value, 9);
        Assert.Equal(1.0, holes.Constraint[3]!.Value, 9);
    }

    [Fact]
    public void Parallel_ties_count_as_one_edge_of_summed_strength_for_constraint()
    {
        // python-igraph 0.10.2: Graph(n=4, edges=[(0,1),(0,1),(0,2),(0,3),(1,2)]).constraint() (a multi-edge counts
        // twice) gives the same 0.626736111111111 as the weighted graph above.
        var graph = new GraphBuilder(4).AddTie(0, 1).AddTie(1, 0).AddTie(0, 2).AddTie(0, 3).AddTie(1, 2).Build();

        Assert.Equal(0.626736111111111, StructuralHoles.Compute(graph).Constraint[0]!.Value, 9);
    }

    [Fact]
    public void Karate_bridges_and_articulation_points_match_igraph()
    {
        // python-igraph 0.10.2: g.bridges() → the edge (0, 11); g.articulation_points() → [0].
        Assert.Equal([new Edge(0, 11)], Cuts.Bridges(Karate));
        Assert.Equal([0], Indexes(Cuts.ArticulationPoints(Karate)));
    }

    [Fact]
    public void Florentine_bridges_and_articulation_points_match_igraph()
    {
        // python-igraph 0.10.2: g.bridges() → (0,1), (1,9), (8,13), (9,10), (12,14); g.articulation_points() → [1, 8, 9, 12]
        // (Medici, Albizzi, Salviati, Guadagni).
        Assert.Equal([new Edge(0, 1), new Edge(1, 9), new Edge(8, 13), new Edge(9, 10), new Edge(12, 14)], Cuts.Bridges(Florentine));
        Assert.Equal([1, 8, 9, 12], Indexes(Cuts.ArticulationPoints(Florentine)));
    }

    [Fact]
    public void Density_matches_igraph()
    {
        // python-igraph 0.10.2: g.density() → karate 0.13903743315508021 (78/561); Florentine with Pucci 0.1666… (20/120).
        Assert.Equal(0.13903743315508021, Cohesion.Density(Karate), 12);
        Assert.Equal(20.0 / 120, Cohesion.Density(Florentine), 12);
    }

    [Fact]
    public void Reciprocity_matches_igraph_on_a_small_directed_graph()
    {
        // Arcs 0→1, 1→0, 1→2, 2→0, 2→3, 3→2, 3→4: four of seven have their reverse.
        // python-igraph 0.10.2: Graph(n=5, edges=[(0,1),(1,0),(1,2),(2,0),(2,3),(3,2),(3,4)], directed=True)
        //   .reciprocity(ignore_loops=True, mode="default") = 0.5714285714285714.
        var graph = new GraphBuilder(5)
            .AddTie(0, 1, isDirected: true).AddTie(1, 0, isDirected: true).AddTie(1, 2, isDirected: true)
            .AddTie(2, 0, isDirected: true).AddTie(2, 3, isDirected: true).AddTie(3, 2, isDirected: true)
            .AddTie(3, 4, isDirected: true)
            .Build();

        Assert.Equal(0.5714285714285714, Cohesion.Reciprocity(graph)!.Value, 12);
    }

    [Fact]
    public void Karate_communities_reach_Louvain_modularity_and_respect_the_split()
    {
        // Literature: Louvain-type methods find four communities on karate with modularity about 0.42 (Blondel et al.
        // 2008 report 0.42; the best possible is 0.4198, Brandes et al. 2008). python-igraph 0.10.2
        // g.community_multilevel() gives 0.4188034188034188 with 4 communities.
        var found = Communities.Find(Karate);

        Assert.InRange(found.Modularity, 0.40, 0.4198 + 1e-9);
        Assert.InRange(found.Count, 3, 5);
        Assert.Equal(found.Modularity, Communities.Modularity(Karate, found.Membership), 12);

        // Zachary's observed split: Mr Hi (node 0) and the administrator (node 33) end in different communities, and
        // nearly every community lies within one faction (at most two members on the "wrong" side overall).
        Assert.NotEqual(found.Membership[0], found.Membership[33]);
        var misplaced = 0;
        for (var c = 0; c < found.Count; c++)
        {
            var members = Enumerable.Range(0, 34).Where(v => found.Membership[v] == c).ToList();
            var withHi = members.Count(ReferenceGraphs.KarateMrHiClub.Contains);
            misplaced += Math.Min(withHi, members.Count - withHi);
        }

        Assert.InRange(misplaced, 0, 2);
    }

    [Fact]
    public void Modularity_of_Zacharys_two_factions_matches_igraph()
    {
        // The observed two-faction split (Zachary 1977) as a partition.
        // python-igraph 0.10.2: Graph.Famous("Zachary").modularity([0 if v in MrHiClub else 1 for v in range(34)]).
        var factions = Enumerable.Range(0, 34).Select(v => ReferenceGraphs.KarateMrHiClub.Contains(v) ? 0 : 1).ToArray();

        Assert.Equal(0.3582347140039448, Communities.Modularity(Karate, factions), 9);
    }

    [Fact]
    public void Florentine_communities_reach_igraph_modularity()
    {
        // python-igraph 0.10.2: g.community_multilevel() → modularity 0.3975, 5 communities (including the Pucci alone).
        var found = Communities.Find(Florentine);

        Assert.InRange(found.Modularity, 0.39, 0.41);
        Assert.Equal(found.Modularity, Communities.Modularity(Florentine, found.Membership), 12);
        var pucci = found.Membership[ReferenceGraphs.Florentine("Pucci")];
        Assert.Single(found.Membership, m => m == pucci);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"Node {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }

    internal static int[] Indexes(bool[] flags) => Enumerable.Range(0, flags.Length).Where(i => flags[i]).ToArray();
}
