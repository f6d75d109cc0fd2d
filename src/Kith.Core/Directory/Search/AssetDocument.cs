using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Kith.Core.Directory.Schedules;

namespace Kith.Core.Directory.Search;

/// <summary>Which searchable field a word came from; the weights are in <see cref="AssetSearchIndex"/>.</summary>
internal enum SearchField
{
    Name,
    Terms,
    Body,
}

/// <summary>How often one stem occurs in each field of one asset.</summary>
internal readonly record struct FieldCounts(int Name, int Terms, int Body)
{
    private const int NameBits = 10;
    private const int TermsBits = 10;
    private const int BodyBits = 12;

    public FieldCounts Add(SearchField field) => field switch
    {
        SearchField.Name => this with { Name = Name + 1 },
        SearchField.Terms => this with { Terms = Terms + 1 },
        _ => this with { Body = Body + 1 },
    };

    /// <summary>The three counts in one int (name 10 bits, terms 10, body 12), each capped at what its bits hold.</summary>
    public uint Pack() =>
        ((uint)Math.Min(Name, (1 << NameBits) - 1) << (TermsBits + BodyBits))
        | ((uint)Math.Min(Terms, (1 << TermsBits) - 1) << BodyBits)
        | (uint)Math.Min(Body, (1 << BodyBits) - 1);

    public static FieldCounts Unpack(uint packed) =>
        new((int)(packed >> (TermsBits + BodyBits)), (int)((packed >> BodyBits) & ((1 << TermsBits) - 1)), (int)(packed & ((1 << BodyBits) - 1)));
}

/// <summary>One place an asset is delivered from, with what a search needs of it.</summary>
internal sealed record DocumentLocation(GeoPoint? Point, string? PlaceName, int AccessibilityMask);

/// <summary>A schedule reduced to what a search asks of it.</summary>
internal sealed record DocumentSchedule(OpeningTimes.ScheduleRule Rule, DateOnly? ValidTo);

/// <summary>
/// A taxonomy term on an asset (or the parent of one): its name's stem ids for explaining matches, and itself with
/// its ancestors. Shared by every document carrying the term (see <see cref="DocumentBuilder"/>).
/// </summary>
internal sealed record DocumentTerm(Guid Id, string Name, int[] Stems, bool Direct, HashSet<Guid> Lineage);

/// <summary>
/// One asset as the index holds it: immutable, flattened from the HSDS graph (organisation, locations, schedules,
/// costs, terms, service areas), with its word stems as sorted vocabulary ids and their per-field counts. Kept
/// compact, since a national index holds a million of them: arrays rather than lists and sets, the summary as
/// UTF-8, and terms, schedule rules, organisation names and service-area shapes shared between documents.
/// </summary>
internal sealed class AssetDocument
{
    private const int SummaryLength = 240;

    private static readonly Guid[] NoTerms = [];

    private readonly byte[]? summary;

    /// <summary>The stem ids, ascending, as gaps in 7-bit variable-length bytes: about a byte a word instead of four.</summary>
    private byte[] words = [];

    private AssetDocument(CommunityAsset asset, DocumentBuilder builder)
    {
        Id = asset.Id;
        Name = asset.Name;
        Kind = asset.Kind;
        IsFree = asset.IsFree;
        LastVerifiedOn = asset.LastVerifiedOn;
        LastModified = asset.LastModified;
        ReviewOverdueSince = Freshness.ListingReviewService.StillOverdue(asset.LastVerifiedOn, asset.ReviewOverdueSince);
        CreatedAt = asset.CreatedAt;
        MinimumAge = asset.MinimumAge;
        MaximumAge = asset.MaximumAge;
        OrganizationName = builder.Intern(asset.Organization?.Name);
        IsClaimed = asset.Organization?.ClaimedAt is not null;
        summary = Summarise(asset.Description) is { } text ? Encoding.UTF8.GetBytes(text) : null;
    }

    public Guid Id { get; }

    public string Name { get; }

    /// <summary>The first 240 characters or so of the description, cut at a word.</summary>
    public string? Summary => summary is null ? null : Encoding.UTF8.GetString(summary);

    public AssetKind Kind { get; }

    public string? OrganizationName { get; }

    /// <summary>Whether the organisation running it has claimed its listings (<see cref="Organization.ClaimedAt"/>).</summary>
    public bool IsClaimed { get; }

    public bool IsFree { get; }

    public DateOnly? LastVerifiedOn { get; }

    public DateTime LastModified { get; }

    /// <summary>Set while the last review reminder is unanswered: the listing sinks (<see cref="AssetSearchIndex.OverduePenalty"/>).</summary>
    public DateTime? ReviewOverdueSince { get; }

    public DateTime CreatedAt { get; }

    public int? MinimumAge { get; }

    public int? MaximumAge { get; }

    public bool HasPhysicalLocation { get; private set; }

    public bool IsOnline { get; private set; }

    public DocumentLocation[] Locations { get; private set; } = [];

    public DocumentSchedule[] Schedules { get; private set; } = [];

    public GeoArea[] Areas { get; private set; } = [];

    public DocumentTerm[] Terms { get; private set; } = [];

    /// <summary>The asset's terms and all their ancestors, so a filter on a broad term finds narrower ones.</summary>
    public Guid[] TermClosure { get; private set; } = NoTerms;

    /// <summary>How many distinct stems the asset's text has.</summary>
    public int WordCount { get; private set; }

    /// <summary>
    /// Until the document joins a snapshot, the packed <see cref="FieldCounts"/> of each stem (in the order of
    /// <see cref="DecodeWordIds"/>); the snapshot's postings then hold them, and this is let go (a million
    /// documents need not hold their counts twice).
    /// </summary>
    public uint[]? PendingCounts { get; private set; }

    public int NameLength { get; private set; }

    public int TermsLength { get; private set; }

    public int BodyLength { get; private set; }

    /// <summary>Flattens an asset loaded with its children.</summary>
    public static AssetDocument From(CommunityAsset asset, DocumentBuilder builder)
    {
        var document = new AssetDocument(asset, builder);
        var locations = asset.ServiceAtLocations.Select(s => s.Location).OfType<Location>().ToList();
        document.HasPhysicalLocation = locations.Exists(l => l.LocationType == LocationType.Physical);

        var schedules = asset.Schedules
            .Concat(asset.ServiceAtLocations.SelectMany(s => s.Schedules))
            .Concat(locations.SelectMany(l => l.Schedules))
            .DistinctBy(s => s.Id)
            .ToList();
        document.IsOnline = locations.Exists(l => l.LocationType == LocationType.Virtual)
            || schedules.Exists(s => s.AttendingType?.Contains("online", StringComparison.OrdinalIgnoreCase) == true);
        document.Schedules = schedules.Select(builder.Schedule).ToArray();

        document.Locations = locations
            .Where(l => l.LocationType == LocationType.Physical)
            .Select(l => new DocumentLocation(
                l is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
                builder.Intern(PlaceName(l)),
                l.Accessibility.Aggregate(0, (mask, a) => mask | (1 << (int)a.Feature))))
            .ToArray();
        document.Areas = asset.ServiceAreas.Select(builder.Area).OfType<GeoArea>().ToArray();

        // Terms: the asset's own, then every ancestor (guarding against a loop in bad data).
        var closure = new List<Guid>();
        var documentTerms = new List<DocumentTerm>();
        foreach (var link in asset.TaxonomyTerms)
        {
            foreach (var term in builder.Lineage(link))
            {
                if (!closure.Contains(term.Id))
                {
                    closure.Add(term.Id);
                    documentTerms.Add(term);
                }
            }
        }

        document.Terms = [.. documentTerms];
        document.TermClosure = closure.Count == 0 ? NoTerms : [.. closure];

        var vocabulary = builder.Vocabulary;
        var words = new WordCounter(WordCounter.Reusable(), SearchField.Name);
        document.NameLength = vocabulary.ForEachStem(asset.Name, ref words, WordCounter.Count);
        words.Field = SearchField.Terms;
        document.TermsLength = documentTerms.Sum(t => vocabulary.ForEachStem(t.Name, ref words, WordCounter.Count));
        words.Field = SearchField.Body;
        var body = new[]
        {
            asset.AlternateName, asset.Description, asset.HowToGetInvolved, asset.Organization?.Name,
            asset.EligibilityDescription, asset.FeesDescription,
        }
            .Concat(asset.Languages.Select(l => l.Name))
            .Concat(locations.SelectMany(l => new[] { l.Name }.Concat(l.Addresses.SelectMany(a => new[] { a.City, a.PostalCode }))));
        foreach (var text in body)
        {
            document.BodyLength += vocabulary.ForEachStem(text, ref words, WordCounter.Count);
        }

        var ids = new int[words.Counts.Count];
        var counts = new uint[words.Counts.Count];
        var i = 0;
        foreach (var (stem, fieldCounts) in words.Counts)
        {
            ids[i] = stem;
            counts[i++] = fieldCounts.Pack();
        }

        Array.Sort(ids, counts);
        document.words = Encode(ids);
        document.WordCount = ids.Length;
        document.PendingCounts = counts;
        return document;
    }

    /// <summary>The ids (in <see cref="DocumentBuilder.Vocabulary"/>) of every stem in the asset's text, ascending; decoded on each call.</summary>
    public int[] DecodeWordIds()
    {
        var ids = new int[WordCount];
        int position = 0, previous = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var delta = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = words[position++];
                delta |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            ids[i] = previous += delta;
        }

        return ids;
    }

    /// <summary>The snapshot has copied the counts into its postings.</summary>
    public void ReleaseCounts() => PendingCounts = null;

    /// <summary>Whether any of the asset's weekly times matches; schedules that ended before <paramref name="today"/> are ignored.</summary>
    public bool IsRunningOn(DayOfWeek day, TimeOnly? time, DateOnly today) =>
        Schedules.Any(s => (s.ValidTo is null || s.ValidTo >= today) && s.Rule.IsRunningOn(day, time));

    private static byte[] Encode(int[] ascending)
    {
        var bytes = new List<byte>(ascending.Length * 2);
        var previous = 0;
        foreach (var id in ascending)
        {
            var delta = (uint)(id - previous);
            previous = id;
            while (delta >= 0x80)
            {
                bytes.Add((byte)(delta | 0x80));
                delta >>= 7;
            }

            bytes.Add((byte)delta);
        }

        return [.. bytes];
    }

    private static string? PlaceName(Location location)
    {
        if (!string.IsNullOrWhiteSpace(location.Name))
        {
            return location.Name;
        }

        var address = location.Addresses.FirstOrDefault();
        return address is null ? null : $"{address.Address1}, {address.City}";
    }

    private static string? Summarise(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var text = description.Trim();
        if (text.Length <= SummaryLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SummaryLength);
        return string.Concat(text.AsSpan(0, cut > SummaryLength / 2 ? cut : SummaryLength).TrimEnd(",.;: ".AsSpan()), "…");
    }
}

/// <summary>Counts each stem of the field being read.</summary>
internal struct WordCounter(Dictionary<int, FieldCounts> counts, SearchField field)
{
    [ThreadStatic]
    private static Dictionary<int, FieldCounts>? reusable;

    /// <summary>This thread's empty counting dictionary: building a million documents then allocates one, not a million.</summary>
    public static Dictionary<int, FieldCounts> Reusable()
    {
        var dictionary = reusable ??= new Dictionary<int, FieldCounts>(128);
        dictionary.Clear();
        return dictionary;
    }

    public Dictionary<int, FieldCounts> Counts { get; } = counts;

    public SearchField Field { get; set; } = field;

    public static void Count(ref WordCounter counter, int stemId)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counter.Counts, stemId, out _);
        entry = entry.Add(counter.Field);
    }
}

/// <summary>
/// What building documents shares: the vocabulary, the taxonomy (for ancestors), and caches so that documents
/// share one copy of each term, schedule rule, organisation name and service-area shape. Thread-safe, so a
/// rebuild can build documents in parallel.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly Dictionary<Guid, TaxonomyTerm> terms;
    private readonly ConcurrentDictionary<Guid, DocumentTerm[]> lineages = new();
    private readonly ConcurrentDictionary<string, DocumentSchedule> schedules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GeoArea?> shapes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> strings = new(StringComparer.Ordinal);

    public DocumentBuilder(IEnumerable<TaxonomyTerm> terms, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.terms = [];
        foreach (var term in terms)
        {
            this.terms[term.Id] = term;
        }

        Vocabulary = vocabulary;
    }

    public Vocabulary Vocabulary { get; }

    /// <summary>One shared copy of a string many documents repeat (organisation names).</summary>
    public string? Intern(string? text) => text is null ? null : strings.GetOrAdd(text, text);

    /// <summary>The term an asset is tagged with (direct) followed by its ancestors, nearest first.</summary>
    public DocumentTerm[] Lineage(AssetTaxonomyTerm link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (lineages.TryGetValue(link.TaxonomyTermId, out var cached))
        {
            return cached;
        }

        var chain = new List<TaxonomyTerm>();
        var visited = new HashSet<Guid>();
        for (var id = (Guid?)link.TaxonomyTermId; id is { } termId && chain.Count < 20 && visited.Add(termId);)
        {
            var term = terms.GetValueOrDefault(termId) ?? (termId == link.TaxonomyTermId ? link.TaxonomyTerm : null);
            if (term is null)
            {
                break;
            }

            chain.Add(term);
            id = term.ParentId;
        }

        var result = new DocumentTerm[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            var stems = SearchText.Tokenise(chain[i].Name).Select(t => Vocabulary.Id(t.Stem)).Distinct().ToArray();
            result[i] = new DocumentTerm(chain[i].Id, chain[i].Name, stems, i == 0, chain.Skip(i).Select(t => t.Id).ToHashSet());
        }

        // A term missing from the taxonomy but attached to the link is not cached: another link may lack it.
        return terms.ContainsKey(link.TaxonomyTermId) ? lineages.GetOrAdd(link.TaxonomyTermId, result) : result;
    }

    /// <summary>A schedule's rule, shared with every schedule that reads the same.</summary>
    public DocumentSchedule Schedule(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"{schedule.Freq}|{schedule.Interval}|{schedule.ByDay}|{schedule.ByMonthDay}|{schedule.DtStart?.DayOfWeek}|{schedule.OpensAt}|{schedule.ClosesAt}|{schedule.ValidTo}");
        return schedules.GetOrAdd(key, static (_, s) => new DocumentSchedule(OpeningTimes.ScheduleRule.From(s), s.ValidTo), schedule);
    }

    /// <summary>A service area's shape; GeoJSON boundaries are parsed once however many assets share them.</summary>
    public GeoArea? Area(ServiceArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (string.IsNullOrWhiteSpace(area.Extent) || area is { CentreLatitude: not null, CentreLongitude: not null, RadiusMetres: > 0 })
        {
            return GeoArea.From(area);
        }

        return shapes.GetOrAdd(area.Extent, static (_, a) => GeoArea.From(a), area);
    }
}
