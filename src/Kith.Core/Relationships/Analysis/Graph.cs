namespace Kith.Core.Relationships.Analysis;

/// <summary>
/// An immutable relationship graph for the metrics: nodes 0..<see cref="NodeCount"/>−1 and two compressed adjacency
/// views. The <em>undirected</em> view holds every tie both ways, parallel ties between one pair merged into one edge
/// whose weight is the sum of their strengths; most metrics (betweenness, closeness, Burt's measures, bridges,
/// communities) use it. The <em>directed</em> view holds arcs: a directed tie is one arc, a mutual tie two; in/out
/// degree and reciprocity use it. Neighbour lists are sorted by node number.
/// </summary>
public sealed class Graph
{
    internal Graph(int nodeCount, Adjacency undirected, Adjacency outgoing, Adjacency incoming, Adjacency directedTiesOnly, int directedTieCount)
    {
        NodeCount = nodeCount;
        Undirected = undirected;
        Outgoing = outgoing;
        Incoming = incoming;
        DirectedTiesOnly = directedTiesOnly;
        DirectedTieCount = directedTieCount;
    }

    public int NodeCount { get; }

    /// <summary>Distinct tied pairs (each undirected edge once).</summary>
    public int EdgeCount => Undirected.Targets.Length / 2;

    /// <summary>Distinct arcs in the directed view.</summary>
    public int ArcCount => Outgoing.Targets.Length;

    /// <summary>Ties added as one-way (before merging); zero means reciprocity has nothing to measure.</summary>
    public int DirectedTieCount { get; }

    internal Adjacency Undirected { get; }

    internal Adjacency Outgoing { get; }

    internal Adjacency Incoming { get; }

    /// <summary>Arcs from one-way ties only (mutual ties left out), parallel arcs merged; reciprocity uses it.</summary>
    internal Adjacency DirectedTiesOnly { get; }

    /// <summary>The nodes tied to <paramref name="node"/> either way, ascending.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => Undirected.Of(node);

    /// <summary>The merged weights of <see cref="Neighbours"/>, in the same order.</summary>
    public ReadOnlySpan<double> NeighbourWeights(int node) => Undirected.WeightsOf(node);

    /// <summary>The nodes <paramref name="node"/> has an arc to, ascending.</summary>
    public ReadOnlySpan<int> OutNeighbours(int node) => Outgoing.Of(node);

    public ReadOnlySpan<double> OutWeights(int node) => Outgoing.WeightsOf(node);

    /// <summary>The nodes with an arc to <paramref name="node"/>, ascending.</summary>
    public ReadOnlySpan<int> InNeighbours(int node) => Incoming.Of(node);

    public ReadOnlySpan<double> InWeights(int node) => Incoming.WeightsOf(node);

    /// <summary>The merged weight between two nodes in the undirected view, or 0 when they are not tied.</summary>
    public double WeightBetween(int a, int b)
    {
        var row = Undirected.Of(a);
        var at = row.BinarySearch(b);
        return at < 0 ? 0 : Undirected.WeightsOf(a)[at];
    }

    /// <summary>Whether there is an arc from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool HasArc(int from, int to) => Outgoing.Of(from).BinarySearch(to) >= 0;
}

/// <summary>Compressed sparse rows: node v's neighbours are <c>Targets[Offsets[v]..Offsets[v+1]]</c>.</summary>
internal sealed class Adjacency(int[] offsets, int[] targets, double[] weights)
{
    public int[] Offsets { get; } = offsets;

    public int[] Targets { get; } = targets;

    public double[] Weights { get; } = weights;

    public ReadOnlySpan<int> Of(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    public ReadOnlySpan<double> WeightsOf(int node) => Weights.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    public int DegreeOf(int node) => Offsets[node + 1] - Offsets[node];
}

/// <summary>Collects ties and builds a <see cref="Graph"/>. Not thread-safe.</summary>
public sealed class GraphBuilder
{
    private readonly int nodeCount;
    private readonly List<int> from = [];
    private readonly List<int> to = [];
    private readonly List<double> weight = [];
    private readonly List<bool> directed = [];

    /// <param name="nodeCount">Nodes are numbered 0 to <paramref name="nodeCount"/>−1.</param>
    public GraphBuilder(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        this.nodeCount = nodeCount;
    }

    /// <summary>Adds a tie.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A node is out of range, or the weight is not positive and finite.</exception>
    /// <exception cref="ArgumentException">The tie joins a node to itself.</exception>
    public GraphBuilder AddTie(int fromNode, int toNode, double tieWeight = 1, bool isDirected = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromNode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fromNode, nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(toNode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(toNode, nodeCount);
        if (!double.IsFinite(tieWeight) || tieWeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tieWeight), tieWeight, "A tie's weight must be positive and finite.");
        }

        if (fromNode == toNode)
        {
            throw new ArgumentException("A tie must join two different nodes.", nameof(toNode));
        }

        from.Add(fromNode);
        to.Add(toNode);
        weight.Add(tieWeight);
        directed.Add(isDirected);
        return this;
    }

    public Graph Build()
    {
        var ties = from.Count;
        var undirectedFrom = new int[ties * 2];
        var undirectedTo = new int[ties * 2];
        var undirectedWeight = new double[ties * 2];
        var arcCount = 0;
        var directedTies = 0;
        for (var i = 0; i < ties; i++)
        {
            arcCount += directed[i] ? 1 : 2;
            directedTies += directed[i] ? 1 : 0;
        }

        var arcFrom = new int[arcCount];
        var arcTo = new int[arcCount];
        var arcWeight = new double[arcCount];
        var arc = 0;
        var oneWayFrom = new int[directedTies];
        var oneWayTo = new int[directedTies];
        var oneWayWeight = new double[directedTies];
        var oneWay = 0;
        for (var i = 0; i < ties; i++)
        {
            if (directed[i])
            {
                oneWayFrom[oneWay] = from[i];
                oneWayTo[oneWay] = to[i];
                oneWayWeight[oneWay++] = weight[i];
            }

            undirectedFrom[2 * i] = from[i];
            undirectedTo[2 * i] = to[i];
            undirectedFrom[(2 * i) + 1] = to[i];
            undirectedTo[(2 * i) + 1] = from[i];
            undirectedWeight[2 * i] = undirectedWeight[(2 * i) + 1] = weight[i];
            arcFrom[arc] = from[i];
            arcTo[arc] = to[i];
            arcWeight[arc++] = weight[i];
            if (!directed[i])
            {
                arcFrom[arc] = to[i];
                arcTo[arc] = from[i];
                arcWeight[arc++] = weight[i];
            }
        }

        return new Graph(
            nodeCount,
            Compress(nodeCount, undirectedFrom, undirectedTo, undirectedWeight),
            Compress(nodeCount, arcFrom, arcTo, arcWeight),
            Compress(nodeCount, arcTo, arcFrom, arcWeight),
            Compress(nodeCount, oneWayFrom, oneWayTo, oneWayWeight),
            directedTies);
    }

    /// <summary>Counting sort by source, then each row sorted by target with repeats merged (weights summed).</summary>
    private static Adjacency Compress(int nodeCount, int[] sources, int[] targets, double[] weights)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var s in sources)
        {
            offsets[s + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var next = (int[])offsets.Clone();
        var sortedTargets = new int[targets.Length];
        var sortedWeights = new double[targets.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var at = next[sources[i]]++;
            sortedTargets[at] = targets[i];
            sortedWeights[at] = weights[i];
        }

        var mergedOffsets = new int[nodeCount + 1];
        var write = 0;
        for (var v = 0; v < nodeCount; v++)
        {
            var start = offsets[v];
            var length = offsets[v + 1] - start;
            Array.Sort(sortedTargets, sortedWeights, start, length);
            for (var i = start; i < start + length; i++)
            {
                if (write > mergedOffsets[v] && sortedTargets[write - 1] == sortedTargets[i])
                {
                    sortedWeights[write - 1] += sortedWeights[i];
                }
                else
                {
                    sortedTargets[write] = sortedTargets[i];
                    sortedWeights[write] = sortedWeights[i];
                    write++;
                }
            }

            mergedOffsets[v + 1] = write;
        }

        return new Adjacency(mergedOffsets, sortedTargets[..write], sortedWeights[..write]);
    }
}
