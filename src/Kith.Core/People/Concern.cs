using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>A material or structural problem (money, housing...), recorded honestly, beside the strengths and never before them.</summary>
public class Concern : IAuditedRecord, IPersonalRecord
{
    public const int TextLimit = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public ConcernArea Area { get; set; }

    [ProtectedText]
    public required string Description { get; set; }

    public ConcernStatus Status { get; set; }

    /// <summary>Who is helping, in words.</summary>
    [ProtectedText]
    public string? WhoIsHelping { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;
}

public enum ConcernArea
{
    Money,
    Housing,
    Health,
    Safety,
    Loneliness,
    WorkOrLearning,
    Caring,
    Other,
}

public enum ConcernStatus
{
    /// <summary>Recorded; nobody is helping yet.</summary>
    Noted,
    BeingHelpedWith,
    Resolved,
}
