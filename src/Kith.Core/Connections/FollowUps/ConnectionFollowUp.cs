using Kith.Core.People;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Connections.FollowUps;

/// <summary>How a follow-up went, as the practitioner records it.</summary>
public enum FollowUpOutcome
{
    /// <summary>Spoke to the person (by phone or message).</summary>
    SpokeToThem,

    /// <summary>Saw the person face to face.</summary>
    MetThem,

    /// <summary>Left a message; no answer yet.</summary>
    LeftMessage,

    /// <summary>Tried and could not reach them. The connection still needs a call.</summary>
    CouldNotReach,
}

/// <summary>Why a follow-up was closed without being done.</summary>
public enum FollowUpClosure
{
    /// <summary>The connection became final (declined, completed, cancelled or did not work out) before anyone followed up.</summary>
    ConnectionEnded,

    /// <summary>Someone had followed the connection up within the quiet days when this one fell due, so no reminder was sent.</summary>
    CoveredByRecentFollowUp,

    /// <summary>A later follow-up fell due before this one was done; the later one stands instead.</summary>
    Superseded,
}

/// <summary>
/// One follow-up of a connection: the 1st, 2nd... at the configured days after the connection was introduced or
/// passed on (<see cref="Number"/>), or one recorded when none was due (<see cref="Number"/> null). It is open
/// until it is done (<see cref="DoneAt"/>) or closed (<see cref="ClosedAt"/>); the practitioner it is for gets at
/// most one reminder email for it (<see cref="RemindedAt"/>). See docs/adr/0022-follow-ups-without-nagging.md.
/// </summary>
public class ConnectionFollowUp : IAuditedRecord, IPersonalRecord
{
    /// <summary>Longest note Kith accepts on a follow-up.</summary>
    public const int NoteLimit = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConnectionId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>1 for the first scheduled follow-up, 2 for the second...; null for one recorded when none was due. Unique per connection.</summary>
    public int? Number { get; set; }

    /// <summary>UTC instant it fell due: the introduction plus the interval, or when it was recorded for an unscheduled one.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The account of the practitioner it is for (who made the connection); null when the system made the connection.</summary>
    public string? ForUserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant its one reminder email was queued; null when none was (nobody to send to, or not needed).</summary>
    public DateTime? RemindedAt { get; set; }

    /// <summary>UTC instant it was recorded done; null while open.</summary>
    public DateTime? DoneAt { get; set; }

    public string? DoneByUserId { get; set; }

    /// <summary>The name of who did it, at the time.</summary>
    public string? DoneByName { get; set; }

    public FollowUpOutcome? Outcome { get; set; }

    public string? Note { get; set; }

    /// <summary>UTC instant it was closed without being done; null otherwise.</summary>
    public DateTime? ClosedAt { get; set; }

    public FollowUpClosure? Closure { get; set; }

    /// <summary>Optimistic concurrency: incremented on each change, so a follow-up is recorded done once.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Neither done nor closed.</summary>
    public bool IsOpen => DoneAt is null && ClosedAt is null;

    /// <summary>Records it done. Throws when it already is.</summary>
    /// <param name="now">UTC.</param>
    /// <exception cref="InvalidOperationException">When it was already recorded done.</exception>
    public void MarkDone(FollowUpOutcome outcome, string? note, ProcessContext by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (DoneAt is not null)
        {
            throw new InvalidOperationException("This follow-up has already been recorded.");
        }

        DoneAt = now;
        DoneByUserId = by.UserId;
        DoneByName = by.ActorName;
        Outcome = outcome;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
    }

    /// <summary>Closes an open follow-up without it being done.</summary>
    /// <param name="now">UTC.</param>
    public void Close(FollowUpClosure why, DateTime now)
    {
        ClosedAt = now;
        Closure = why;
        Version++;
    }

    /// <summary>The outcome as shown: "Spoke to them", "Met them", "Left a message", "Could not reach them".</summary>
    public static string Describe(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.SpokeToThem => "Spoke to them",
        FollowUpOutcome.MetThem => "Met them",
        FollowUpOutcome.LeftMessage => "Left a message",
        _ => "Could not reach them",
    };
}
