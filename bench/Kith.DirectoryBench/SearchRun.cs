using System.Diagnostics;
using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Demo;
using Kith.Core.Directory.Search;
using Microsoft.EntityFrameworkCore;

namespace Kith.DirectoryBench;

/// <summary>
/// Builds the search index from a seeded database, reports the build time and the memory the index keeps, then
/// times each query shape over searchers at random synthetic postcodes (fixed seed), several runs, against the
/// linear scan of the same documents (<c>SearchByScan</c>) as the baseline.
/// </summary>
public static class SearchRun
{
    private const int QueriesPerRun = 200;

    private static readonly string[] Texts = ["walking", "choir", "gardening", "knitting", "money advice", "tai chi", "coffee morning", "yoga", "lunch club", "men's shed", "swimming", "bingo"];

    private static readonly string[] Typos = ["gardning club", "walkng group", "knittng circle", "singng group", "cofee morning", "footbal club", "befriendng network", "mindfullness session"];

    private static readonly string[] WhatCodes = ["walking-groups", "gardening", "arts-crafts", "music-singing", "social", "mental-wellbeing", "food-cooking", "physical-activity"];

    public static async Task<int> RunAsync(string? sqlite, string? postgres, int runs, bool byQuery, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (sqlite is null && postgres is null)
        {
            await log.WriteLineAsync("Say which database to read: --sqlite FILE or --postgres CONNECTION-STRING.");
            return 2;
        }

        if (sqlite is not null && !File.Exists(sqlite))
        {
            await log.WriteLineAsync($"There is no file {sqlite}. Seed it first: seed --assets N --sqlite {sqlite}");
            return 2;
        }

        var options = sqlite is not null ? DirectorySeeder.SqliteOptions(sqlite) : DirectorySeeder.PostgresOptions(postgres!);
        await using (var db = new KithDbContext(options))
        {
            // A database seeded by an older build lacks the newer columns the loader reads.
            await db.Database.MigrateAsync();
        }

        await MeasureAsync(options, sqlite ?? "PostgreSQL", runs, compareEntityLoader: false, byQuery, log);
        return 0;
    }

    public static async Task<int> CurveAsync(string folder, int runs, int seed, IReadOnlyList<int> sizes, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(sizes);
        Directory.CreateDirectory(folder);
        foreach (var size in sizes)
        {
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"directory-{size}.db"));
            if (!File.Exists(file))
            {
                await DirectorySeeder.SeedSqliteAsync(file, size, seed, log);
            }

            await MeasureAsync(DirectorySeeder.SqliteOptions(file), file, runs, compareEntityLoader: size <= 100_000, byQuery: false, log);
        }

        return 0;
    }

    private static async Task MeasureAsync(DbContextOptions<KithDbContext> options, string source, int runs, bool compareEntityLoader, bool byQuery, TextWriter log)
    {
        await using var db = new KithDbContext(options);
        var count = await db.CommunityAssets.CountAsync();
        var points = await db.Postcodes.AsNoTracking().Select(p => new GeoPoint(p.Latitude, p.Longitude)).ToListAsync();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== {count:N0} assets ({source}); {Environment.ProcessorCount} cores; load average {LoadAverage()}"));

        var clock = new FixedClock(new DateTimeOffset(UkDirectoryGenerator.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var index = new AssetSearchIndex(clock);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await index.RebuildAsync(db, CancellationToken.None);
        var buildSeconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var retained = GC.GetTotalMemory(true) - before;
        var workingSet = Process.GetCurrentProcess().WorkingSet64;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"build from the database {buildSeconds:0.0} s (CPU {cpuSeconds:0.0} s); allocated {allocated / 1e6:N0} MB; retained {retained / 1e6:N0} MB after a full GC; working set {workingSet / 1e6:N0} MB; {index.Count:N0} documents"));

        if (compareEntityLoader)
        {
            var entities = new AssetSearchIndex(clock);
            watch.Restart();
            await entities.RebuildThroughEntitiesAsync(db, CancellationToken.None);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"baseline: build through EF entity graphs {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalSeconds / buildSeconds:0.0}× the fast loader)"));
        }

        var shapes = Shapes(points);
        foreach (var (name, make) in shapes)
        {
            var samples = new List<(double P50, double P95, double P99)>();
            var queries = byQuery ? new List<(string Text, double Ms, int Total)>() : null;
            for (var run = 0; run < runs; run++)
            {
                samples.Add(Time(index.Search, make, QueriesPerRun, 1000 + run, queries));
            }

            var scanQueries = count >= 1_000_000 ? 10 : count >= 100_000 ? 30 : 100;
            var scan = Time(index.SearchByScan, make, scanQueries, 999);
            var p50 = Median(samples.Select(s => s.P50));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} p50 {p50,7:0.000} ms  p95 {Median(samples.Select(s => s.P95)),7:0.000}  p99 {Median(samples.Select(s => s.P99)),7:0.000} (runs {samples.Min(s => s.P99):0.000}–{samples.Max(s => s.P99):0.000})  | scan p50 {scan.P50,8:0.0} ms = {scan.P50 / p50,6:0}×"));
            if (queries is not null)
            {
                await WriteByQueryAsync(queries, log);
            }
        }

        GC.KeepAlive(index);
    }

    /// <summary>The five query shapes, each a function from a seeded random to one search.</summary>
    private static List<(string Name, Func<Random, AssetSearchCriteria> Make)> Shapes(List<GeoPoint> points) =>
    [
        ("text only", r => new AssetSearchCriteria { Text = Texts[r.Next(Texts.Length)] }),
        ("text + 5 km", r => new AssetSearchCriteria { Text = Texts[r.Next(Texts.Length)], Near = points[r.Next(points.Count)], RadiusKm = 5 }),
        ("what term + 10 km + open now", r => new AssetSearchCriteria
        {
            What = new HashSet<Guid> { DemoTaxonomies.What(WhatCodes[r.Next(WhatCodes.Length)]) },
            Near = points[r.Next(points.Count)],
            RadiusKm = 10,
            OpenAt = new OpenAt((DayOfWeek)r.Next(7), new TimeOnly(9 + r.Next(10), 30)),
        }),
        ("postcode only (nearest first)", r => new AssetSearchCriteria { Near = points[r.Next(points.Count)] }),
        ("two words with a typo", r => new AssetSearchCriteria { Text = Typos[r.Next(Typos.Length)] }),
    ];

    /// <summary>Each distinct query text's median and slowest time and its median match count, slowest first: where a shape's tail comes from.</summary>
    private static async Task WriteByQueryAsync(List<(string Text, double Ms, int Total)> queries, TextWriter log)
    {
        foreach (var group in queries.GroupBy(q => q.Text).OrderByDescending(g => g.Max(q => q.Ms)))
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"    {group.Key,-28} n {group.Count(),4}  median {Median(group.Select(q => q.Ms)),8:0.000} ms  max {group.Max(q => q.Ms),8:0.000} ms  matches {Median(group.Select(q => (double)q.Total)),9:N0}"));
        }
    }

    private static (double P50, double P95, double P99) Time(
        Func<AssetSearchCriteria, AssetSearchResults> search, Func<Random, AssetSearchCriteria> make, int queries, int seed, List<(string Text, double Ms, int Total)>? record = null)
    {
        var random = new Random(seed);
        var criteria = Enumerable.Range(0, queries).Select(_ => make(random)).ToList();
        foreach (var warm in criteria.Take(Math.Min(10, queries)))
        {
            search(warm);
        }

        var times = new double[queries];
        var watch = new Stopwatch();
        for (var i = 0; i < queries; i++)
        {
            watch.Restart();
            var results = search(criteria[i]);
            times[i] = watch.Elapsed.TotalMilliseconds;
            record?.Add((criteria[i].Text ?? "(no text)", times[i], results.Total));
        }

        Array.Sort(times);
        return (Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99));
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
