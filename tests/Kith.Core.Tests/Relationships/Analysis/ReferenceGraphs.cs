using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

/// <summary>Published small graphs with known metric values.</summary>
internal static class ReferenceGraphs
{
    /// <summary>
    /// Zachary's karate club: 34 members, 78 friendships, nodes numbered 0–33 as in networkx <c>karate_club_graph()</c>
    /// and igraph <c>Graph.Famous("Zachary")</c> (member 1 of the paper is node 0, the instructor "Mr Hi"; member 34
    /// is node 33, the administrator). Source: W. W. Zachary, "An information flow model for conflict and fission in
    /// small groups", Journal of Anthropological Research 33 (1977) 452–473.
    /// </summary>
    public static readonly (int A, int B)[] KarateEdges =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17),
        (0, 19), (0, 21), (0, 31), (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7),
        (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32), (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10),
        (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33), (15, 32), (15, 33), (18, 32),
        (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
        (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33),
        (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ];

    /// <summary>
    /// The faction each member joined after the split (Zachary 1977, as in networkx's "club" attribute): members of
    /// "Mr. Hi"'s club; everyone else joined the "Officer"'s club.
    /// </summary>
    public static readonly int[] KarateMrHiClub = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];

    /// <summary>
    /// The Florentine families' marriage network: J. F. Padgett and C. K. Ansell, "Robust action and the rise of the
    /// Medici, 1400–1434", American Journal of Sociology 98(6) (1993) 1259–1319; edges as in networkx
    /// <c>florentine_families_graph()</c> (15 families, 20 marriages) plus the Pucci, who had no marriage ties in the
    /// data, as a 16th node with none (node 15). Numbered in order of first appearance in networkx's edge list.
    /// </summary>
    public static readonly string[] FlorentineFamilies =
    [
        "Acciaiuoli", "Medici", "Castellani", "Peruzzi", "Strozzi", "Barbadori", "Ridolfi", "Tornabuoni", "Albizzi",
        "Salviati", "Pazzi", "Bischeri", "Guadagni", "Ginori", "Lamberteschi", "Pucci",
    ];

    public static readonly (int A, int B)[] FlorentineEdges =
    [
        (0, 1), (2, 3), (2, 4), (2, 5), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (9, 10), (3, 4), (3, 11), (4, 6),
        (4, 11), (6, 7), (7, 12), (8, 13), (8, 12), (11, 12), (12, 14),
    ];

    public static int Florentine(string family) => Array.IndexOf(FlorentineFamilies, family);

    public static Graph Karate() => Build(34, KarateEdges);

    public static Graph FlorentineMarriages() => Build(16, FlorentineEdges);

    public static Graph Build(int nodes, IEnumerable<(int A, int B)> edges)
    {
        var builder = new GraphBuilder(nodes);
        foreach (var (a, b) in edges)
        {
            builder.AddTie(a, b);
        }

        return builder.Build();
    }

    public static Graph Path(int nodes) => Build(nodes, Enumerable.Range(0, nodes - 1).Select(i => (i, i + 1)));

    /// <summary>A star: node 0 tied to each of the others, which have no other ties.</summary>
    public static Graph Star(int nodes) => Build(nodes, Enumerable.Range(1, nodes - 1).Select(i => (0, i)));

    /// <summary>An Erdős–Rényi-style random graph with a fixed seed: each node tied to about <paramref name="meanDegree"/> others.</summary>
    public static Graph Random(int nodes, int meanDegree, int seed)
    {
        var random = new System.Random(seed);
        var builder = new GraphBuilder(nodes);
        var ties = (long)nodes * meanDegree / 2;
        for (long i = 0; i < ties; i++)
        {
            var a = random.Next(nodes);
            var b = random.Next(nodes - 1);
            builder.AddTie(a, b >= a ? b + 1 : b);
        }

        return builder.Build();
    }
}
