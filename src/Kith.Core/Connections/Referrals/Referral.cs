using Kith.Core.People;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Connections.Referrals;

/// <summary>Where a referral received from another system stands before (and after) it becomes a connection.</summary>
public enum ReferralStage
{
    /// <summary>Kith could not tell for sure who the person is: staff confirm a match or make a new record.</summary>
    NeedsReview,

    /// <summary>The person is known; a link worker has still to choose a community asset with them.</summary>
    AwaitingConnection,

    /// <summary>A connection was made; the referrer's Task follows it.</summary>
    Connected,
}

/// <summary>How the person on a referral was found.</summary>
public enum ReferralMatch
{
    /// <summary>Not yet: the referral waits for review.</summary>
    None,

    /// <summary>One record had the same NHS number.</summary>
    NhsNumber,

    /// <summary>One record had the same name and date of birth, and no different NHS number.</summary>
    NameAndBirthDate,

    /// <summary>No record matched, so a new one was made.</summary>
    NewRecord,

    /// <summary>Staff confirmed which record it is, or made a new one, at review.</summary>
    Reviewed,
}

/// <summary>
/// A referral to social prescribing received from an outside system (a FHIR ServiceRequest from a GP system), and
/// the Task the referrer reads back. It is not a <see cref="Connection"/>: a referral names no community asset, so
/// it waits here until a link worker chooses one with the person; then <see cref="ConnectionId"/> points at the
/// connection and the Task follows its status (docs/adr/0021-fhir-referrals-and-tasks.md).
/// The patient's details as sent are kept so staff can review an uncertain match. Once the person is known it is
/// part of their record (erased and exported with it); while under review it belongs to nobody yet, and its audit
/// events carry no person.
/// </summary>
public class Referral : IAuditedRecord, IPersonalRecord
{
    /// <summary>Longest note Kith keeps from a referral.</summary>
    public const int NoteLimit = 10_000;

    /// <summary>Longest identifier system or value accepted.</summary>
    public const int IdentifierLimit = 200;

    /// <summary>Also the Task's and the ServiceRequest's logical id under /fhir.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The <see cref="ReferrerClient"/> that sent it; it alone reads the Task.</summary>
    public Guid ClientId { get; set; }

    /// <summary>The ServiceRequest identifier's system; with <see cref="IdentifierValue"/> unique per client.</summary>
    public required string IdentifierSystem { get; set; }

    public required string IdentifierValue { get; set; }

    public ReferralStage Stage { get; set; }

    public ReferralMatch MatchedBy { get; set; }

    /// <summary>The person, once known; null while <see cref="ReferralStage.NeedsReview"/>.</summary>
    public Guid? PersonId { get; set; }

    /// <summary><see cref="Guid.Empty"/> while under review: no person's record yet.</summary>
    Guid IPersonalRecord.PersonId => PersonId ?? Guid.Empty;

    /// <summary>The connection made from it, once a community asset is chosen.</summary>
    public Guid? ConnectionId { get; set; }

    /// <summary>NHS number as sent (ten digits), or null.</summary>
    public string? PatientNhsNumber { get; set; }

    public required string PatientName { get; set; }

    public DateOnly PatientBirthDate { get; set; }

    public string? PatientPostcode { get; set; }

    public string? PatientPhone { get; set; }

    /// <summary>Who referred, as the referrer named them ("Dr A Patel, Riverside Surgery").</summary>
    public string? RequesterName { get; set; }

    /// <summary>The referral's notes, joined.</summary>
    public string? Note { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>UTC instant of the latest change to the referral itself (the connection keeps its own).</summary>
    public DateTime LastModified { get; set; }

    /// <summary>Optimistic concurrency: two staff resolving the same review resolve it once.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>An outside system allowed to send referrals and read their Tasks: OAuth2 client credentials issued by an administrator.</summary>
public class ReferrerClient : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The organisation, as administrators and consent records name it ("Riverside Surgery").</summary>
    public required string Name { get; set; }

    /// <summary>The OAuth2 client_id, public.</summary>
    public required string ClientKey { get; set; }

    /// <summary>SHA-256 of the secret, hex; the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The team that works with the people this client refers, when a new record is made.</summary>
    public Guid TeamId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    /// <summary>UTC instant of revocation; its tokens stop working at once.</summary>
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A bearer access token issued to a <see cref="ReferrerClient"/>: random, stored only as its SHA-256.</summary>
public class ReferrerToken
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClientId { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>UTC.</summary>
    public DateTime IssuedAt { get; set; }

    /// <summary>UTC; the token is refused from this instant.</summary>
    public DateTime ExpiresAt { get; set; }
}
