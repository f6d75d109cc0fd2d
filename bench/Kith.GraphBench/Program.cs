using System.Diagnostics;
using System.Globalization;
using Kith.Core.Relationships.Analysis;
using Kith.GraphBench;

// Usage (bench/graph/run.sh runs these beside python3-igraph):
//   generate --actors N [--ties-per-actor 10] [--seed 7] --out FILE
//   metrics --graph FILE [--runs 3] [--sources 500] [--only name,name] [--exact-betweenness]
//   ego --graph FILE [--queries 2000] [--steps 2] [--seed 7]
//   ego-http --graph FILE [--requests 1000] [--steps 2] [--seed 7]   (from the repository root: starts Kith)
// Each measurement prints one tab-separated line: name, median ms, min ms, max ms, runs.
var options = Options.Parse(args);
switch (options.Command)
{
    case "generate":
        SyntheticPartnerships.Write(options.Required("out"), options.Int("actors", 1000), options.Int("ties-per-actor", 10), options.Int("seed", 7));
        return 0;
    case "metrics":
        return Metrics(options);
    case "ego":
        return Ego(options);
    case "ego-http":
        return await EgoHttp.RunAsync(options.Required("graph"), options.Int("requests", 1000), options.Int("steps", 2), options.Int("seed", 7));
    default:
        Console.Error.WriteLine("Commands: generate, metrics, ego (see the top of Program.cs).");
        return 2;
}

static int Metrics(Options options)
{
    var load = Stopwatch.StartNew();
    var graph = SyntheticPartnerships.Read(options.Required("graph"), out var ties);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"# graph\tnodes {graph.NodeCount}\tties {ties}\tedges {graph.EdgeCount}\tarcs {graph.ArcCount}\tloaded in {load.ElapsedMilliseconds} ms"));
    var runs = options.Int("runs", 3);
    var sources = options.Int("sources", 500);
    var only = options.Text("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
    var exact = options.Flag("exact-betweenness");
    var measurements = new (string Name, Action Run)[]
    {
        ("degrees", () => Degrees.Compute(graph)),
        ("betweenness-exact", () => Betweenness.Exact(graph)),
        ("betweenness-sampled", () => Betweenness.Sampled(graph, sources, 1)),
        ("closeness", () => Closeness.Compute(graph)),
        ("eigenvector", () => Eigenvector.Compute(graph)),
        ("structural-holes", () => StructuralHoles.Compute(graph)),
        ("bridges", () => Cuts.Bridges(graph)),
        ("articulation-points", () => Cuts.ArticulationPoints(graph)),
        ("density-reciprocity", () => { Cohesion.Density(graph); Cohesion.Reciprocity(graph); }),
        ("communities", () => Communities.Find(graph, 1)),
        ("all-metrics", () => NetworkAnalysis.Run(graph, new AnalysisOptions(SampleSources: sources))),
    };
    foreach (var (name, run) in measurements)
    {
        if (only is not null ? !only.Contains(name) : name == "betweenness-exact" && !exact)
        {
            continue;
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}\t{times[times.Count / 2]:F1}\t{times[0]:F1}\t{times[^1]:F1}\t{runs}"));
    }

    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# peak working set\t{process.PeakWorkingSet64 / (1024 * 1024)} MB"));
    if (graph.NodeCount <= 20_000 && (only is null || only.Contains("communities")))
    {
        var communities = Communities.Find(graph, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# communities\t{communities.Count}\tmodularity {communities.Modularity:F4}"));
    }

    return 0;
}

static int Ego(Options options)
{
    var graph = SyntheticPartnerships.Read(options.Required("graph"), out _);
    var queries = options.Int("queries", 2000);
    var steps = options.Int("steps", 2);
    var random = new Random(options.Int("seed", 7));
    for (var i = 0; i < 200; i++)
    {
        EgoNetwork.Of(graph, random.Next(graph.NodeCount), steps);
    }

    var times = new double[queries];
    long nodes = 0;
    for (var i = 0; i < queries; i++)
    {
        var centre = random.Next(graph.NodeCount);
        var watch = Stopwatch.StartNew();
        var view = EgoNetwork.Of(graph, centre, steps);
        times[i] = watch.Elapsed.TotalMilliseconds;
        nodes += view.Nodes.Length;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ego-{steps}-steps\tp50 {times[queries / 2]:F3}\tp99 {times[(int)(queries * 0.99)]:F3}\tmax {times[^1]:F3}\tmean nodes {nodes / (double)queries:F0}\t{queries} queries"));
    return 0;
}

internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    public static Options Parse(string[] args)
    {
        var options = new Options { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected '{args[i]}': options start with --.");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return options;
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required.");

    public string? Text(string name) => values.TryGetValue(name, out var value) ? value : null;

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var value) && value is not null ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => values.ContainsKey(name);
}
