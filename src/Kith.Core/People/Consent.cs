using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>
/// What a person agreed to share and with whom, when and how. Withdrawal sets <see cref="WithdrawnAt"/>;
/// every check of consent reads the current rows, so withdrawal takes effect everywhere at once.
/// </summary>
public class Consent : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public ConsentScope Scope { get; set; }

    /// <summary>For <see cref="ConsentScope.NamedOrganisation"/>: the organisation in the directory, where it is there.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>For <see cref="ConsentScope.NamedOrganisation"/>: the organisation's name as agreed.</summary>
    public string? OrganisationName { get; set; }

    public DateOnly AgreedOn { get; set; }

    public ConsentMethod How { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>UTC instant consent was withdrawn; null while it stands.</summary>
    public DateTime? WithdrawnAt { get; set; }

    public string? WithdrawnNote { get; set; }
}

/// <summary>Who a person agreed to share with.</summary>
public enum ConsentScope
{
    /// <summary>The teams working with them.</summary>
    Team,

    /// <summary>An organisation they named.</summary>
    NamedOrganisation,

    /// <summary>Community assets Kith introduces them to (name, contact and what they want the group to know).</summary>
    CommunityAssets,

    /// <summary>Anonymised use in research and evaluation.</summary>
    ResearchAndEvaluation,
}

/// <summary>How consent was given.</summary>
public enum ConsentMethod
{
    Verbally,
    InWriting,
    Online,
}
