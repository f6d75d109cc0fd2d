using System.Diagnostics;
using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory.Search;
using Kith.Data.Postgres;
using Kith.PostgresBaseline;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The PostgreSQL baseline for search at national scale (README.md beside this file):
//   --postgres CONN   a database seeded by bench/Kith.DirectoryBench (required)
//   --queries N       queries per shape (default 200), after 20 per shape of warm-up
//   --seed S          the workload's random seed (default 20261203)
//   --no-kith         time PostgreSQL only (otherwise Kith's index is built from the same database and timed beside it)
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: --postgres CONNECTION-STRING [--queries N] [--seed S] [--no-kith]");
    return 0;
}

var connectionString = Option("--postgres");
if (connectionString is null)
{
    Console.Error.WriteLine("Say which database to use: --postgres \"Host=127.0.0.1;Port=56000;Username=kith;Database=NAME\".");
    return 2;
}

var perShape = IntOption("--queries", 200);
var seed = IntOption("--seed", 20261203);
var withKith = !args.Contains("--no-kith");
const int WarmUp = 20;
var inv = CultureInfo.InvariantCulture;
var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

Console.WriteLine(string.Create(inv, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, load average {LoadAverage()} at the start."));
await using (var count = new NpgsqlConnection(connectionString))
{
    await count.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT count(*) FROM \"CommunityAssets\" WHERE \"ArchivedAt\" IS NULL", count);
    var listed = Convert.ToInt64(await command.ExecuteScalarAsync(), inv);
    Console.WriteLine(string.Create(inv, $"Database: {new NpgsqlConnectionStringBuilder(connectionString).Database}, {listed:N0} listed assets."));
}

Console.WriteLine("Setting up PostgreSQL (skipped where already done):");
foreach (var (step, took) in await PostgresSearch.SetUpAsync(connectionString))
{
    Console.WriteLine(string.Create(inv, $"  {step,-16} {took.TotalSeconds,8:0.00} s"));
}

var centres = new List<(double, double)>();
await using (var read = new NpgsqlConnection(connectionString))
{
    await read.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT \"Latitude\", \"Longitude\" FROM \"Postcodes\" ORDER BY \"Code\"", read);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        centres.Add((reader.GetDouble(0), reader.GetDouble(1)));
    }
}

var warmUp = Workload.Create(centres, WarmUp, seed + 1);
var workload = Workload.Create(centres, perShape, seed);
await using var postgres = await PostgresSearch.OpenAsync(connectionString, today);

AssetSearchIndex? index = null;
if (withKith)
{
    var watch = Stopwatch.StartNew();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    index = new AssetSearchIndex(TimeProvider.System);
    await using (var db = new KithDbContext((DbContextOptions<KithDbContext>)new DbContextOptionsBuilder<KithDbContext>().UseKithPostgres(connectionString).Options))
    {
        // A database seeded by an older build lacks the newer columns the loader reads.
        await db.Database.MigrateAsync();
        await index.RebuildAsync(db, CancellationToken.None);
    }

    var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
    Console.WriteLine(string.Create(inv, $"Kith index: {index.Count:N0} assets, built from PostgreSQL in {watch.Elapsed.TotalSeconds:0.0} s, about {memory / 1048576.0:N0} MB managed memory."));
}

AssetSearchCriteria Criteria(WorkloadQuery query) => new()
{
    Text = query.Text,
    Near = query.Latitude is { } lat && query.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
    RadiusKm = query.RadiusKm,
    What = query.WhatCode is null ? new HashSet<Guid>() : [postgres.TermId(query.WhatCode)],
    OpenAt = query.Day is { } day ? new OpenAt(day, query.Time) : null,
    PageSize = 20,
};

foreach (var query in warmUp)
{
    await postgres.RunAsync(query);
    index?.Search(Criteria(query));
}

// Interleaved: each query runs on Kith and then on PostgreSQL, one shape after another, so drift in the load of
// the shared machine falls on both engines and every shape alike.
var timings = new Dictionary<(string Engine, Shape Shape), List<double>>();
var rows = new Dictionary<(string Engine, Shape Shape), List<int>>();
void Record(string engine, Shape shape, double ms, int count)
{
    if (!timings.TryGetValue((engine, shape), out var list))
    {
        timings[(engine, shape)] = list = [];
        rows[(engine, shape)] = [];
    }

    list.Add(ms);
    rows[(engine, shape)].Add(count);
}

var kithTotals = new Dictionary<Shape, List<int>>();
foreach (var query in workload)
{
    if (index is not null)
    {
        var criteria = Criteria(query);
        var start = Stopwatch.GetTimestamp();
        var results = index.Search(criteria);
        Record("Kith", query.Shape, Stopwatch.GetElapsedTime(start).TotalMilliseconds, results.Hits.Count);
        if (!kithTotals.TryGetValue(query.Shape, out var totals))
        {
            kithTotals[query.Shape] = totals = [];
        }

        totals.Add(results.Total);
    }

    var pgStart = Stopwatch.GetTimestamp();
    var pgRows = await postgres.RunAsync(query);
    Record("PostgreSQL", query.Shape, Stopwatch.GetElapsedTime(pgStart).TotalMilliseconds, pgRows);
}

Console.WriteLine(string.Create(inv, $"Load average at the end: {LoadAverage()}."));
Console.WriteLine();
Console.WriteLine(string.Create(inv, $"{perShape} queries per shape after {WarmUp} of warm-up, interleaved; milliseconds per query, in process (Kith) or through Npgsql on loopback with a prepared statement (PostgreSQL). Up to 20 results each."));
Console.WriteLine();
Console.WriteLine("| shape | engine | p50 ms | p95 ms | p99 ms | max ms | results (median of up to 20) | PostgreSQL / Kith at p50 | at p99 |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var shape in Enum.GetValues<Shape>())
{
    var pg = timings[("PostgreSQL", shape)];
    var kith = timings.GetValueOrDefault(("Kith", shape));
    if (kith is not null)
    {
        Console.WriteLine(string.Create(inv,
            $"| {Name(shape)} | Kith | {Percentile(kith, 50):0.00} | {Percentile(kith, 95):0.00} | {Percentile(kith, 99):0.00} | {kith.Max():0.00} | {Median(rows[("Kith", shape)])} | | |"));
    }

    var ratio50 = kith is null ? string.Empty : string.Create(inv, $"{Percentile(pg, 50) / Percentile(kith, 50):0.0}×");
    var ratio99 = kith is null ? string.Empty : string.Create(inv, $"{Percentile(pg, 99) / Percentile(kith, 99):0.0}×");
    Console.WriteLine(string.Create(inv,
        $"| {Name(shape)} | PostgreSQL | {Percentile(pg, 50):0.00} | {Percentile(pg, 95):0.00} | {Percentile(pg, 99):0.00} | {pg.Max():0.00} | {Median(rows[("PostgreSQL", shape)])} | {ratio50} | {ratio99} |"));
}

// Recall on the text shapes: PostgreSQL full-text search stems but has no typo tolerance.
Console.WriteLine();
Console.WriteLine("Matches in all (not timed), text shapes: how many assets each engine finds for the same words.");
Console.WriteLine();
Console.WriteLine("| shape | engine | median matches | queries with no match |");
Console.WriteLine("|---|---|---:|---:|");
foreach (var shape in new[] { Shape.Text, Shape.Typo })
{
    var counts = new List<int>();
    foreach (var query in workload.Where(q => q.Shape == shape))
    {
        counts.Add(await postgres.CountTextMatchesAsync(query.Text!));
    }

    if (kithTotals.TryGetValue(shape, out var kith))
    {
        Console.WriteLine(string.Create(inv, $"| {Name(shape)} | Kith | {Median(kith)} | {kith.Count(c => c == 0)} of {kith.Count} |"));
    }

    Console.WriteLine(string.Create(inv, $"| {Name(shape)} | PostgreSQL | {Median(counts)} | {counts.Count(c => c == 0)} of {counts.Count} |"));
}

Console.WriteLine();
Console.WriteLine("Example queries (as Kith API query strings):");
foreach (var query in workload.Take(5))
{
    Console.WriteLine($"  {Name(query.Shape),-28} ?{query.ToQueryString()}");
}

return 0;

static string Name(Shape shape) => shape switch
{
    Shape.Text => "text only",
    Shape.TextNear => "text + 5 km",
    Shape.CategoryNearOpen => "category + 10 km + open now",
    Shape.PostcodeOnly => "postcode only",
    _ => "two words with a typo",
};

static double Percentile(List<double> values, double percent)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

static int Median(List<int> values) => values.Order().ElementAt(values.Count / 2);

static string CpuModel()
{
    var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
    return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

int IntOption(string name, int fallback) =>
    Option(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
