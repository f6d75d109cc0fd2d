using Kith.Core.People;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Connections.Introductions;

/// <summary>How the person told the practitioner they agree to be introduced.</summary>
public enum IntroductionConsent
{
    /// <summary>Said yes when they met.</summary>
    InPerson,

    /// <summary>Said yes on the phone or a video call.</summary>
    OnThePhone,

    /// <summary>Said yes in writing: a letter, an email, a text message or a form.</summary>
    InWriting,
}

/// <summary>What a group said through its link (or its inbox).</summary>
public enum IntroductionResponse
{
    /// <summary>The group will welcome the person: requested → accepted.</summary>
    Accept,

    /// <summary>The group cannot take the person, with a reason: requested → rejected.</summary>
    Decline,

    /// <summary>The person came along: accepted → in-progress (through accepted when the group had not yet answered).</summary>
    Attended,
}

/// <summary>
/// A practitioner's introduction of a person to a community group, made with the person's consent (ADR 20).
/// It holds only the minimum the group sees (<see cref="SharedName"/>, <see cref="SharedContact"/>,
/// <see cref="SharedNote"/>), who recorded the consent and how, and the SHA-256 hash of the link's token: the
/// token itself is only ever in the email. One per connection.
/// </summary>
public class Introduction : IAuditedRecord, IPersonalRecord
{
    public const int NameLimit = 200;

    public const int ContactLimit = 300;

    public const int NoteLimit = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConnectionId { get; set; }

    public Guid PersonId { get; set; }

    public Guid CommunityAssetId { get; set; }

    public IntroductionConsent Consent { get; set; }

    public string? ConsentRecordedByUserId { get; set; }

    /// <summary>The practitioner who recorded the consent and sent the introduction, as named at the time.</summary>
    public required string ConsentRecordedByName { get; set; }

    /// <summary>UTC. The same instant the introduction was sent.</summary>
    public DateTime ConsentRecordedAt { get; set; }

    /// <summary>The name the group should use for the person.</summary>
    public required string SharedName { get; set; }

    /// <summary>How the group can reach the person (a phone number, an email, "through Sam at the practice").</summary>
    public required string SharedContact { get; set; }

    /// <summary>What the person would like the group to know, in their words; null when nothing.</summary>
    public string? SharedNote { get; set; }

    /// <summary>Where the email with the link went.</summary>
    public required string RecipientEmail { get; set; }

    /// <summary>Lower-case hex SHA-256 of the link's token (UTF-8 of its base64url text).</summary>
    public required string TokenHash { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SentAt { get; set; }

    /// <summary>UTC instant from which the link no longer works (exclusive: at this instant it has expired).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The group's first answer, for responsiveness; null until they answer.</summary>
    public IntroductionResponse? FirstResponse { get; set; }

    /// <summary>UTC instant of the first answer.</summary>
    public DateTime? FirstRespondedAt { get; set; }

    /// <summary>UTC instant the introduction was finished (declined or attended): the link then only shows the outcome.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Whether the consent method's words, lower case, for inside a sentence: "said yes in person".</summary>
    public static string Describe(IntroductionConsent method) => method switch
    {
        IntroductionConsent.InPerson => "said yes in person",
        IntroductionConsent.OnThePhone => "said yes on the phone or a video call",
        _ => "said yes in writing",
    };

    /// <summary>Who the group is recorded as when it answers through the emailed link.</summary>
    public static ProcessContext ByLink(string assetName) => new(null, $"{assetName} (by the emailed link)");
}

/// <summary>
/// Thrown when an introduction cannot be made as asked; the message says, in plain words, what to do. Nothing is saved.
/// </summary>
public sealed class IntroductionRefusedException : InvalidOperationException
{
    public IntroductionRefusedException()
    {
    }

    public IntroductionRefusedException(string message)
        : base(message)
    {
    }

    public IntroductionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
