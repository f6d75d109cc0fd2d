using Kith.Core.Directory;
using Kith.Core.Directory.Search;

namespace Kith.Core.Tests.Search;

/// <summary>Hand-built community assets for search tests, in memory or saved to a test database.</summary>
internal sealed class TestAsset
{
    /// <summary>The searcher's point in the tests: central Leeds. 0.01° of latitude is about 1.11 km.</summary>
    public static readonly GeoPoint Centre = new(53.8000, -1.5500);

    public static readonly DateOnly Today = new(2026, 11, 23);

    private TestAsset(string name, Organization organization)
    {
        Asset = new CommunityAsset
        {
            Name = name,
            Organization = organization,
            OrganizationId = organization.Id,
            Kind = AssetKind.Association,
            LastVerifiedOn = Today.AddMonths(-1),
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            LastModified = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }

    public CommunityAsset Asset { get; }

    public static TestAsset Named(string name, Organization? organization = null) => new(name, organization ?? new Organization { Name = "Riverside Trust" });

    public TestAsset Describe(string description)
    {
        Asset.Description = description;
        return this;
    }

    public TestAsset Involve(string howToGetInvolved)
    {
        Asset.HowToGetInvolved = howToGetInvolved;
        return this;
    }

    public TestAsset OfKind(AssetKind kind)
    {
        Asset.Kind = kind;
        return this;
    }

    /// <summary>A physical location <paramref name="northKm"/> kilometres north of <see cref="Centre"/>.</summary>
    public TestAsset NorthOfCentre(double northKm, string? place = null, params AccessibilityFeature[] features) =>
        At(Centre.Latitude + (northKm / 111.2), Centre.Longitude, place, features);

    public TestAsset At(double latitude, double longitude, string? place = null, params AccessibilityFeature[] features)
    {
        var location = new Location { Name = place ?? $"{Asset.Name} venue", Latitude = latitude, Longitude = longitude, LocationType = LocationType.Physical };
        location.Addresses.Add(new Address { Address1 = "1 High Street", City = "Leeds", StateProvince = "West Yorkshire", PostalCode = "LS1 1AA" });
        foreach (var feature in features)
        {
            location.Accessibility.Add(new Accessibility { Feature = feature });
        }

        Asset.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = Asset.Id, Location = location, LocationId = location.Id });
        return this;
    }

    public TestAsset Online()
    {
        var location = new Location { Name = "Online", LocationType = LocationType.Virtual, Url = "https://example.org/join" };
        Asset.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = Asset.Id, Location = location, LocationId = location.Id });
        return this;
    }

    public TestAsset Costs(decimal? amount)
    {
        Asset.CostOptions.Add(new CostOption { ServiceId = Asset.Id, Amount = amount, Option = "Session" });
        return this;
    }

    public TestAsset Tagged(TaxonomyTerm term)
    {
        Asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = Asset.Id, TaxonomyTermId = term.Id, TaxonomyTerm = term });
        return this;
    }

    public TestAsset Runs(string freq, string? byDay, TimeOnly? opens = null, TimeOnly? closes = null, int? interval = null, string? attendingType = null)
    {
        Asset.Schedules.Add(new Schedule
        {
            ServiceId = Asset.Id, Freq = freq, ByDay = byDay, OpensAt = opens, ClosesAt = closes, Interval = interval, AttendingType = attendingType,
            DtStart = new DateOnly(2026, 1, 5),
        });
        return this;
    }

    public TestAsset Serves(GeoPoint centre, double radiusMetres)
    {
        Asset.ServiceAreas.Add(new ServiceArea { ServiceId = Asset.Id, Name = "Area", CentreLatitude = centre.Latitude, CentreLongitude = centre.Longitude, RadiusMetres = radiusMetres });
        return this;
    }

    public TestAsset Serves(string geoJson)
    {
        Asset.ServiceAreas.Add(new ServiceArea { ServiceId = Asset.Id, Name = "Ward", Extent = geoJson, ExtentType = "geojson" });
        return this;
    }

    public TestAsset Ages(int? minimum, int? maximum)
    {
        Asset.MinimumAge = minimum;
        Asset.MaximumAge = maximum;
        return this;
    }

    public TestAsset Verified(DateOnly? on)
    {
        Asset.LastVerifiedOn = on;
        return this;
    }

    /// <summary>The last review reminder went unanswered on <paramref name="since"/>.</summary>
    public TestAsset Overdue(DateTime since)
    {
        Asset.ReviewOverdueSince = since;
        return this;
    }

    /// <summary>Its organisation has claimed its listings.</summary>
    public TestAsset Claimed()
    {
        Asset.Organization!.ClaimedAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        return this;
    }

    public TestAsset Archived()
    {
        Asset.ArchivedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        return this;
    }

    public TestAsset WithStatus(AssetStatus status)
    {
        Asset.Status = status;
        return this;
    }

    public static implicit operator CommunityAsset(TestAsset builder) => builder.Asset;

    public CommunityAsset ToCommunityAsset() => Asset;
}
