using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory;

/// <summary>
/// Anything in a place that supports health and wellbeing. Maps one-to-one onto HSDS <c>service</c>,
/// with Kith's additions: the ABCD kind, how to get involved, the introduction policy, when it was
/// last verified and where the record came from.
/// </summary>
public class CommunityAsset : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public string? Email { get; set; }

    public AssetStatus Status { get; set; } = AssetStatus.Active;

    public string? InterpretationServices { get; set; }

    public string? ApplicationProcess { get; set; }

    public string? FeesDescription { get; set; }

    public string? EligibilityDescription { get; set; }

    /// <summary>Youngest age in whole years who can take part, inclusive.</summary>
    public int? MinimumAge { get; set; }

    /// <summary>Oldest age in whole years who can take part, inclusive.</summary>
    public int? MaximumAge { get; set; }

    public string? Alert { get; set; }

    public AssetKind Kind { get; set; }

    /// <summary>Plain words on how someone joins in: who to speak to, whether to just turn up.</summary>
    public string? HowToGetInvolved { get; set; }

    public IntroductionPolicy IntroductionPolicy { get; set; } = IntroductionPolicy.SignpostOnly;

    /// <summary>The date someone last confirmed the details are right (UK local date).</summary>
    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>How many review reminders have been sent since the listing was last verified (0 to 3).</summary>
    public int ReviewRemindersSent { get; set; }

    /// <summary>UTC instant the latest review reminder was sent; null when none since the last verification.</summary>
    public DateTime? LastReminderSentAt { get; set; }

    /// <summary>
    /// UTC instant the last review reminder went unanswered. While set, the listing sinks in search
    /// and shows "not checked since"; verifying the listing clears it.
    /// </summary>
    public DateTime? ReviewOverdueSince { get; set; }

    public RecordSource Source { get; set; } = RecordSource.Staff;

    /// <summary>The id this record has in the feed it was imported from, if any.</summary>
    public string? SourceId { get; set; }

    /// <summary>The feed or file this record was imported from (see <c>DirectoryImporter</c>); with the source id it identifies the record in that source.</summary>
    public string? SourceKey { get; set; }

    /// <summary>Hash of the content last imported from the source, so an unchanged record is left untouched.</summary>
    public string? ImportHash { get; set; }

    /// <summary>UTC instant the asset was archived; archived assets are kept but not shown in search.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>UTC instant the record was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant of the last change.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>Optimistic concurrency token: increases by one on every saved edit.</summary>
    public int Version { get; set; } = 1;

    public List<ServiceAtLocation> ServiceAtLocations { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<Phone> Phones { get; } = [];

    public List<Schedule> Schedules { get; } = [];

    public List<ServiceArea> ServiceAreas { get; } = [];

    public List<CostOption> CostOptions { get; } = [];

    public List<Language> Languages { get; } = [];

    public List<AssetTaxonomyTerm> TaxonomyTerms { get; } = [];

    /// <summary>True when no cost option asks for money.</summary>
    public bool IsFree => CostOptions.TrueForAll(c => c.Amount is null or 0m);

    public bool IsArchived => ArchivedAt is not null;
}
