namespace Kith.Core.Directory;

/// <summary>HSDS <c>taxonomy</c>: a vocabulary of terms.</summary>
public class Taxonomy
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public required string Description { get; set; }

    public string? Uri { get; set; }

    public string? Version { get; set; }

    /// <summary>The feed or file this record was imported from (see <c>DirectoryImporter</c>); with the source id it identifies the record in that source.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The id this record has in the feed it was imported from, if any.</summary>
    public string? SourceId { get; set; }

    public List<TaxonomyTerm> Terms { get; } = [];
}

/// <summary>HSDS <c>taxonomy_term</c>.</summary>
public class TaxonomyTerm
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? TaxonomyId { get; set; }

    public Taxonomy? Taxonomy { get; set; }

    public string? Code { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public Guid? ParentId { get; set; }

    public string? Language { get; set; }

    public string? TermUri { get; set; }

    /// <summary>The feed or file this record was imported from (see <c>DirectoryImporter</c>); with the source id it identifies the record in that source.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The id this record has in the feed it was imported from, if any.</summary>
    public string? SourceId { get; set; }
}

/// <summary>An asset tagged with a taxonomy term (HSDS <c>attribute</c> with link_type "service").</summary>
public class AssetTaxonomyTerm
{
    public Guid ServiceId { get; set; }

    public Guid TaxonomyTermId { get; set; }

    public TaxonomyTerm? TaxonomyTerm { get; set; }
}

/// <summary>The ids of Kith's own taxonomies, fixed so feeds and links stay stable.</summary>
public static class KithTaxonomies
{
    /// <summary>"What": the kind of activity or support.</summary>
    public static readonly Guid What = new("6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001");

    /// <summary>"Who": groups of people an asset is especially for.</summary>
    public static readonly Guid Who = new("6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0002");
}
