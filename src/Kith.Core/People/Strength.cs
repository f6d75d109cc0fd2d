using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>
/// Something a person is good at, knows, loves or could share, in their words, with who named it. Not
/// encrypted: connecting people with community assets searches it (<see cref="SearchText"/>).
/// </summary>
public class Strength : IAuditedRecord, IPersonalRecord
{
    public const int WordsLimit = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public StrengthCategory Category { get; set; }

    /// <summary>In the person's words: "I grow tomatoes on the allotment".</summary>
    public required string Words { get; set; }

    public NamedBy NamedBy { get; set; }

    /// <summary>Who named it, in words, when not the person ("her son Dan").</summary>
    public string? NamedByName { get; set; }

    /// <summary>
    /// <see cref="Words"/> folded for matching: lower case, accents removed, punctuation as spaces, single
    /// spaces. Kept in step by the service that saves the strength.
    /// </summary>
    public required string SearchText { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>UTC instant it was taken off the record (kept for history); null while current.</summary>
    public DateTime? RemovedAt { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>The kinds of strength.</summary>
public enum StrengthCategory
{
    Skill,
    Knowledge,
    PassionOrInterest,

    /// <summary>Something the person could share with others: volunteering is a connection too.</summary>
    Gift,
    Quality,
    Experience,
}

/// <summary>Who named a strength.</summary>
public enum NamedBy
{
    Person,
    Family,
    Worker,
}
