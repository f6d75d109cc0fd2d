using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.Directory.Stewardship;

/// <summary>Where a claim or a proposal stands.</summary>
public enum ClaimStatus
{
    Pending,
    Approved,
    Denied,
}

/// <summary>
/// Someone's claim that an organisation's listings are theirs to keep up to date. Anyone may make one
/// without an account; an administrator checks the evidence and approves or denies it (ADR 0015). The
/// claimant's name, email, role and evidence are personal data: stored encrypted, never in the audit
/// trail in clear, and every read by staff is audited.
/// </summary>
public class ListingClaim : IAuditedRecord
{
    public const int NameLimit = 100;
    public const int EmailLimit = 256;
    public const int RoleLimit = 100;
    public const int EvidenceLimit = 2000;
    public const int ReasonLimit = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    [ProtectedText]
    public required string ClaimantName { get; set; }

    /// <summary>The claimant's work email as typed (trimmed). The account made on approval uses it.</summary>
    [ProtectedText]
    public required string ClaimantEmail { get; set; }

    /// <summary>Their role at the organisation, in their words ("Secretary", "Volunteer coordinator").</summary>
    [ProtectedText]
    public required string ClaimantRole { get; set; }

    /// <summary>How an administrator can check the claim, e.g. a phone number on the organisation's website.</summary>
    [ProtectedText]
    public required string Evidence { get; set; }

    public ClaimStatus Status { get; set; }

    /// <summary>UTC instant the claim was made.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant an administrator approved or denied it.</summary>
    public DateTime? DecidedAt { get; set; }

    public string? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    /// <summary>Why it was denied (required then; it is emailed to the claimant) or a note on approval.</summary>
    [ProtectedText]
    public string? Reason { get; set; }

    /// <summary>The account the claimant got or was matched to on approval.</summary>
    public string? ClaimantUserId { get; set; }

    /// <summary>UTC instant the claimant's details were erased, for a denied claim past its retention.</summary>
    public DateTime? ErasedAt { get; set; }
}
