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
    public FieldCounts Add(SearchField field) => field switch
    {
        SearchField.Name => this with { Name = Name + 1 },
        SearchField.Terms => this with { Terms = Terms + 1 },
        _ => this with { Body = Body + 1 },
    };
}

/// <summary>One place an asset is delivered from, with what a search needs of it.</summary>
internal sealed record DocumentLocation(GeoPoint? Point, string? PlaceName, int AccessibilityMask);

/// <summary>A schedule reduced to what a search asks of it.</summary>
internal sealed record DocumentSchedule(OpeningTimes.ScheduleRule Rule, DateOnly? ValidTo);

/// <summary>A taxonomy term on an asset (or the parent of one): its name's stems for explaining matches, and itself with its ancestors.</summary>
internal sealed record DocumentTerm(Guid Id, string Name, HashSet<string> Stems, bool Direct, HashSet<Guid> Lineage);

/// <summary>
/// One asset as the index holds it: immutable, flattened from the HSDS graph (organisation,
/// locations, schedules, costs, terms, service areas), with its words counted per field.
/// </summary>
internal sealed class AssetDocument
{
    private const int SummaryLength = 240;

    private AssetDocument(CommunityAsset asset)
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
        OrganizationName = asset.Organization?.Name;
        Summary = Summarise(asset.Description);
    }

    public Guid Id { get; }

    public string Name { get; }

    public string? Summary { get; }

    public AssetKind Kind { get; }

    public string? OrganizationName { get; }

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

    public IReadOnlyList<DocumentLocation> Locations { get; private set; } = [];

    public IReadOnlyList<DocumentSchedule> Schedules { get; private set; } = [];

    public IReadOnlyList<GeoArea> Areas { get; private set; } = [];

    public IReadOnlyList<DocumentTerm> Terms { get; private set; } = [];

    /// <summary>The asset's terms and all their ancestors, so a filter on a broad term finds narrower ones.</summary>
    public IReadOnlySet<Guid> TermClosure { get; private set; } = new HashSet<Guid>();

    public IReadOnlyDictionary<string, FieldCounts> Words { get; private set; } = new Dictionary<string, FieldCounts>();

    /// <summary>Every folded, unstemmed word with its stem, for prefix matching of the word being typed.</summary>
    public IReadOnlyList<SearchToken> Surfaces { get; private set; } = [];

    public int NameLength { get; private set; }

    public int TermsLength { get; private set; }

    public int BodyLength { get; private set; }

    /// <summary>Flattens an asset loaded with its children. <paramref name="terms"/> maps every taxonomy term id to its row (for parents).</summary>
    public static AssetDocument From(CommunityAsset asset, IReadOnlyDictionary<Guid, TaxonomyTerm> terms)
    {
        var document = new AssetDocument(asset);
        var locations = asset.ServiceAtLocations.Select(s => s.Location).OfType<Location>().ToList();
        document.HasPhysicalLocation = locations.Exists(l => l.LocationType == LocationType.Physical);

        var schedules = asset.Schedules
            .Concat(asset.ServiceAtLocations.SelectMany(s => s.Schedules))
            .Concat(locations.SelectMany(l => l.Schedules))
            .DistinctBy(s => s.Id)
            .ToList();
        document.IsOnline = locations.Exists(l => l.LocationType == LocationType.Virtual)
            || schedules.Exists(s => s.AttendingType?.Contains("online", StringComparison.OrdinalIgnoreCase) == true);
        document.Schedules = schedules.Select(s => new DocumentSchedule(OpeningTimes.ScheduleRule.From(s), s.ValidTo)).ToList();

        document.Locations = locations
            .Where(l => l.LocationType == LocationType.Physical)
            .Select(l => new DocumentLocation(
                l is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
                PlaceName(l),
                l.Accessibility.Aggregate(0, (mask, a) => mask | (1 << (int)a.Feature))))
            .ToList();
        document.Areas = asset.ServiceAreas.Select(GeoArea.From).OfType<GeoArea>().ToList();

        // Terms: the asset's own, then every ancestor (guarding against a loop in bad data).
        var closure = new HashSet<Guid>();
        var documentTerms = new List<DocumentTerm>();
        foreach (var link in asset.TaxonomyTerms)
        {
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

            for (var i = 0; i < chain.Count; i++)
            {
                if (closure.Add(chain[i].Id))
                {
                    var stems = SearchText.Tokenise(chain[i].Name).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
                    documentTerms.Add(new DocumentTerm(chain[i].Id, chain[i].Name, stems, i == 0, chain.Skip(i).Select(t => t.Id).ToHashSet()));
                }
            }
        }

        document.Terms = documentTerms;
        document.TermClosure = closure;

        var words = new Dictionary<string, FieldCounts>(StringComparer.Ordinal);
        var surfaces = new HashSet<SearchToken>();
        document.NameLength = Count(words, surfaces, SearchField.Name, asset.Name);
        document.TermsLength = documentTerms.Sum(t => Count(words, surfaces, SearchField.Terms, t.Name));
        var body = new[]
        {
            asset.AlternateName, asset.Description, asset.HowToGetInvolved, asset.Organization?.Name,
            asset.EligibilityDescription, asset.FeesDescription,
        }
            .Concat(asset.Languages.Select(l => l.Name))
            .Concat(locations.SelectMany(l => new[] { l.Name }.Concat(l.Addresses.SelectMany(a => new[] { a.City, a.PostalCode }))));
        document.BodyLength = body.Sum(text => Count(words, surfaces, SearchField.Body, text));
        document.Words = words;
        document.Surfaces = [.. surfaces];
        return document;
    }

    /// <summary>Whether any of the asset's weekly times matches; schedules that ended before <paramref name="today"/> are ignored.</summary>
    public bool IsRunningOn(DayOfWeek day, TimeOnly? time, DateOnly today) =>
        Schedules.Any(s => (s.ValidTo is null || s.ValidTo >= today) && s.Rule.IsRunningOn(day, time));

    private static int Count(Dictionary<string, FieldCounts> words, HashSet<SearchToken> surfaces, SearchField field, string? text)
    {
        var tokens = SearchText.Tokenise(text);
        foreach (var token in tokens)
        {
            words[token.Stem] = words.GetValueOrDefault(token.Stem).Add(field);
            surfaces.Add(token);
        }

        return tokens.Count;
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
