using System.Globalization;
using System.Text;

namespace Kith.GraphBench;

/// <summary>
/// A synthetic partnership graph shaped like the ones Kith maps: actors in sectors and areas, most ties inside small
/// working clusters (a neighbourhood team and its partners), some across the area, a few anywhere, with a skew so a
/// handful of actors (a council, a big charity) hold many ties. Deterministic for a seed.
/// </summary>
internal static class SyntheticPartnerships
{
    public const int ClusterSize = 40;

    /// <summary>Writes "from to strength directed" lines (tab-separated, 0-based nodes) after a "# nodes N" line.</summary>
    public static void Write(string path, int actors, int tiesPerActor, int seed)
    {
        var random = new Random(seed);
        var areas = Math.Max(1, actors / 2000);
        var order = Enumerable.Range(0, actors).ToArray();
        random.Shuffle(order);
        var clusterOf = new int[actors];
        for (var i = 0; i < actors; i++)
        {
            clusterOf[order[i]] = i / ClusterSize;
        }

        var clusterMembers = new List<int>[((actors - 1) / ClusterSize) + 1];
        for (var i = 0; i < actors; i++)
        {
            (clusterMembers[clusterOf[order[i]]] ??= []).Add(order[i]);
        }

        var areaOf = new int[clusterMembers.Length];
        for (var c = 0; c < areaOf.Length; c++)
        {
            areaOf[c] = random.Next(areas);
        }

        var areaMembers = new List<int>[areas];
        for (var a = 0; a < areas; a++)
        {
            areaMembers[a] = [];
        }

        for (var v = 0; v < actors; v++)
        {
            areaMembers[areaOf[clusterOf[v]]].Add(v);
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("# nodes ");
        writer.WriteLine(actors.ToString(CultureInfo.InvariantCulture));
        var line = new StringBuilder();
        for (var v = 0; v < actors; v++)
        {
            for (var t = 0; t < tiesPerActor; t++)
            {
                var roll = random.NextDouble();
                int other;
                if (roll < 0.6)
                {
                    var members = clusterMembers[clusterOf[v]];
                    other = members[random.Next(members.Count)];
                }
                else if (roll < 0.9)
                {
                    // Skewed towards the first members of the area: a few well-connected actors.
                    var members = areaMembers[areaOf[clusterOf[v]]];
                    other = members[(int)(members.Count * Math.Pow(random.NextDouble(), 3))];
                }
                else
                {
                    other = (int)(actors * Math.Pow(random.NextDouble(), 2));
                }

                if (other == v)
                {
                    continue;
                }

                var directed = random.NextDouble() < 0.3;
                line.Clear()
                    .Append(v.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(other.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append((1 + random.Next(5)).ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(directed ? '1' : '0');
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    public static Kith.Core.Relationships.Analysis.Graph Read(string path, out int ties)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, false, 1 << 20);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.");
        var nodes = int.Parse(header.AsSpan("# nodes ".Length), CultureInfo.InvariantCulture);
        var builder = new Kith.Core.Relationships.Analysis.GraphBuilder(nodes);
        ties = 0;
        while (reader.ReadLine() is { } text)
        {
            var span = text.AsSpan();
            var first = span.IndexOf('\t');
            var from = int.Parse(span[..first], CultureInfo.InvariantCulture);
            span = span[(first + 1)..];
            var second = span.IndexOf('\t');
            var to = int.Parse(span[..second], CultureInfo.InvariantCulture);
            span = span[(second + 1)..];
            var third = span.IndexOf('\t');
            var weight = int.Parse(span[..third], CultureInfo.InvariantCulture);
            builder.AddTie(from, to, weight, span[third + 1] == '1');
            ties++;
        }

        return builder.Build();
    }
}
