using System.Collections.Concurrent;
using Kith.Core.Data;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Api;

/// <summary>How long a loaded map is reused (section <c>RelationshipMap</c>).</summary>
public sealed class RelationshipMapCacheOptions
{
    public const string Section = "RelationshipMap";

    /// <summary>How often a cached map asks the database whether anything changed; zero asks on every request.</summary>
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a loaded map is reused even when nothing seems to have changed (a new day, a missed change).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many different filters are kept at once; the least recently used goes first.</summary>
    public int MaxEntries { get; set; } = 16;
}

/// <summary>
/// What the database's map looks like, cheaply: counts and the latest change of actors and ties. Any add, edit,
/// archive, consent change or delete moves one of the four.
/// </summary>
public readonly record struct MapStamp(int Actors, DateTime? ActorsChanged, int Ties, DateTime? TiesChanged);

/// <summary>One loaded map, its lazily computed metrics and a per-node index of its ties.</summary>
public sealed class CachedMap
{
    private readonly Lazy<NetworkMetrics> metrics;
    private readonly Lazy<int[][]> tiesByNode;

    internal CachedMap(LoadedMap map, MapStamp stamp, DateTimeOffset loadedAt)
    {
        Map = map;
        Stamp = stamp;
        LoadedAt = loadedAt;
        CheckedAt = loadedAt;
        LastUsedAt = loadedAt;
        metrics = new Lazy<NetworkMetrics>(() => NetworkAnalysis.Run(map.Graph), LazyThreadSafetyMode.ExecutionAndPublication);
        tiesByNode = new Lazy<int[][]>(() => IndexTies(map), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public LoadedMap Map { get; }

    public MapStamp Stamp { get; }

    public DateTimeOffset LoadedAt { get; }

    internal DateTimeOffset CheckedAt { get; set; }

    internal DateTimeOffset LastUsedAt { get; set; }

    /// <summary>1 while a background check of this map runs.</summary>
#pragma warning disable CA1051, SA1401 // Interlocked needs a field.
    internal int Checking;
#pragma warning restore CA1051, SA1401

    /// <summary>Every metric of the map, computed on first use and then kept with the map.</summary>
    public NetworkMetrics Metrics => metrics.Value;

    /// <summary>Indexes into <see cref="LoadedMap.Ties"/> of the ties each node is on (either end).</summary>
    public int[][] TiesByNode => tiesByNode.Value;

    private static int[][] IndexTies(LoadedMap map)
    {
        var counts = new int[map.Actors.Count];
        var ends = new (int From, int To)[map.Ties.Count];
        for (var t = 0; t < map.Ties.Count; t++)
        {
            ends[t] = (map.IndexOf(map.Ties[t].FromActorId), map.IndexOf(map.Ties[t].ToActorId));
            counts[ends[t].From]++;
            counts[ends[t].To]++;
        }

        var index = new int[counts.Length][];
        for (var i = 0; i < counts.Length; i++)
        {
            index[i] = counts[i] == 0 ? [] : new int[counts[i]];
            counts[i] = 0;
        }

        for (var t = 0; t < ends.Length; t++)
        {
            index[ends[t].From][counts[ends[t].From]++] = t;
            index[ends[t].To][counts[ends[t].To]++] = t;
        }

        return index;
    }
}

/// <summary>
/// Keeps loaded maps in memory, one per filter, so the ego view and the page do not reload the database (and rerun
/// the metrics) on every request. A cached map is served at once; once <see cref="RelationshipMapCacheOptions.ChangeCheckInterval"/>
/// has passed since its last check, a use also starts a check in the background that compares the database's
/// <see cref="MapStamp"/> with the one loaded and, when it moved, loads the map again and swaps it in. So no request
/// waits for the check, and a change (on this node or another) shows within the interval plus one load. With the
/// interval zero the check runs inside the request instead (tests). A map older than
/// <see cref="RelationshipMapCacheOptions.Lifetime"/> is loaded again inside the request. Nothing here is the source of
/// truth: every node builds its own cache from the database. See docs/adr/0026-relationship-map-cache.md.
/// </summary>
public sealed partial class RelationshipMapCache(
    TimeProvider clock, IOptions<RelationshipMapCacheOptions> options, IServiceScopeFactory scopes, ILogger<RelationshipMapCache> logger)
{
    private readonly ConcurrentDictionary<string, CachedMap> entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <summary>Drops every cached map (for a writer that knows it just changed the map).</summary>
    public void Clear() => entries.Clear();

    /// <summary>The map for <paramref name="filter"/>, from the cache when it is still current, otherwise loaded now.</summary>
    /// <param name="checkNow">
    /// Compare the stamps inside this request rather than in the background, so a change made a moment ago (an import,
    /// a survey answer) is shown. The map page and the graph API do; the ego view, which must answer fast, does not
    /// unless its actor is missing from the cached map.
    /// </param>
    public async Task<CachedMap> GetAsync(
        MapFilter filter, RelationshipAnalysisService analysis, KithDbContext db, CancellationToken cancellationToken, bool checkNow = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value;
        var resolved = filter with { On = filter.On ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        var key = Key(resolved);
        var started = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && started - cached.LoadedAt < settings.Lifetime)
        {
            cached.LastUsedAt = started;
            if (settings.ChangeCheckInterval > TimeSpan.Zero && !checkNow)
            {
                if (started - cached.CheckedAt >= settings.ChangeCheckInterval)
                {
                    CheckInBackground(key, cached, resolved);
                }

                return cached;
            }

            if (await StampAsync(db, cancellationToken) == cached.Stamp)
            {
                cached.CheckedAt = started;
                return cached;
            }
        }

        return await LoadAsync(key, resolved, started, analysis, db, cancellationToken);
    }

    /// <summary>The database's current stamp: two small aggregate queries per table.</summary>
    public static async Task<MapStamp> StampAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actors = await db.RelationshipActors.CountAsync(cancellationToken);
        var actorsChanged = await db.RelationshipActors.MaxAsync(a => (DateTime?)a.LastModified, cancellationToken);
        var ties = await db.RelationshipTies.CountAsync(cancellationToken);
        var tiesChanged = await db.RelationshipTies.MaxAsync(t => (DateTime?)t.LastModified, cancellationToken);
        return new MapStamp(actors, actorsChanged, ties, tiesChanged);
    }

    private async Task<CachedMap> LoadAsync(
        string key, MapFilter resolved, DateTimeOffset started, RelationshipAnalysisService analysis, KithDbContext db, CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            // Someone else may have loaded it while this request waited.
            if (entries.TryGetValue(key, out var cached) && cached.LoadedAt >= started)
            {
                cached.LastUsedAt = clock.GetUtcNow();
                return cached;
            }

            // The stamp is read before the map, so a change made during the load shows up at the next check.
            var stamp = await StampAsync(db, cancellationToken);
            var map = await analysis.LoadAsync(resolved, cancellationToken);
            var entry = new CachedMap(map, stamp, clock.GetUtcNow());
            entries[key] = entry;
            Trim(options.Value.MaxEntries);
            return entry;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Compares the stamps in a scope of its own, and reloads when they differ; at most one check per map at a time.</summary>
    private void CheckInBackground(string key, CachedMap cached, MapFilter resolved)
    {
        if (Interlocked.CompareExchange(ref cached.Checking, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
                var now = clock.GetUtcNow();
                if (await StampAsync(db, CancellationToken.None) == cached.Stamp)
                {
                    cached.CheckedAt = now;
                    return;
                }

                var analysis = scope.ServiceProvider.GetRequiredService<RelationshipAnalysisService>();
                var fresh = await LoadAsync(key, resolved, now, analysis, db, CancellationToken.None);
                fresh.LastUsedAt = cached.LastUsedAt;
            }
#pragma warning disable CA1031 // A failed background check must not take the node down; the next use tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogCheckFailed(logger, exception);
            }
            finally
            {
                Volatile.Write(ref cached.Checking, 0);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the relationship map cache against the database failed; the cached map is kept")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    private static string Key(MapFilter filter) => string.Join(
        '|',
        filter.On!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        string.Join(',', (filter.Types ?? []).Distinct().Order()),
        string.Join(',', (filter.Sectors ?? []).Select(s => s.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)),
        filter.MinimumStrength.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Trim(int maxEntries)
    {
        while (entries.Count > Math.Max(1, maxEntries))
        {
            var oldest = entries.MinBy(e => e.Value.LastUsedAt);
            entries.TryRemove(oldest.Key, out _);
        }
    }
}
