using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>
/// Marks a record that belongs to one person's record. Its audit events carry <see cref="PersonId"/>, so the
/// person can see every access and change, and erasure and the subject-access export find everything.
/// </summary>
public interface IPersonalRecord
{
    Guid PersonId { get; }
}

/// <summary>
/// Someone the service works with. Never called a client, case or service user on screen. Most of what
/// Kith holds about them hangs off this record; <see cref="Teams"/> says which teams work with them.
/// </summary>
public class Person : IAuditedRecord, IPersonalRecord
{
    /// <summary>Longest name, preferred name, pronouns, language or email Kith accepts.</summary>
    public const int ShortTextLimit = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    Guid IPersonalRecord.PersonId => Id;

    /// <summary>Their name as they give it.</summary>
    public required string Name { get; set; }

    /// <summary>What they like to be called; shown in place of <see cref="Name"/> where set.</summary>
    public string? PreferredName { get; set; }

    public string? Pronouns { get; set; }

    /// <summary>Optional; never in the future.</summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Their NHS number, ten digits with no spaces, checked with <see cref="People.NhsNumber.TryParse"/>; null when not known.</summary>
    public string? NhsNumber { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    [ProtectedText]
    public string? Address { get; set; }

    /// <summary>Home postcode, normalised ("AV1 2AB"): the starting point for distances when connecting.</summary>
    public string? Postcode { get; set; }

    public ContactMethod PreferredContact { get; set; }

    /// <summary>In their words, e.g. "text first, not before 10am".</summary>
    public string? ContactNotes { get; set; }

    /// <summary>The language they prefer, in words ("Urdu", "British Sign Language").</summary>
    public string? PreferredLanguage { get; set; }

    public bool NeedsInterpreter { get; set; }

    /// <summary>The account the person signs in with, once invited (role Person).</summary>
    public string? UserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant of the last change to these details.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>The date the service stopped working with them; retention counts from it. Null while open.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Optimistic concurrency: incremented on each save of these details.</summary>
    public int Version { get; set; } = 1;

    public List<PersonTeam> Teams { get; set; } = [];

    /// <summary>The name to greet them by.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(PreferredName) ? Name : PreferredName;
}

/// <summary>A team working with a person.</summary>
public class PersonTeam : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid TeamId { get; set; }

    public DateOnly Since { get; set; }
}

/// <summary>How a person likes to be contacted.</summary>
public enum ContactMethod
{
    NoPreference,
    Email,
    Phone,
    TextMessage,
    Letter,
    InPerson,
}
