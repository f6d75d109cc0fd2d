using System.Diagnostics;
using System.Globalization;
using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.DirectoryBench;

/// <summary>
/// Ranking suggestions for one person (issue 5, ADR 18) over a seeded directory: synthetic people at random
/// synthetic postcodes, each with two strengths and connecting preferences, ranked by <see cref="ConnectionMatcher"/>;
/// the baseline, in the same run, is a plain directory search of the same radius around the same home.
/// </summary>
public static class MatchRun
{
    private static readonly string[] Interests = ["walking", "choir", "gardening", "knitting", "tai chi", "yoga", "swimming", "baking", "painting", "football", "reading", "cycling"];

    private static readonly ProcessContext Bench = ProcessContext.System("benchmark");

    public static async Task<int> RunAsync(string? sqlite, int people, int runs, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (sqlite is null || !File.Exists(sqlite))
        {
            await log.WriteLineAsync("Say which seeded database to read: --sqlite FILE (seed it first with: seed --assets N --sqlite FILE).");
            return 2;
        }

        var options = DirectorySeeder.SqliteOptions(sqlite);
        var clock = new SearchRun.FixedClock(new DateTimeOffset(UkDirectoryGenerator.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var db = new KithDbContext(options, clock);
        await db.Database.MigrateAsync();
        var count = await db.CommunityAssets.CountAsync();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== match: {count:N0} assets ({sqlite}); {Environment.ProcessorCount} cores; load average {LoadAverage()}"));

        var index = new AssetSearchIndex(clock);
        var watch = Stopwatch.StartNew();
        await index.RebuildAsync(db, CancellationToken.None);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"index built in {watch.Elapsed.TotalSeconds:0.0} s"));

        var homes = await SeedPeopleAsync(db, people, clock);
        db.ChangeTracker.Clear();
        var matcher = new ConnectionMatcher(db, index, new PostcodeService(db), new PersonAccessService(db, clock), clock);

        var matchSamples = new List<double[]>();
        var searchSamples = new List<double[]>();
        var partSamples = new List<double[]>();
        var suggested = 0;
        for (var run = 0; run <= runs; run++)
        {
            var match = new double[homes.Count];
            var search = new double[homes.Count];
            var part = new double[homes.Count];
            for (var i = 0; i < homes.Count; i++)
            {
                var (personId, home, words) = homes[i];
                watch.Restart();
                var results = await matcher.SuggestAsync(personId, Bench, 10, ReadAudit.AlreadyWritten);
                match[i] = watch.Elapsed.TotalMilliseconds;
                suggested += results!.Suggestions.Count;

                watch.Restart();
                var plain = index.Search(new AssetSearchCriteria { Near = home, RadiusKm = 5, PageSize = 10 });
                search[i] = watch.Elapsed.TotalMilliseconds;
                GC.KeepAlive(plain);

                // The index searches the matcher makes for this person, alone (the rest of its time is the database and scoring).
                watch.Restart();
                foreach (var text in words)
                {
                    GC.KeepAlive(index.Search(new AssetSearchCriteria { Text = text, Near = home, RadiusKm = 5, PageSize = ConnectionMatcher.CandidatesPerInterest }));
                }

                GC.KeepAlive(index.Search(new AssetSearchCriteria { Near = home, RadiusKm = 5, PageSize = ConnectionMatcher.NearestCandidates }));
                part[i] = watch.Elapsed.TotalMilliseconds;
            }

            // Run 0 warms up (JIT, SQLite page cache, postcode cache) and is not counted.
            if (run > 0)
            {
                Array.Sort(match);
                Array.Sort(search);
                Array.Sort(part);
                matchSamples.Add(match);
                searchSamples.Add(search);
                partSamples.Add(part);
            }
        }

        foreach (var (name, samples) in new[] { ("ranking suggestions (matcher)", matchSamples), ("  of which its index searches", partSamples), ("plain radius search (baseline)", searchSamples) })
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name,-32} p50 {Median(samples, 0.50),8:0.000} ms  p95 {Median(samples, 0.95),8:0.000}  p99 {Median(samples, 0.99),8:0.000} (runs {samples.Min(s => Percentile(s, 0.99)):0.000}–{samples.Max(s => Percentile(s, 0.99)):0.000})"));
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ratio matcher / search: p50 {Median(matchSamples, 0.50) / Median(searchSamples, 0.50):0.0}×, p99 {Median(matchSamples, 0.99) / Median(searchSamples, 0.99):0.0}×; {suggested / (double)(homes.Count * (runs + 1)):0.0} suggestions a person on average; load average {LoadAverage()}"));
        return 0;
    }

    /// <summary>
    /// Adds <paramref name="people"/> synthetic people (fixed seed) at random postcodes, each with two interests,
    /// 5 km travel, free weekday mornings, a £5 limit, and (one in three) a need for step-free access.
    /// </summary>
    private static async Task<List<(Guid PersonId, GeoPoint Home, string[] Words)>> SeedPeopleAsync(KithDbContext db, int people, TimeProvider clock)
    {
        var postcodes = await db.Postcodes.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Display, p.Latitude, p.Longitude }).ToListAsync();
        var random = new Random(20261203);
        var now = clock.GetUtcNow().UtcDateTime;
        var homes = new List<(Guid, GeoPoint, string[])>();
        db.Actor = Bench;
        for (var i = 0; i < people; i++)
        {
            var postcode = postcodes[random.Next(postcodes.Count)];
            var person = new Person { Name = string.Create(CultureInfo.InvariantCulture, $"Bench person {i}"), Postcode = postcode.Display, CreatedAt = now, LastModified = now };
            db.People.Add(person);
            var interests = new[] { Interests[random.Next(Interests.Length)], Interests[random.Next(Interests.Length)] }.Distinct().ToArray();
            foreach (var words in interests)
            {
                db.Strengths.Add(new Strength
                {
                    PersonId = person.Id, Category = StrengthCategory.PassionOrInterest, Words = words, SearchText = words, RecordedAt = now, RecordedByName = "benchmark",
                });
            }

            db.ConnectingPreferences.Add(new ConnectingPreferences
            {
                PersonId = person.Id,
                TravelKm = 5,
                FreeTimes = FreeTimes.On(FreeTimes.Weekdays, DayPart.Morning),
                CostLimit = 5,
                AccessNeeds = i % 3 == 0 ? [AccessibilityFeature.StepFreeAccess] : [],
                LastModified = now,
            });
            homes.Add((person.Id, new GeoPoint(postcode.Latitude, postcode.Longitude), interests));
        }

        await db.SaveChangesAsync();
        return homes;
    }

    private static double Median(List<double[]> runs, double p)
    {
        var values = runs.Select(r => Percentile(r, p)).Order().ToArray();
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }

    private static double Percentile(double[] sorted, double p) => SearchRun.Percentile(sorted, p);

    private static string LoadAverage() => SearchRun.LoadAverage();
}
