using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>
/// A change or an addition the person suggested to their own record. A practitioner accepts it (it is then
/// applied and marked "written by me") or declines it with a note the person sees.
/// </summary>
public class SuggestedChange : IAuditedRecord, IPersonalRecord
{
    public const int TextLimit = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public SuggestionTarget Target { get; set; }

    /// <summary>The record the suggestion changes (goal, strength, tie...); null for an addition or an About Me section.</summary>
    public Guid? TargetId { get; set; }

    /// <summary>Which part: the <see cref="AboutMeSection"/> name for About Me; otherwise null.</summary>
    public string? Field { get; set; }

    /// <summary>The words the person suggests.</summary>
    [ProtectedText]
    public required string ProposedText { get; set; }

    /// <summary>What the record said when they suggested the change, so the practitioner sees both.</summary>
    [ProtectedText]
    public string? CurrentText { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SuggestedAt { get; set; }

    public SuggestionStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? DecidedAt { get; set; }

    public string? DecidedByName { get; set; }

    /// <summary>Why it was declined, for the person.</summary>
    [ProtectedText]
    public string? DecisionNote { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>What a suggestion is about.</summary>
public enum SuggestionTarget
{
    AboutMeSection,
    Strength,
    NewStrength,
    Goal,
    NewGoal,
    GoalAction,
    NewGoalAction,
    NetworkTie,
    NewNetworkTie,
}

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Declined,
}
