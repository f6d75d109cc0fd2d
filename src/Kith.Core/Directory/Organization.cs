using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory;

/// <summary>An organisation that runs community assets. Maps one-to-one onto HSDS <c>organization</c>.</summary>
public class Organization : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? LegalStatus { get; set; }

    public int? YearIncorporated { get; set; }

    /// <summary>The id this record has in the feed it was imported from, if any.</summary>
    public string? SourceId { get; set; }

    /// <summary>The feed or file this record was imported from (see <c>DirectoryImporter</c>); with the source id it identifies the record in that source.</summary>
    public string? SourceKey { get; set; }

    /// <summary>Hash of the content last imported from the source, so an unchanged record is left untouched.</summary>
    public string? ImportHash { get; set; }

    /// <summary>UTC instant of the last change.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>
    /// UTC instant an administrator approved the organisation's claim on its listings. Claimed
    /// listings carry a badge and rank a little higher (see ADR 4).
    /// </summary>
    public DateTime? ClaimedAt { get; set; }

    /// <summary>The account whose claim was approved; it may edit the organisation's listings.</summary>
    public string? ClaimedByUserId { get; set; }

    public List<CommunityAsset> Assets { get; } = [];

    public List<Location> Locations { get; } = [];

    public List<Phone> Phones { get; } = [];

    public List<Contact> Contacts { get; } = [];
}
