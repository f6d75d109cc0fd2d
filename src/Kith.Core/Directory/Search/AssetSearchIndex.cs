using System.Globalization;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Search;

/// <summary>
/// The in-process directory search index (docs/adr/0004-directory-search-index.md, and for national scale
/// docs/adr/0017-search-at-national-scale.md). Built from the database at start; the database stays the only
/// source of truth. Thread-safe: a search reads one immutable snapshot without locking, while a rebuild or refresh
/// builds the next snapshot and swaps it in atomically. Registered as a singleton.
/// </summary>
/// <remarks>
/// Relevance with text: <c>BM25F × place (distance decay, or coverage graded by the area's scope) × freshness ×
/// standing (claimed)</c>; ties by name, then id. Without text: nearest first when a point is given, otherwise by
/// name. See <see cref="Rank"/>.
/// </remarks>
public sealed partial class AssetSearchIndex(TimeProvider? clock = null)
{
    /// <summary>Distance at which the distance factor falls to 1/e (about 0.37), in kilometres.</summary>
    public const double DistanceDecayKm = 10;

    /// <summary>Multiplier when a local service area (see <see cref="GeoArea.LocalReachKm"/>) covers the searcher's point.</summary>
    public const double CoverageLift = 1.25;

    /// <summary>Multiplier when the best area covering the searcher is regional.</summary>
    public const double RegionalCoverageLift = 1.1;

    /// <summary>The place factor never falls below this for an asset whose regional area covers the searcher.</summary>
    public const double RegionalPlaceFloor = 0.6;

    /// <summary>The place factor never falls below this for an asset whose national area covers the searcher (no lift).</summary>
    public const double NationalPlaceFloor = 0.5;

    /// <summary>Multiplier for a listing not verified in the last 12 months (or never).</summary>
    public const double StalePenalty = 0.6;

    /// <summary>Multiplier while a listing's review is overdue (its third reminder went unanswered; ADR 0016). With no text, overdue listings come after the rest.</summary>
    public const double OverduePenalty = 0.3;

    /// <summary>Multiplier for a listing whose organisation has claimed it (<see cref="Organization.ClaimedAt"/>).</summary>
    public const double ClaimedLift = 1.1;

    /// <summary>Distance factor used when an asset has no location to measure to (online only, say).</summary>
    public const double UnknownDistanceFactor = 0.5;

    internal const double NameWeight = 3.0;
    internal const double TermsWeight = 2.0;
    internal const double BodyWeight = 1.0;
    internal const double PrefixWeight = 0.7;

    /// <summary>Weight of a word matched only as a correction of a typo (see <see cref="TypoMatcher"/>).</summary>
    internal const double TypoWeight = 0.5;

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int MaxPrefixExpansions = 50;

    /// <summary>About how many postings a search reads in the time it looks one stem up in one document (a binary search with cache misses).</summary>
    private const int LookupCost = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly Lock writeLock = new();
    private readonly TaskCompletionSource built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Snapshot current = Snapshot.Empty;

    /// <summary>How many searchable (active, not archived) assets the index holds.</summary>
    public int Count => Volatile.Read(ref current).Documents.Length;

    /// <summary>
    /// The latest <see cref="CommunityAsset.LastModified"/> (UTC) in the database when the index was last
    /// rebuilt; the change follower reads edits after it.
    /// </summary>
    public DateTime? BuiltFromChangesUpTo { get; private set; }

    /// <summary>Completes when the index has been built for the first time.</summary>
    public Task WhenBuilt => built.Task;

    /// <summary>Searches the index. Never throws for valid criteria; a page past the end is empty.</summary>
    public AssetSearchResults Search(AssetSearchCriteria criteria) => Search(criteria, scan: false);

    /// <summary>
    /// The same search by reading every document, without postings, grid or shortcuts: the reference the indexed
    /// search must agree with (tests), and the linear-scan baseline (benchmarks).
    /// </summary>
    internal AssetSearchResults SearchByScan(AssetSearchCriteria criteria) => Search(criteria, scan: true);

    /// <summary>Replaces the whole index with what the database holds, read by <see cref="AssetIndexLoader"/> (no EF entity graphs).</summary>
    public Task RebuildAsync(KithDbContext db, CancellationToken cancellationToken) => RebuildAsync(db, cancellationToken, AssetIndexLoader.BatchSize);

    /// <summary>As <see cref="RebuildAsync(KithDbContext, CancellationToken)"/>, reading <paramref name="batchSize"/> assets a batch (tests use small batches).</summary>
    internal async Task RebuildAsync(KithDbContext db, CancellationToken cancellationToken, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Read the high-water mark first: an edit saved during the load is then read again by the follower.
        var upTo = await db.CommunityAssets.MaxAsync(a => (DateTime?)a.LastModified, cancellationToken);
        var terms = await LoadTermsAsync(db, cancellationToken);
        var builder = new DocumentBuilder(terms, new Vocabulary());
        var documents = await AssetIndexLoader.LoadAsync(db, builder, batchSize, cancellationToken);
        Publish(Snapshot.Build(documents, builder));
        BuiltFromChangesUpTo = upTo;
    }

    /// <summary>The previous rebuild: one EF query with every child (split queries). Kept as the reference the fast loader must agree with.</summary>
    internal async Task RebuildThroughEntitiesAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var upTo = await db.CommunityAssets.MaxAsync(a => (DateTime?)a.LastModified, cancellationToken);
        var terms = await LoadTermsAsync(db, cancellationToken);
        var assets = await AssetsWithChildren(db)
            .Where(a => a.ArchivedAt == null && a.Status == AssetStatus.Active)
            .ToListAsync(cancellationToken);
        Replace(assets, terms);
        BuiltFromChangesUpTo = upTo;
    }

    /// <summary>Re-reads one asset from the database and puts it in the index, or takes it out if archived or gone.</summary>
    public async Task RefreshAsync(KithDbContext db, Guid assetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var asset = await AssetsWithChildren(db).SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (asset is null || asset.IsArchived || asset.Status != AssetStatus.Active)
        {
            Remove(assetId);
            return;
        }

        var terms = await LoadTermsAsync(db, cancellationToken);
        Upsert(asset, terms);
    }

    /// <summary>
    /// Replaces the whole index with these assets, each loaded with its organisation, locations (with
    /// addresses, accessibility and schedules), schedules, service areas, cost options, languages and
    /// taxonomy terms. Archived and inactive assets are left out. <paramref name="terms"/> lets a
    /// filter on a broad term find assets tagged with a narrower one.
    /// </summary>
    public void Replace(IEnumerable<CommunityAsset> assets, IEnumerable<TaxonomyTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var builder = new DocumentBuilder(terms, new Vocabulary());
        var documents = assets
            .Where(a => !a.IsArchived && a.Status == AssetStatus.Active)
            .AsParallel()
            .AsOrdered()
            .Select(a => AssetDocument.From(a, builder))
            .ToArray();
        Publish(Snapshot.Build(documents, builder));
    }

    /// <summary>Adds or replaces one asset (loaded with its children, as for <see cref="Replace"/>); an archived or inactive one is taken out.</summary>
    public void Upsert(CommunityAsset asset, IEnumerable<TaxonomyTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.IsArchived || asset.Status != AssetStatus.Active)
        {
            Remove(asset.Id);
            return;
        }

        lock (writeLock)
        {
            var snapshot = current;
            var document = AssetDocument.From(asset, new DocumentBuilder(terms, snapshot.Vocabulary));
            Volatile.Write(ref current, snapshot.WithUpsert(document));
        }
    }

    /// <summary>Takes one asset out of the index; nothing happens when it is not there.</summary>
    public void Remove(Guid assetId)
    {
        lock (writeLock)
        {
            Volatile.Write(ref current, current.WithRemoved(assetId));
        }
    }

    /// <summary>The <see cref="CommunityAsset.LastModified"/> the index holds for an asset, or null when it is not in the index.</summary>
    public DateTime? IndexedVersionOf(Guid assetId)
    {
        var snapshot = Volatile.Read(ref current);
        return snapshot.ById.TryGetValue(assetId, out var ordinal) ? snapshot.Documents[ordinal].LastModified : null;
    }

    /// <summary>The documents the index holds, by asset id (tests compare the loaders through this).</summary>
    internal IReadOnlyDictionary<Guid, AssetDocument> Documents()
    {
        var snapshot = Volatile.Read(ref current);
        return snapshot.Documents.ToDictionary(d => d.Id);
    }

    /// <summary>A document's stems with their packed field counts, read back from the postings (tests compare loaders through this).</summary>
    internal List<(string Stem, uint Counts)> WordsOf(Guid assetId)
    {
        var snapshot = Volatile.Read(ref current);
        var ordinal = snapshot.ById[assetId];
        return snapshot.Documents[ordinal].DecodeWordIds().Select(id => (snapshot.Vocabulary.Stem(id), snapshot.CountsOf(id, ordinal) ?? 0)).ToList();
    }

    /// <summary>"450 m away" under a kilometre (to the nearest 10 m), otherwise "1.2 km away" (one decimal, invariant culture).</summary>
    public static string DescribeDistance(double metres) => metres < 950
        ? string.Create(Invariant, $"{Math.Round(metres / 10) * 10:0} m away")
        : string.Create(Invariant, $"{metres / 1000:0.0} km away");

    /// <summary>"for ages 50+", "for ages 5 to 11", "for ages up to 18", or null when open to all ages.</summary>
    public static string? DescribeAges(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        ({ } min, { } max) => string.Create(Invariant, $"for ages {min} to {max}"),
        ({ } min, null) => string.Create(Invariant, $"for ages {min}+"),
        (null, { } max) => string.Create(Invariant, $"for ages up to {max}"),
        _ => null,
    };

    /// <summary>
    /// Assets with every child the index needs. One LINQ query, run as split queries so the many
    /// collections do not multiply into one huge join. Used to refresh one asset.
    /// </summary>
    private static IQueryable<CommunityAsset> AssetsWithChildren(KithDbContext db) =>
        db.CommunityAssets
            .AsNoTracking()
            .AsSplitQuery()
            .Include(a => a.Organization)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Accessibility)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Schedules)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
            .Include(a => a.Schedules)
            .Include(a => a.ServiceAreas)
            .Include(a => a.CostOptions)
            .Include(a => a.Languages)
            .Include(a => a.TaxonomyTerms);

    private static Task<List<TaxonomyTerm>> LoadTermsAsync(KithDbContext db, CancellationToken cancellationToken) =>
        db.TaxonomyTerms.AsNoTracking().ToListAsync(cancellationToken);

    private void Publish(Snapshot next)
    {
        lock (writeLock)
        {
            Volatile.Write(ref current, next);
        }

        built.TrySetResult();
    }
}
