namespace Kith.Core.Directory.Search;

/// <summary>A point on the Earth, WGS84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>A day of the week and, optionally, a local (Europe/London) time the asset should be running at.</summary>
public sealed record OpenAt(DayOfWeek Day, TimeOnly? Time);

/// <summary>
/// What a person searched for. Every field is optional; an empty criteria lists every active asset.
/// Built from user input by the web layer, which rejects bad values before they get here.
/// </summary>
public sealed record AssetSearchCriteria
{
    /// <summary>The most results a page can hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The widest radius anyone may search, in kilometres.</summary>
    public const double MaxRadiusKm = 200;

    /// <summary>Free text; matched against names, descriptions, activities and how to get involved.</summary>
    public string? Text { get; init; }

    /// <summary>Where the searcher is; distances are measured from here.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>Only assets within this many kilometres of <see cref="Near"/> (or whose service area covers it).</summary>
    public double? RadiusKm { get; init; }

    public IReadOnlySet<AssetKind> Kinds { get; init; } = new HashSet<AssetKind>();

    /// <summary>"What" taxonomy terms; an asset matches when it has any of them (or a narrower term).</summary>
    public IReadOnlySet<Guid> What { get; init; } = new HashSet<Guid>();

    /// <summary>"Who" taxonomy terms; an asset matches when it has any of them.</summary>
    public IReadOnlySet<Guid> Who { get; init; } = new HashSet<Guid>();

    /// <summary>The searcher's age in whole years; assets whose age range excludes it are left out.</summary>
    public int? Age { get; init; }

    /// <summary>Accessibility features every result must have at one of its locations.</summary>
    public IReadOnlySet<AccessibilityFeature> Accessibility { get; init; } = new HashSet<AccessibilityFeature>();

    public bool FreeOnly { get; init; }

    public OpenAt? OpenAt { get; init; }

    /// <summary>In person, online, or null for either.</summary>
    public AttendanceMode? Attendance { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One page of search results, best first.</summary>
/// <param name="Total">How many assets matched across all pages.</param>
public sealed record AssetSearchResults(IReadOnlyList<AssetHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One matching asset, with enough to show a result card without another query.</summary>
/// <param name="DistanceMetres">From the searcher to the nearest location, when both are known.</param>
/// <param name="ReviewOverdueSince">UTC; set while the listing's review is overdue, so the result says "not checked since".</param>
/// <param name="CreatedAt">UTC instant the listing was added, for "not checked since" when it was never verified.</param>
/// <param name="Reasons">Why it matched, in plain words, e.g. <c>matches "walk" in the name</c>, <c>"Walking groups"</c> (a term), "1.2 km away", "covers your area", "free", "step-free access", "open Tuesday", "online", "for ages 50+".</param>
public sealed record AssetHit(
    Guid AssetId,
    string Name,
    string? Summary,
    AssetKind Kind,
    string? OrganizationName,
    string? PlaceName,
    GeoPoint? Location,
    double? DistanceMetres,
    bool IsFree,
    bool IsOnline,
    DateOnly? LastVerifiedOn,
    double Score,
    IReadOnlyList<string> Reasons,
    DateTime? ReviewOverdueSince = null,
    DateTime? CreatedAt = null);
