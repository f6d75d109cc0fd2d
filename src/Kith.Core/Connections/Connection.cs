using Kith.Core.Platform.Audit;
using Kith.Core.People;

namespace Kith.Core.Connections;

/// <summary>
/// Where a connection stands. The values mirror FHIR R4 <c>Task.status</c> one-to-one (see <see cref="Connection.ToFhirCode"/>),
/// restricted to the moves in <see cref="Connection"/> (docs/adr/0018-connections-lifecycle-and-matching.md).
/// </summary>
public enum ConnectionStatus
{
    /// <summary>Made, not yet put to the person or the group.</summary>
    Draft,

    /// <summary>Introduced to the group, or (signpost only) passed on to the person to go on their own.</summary>
    Requested,

    /// <summary>The group said yes, or the person said they will go.</summary>
    Accepted,

    /// <summary>Declined, with a reason. Final.</summary>
    Rejected,

    /// <summary>The person has attended at least once.</summary>
    InProgress,

    /// <summary>Finished well, with a note of how. Final.</summary>
    Completed,

    /// <summary>Stopped by the person or the practitioner, with a reason. Final.</summary>
    Cancelled,

    /// <summary>Did not work out, with a reason. Final.</summary>
    Failed,
}

/// <summary>How the person reaches the asset.</summary>
public enum ConnectionKind
{
    /// <summary>The person is told about the asset and goes on their own; the group is never contacted. First-class, followed up the same way.</summary>
    SignpostOnly,

    /// <summary>The practitioner introduces the person to the group, with their consent.</summary>
    Introduction,
}

/// <summary>
/// A person linked to a community asset by a practitioner: social prescribing, signposting or an introduction.
/// The entity guards its own lifecycle (FHIR Task): every move goes through a method that refuses an illegal one
/// with a <see cref="ConnectionTransitionException"/>, and each move appends a <see cref="ConnectionTransition"/>.
/// <see cref="Version"/> is a concurrency token, so two saves of the same move (a double click) move it once.
/// </summary>
public class Connection : IAuditedRecord, IPersonalRecord
{
    /// <summary>Longest note or reason Kith accepts on a move.</summary>
    public const int NoteLimit = 2000;

    private static readonly Dictionary<ConnectionStatus, ConnectionStatus[]> Moves = new()
    {
        [ConnectionStatus.Draft] = [ConnectionStatus.Requested],
        [ConnectionStatus.Requested] = [ConnectionStatus.Accepted, ConnectionStatus.Rejected],
        [ConnectionStatus.Accepted] = [ConnectionStatus.InProgress],
        [ConnectionStatus.InProgress] = [ConnectionStatus.Completed, ConnectionStatus.Cancelled, ConnectionStatus.Failed],
        [ConnectionStatus.Rejected] = [],
        [ConnectionStatus.Completed] = [],
        [ConnectionStatus.Cancelled] = [],
        [ConnectionStatus.Failed] = [],
    };

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid CommunityAssetId { get; set; }

    public ConnectionKind Kind { get; set; }

    public ConnectionStatus Status { get; set; }

    /// <summary>The reason given with the latest move into <see cref="ConnectionStatus.Rejected"/>, a finish, or null.</summary>
    public string? StatusReason { get; set; }

    /// <summary>The account of the practitioner who made it; null when the system made it (a referral received).</summary>
    public string? MadeByUserId { get; set; }

    /// <summary>The practitioner's name at the time, so the record reads after an account goes.</summary>
    public required string MadeByName { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant of the latest move.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>Optimistic concurrency: incremented on each move.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Every move, oldest first once loaded in order (<see cref="ConnectionTransition.Sequence"/>).</summary>
    public List<ConnectionTransition> Transitions { get; set; } = [];

    /// <summary>Whether no move leads out of <see cref="Status"/>.</summary>
    public bool IsFinal => Moves[Status].Length == 0;

    /// <summary>A new connection in <see cref="ConnectionStatus.Draft"/>, with its first transition.</summary>
    /// <param name="now">UTC.</param>
    public static Connection Create(Guid personId, Guid communityAssetId, ConnectionKind kind, ProcessContext by, DateTime now, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        var connection = new Connection
        {
            PersonId = personId,
            CommunityAssetId = communityAssetId,
            Kind = kind,
            Status = ConnectionStatus.Draft,
            MadeByUserId = by.UserId,
            MadeByName = by.ActorName,
            CreatedAt = now,
            LastModified = now,
        };
        connection.Transitions.Add(connection.Record(null, ConnectionStatus.Draft, by, now, Clean(note), 1));
        return connection;
    }

    /// <summary>The moves allowed out of a status, in the table's order.</summary>
    public static IReadOnlyList<ConnectionStatus> MovesFrom(ConnectionStatus status) => Moves[status];

    /// <summary>Whether the move needs a reason: declining and every finish.</summary>
    public static bool NeedsReason(ConnectionStatus to) =>
        to is ConnectionStatus.Rejected or ConnectionStatus.Completed or ConnectionStatus.Cancelled or ConnectionStatus.Failed;

    /// <summary>Draft → requested: introduced to the group, or passed on to the person (signpost only).</summary>
    public ConnectionTransition Introduce(ProcessContext by, DateTime now, string? note = null) => MoveTo(ConnectionStatus.Requested, by, now, note);

    /// <summary>Requested → accepted.</summary>
    public ConnectionTransition Accept(ProcessContext by, DateTime now, string? note = null) => MoveTo(ConnectionStatus.Accepted, by, now, note);

    /// <summary>Requested → rejected; <paramref name="reason"/> is required.</summary>
    public ConnectionTransition Decline(ProcessContext by, DateTime now, string reason) => MoveTo(ConnectionStatus.Rejected, by, now, reason);

    /// <summary>Accepted → in-progress: the person first attended.</summary>
    public ConnectionTransition Start(ProcessContext by, DateTime now, string? note = null) => MoveTo(ConnectionStatus.InProgress, by, now, note);

    /// <summary>In-progress → completed, cancelled or failed; <paramref name="reason"/> is required.</summary>
    /// <exception cref="ConnectionTransitionException">When <paramref name="outcome"/> is not a finish, or the move is not allowed.</exception>
    public ConnectionTransition Finish(ConnectionStatus outcome, ProcessContext by, DateTime now, string reason)
    {
        if (outcome is not (ConnectionStatus.Completed or ConnectionStatus.Cancelled or ConnectionStatus.Failed))
        {
            throw new ConnectionTransitionException(Status, outcome, $"A connection finishes as completed, cancelled or failed, not {Describe(outcome)}.");
        }

        return MoveTo(outcome, by, now, reason);
    }

    /// <summary>
    /// The one place a connection changes status: checks the move against the table, requires a reason where the
    /// table does, bumps <see cref="Version"/> and appends the transition.
    /// </summary>
    /// <param name="now">UTC.</param>
    /// <exception cref="ConnectionTransitionException">When the move is not in the table, or a needed reason is missing or too long.</exception>
    public ConnectionTransition MoveTo(ConnectionStatus to, ProcessContext by, DateTime now, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Moves[Status].Contains(to))
        {
            throw new ConnectionTransitionException(Status, to, RefusalMessage(Status, to));
        }

        var text = Clean(note);
        if (NeedsReason(to) && text is null)
        {
            throw new ConnectionTransitionException(Status, to, $"Give a reason for moving this connection to {Describe(to)}.");
        }

        if (text is { Length: > NoteLimit })
        {
            throw new ConnectionTransitionException(Status, to, $"The note must be {NoteLimit} characters or fewer; it has {text.Length}.");
        }

        var from = Status;
        Status = to;
        StatusReason = NeedsReason(to) ? text : StatusReason;
        LastModified = now;
        Version++;
        var transition = Record(from, to, by, now, text, Version);
        Transitions.Add(transition);
        return transition;
    }

    /// <summary>The FHIR R4 Task.status code: "draft", "requested", "accepted", "rejected", "in-progress", "completed", "cancelled", "failed".</summary>
    public static string ToFhirCode(ConnectionStatus status) => status switch
    {
        ConnectionStatus.Draft => "draft",
        ConnectionStatus.Requested => "requested",
        ConnectionStatus.Accepted => "accepted",
        ConnectionStatus.Rejected => "rejected",
        ConnectionStatus.InProgress => "in-progress",
        ConnectionStatus.Completed => "completed",
        ConnectionStatus.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>The status in words, lower case, for inside a sentence.</summary>
    public static string Describe(ConnectionStatus status) => status switch
    {
        ConnectionStatus.Draft => "draft",
        ConnectionStatus.Requested => "introduced",
        ConnectionStatus.Accepted => "accepted",
        ConnectionStatus.Rejected => "declined",
        ConnectionStatus.InProgress => "attending",
        ConnectionStatus.Completed => "completed",
        ConnectionStatus.Cancelled => "cancelled",
        _ => "did not work out",
    };

    private static string RefusalMessage(ConnectionStatus from, ConnectionStatus to)
    {
        if (from == to)
        {
            return $"This connection is already {Describe(from)}.";
        }

        if (to == ConnectionStatus.Rejected && from is ConnectionStatus.InProgress or ConnectionStatus.Completed)
        {
            return "The person has already attended, so this introduction can no longer be declined. Record how it went instead.";
        }

        if (Moves[from].Length == 0)
        {
            return $"This connection is {Describe(from)} and cannot change any more.";
        }

        var allowed = string.Join(" or ", Moves[from].Select(Describe));
        return $"A connection that is {Describe(from)} cannot become {Describe(to)}; it can only become {allowed}.";
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private ConnectionTransition Record(ConnectionStatus? from, ConnectionStatus to, ProcessContext by, DateTime now, string? note, int sequence) => new()
    {
        ConnectionId = Id,
        PersonId = PersonId,
        Sequence = sequence,
        From = from,
        To = to,
        At = now,
        ByUserId = by.UserId,
        ByName = by.ActorName,
        Note = note,
    };
}

/// <summary>One move of a connection: from which status to which, who, when, and their note or reason.</summary>
public class ConnectionTransition : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConnectionId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The connection's <see cref="Connection.Version"/> after the move: 1 for the creation; unique per connection, so a move saved twice fails.</summary>
    public int Sequence { get; set; }

    /// <summary>Null for the creation.</summary>
    public ConnectionStatus? From { get; set; }

    public ConnectionStatus To { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    /// <summary>The note, or the reason where the move needs one.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// Thrown by <see cref="Connection"/> when a move is not in the lifecycle's table (or lacks the reason it needs).
/// The message says, in plain words, what is allowed; nothing changes.
/// </summary>
public sealed class ConnectionTransitionException : InvalidOperationException
{
    public ConnectionTransitionException(ConnectionStatus from, ConnectionStatus to, string message)
        : base(message)
    {
        From = from;
        To = to;
    }

    public ConnectionTransitionException()
    {
    }

    public ConnectionTransitionException(string message)
        : base(message)
    {
    }

    public ConnectionTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectionStatus From { get; }

    public ConnectionStatus To { get; }
}
