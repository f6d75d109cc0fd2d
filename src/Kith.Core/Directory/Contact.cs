namespace Kith.Core.Directory;

/// <summary>HSDS <c>contact</c>: a named person or role to get in touch with.</summary>
public class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? OrganizationId { get; set; }

    public Guid? ServiceId { get; set; }

    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Department { get; set; }

    public string? Email { get; set; }

    public List<Phone> Phones { get; } = [];
}

/// <summary>HSDS <c>phone</c>.</summary>
public class Phone
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? OrganizationId { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? ContactId { get; set; }

    public required string Number { get; set; }

    public int? Extension { get; set; }

    /// <summary>HSDS phone type: text, voice, fax, cell, video, pager, textphone.</summary>
    public string? Type { get; set; }

    public string? Description { get; set; }
}

/// <summary>HSDS <c>cost_option</c>. An amount of zero means free.</summary>
public class CostOption
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? Option { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; set; } = "GBP";

    /// <summary>In <see cref="Currency"/> units (pounds, not pence).</summary>
    public decimal? Amount { get; set; }

    public string? AmountDescription { get; set; }
}

/// <summary>HSDS <c>language</c> an asset, location or phone line works in.</summary>
public class Language
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 639 code.</summary>
    public string? Code { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// HSDS <c>service_area</c>: where an asset serves people. Either a GeoJSON boundary in
/// <see cref="Extent"/>, or a circle given by a centre and <see cref="RadiusMetres"/> (a Kith addition).
/// </summary>
public class ServiceArea
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A GeoJSON Polygon or MultiPolygon, WGS84.</summary>
    public string? Extent { get; set; }

    /// <summary>HSDS extent_type, "geojson" when <see cref="Extent"/> is set.</summary>
    public string? ExtentType { get; set; }

    public double? CentreLatitude { get; set; }

    public double? CentreLongitude { get; set; }

    public double? RadiusMetres { get; set; }
}
