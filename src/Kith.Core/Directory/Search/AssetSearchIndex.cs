using System.Globalization;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Search;

/// <summary>
/// The in-process directory search index (docs/adr/0004-directory-search-index.md). Built from the
/// database at start; the database stays the only source of truth. Thread-safe: a search reads one
/// immutable snapshot without locking, while a rebuild or refresh builds the next snapshot and swaps
/// it in atomically. Registered as a singleton.
/// </summary>
/// <remarks>
/// Relevance with text: <c>BM25F × exp(-distanceKm / 10) (halfway to 1 when a service area covers the
/// searcher) × 1.25 when a service area covers the searcher × 0.6 when not verified in the last 12
/// months</c>; ties by name, then id. Without text:
/// nearest first when a point is given, otherwise by name.
/// </remarks>
public sealed class AssetSearchIndex(TimeProvider? clock = null)
{
    /// <summary>Distance at which the distance factor falls to 1/e (about 0.37), in kilometres.</summary>
    public const double DistanceDecayKm = 10;

    /// <summary>Multiplier when one of the asset's service areas covers the searcher's point.</summary>
    public const double CoverageLift = 1.25;

    /// <summary>Multiplier for a listing not verified in the last 12 months (or never).</summary>
    public const double StalePenalty = 0.6;

    /// <summary>Multiplier while a listing's review is overdue (its third reminder went unanswered; ADR 0016). With no text, overdue listings come after the rest.</summary>
    public const double OverduePenalty = 0.3;

    /// <summary>Distance factor used when an asset has no location to measure to (online only, say).</summary>
    public const double UnknownDistanceFactor = 0.5;

    internal const double NameWeight = 3.0;
    internal const double TermsWeight = 2.0;
    internal const double BodyWeight = 1.0;
    internal const double PrefixWeight = 0.7;
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int MaxPrefixExpansions = 50;

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
    public AssetSearchResults Search(AssetSearchCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = Volatile.Read(ref current);
        var pageSize = Math.Clamp(criteria.PageSize, 1, AssetSearchCriteria.MaxPageSize);
        var page = Math.Max(1, criteria.Page);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = Query.Create(criteria, snapshot);

        var wordsMatched = CountMatchedWords(snapshot, query);
        var prefilter = Prefilter.Create(criteria);
        var matches = Collect(snapshot, criteria, query, prefilter, wordsMatched, Math.Max(1, query.Tokens.Count), today);
        if (matches.Count == 0 && query.Tokens.Count > 1)
        {
            // No asset has every word: fall back to any word, best matches first.
            matches = Collect(snapshot, criteria, query, prefilter, wordsMatched, 1, today);
        }

        if (query.Tokens.Count > 0)
        {
            matches.Sort((a, b) =>
            {
                var byScore = b.Score.CompareTo(a.Score);
                return byScore != 0 ? byScore : ByNameThenId(a, b);
            });
        }
        else if (criteria.Near is not null)
        {
            matches.Sort((a, b) =>
            {
                var byDistance = ByOverdue(a, b) is var overdue and not 0 ? overdue : (a.DistanceMetres ?? double.MaxValue).CompareTo(b.DistanceMetres ?? double.MaxValue);
                return byDistance != 0 ? byDistance : ByNameThenId(a, b);
            });
        }
        else
        {
            matches.Sort((a, b) => ByOverdue(a, b) is var overdue and not 0 ? overdue : ByNameThenId(a, b));
        }

        var skip = (long)(page - 1) * pageSize;
        var hits = skip >= matches.Count
            ? []
            : matches.Skip((int)skip).Take(pageSize).Select(m => ToHit(m, criteria, query)).ToList();
        return new AssetSearchResults(hits, matches.Count, page, pageSize);
    }

    /// <summary>Replaces the whole index with what the database holds.</summary>
    public async Task RebuildAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Read the high-water mark first: an edit saved during the load is then read again by the follower.
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
        var termMap = ToTermMap(terms);
        var documents = assets
            .Where(a => !a.IsArchived && a.Status == AssetStatus.Active)
            .Select(a => AssetDocument.From(a, termMap))
            .ToArray();
        var next = Snapshot.Build(documents);
        lock (writeLock)
        {
            Volatile.Write(ref current, next);
        }

        built.TrySetResult();
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

        var document = AssetDocument.From(asset, ToTermMap(terms));
        lock (writeLock)
        {
            Volatile.Write(ref current, current.WithUpsert(document));
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

    /// <summary>
    /// Assets with every child the index needs. One LINQ query, run as split queries so the many
    /// collections do not multiply into one huge join.
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

    private static Dictionary<Guid, TaxonomyTerm> ToTermMap(IEnumerable<TaxonomyTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var map = new Dictionary<Guid, TaxonomyTerm>();
        foreach (var term in terms)
        {
            map[term.Id] = term;
        }

        return map;
    }

    /// <summary>Listings whose review is overdue after the rest (used when there is no text to score).</summary>
    private static int ByOverdue(Match a, Match b) => (a.Document.ReviewOverdueSince is not null).CompareTo(b.Document.ReviewOverdueSince is not null);

    private static int ByNameThenId(Match a, Match b)
    {
        var byName = string.Compare(a.Document.Name, b.Document.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : a.Document.Id.CompareTo(b.Document.Id);
    }

    /// <param name="wordsMatched">For each document ordinal, how many query words it matches; null when there is no text.</param>
    /// <param name="wordsNeeded">How many words a document must match to be a candidate.</param>
    private List<Match> Collect(Snapshot snapshot, AssetSearchCriteria criteria, Query query, Prefilter prefilter, int[]? wordsMatched, int wordsNeeded, DateOnly today)
    {
        var matches = new List<Match>();
        var columns = snapshot.Columns;
        for (var ordinal = 0; ordinal < columns.Length; ordinal++)
        {
            if ((wordsMatched is not null && wordsMatched[ordinal] < wordsNeeded) || !prefilter.Admits(columns[ordinal]))
            {
                continue;
            }

            var document = snapshot.Documents[ordinal];
            if (!PassesFilters(document, criteria, today))
            {
                continue;
            }

            var (distance, nearest) = Nearest(document, criteria.Near);
            var covers = criteria.Near is { } near && document.Areas.Count > 0 && document.Areas.Any(a => a.Contains(near));
            if (criteria is { Near: not null, RadiusKm: { } radiusKm } && !covers)
            {
                var inRadius = distance is { } d && d <= radiusKm * 1000;
                var onlineOnly = !document.HasPhysicalLocation && document.IsOnline && criteria.Attendance == AttendanceMode.Online;
                if (!inRadius && !onlineOnly)
                {
                    continue;
                }
            }

            var score = query.Tokens.Count == 0 ? 1.0 : TextScore(snapshot, document, query);
            if (criteria.Near is not null)
            {
                // Covering the searcher softens the distance decay by half rather than ignoring distance:
                // a town-wide walking group meeting round the corner still comes before one across town.
                var decay = distance is { } d ? Math.Exp(-d / 1000 / DistanceDecayKm) : (double?)null;
                var distanceFactor = covers ? (decay is { } k ? (1 + k) / 2 : 1.0) : decay ?? UnknownDistanceFactor;
                score *= distanceFactor * (covers ? CoverageLift : 1.0);
            }

            if (document.LastVerifiedOn is not { } verified || verified < today.AddMonths(-12))
            {
                score *= StalePenalty;
            }

            if (document.ReviewOverdueSince is not null)
            {
                score *= OverduePenalty;
            }

            matches.Add(new Match(document, score, distance, nearest, covers));
        }

        return matches;
    }

    /// <summary>For each document ordinal, how many distinct query words it contains (a word counts once, whichever of its stems matched).</summary>
    private static int[]? CountMatchedWords(Snapshot snapshot, Query query)
    {
        if (query.Tokens.Count == 0)
        {
            return null;
        }

        var counts = new int[snapshot.Documents.Length];
        var lastWord = new int[snapshot.Documents.Length];
        for (var word = 0; word < query.Tokens.Count; word++)
        {
            var stamp = word + 1;
            foreach (var (stem, _) in query.Tokens[word].Stems)
            {
                if (!snapshot.Postings.TryGetValue(stem, out var postings))
                {
                    continue;
                }

                foreach (var ordinal in postings)
                {
                    if (lastWord[ordinal] != stamp)
                    {
                        lastWord[ordinal] = stamp;
                        counts[ordinal]++;
                    }
                }
            }
        }

        return counts;
    }

    private static bool PassesFilters(AssetDocument document, AssetSearchCriteria criteria, DateOnly today)
    {
        if (criteria.Kinds.Count > 0 && !criteria.Kinds.Contains(document.Kind))
        {
            return false;
        }

        if (criteria.What.Count > 0 && !criteria.What.Overlaps(document.TermClosure))
        {
            return false;
        }

        if (criteria.Who.Count > 0 && !criteria.Who.Overlaps(document.TermClosure))
        {
            return false;
        }

        if (criteria.Age is { } age && (age < document.MinimumAge || age > document.MaximumAge))
        {
            return false;
        }

        if (criteria.Accessibility.Count > 0)
        {
            var wanted = criteria.Accessibility.Aggregate(0, (mask, f) => mask | (1 << (int)f));
            if (!document.Locations.Any(l => (l.AccessibilityMask & wanted) == wanted))
            {
                return false;
            }
        }

        if (criteria.FreeOnly && !document.IsFree)
        {
            return false;
        }

        if (criteria.OpenAt is { } openAt && !document.IsRunningOn(openAt.Day, openAt.Time, today))
        {
            return false;
        }

        return criteria.Attendance switch
        {
            AttendanceMode.InPerson => document.HasPhysicalLocation,
            AttendanceMode.Online => document.IsOnline,
            _ => true,
        };
    }

    private static (double? Metres, DocumentLocation? Location) Nearest(AssetDocument document, GeoPoint? near)
    {
        DocumentLocation? best = null;
        double? bestDistance = null;
        foreach (var location in document.Locations)
        {
            if (location.Point is not { } point)
            {
                best ??= location;
                continue;
            }

            if (near is not { } from)
            {
                return (null, location);
            }

            var distance = GeoMath.DistanceMetres(from, point);
            if (bestDistance is null || distance < bestDistance)
            {
                bestDistance = distance;
                best = location;
            }
        }

        return (bestDistance, best);
    }

    /// <summary>BM25F: each query word scores its best-matching stem, field frequencies weighted and length-normalised.</summary>
    private static double TextScore(Snapshot snapshot, AssetDocument document, Query query)
    {
        var total = 0.0;
        foreach (var token in query.Tokens)
        {
            var best = 0.0;
            foreach (var (stem, weight) in token.Stems)
            {
                if (!document.Words.TryGetValue(stem, out var counts))
                {
                    continue;
                }

                var tf = (NameWeight * counts.Name / Norm(document.NameLength, snapshot.AverageNameLength))
                    + (TermsWeight * counts.Terms / Norm(document.TermsLength, snapshot.AverageTermsLength))
                    + (BodyWeight * counts.Body / Norm(document.BodyLength, snapshot.AverageBodyLength));
                var df = snapshot.Postings.TryGetValue(stem, out var postings) ? postings.Length : 0;
                var idf = Math.Log(1 + ((snapshot.Documents.Length - df + 0.5) / (df + 0.5)));
                best = Math.Max(best, weight * idf * tf * (K1 + 1) / (tf + K1));
            }

            total += best;
        }

        return total;

        static double Norm(int length, double average) => 1 - B + (B * (average > 0 ? length / average : 0));
    }

    private AssetHit ToHit(Match match, AssetSearchCriteria criteria, Query query)
    {
        var document = match.Document;
        return new AssetHit(
            document.Id,
            document.Name,
            document.Summary,
            document.Kind,
            document.OrganizationName,
            match.Location?.PlaceName,
            match.Location?.Point ?? document.Locations.Select(l => l.Point).FirstOrDefault(p => p is not null),
            match.DistanceMetres,
            document.IsFree,
            document.IsOnline,
            document.LastVerifiedOn,
            Math.Round(match.Score, 6),
            Reasons(match, criteria, query),
            document.ReviewOverdueSince,
            document.CreatedAt);
    }

    private static List<string> Reasons(Match match, AssetSearchCriteria criteria, Query query)
    {
        var document = match.Document;
        var reasons = new List<string>();
        var termNames = new List<string>();
        foreach (var token in query.Tokens)
        {
            var stems = token.Stems.Select(s => s.Stem).Where(document.Words.ContainsKey).ToList();
            if (stems.Count == 0)
            {
                continue;
            }

            var counts = stems.Select(s => document.Words[s]).ToList();
            if (counts.Exists(c => c.Name > 0))
            {
                reasons.Add($"matches \"{token.Surface}\" in the name");
            }
            else if (counts.Exists(c => c.Terms > 0))
            {
                var term = document.Terms.Where(t => stems.Exists(t.Stems.Contains)).OrderByDescending(t => t.Direct).First();
                termNames.Add(term.Name);
            }
            else
            {
                reasons.Add($"matches \"{token.Surface}\" in the description");
            }
        }

        // A term chosen as a filter may match through a narrower one the asset carries: name the one it carries.
        foreach (var term in document.Terms.Where(t => t.Direct && (criteria.What.Overlaps(t.Lineage) || criteria.Who.Overlaps(t.Lineage))))
        {
            termNames.Add(term.Name);
        }

        reasons.AddRange(termNames.Distinct(StringComparer.Ordinal).Select(n => $"\"{n}\""));

        if (match.DistanceMetres is { } metres)
        {
            reasons.Add(DescribeDistance(metres));
        }

        if (match.CoversSearcher)
        {
            reasons.Add("covers your area");
        }

        if (criteria.FreeOnly && document.IsFree)
        {
            reasons.Add("free");
        }

        reasons.AddRange(criteria.Accessibility.OrderBy(f => f).Select(AccessibilityFeatureNames.InSentence));

        if (criteria.OpenAt is { } openAt)
        {
            reasons.Add(openAt.Time is { } time
                ? string.Create(Invariant, $"open {openAt.Day} at {time:HH:mm}")
                : $"open {openAt.Day}");
        }

        if (criteria.Attendance == AttendanceMode.Online && document.IsOnline)
        {
            reasons.Add("online");
        }
        else if (criteria.Attendance == AttendanceMode.InPerson)
        {
            reasons.Add("in person");
        }

        if (criteria.Age is not null && DescribeAges(document.MinimumAge, document.MaximumAge) is { } ages)
        {
            reasons.Add(ages);
        }

        return reasons;
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
    /// What a filter can decide from one document's packed columns, before its full record is read:
    /// a necessary (never sufficient) test, so the exact checks then run on few documents.
    /// </summary>
    private readonly record struct Prefilter(int Kinds, bool FreeOnly, int Day, int Accessibility, bool InPerson, bool Online, Box? Box)
    {
        public static Prefilter Create(AssetSearchCriteria criteria)
        {
            var kinds = criteria.Kinds.Count == 0 ? -1 : criteria.Kinds.Aggregate(0, (mask, k) => mask | (1 << (int)k));
            var day = criteria.OpenAt is { } openAt ? 1 << (int)openAt.Day : 0;
            var accessibility = criteria.Accessibility.Aggregate(0, (mask, f) => mask | (1 << (int)f));
            Box? box = criteria is { Near: { } near, RadiusKm: { } radiusKm } ? global::Kith.Core.Directory.Search.Box.Around(near, radiusKm) : null;
            return new Prefilter(kinds, criteria.FreeOnly, day, accessibility, criteria.Attendance == AttendanceMode.InPerson, criteria.Attendance == AttendanceMode.Online, box);
        }

        public bool Admits(in DocumentColumns columns)
        {
            if ((Kinds & columns.KindBit) == 0
                || (FreeOnly && !columns.IsFree)
                || (columns.DayMask & Day) != Day
                || (columns.AccessibilityMask & Accessibility) != Accessibility
                || (InPerson && !columns.HasPhysicalLocation)
                || (Online && !columns.IsOnline))
            {
                return false;
            }

            // Outside the radius's box, only a service area (or being online-only when online was asked for) can still admit it.
            return Box is not { } box || columns.HasAreas || (Online && columns.IsOnline) || (columns.Bounds is { } bounds && box.Intersects(bounds));
        }
    }

    private sealed record Match(AssetDocument Document, double Score, double? DistanceMetres, DocumentLocation? Location, bool CoversSearcher);

    /// <summary>A query word, with the stems it matches: its own at full weight, and, for the last word, the words it begins.</summary>
    private sealed record QueryToken(string Surface, IReadOnlyList<(string Stem, double Weight)> Stems);

    private sealed record Query(IReadOnlyList<QueryToken> Tokens)
    {
        public static Query Create(AssetSearchCriteria criteria, Snapshot snapshot)
        {
            var tokens = SearchText.QueryTokens(criteria.Text);
            var result = new List<QueryToken>(tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                var stems = new List<(string Stem, double Weight)> { (tokens[i].Stem, 1.0) };
                if (i == tokens.Count - 1 && tokens[i].Surface.Length >= 2)
                {
                    foreach (var stem in snapshot.StemsStartingWith(tokens[i].Surface, MaxPrefixExpansions))
                    {
                        if (!stems.Exists(s => s.Stem == stem))
                        {
                            stems.Add((stem, PrefixWeight));
                        }
                    }
                }

                result.Add(new QueryToken(tokens[i].Surface, stems));
            }

            return new Query(result);
        }
    }

    /// <summary>
    /// An immutable view of the index: documents, packed columns, an inverted index from stem to
    /// document ordinals (in no particular order), and the vocabulary for prefixes. Never changed
    /// once published: <see cref="WithUpsert"/> and <see cref="WithRemoved"/> return a new snapshot
    /// that shares every array they did not need to change.
    /// </summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = Build([]);

        private Snapshot(
            AssetDocument[] documents,
            DocumentColumns[] columns,
            Dictionary<Guid, int> byId,
            Dictionary<string, int[]> postings,
            string[] surfaces,
            string[] surfaceStems,
            (long Name, long Terms, long Body) lengths)
        {
            Documents = documents;
            Columns = columns;
            ById = byId;
            Postings = postings;
            Surfaces = surfaces;
            SurfaceStems = surfaceStems;
            Lengths = lengths;
            var count = Math.Max(1, documents.Length);
            AverageNameLength = (double)lengths.Name / count;
            AverageTermsLength = (double)lengths.Terms / count;
            AverageBodyLength = (double)lengths.Body / count;
        }

        public AssetDocument[] Documents { get; }

        /// <summary>Per document ordinal, the packed facts the prefilter reads.</summary>
        public DocumentColumns[] Columns { get; }

        public Dictionary<Guid, int> ById { get; }

        public Dictionary<string, int[]> Postings { get; }

        /// <summary>Every folded word, sorted ordinally, with its stem at the same index of <see cref="SurfaceStems"/>. May keep words no document has any more; they match nothing.</summary>
        public string[] Surfaces { get; }

        public string[] SurfaceStems { get; }

        public double AverageNameLength { get; }

        public double AverageTermsLength { get; }

        public double AverageBodyLength { get; }

        private (long Name, long Terms, long Body) Lengths { get; }

        public static Snapshot Build(AssetDocument[] documents)
        {
            var byId = new Dictionary<Guid, int>(documents.Length);
            var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
            long name = 0, terms = 0, body = 0;
            for (var ordinal = 0; ordinal < documents.Length; ordinal++)
            {
                var document = documents[ordinal];
                byId[document.Id] = ordinal;
                name += document.NameLength;
                terms += document.TermsLength;
                body += document.BodyLength;
                foreach (var stem in document.Words.Keys)
                {
                    if (!lists.TryGetValue(stem, out var list))
                    {
                        lists[stem] = list = [];
                    }

                    list.Add(ordinal);
                }

                foreach (var surface in document.Surfaces)
                {
                    surfaces.TryAdd(surface.Surface, surface.Stem);
                }
            }

            var postings = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
            foreach (var (stem, list) in lists)
            {
                postings[stem] = [.. list];
            }

            var sorted = surfaces.Keys.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            return new Snapshot(
                documents,
                documents.Select(DocumentColumns.From).ToArray(),
                byId,
                postings,
                sorted,
                sorted.Select(s => surfaces[s]).ToArray(),
                (name, terms, body));
        }

        /// <summary>This snapshot with the document added, or replacing the one with its id.</summary>
        public Snapshot WithUpsert(AssetDocument document)
        {
            var postings = new Dictionary<string, int[]>(Postings, StringComparer.Ordinal);
            var lengths = (Name: Lengths.Name + document.NameLength, Terms: Lengths.Terms + document.TermsLength, Body: Lengths.Body + document.BodyLength);
            AssetDocument[] documents;
            DocumentColumns[] columns;
            Dictionary<Guid, int> byId;
            if (ById.TryGetValue(document.Id, out var ordinal))
            {
                var old = Documents[ordinal];
                documents = (AssetDocument[])Documents.Clone();
                columns = (DocumentColumns[])Columns.Clone();
                byId = ById;
                lengths = (lengths.Name - old.NameLength, lengths.Terms - old.TermsLength, lengths.Body - old.BodyLength);
                foreach (var stem in old.Words.Keys.Where(stem => !document.Words.ContainsKey(stem)))
                {
                    RemovePosting(postings, stem, ordinal);
                }

                foreach (var stem in document.Words.Keys.Where(stem => !old.Words.ContainsKey(stem)))
                {
                    postings[stem] = [.. postings.GetValueOrDefault(stem, []), ordinal];
                }
            }
            else
            {
                ordinal = Documents.Length;
                documents = [.. Documents, document];
                columns = [.. Columns, default];
                byId = new Dictionary<Guid, int>(ById) { [document.Id] = ordinal };
                foreach (var stem in document.Words.Keys)
                {
                    postings[stem] = [.. postings.GetValueOrDefault(stem, []), ordinal];
                }
            }

            documents[ordinal] = document;
            columns[ordinal] = DocumentColumns.From(document);
            var (surfaces, surfaceStems) = WithSurfaces(document);
            return new Snapshot(documents, columns, byId, postings, surfaces, surfaceStems, lengths);
        }

        /// <summary>This snapshot without the document; the last document takes its ordinal.</summary>
        public Snapshot WithRemoved(Guid id)
        {
            if (!ById.TryGetValue(id, out var ordinal))
            {
                return this;
            }

            var removed = Documents[ordinal];
            var last = Documents.Length - 1;
            var postings = new Dictionary<string, int[]>(Postings, StringComparer.Ordinal);
            foreach (var stem in removed.Words.Keys)
            {
                RemovePosting(postings, stem, ordinal);
            }

            var documents = Documents[..last];
            var columns = Columns[..last];
            var byId = new Dictionary<Guid, int>(ById);
            byId.Remove(id);
            if (ordinal != last)
            {
                var moved = Documents[last];
                documents[ordinal] = moved;
                columns[ordinal] = Columns[last];
                byId[moved.Id] = ordinal;
                foreach (var stem in moved.Words.Keys)
                {
                    var list = postings[stem].ToArray();
                    list[Array.IndexOf(list, last)] = ordinal;
                    postings[stem] = list;
                }
            }

            var lengths = (Lengths.Name - removed.NameLength, Lengths.Terms - removed.TermsLength, Lengths.Body - removed.BodyLength);
            return new Snapshot(documents, columns, byId, postings, Surfaces, SurfaceStems, lengths);
        }

        public IEnumerable<string> StemsStartingWith(string prefix, int limit)
        {
            var index = Array.BinarySearch(Surfaces, prefix, StringComparer.Ordinal);
            if (index < 0)
            {
                index = ~index;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (; index < Surfaces.Length && seen.Count < limit && Surfaces[index].StartsWith(prefix, StringComparison.Ordinal); index++)
            {
                if (seen.Add(SurfaceStems[index]))
                {
                    yield return SurfaceStems[index];
                }
            }
        }

        private static void RemovePosting(Dictionary<string, int[]> postings, string stem, int ordinal)
        {
            var remaining = postings[stem].Where(o => o != ordinal).ToArray();
            if (remaining.Length == 0)
            {
                postings.Remove(stem);
            }
            else
            {
                postings[stem] = remaining;
            }
        }

        private (string[] Surfaces, string[] Stems) WithSurfaces(AssetDocument document)
        {
            var added = document.Surfaces.Where(s => Array.BinarySearch(Surfaces, s.Surface, StringComparer.Ordinal) < 0).DistinctBy(s => s.Surface).ToList();
            if (added.Count == 0)
            {
                return (Surfaces, SurfaceStems);
            }

            var pairs = Surfaces.Select((surface, i) => (Surface: surface, Stem: SurfaceStems[i]))
                .Concat(added.Select(a => (a.Surface, a.Stem)))
                .OrderBy(p => p.Surface, StringComparer.Ordinal)
                .ToList();
            return (pairs.Select(p => p.Surface).ToArray(), pairs.Select(p => p.Stem).ToArray());
        }
    }
}
