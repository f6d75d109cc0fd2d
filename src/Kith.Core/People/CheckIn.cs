using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>
/// An outcome instrument loaded into Kith: its definition (items, options, scoring, reverse coding) is JSON
/// read by the instrument engine. Built-in free instruments ship with Kith; organisations load others.
/// </summary>
public class InstrumentDefinition : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable key, e.g. "ons4"; unique.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>The whole definition as loaded.</summary>
    public required string Definition { get; set; }

    /// <summary>The licence or terms of use, shown with the instrument.</summary>
    public string? LicenceText { get; set; }

    /// <summary>Whether Kith may ship it to others (false for licensed measures an organisation loads itself).</summary>
    public bool MayBeShipped { get; set; }

    public bool BuiltIn { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LoadedAt { get; set; }

    /// <summary>UTC instant it stopped being offered; past check-ins keep it.</summary>
    public DateTime? RetiredAt { get; set; }
}

/// <summary>One completed instrument for a person at a date.</summary>
public class CheckIn : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public required string InstrumentKey { get; set; }

    public required string InstrumentVersion { get; set; }

    public DateOnly TakenOn { get; set; }

    public CheckInStage Stage { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public List<CheckInAnswer> Answers { get; set; } = [];
}

/// <summary>The value given for one item, as answered (before any reverse coding).</summary>
public class CheckInAnswer : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CheckInId { get; set; }

    public Guid PersonId { get; set; }

    public required string ItemKey { get; set; }

    public int Value { get; set; }
}

/// <summary>When in the work with the person the check-in was taken.</summary>
public enum CheckInStage
{
    Start,
    FollowUp,
    End,
    Other,
}
