using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory;

/// <summary>A place where assets are delivered, or a virtual one. Maps onto HSDS <c>location</c>.</summary>
public class Location : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? OrganizationId { get; set; }

    public LocationType LocationType { get; set; } = LocationType.Physical;

    public string? Url { get; set; }

    public string? Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    public string? Transportation { get; set; }

    /// <summary>WGS84 degrees.</summary>
    public double? Latitude { get; set; }

    /// <summary>WGS84 degrees.</summary>
    public double? Longitude { get; set; }

    public string? SourceId { get; set; }

    /// <summary>The feed or file this record was imported from (see <c>DirectoryImporter</c>); with the source id it identifies the record in that source.</summary>
    public string? SourceKey { get; set; }

    /// <summary>Hash of the content last imported from the source, so an unchanged record is left untouched.</summary>
    public string? ImportHash { get; set; }

    public DateTime LastModified { get; set; }

    public List<Address> Addresses { get; } = [];

    public List<Accessibility> Accessibility { get; } = [];

    public List<Language> Languages { get; } = [];

    public List<Phone> Phones { get; } = [];

    public List<Schedule> Schedules { get; } = [];
}

/// <summary>HSDS <c>address</c> of a location.</summary>
public class Address
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LocationId { get; set; }

    /// <summary>HSDS address_type: physical, postal or virtual.</summary>
    public string AddressType { get; set; } = "physical";

    public string? Attention { get; set; }

    public required string Address1 { get; set; }

    public string? Address2 { get; set; }

    public required string City { get; set; }

    public string? Region { get; set; }

    public required string StateProvince { get; set; }

    public required string PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string Country { get; set; } = "GB";
}

/// <summary>HSDS <c>accessibility</c> of a location, with Kith's typed feature for searching.</summary>
public class Accessibility
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LocationId { get; set; }

    public AccessibilityFeature Feature { get; set; }

    public string? Description { get; set; }

    public string? Details { get; set; }

    public string? Url { get; set; }
}

/// <summary>Accessibility features people filter by.</summary>
public enum AccessibilityFeature
{
    StepFreeAccess,
    AccessibleToilet,
    HearingLoop,
    BlueBadgeParking,
    QuietSpace,
    ChangingPlaces,
    BritishSignLanguage,
    LargePrint,
    AssistanceDogsWelcome,
}

/// <summary>HSDS <c>service_at_location</c>: an asset delivered at a location.</summary>
public class ServiceAtLocation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public CommunityAsset? Service { get; set; }

    public Guid LocationId { get; set; }

    public Location? Location { get; set; }

    public string? Description { get; set; }

    public List<Schedule> Schedules { get; } = [];
}
