using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;
using Kith.Core.Directory.Search;
using Kith.Web.Directory;

namespace Kith.Web.Api;

/// <summary>One page of search results.</summary>
/// <param name="Total">How many assets matched across all pages.</param>
/// <param name="Notes">Things to know about the search that are not errors, e.g. that a postcode district's centre was used.</param>
public sealed record AssetSearchResponse(int Total, int Page, int PerPage, int PageCount, IReadOnlyList<string> Notes, IReadOnlyList<AssetSummaryJson> Results);

/// <summary>A search result.</summary>
/// <param name="DistanceMetres">From the postcode or location searched from to the nearest place the asset runs, when both are known.</param>
/// <param name="Reasons">Why it matched, in plain words.</param>
/// <param name="LastCheckedOn">When someone last confirmed the details (UK date).</param>
/// <param name="Href">This asset in the JSON API.</param>
/// <param name="PageHref">This asset's public web page.</param>
public sealed record AssetSummaryJson(
    Guid Id, string Name, string? Summary, string Kind, string? Organization, string? Place,
    double? Latitude, double? Longitude, double? DistanceMetres, bool Free, bool Online, DateOnly? LastCheckedOn,
    IReadOnlyList<string> Reasons, string Href, string PageHref)
{
    public static AssetSummaryJson From(AssetHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new AssetSummaryJson(
            hit.AssetId, hit.Name, hit.Summary, AssetSearchQuery.ToParameterValue(hit.Kind), hit.OrganizationName, hit.PlaceName,
            hit.Location?.Latitude, hit.Location?.Longitude, hit.DistanceMetres is { } d ? Math.Round(d) : null, hit.IsFree, hit.IsOnline,
            hit.LastVerifiedOn, hit.Reasons, $"/api/v1/assets/{hit.AssetId}", $"/assets/{hit.AssetId}");
    }
}

/// <summary>
/// A community asset in the shape of an Open Referral HSDS 3.0 <c>service</c> (camelCase names), with
/// Kith's additions: kind, how to get involved, introduction policy and when it was last checked.
/// </summary>
/// <param name="AssuredDate">HSDS assured_date: when someone last confirmed the details (UK date).</param>
/// <param name="AcceptsIntroductions">True when the asset welcomes introductions from a practitioner; false means people get in touch or turn up directly.</param>
public sealed record AssetJson(
    Guid Id, string Name, string? AlternateName, string? Description, string? Url, string? Email, string Status,
    string Kind, string? HowToGetInvolved, bool AcceptsIntroductions,
    string? InterpretationServices, string? ApplicationProcess, string? FeesDescription, string? EligibilityDescription,
    int? MinimumAge, int? MaximumAge, string? Alert, DateOnly? AssuredDate, DateTime LastModified, bool Free,
    OrganizationJson? Organization,
    IReadOnlyList<ServiceAtLocationJson> ServiceAtLocations,
    IReadOnlyList<ScheduleJson> Schedules,
    IReadOnlyList<PhoneJson> Phones,
    IReadOnlyList<ContactJson> Contacts,
    IReadOnlyList<CostOptionJson> CostOptions,
    IReadOnlyList<LanguageJson> Languages,
    IReadOnlyList<ServiceAreaJson> ServiceAreas,
    IReadOnlyList<AttributeJson> Attributes)
{
    public static AssetJson From(CommunityAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetJson(
            asset.Id, asset.Name, asset.AlternateName, asset.Description, asset.Url, asset.Email, StatusName(asset.Status),
            AssetSearchQuery.ToParameterValue(asset.Kind), asset.HowToGetInvolved, asset.IntroductionPolicy == IntroductionPolicy.AcceptsIntroductions,
            asset.InterpretationServices, asset.ApplicationProcess, asset.FeesDescription, asset.EligibilityDescription,
            asset.MinimumAge, asset.MaximumAge, asset.Alert, asset.LastVerifiedOn, asset.LastModified, asset.IsFree,
            asset.Organization is { } o ? new OrganizationJson(o.Id, o.Name, o.AlternateName, o.Description, o.Email, o.Website) : null,
            asset.ServiceAtLocations.Select(ServiceAtLocationJson.From).ToList(),
            asset.Schedules.Select(ScheduleJson.From).ToList(),
            asset.Phones.Select(PhoneJson.From).ToList(),
            asset.Contacts.Select(c => new ContactJson(c.Id, c.Name, c.Title, c.Department, c.Email, c.Phones.Select(PhoneJson.From).ToList())).ToList(),
            asset.CostOptions.Select(c => new CostOptionJson(c.Id, c.Option, c.Amount, c.Currency, c.AmountDescription, c.ValidFrom, c.ValidTo)).ToList(),
            asset.Languages.Select(LanguageJson.From).ToList(),
            asset.ServiceAreas.Select(a => new ServiceAreaJson(a.Id, a.Name, a.Description, a.Extent, a.ExtentType, a.CentreLatitude, a.CentreLongitude, a.RadiusMetres)).ToList(),
            asset.TaxonomyTerms.Where(t => t.TaxonomyTerm is not null)
                .Select(t => new AttributeJson(new TaxonomyTermJson(t.TaxonomyTerm!.Id, t.TaxonomyTerm.Code, t.TaxonomyTerm.Name, t.TaxonomyTerm.Description, t.TaxonomyTerm.TaxonomyId, t.TaxonomyTerm.ParentId)))
                .ToList());
    }

    internal static string StatusName(AssetStatus status) => status switch
    {
        AssetStatus.Active => "active",
        AssetStatus.Inactive => "inactive",
        AssetStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };
}

public sealed record OrganizationJson(Guid Id, string Name, string? AlternateName, string? Description, string? Email, string? Website);

public sealed record ServiceAtLocationJson(Guid Id, string? Description, LocationJson? Location, IReadOnlyList<ScheduleJson> Schedules)
{
    public static ServiceAtLocationJson From(ServiceAtLocation sal)
    {
        ArgumentNullException.ThrowIfNull(sal);
        var l = sal.Location;
        return new ServiceAtLocationJson(
            sal.Id, sal.Description,
            l is null ? null : new LocationJson(
                l.Id, l.LocationType.ToString().ToLowerInvariant(), l.Name, l.AlternateName, l.Description, l.Transportation, l.Url, l.Latitude, l.Longitude,
                l.Addresses.Select(a => new AddressJson(a.Id, a.AddressType, a.Attention, a.Address1, a.Address2, a.City, a.Region, a.StateProvince, a.PostalCode, a.Country)).ToList(),
                l.Accessibility.Select(a => new AccessibilityJson(a.Id, AssetSearchQuery.ToParameterValue(a.Feature), a.Description, a.Details, a.Url)).ToList(),
                l.Languages.Select(LanguageJson.From).ToList(),
                l.Phones.Select(PhoneJson.From).ToList()),
            sal.Schedules.Select(ScheduleJson.From).ToList());
    }
}

/// <param name="LocationType">physical, postal or virtual.</param>
public sealed record LocationJson(
    Guid Id, string LocationType, string? Name, string? AlternateName, string? Description, string? Transportation, string? Url,
    double? Latitude, double? Longitude, IReadOnlyList<AddressJson> Addresses, IReadOnlyList<AccessibilityJson> Accessibility,
    IReadOnlyList<LanguageJson> Languages, IReadOnlyList<PhoneJson> Phones);

public sealed record AddressJson(
    Guid Id, string AddressType, string? Attention, string Address1, string? Address2, string City, string? Region,
    string StateProvince, string PostalCode, string Country);

/// <param name="Feature">The feature as used by the access search parameter, e.g. step-free-access.</param>
public sealed record AccessibilityJson(Guid Id, string Feature, string? Description, string? Details, string? Url);

/// <param name="InWords">The schedule in plain words, e.g. "Tuesdays 10:00 to 12:00, weekly".</param>
/// <param name="OpensAt">Local (Europe/London) time.</param>
/// <param name="ClosesAt">Local (Europe/London) time, exclusive.</param>
public sealed record ScheduleJson(
    Guid Id, string InWords, string? Description, string? Freq, int? Interval, string? Byday, string? Bymonthday, DateOnly? Dtstart, DateOnly? Until,
    DateOnly? ValidFrom, DateOnly? ValidTo, TimeOnly? OpensAt, TimeOnly? ClosesAt, string Timezone, string? Notes, string? AttendingType)
{
    public static ScheduleJson From(Schedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new ScheduleJson(
            s.Id, OpeningTimes.Describe(s), s.Description, s.Freq, s.Interval, s.ByDay, s.ByMonthDay, s.DtStart, s.Until,
            s.ValidFrom, s.ValidTo, s.OpensAt, s.ClosesAt, s.Timezone, s.Notes, s.AttendingType);
    }
}

public sealed record PhoneJson(Guid Id, string Number, int? Extension, string? Type, string? Description)
{
    public static PhoneJson From(Phone p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PhoneJson(p.Id, p.Number, p.Extension, p.Type, p.Description);
    }
}

public sealed record ContactJson(Guid Id, string? Name, string? Title, string? Department, string? Email, IReadOnlyList<PhoneJson> Phones);

/// <param name="Amount">In <paramref name="Currency"/> units (pounds, not pence); 0 or null means free.</param>
public sealed record CostOptionJson(Guid Id, string? Option, decimal? Amount, string? Currency, string? AmountDescription, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record LanguageJson(Guid Id, string Name, string? Code, string? Note)
{
    public static LanguageJson From(Language l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new LanguageJson(l.Id, l.Name, l.Code, l.Note);
    }
}

/// <param name="Extent">A GeoJSON Polygon or MultiPolygon, WGS84.</param>
public sealed record ServiceAreaJson(Guid Id, string? Name, string? Description, string? Extent, string? ExtentType, double? CentreLatitude, double? CentreLongitude, double? RadiusMetres);

public sealed record AttributeJson(TaxonomyTermJson TaxonomyTerm);

public sealed record TaxonomyTermJson(Guid Id, string? Code, string Name, string Description, Guid? TaxonomyId, Guid? ParentId);
