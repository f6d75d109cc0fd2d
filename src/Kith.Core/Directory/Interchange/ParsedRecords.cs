namespace Kith.Core.Directory.Interchange;

/// <summary>One service read from a source and checked, ready for <see cref="DirectoryImporter"/>.</summary>
public sealed class ParsedService
{
    public required string Where { get; init; }

    public required string SourceId { get; init; }

    /// <summary>The row's content hash: an equal hash means nothing changed since the last import.</summary>
    public required string Hash { get; init; }

    /// <summary>The service's scalar fields; its Id is the source id when that is a UUID.</summary>
    public required CommunityAsset Asset { get; init; }

    /// <summary>The organisation, in full or as a reference by source id.</summary>
    public required ParsedOrganization Organization { get; init; }

    public List<Phone> Phones { get; } = [];

    public List<Schedule> Schedules { get; } = [];

    public List<CostOption> CostOptions { get; } = [];

    public List<Language> Languages { get; } = [];

    public List<ServiceArea> ServiceAreas { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<ParsedServiceAtLocation> ServiceAtLocations { get; } = [];

    public List<ParsedTerm> Terms { get; } = [];
}

/// <summary>An organisation: <see cref="Organization"/> is null when the row only names it by id.</summary>
public sealed class ParsedOrganization
{
    public required string SourceId { get; init; }

    public Organization? Organization { get; init; }

    public string? Hash { get; init; }

    public string Where { get; init; } = string.Empty;
}

public sealed class ParsedServiceAtLocation
{
    public Guid? FeedId { get; init; }

    public string? Description { get; init; }

    public List<Schedule> Schedules { get; } = [];

    public required ParsedLocation Location { get; init; }
}

/// <summary>A location: <see cref="Location"/> is null when the row only names it by id.</summary>
public sealed class ParsedLocation
{
    public required string SourceId { get; init; }

    public Location? Location { get; init; }

    public string? Hash { get; init; }

    public List<Address> Addresses { get; } = [];

    public List<Accessibility> Accessibility { get; } = [];

    public List<Phone> Phones { get; } = [];

    public List<Language> Languages { get; } = [];

    public List<Schedule> Schedules { get; } = [];
}

/// <summary>A taxonomy term an asset is tagged with: <see cref="Term"/> is null when the row only names it by id.</summary>
public sealed class ParsedTerm
{
    public required string SourceId { get; init; }

    public TaxonomyTerm? Term { get; init; }

    public string? ParentSourceId { get; init; }

    public Taxonomy? Taxonomy { get; init; }

    public string? TaxonomySourceId { get; init; }
}
