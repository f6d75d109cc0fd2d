using System.Globalization;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.FollowUps;

/// <summary>What one sweep did.</summary>
/// <param name="Created">Follow-ups that fell due and were created.</param>
/// <param name="Reminded">Of those, how many had a reminder email queued.</param>
/// <param name="Covered">Of those, how many needed no reminder: the connection was followed up within the quiet days.</param>
/// <param name="Closed">Open follow-ups closed because their connection became final.</param>
public sealed record FollowUpSweepOutcome(int Created, int Reminded, int Covered, int Closed);

/// <summary>What asking to record a follow-up came to.</summary>
public enum RecordFollowUpOutcome
{
    /// <summary>Saved.</summary>
    Recorded,

    /// <summary>This follow-up was already recorded (a double click, or a second tab): nothing changed.</summary>
    AlreadyRecorded,
}

/// <summary>A follow-up to record.</summary>
/// <param name="FollowUpId">The open follow-up being done, or a new id (made when the form was shown) for one recorded when none was due; a repeat with the same id records nothing.</param>
public sealed record RecordFollowUpOptions(Guid PersonId, Guid ConnectionId, Guid FollowUpId, FollowUpOutcome Outcome, string? Note);

/// <summary>A follow-up already done, as shown.</summary>
/// <param name="DoneAt">UTC.</param>
public sealed record FollowUpDone(int? Number, DateTime DoneAt, string ByName, FollowUpOutcome Outcome, string? Note);

/// <summary>A connection as its follow-up page shows it.</summary>
/// <param name="OpenFollowUpId">The follow-up due now, if one is.</param>
/// <param name="OpenDueAt">UTC.</param>
/// <param name="IntroducedAt">UTC; null while still a draft.</param>
public sealed record FollowUpState(
    Guid ConnectionId,
    string AssetName,
    ConnectionKind Kind,
    ConnectionStatus Status,
    int Version,
    DateTime? IntroducedAt,
    Guid? OpenFollowUpId,
    int? OpenNumber,
    DateTime? OpenDueAt,
    IReadOnlyList<FollowUpDone> Done);

/// <summary>Which group of the caseload a connection is in.</summary>
public enum CaseloadGroup
{
    /// <summary>Introduced or passed on, no reply yet.</summary>
    WaitingToHear,

    /// <summary>Accepted, or the person is going.</summary>
    Connected,

    /// <summary>A follow-up is due, the last call did not reach them, or it ended badly without a follow-up since.</summary>
    NeedsACall,
}

/// <summary>Why a connection needs a call.</summary>
public enum NeedsACallReason
{
    /// <summary>A follow-up is due or overdue.</summary>
    FollowUpDue,

    /// <summary>The last follow-up could not reach the person.</summary>
    CouldNotReach,

    /// <summary>Declined, or did not work out, recently, and nobody has followed up since.</summary>
    Ended,
}

/// <summary>Whose connections the caseload shows.</summary>
public enum CaseloadScope
{
    /// <summary>The connections the user made, of people their teams work with.</summary>
    Mine,

    /// <summary>Every connection of the people the user's teams work with.</summary>
    Team,
}

/// <summary>One connection on the caseload.</summary>
/// <param name="IntroducedAt">UTC.</param>
/// <param name="DaysWaiting">Whole days since it was introduced, for "Waiting to hear".</param>
/// <param name="DueAt">UTC: the follow-up due now, or the next one to fall due; null when no more are scheduled.</param>
/// <param name="LastChangedAt">UTC instant of the connection's latest move.</param>
public sealed record CaseloadEntry(
    Guid PersonId,
    string PersonName,
    Guid ConnectionId,
    string AssetName,
    ConnectionKind Kind,
    ConnectionStatus Status,
    string? StatusReason,
    string MadeByName,
    CaseloadGroup Group,
    NeedsACallReason? Reason,
    DateTime? IntroducedAt,
    int DaysWaiting,
    DateTime? DueAt,
    int? DueNumber,
    DateTime LastChangedAt);

/// <summary>
/// Follows up connections without nagging (docs/adr/0022-follow-ups-without-nagging.md): a sweep creates each
/// follow-up as it falls due (at <see cref="FollowUpOptions.Intervals"/> days after the connection was introduced)
/// and sends the practitioner one reminder email for it, unless the connection was followed up within the quiet
/// days; follow-ups of connections that became final are closed. Practitioners record follow-ups, and the caseload
/// groups their live connections. Scoped.
/// </summary>
public sealed class FollowUpService(KithDbContext db, NotificationService notifications, PersonAccessService access, FollowUpOptions options, TimeProvider clock)
{
    /// <summary>The part named in "viewed" audit events written for each person on a caseload.</summary>
    public const string CaseloadAuditPart = "caseload";

    /// <summary>The most connections a caseload shows.</summary>
    public const int CaseloadLimit = 500;

    private static readonly ProcessContext Sweeper = ProcessContext.System("follow-up reminders");

    /// <summary>The event key of the reminder for follow-up <paramref name="number"/> of a connection: one email per follow-up, ever.</summary>
    public static string ReminderEventKey(Guid connectionId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"connection-follow-up:{connectionId:N}:{number}");

    /// <summary>Whether a connection in this status is still followed up: introduced, accepted or attending.</summary>
    public static bool IsLive(ConnectionStatus status) => status is ConnectionStatus.Requested or ConnectionStatus.Accepted or ConnectionStatus.InProgress;

    /// <summary>
    /// One pass: closes the open follow-ups of connections that became final, then creates each follow-up that has
    /// fallen due and queues its one reminder. Safe to run at any time, twice, or on several nodes at once: a
    /// follow-up's number is unique per connection and its email's event key is fixed, so neither is made twice.
    /// </summary>
    /// <param name="siteRoot">The public address of the site, for the link to the caseload.</param>
    public async Task<FollowUpSweepOutcome> SweepAsync(Uri siteRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        var now = Now;
        var closed = await CloseEndedAsync(now, cancellationToken);

        var intervals = options.Intervals;
        var earliest = now.AddDays(-intervals[0]);
        var candidates = await db.Connections.AsNoTracking()
            .Where(c => c.Status == ConnectionStatus.Requested || c.Status == ConnectionStatus.Accepted || c.Status == ConnectionStatus.InProgress)
            .Select(c => new
            {
                c.Id,
                c.PersonId,
                c.MadeByUserId,
                IntroducedAt = db.ConnectionTransitions.Where(t => t.ConnectionId == c.Id && t.To == ConnectionStatus.Requested).Min(t => (DateTime?)t.At),
            })
            .Where(c => c.IntroducedAt != null && c.IntroducedAt <= earliest)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);

        int created = 0, reminded = 0, covered = 0;
        foreach (var candidate in candidates)
        {
            var introducedAt = candidate.IntroducedAt!.Value;
            var existing = await db.ConnectionFollowUps.Where(f => f.ConnectionId == candidate.Id).ToListAsync(cancellationToken);
            var highest = existing.Max(f => f.Number) ?? 0;
            var due = intervals.Select((days, i) => (Number: i + 1, DueAt: introducedAt.AddDays(days)))
                .Where(d => d.DueAt <= now && d.Number > highest)
                .ToList();
            if (due.Count == 0)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            // Only the latest follow-up due is reminded; any older one still open is overtaken by it.
            foreach (var open in existing.Where(f => f.IsOpen))
            {
                open.Close(FollowUpClosure.Superseded, now);
            }

            var rows = due.Select(d => new ConnectionFollowUp
            {
                ConnectionId = candidate.Id,
                PersonId = candidate.PersonId,
                Number = d.Number,
                DueAt = d.DueAt,
                ForUserId = candidate.MadeByUserId,
                CreatedAt = now,
            }).ToList();
            foreach (var older in rows.SkipLast(1))
            {
                older.Close(FollowUpClosure.Superseded, now);
            }

            var latest = rows[^1];
            var lastDone = existing.Where(f => f.DoneAt is not null).Max(f => f.DoneAt);
            var isCovered = options.FollowUpQuietDays > 0 && lastDone >= now.AddDays(-options.FollowUpQuietDays);
            if (isCovered)
            {
                latest.Close(FollowUpClosure.CoveredByRecentFollowUp, now);
            }
            else if (await RecipientAsync(candidate.MadeByUserId, cancellationToken) is { } email)
            {
                var (subject, body) = ReminderEmail(latest.Number!.Value, siteRoot);
                notifications.AddEmail(email, subject, body, ReminderEventKey(candidate.Id, latest.Number.Value));
                latest.RemindedAt = now;
            }

            db.ConnectionFollowUps.AddRange(rows);
            if (await TrySaveAsync(Sweeper, cancellationToken))
            {
                created += rows.Count;
                reminded += latest.RemindedAt is null ? 0 : 1;
                covered += isCovered ? 1 : 0;
            }

            db.ChangeTracker.Clear();
        }

        return new FollowUpSweepOutcome(created, reminded, covered, closed);
    }

    /// <summary>The connection as its follow-up page shows it, or null when the person has no such connection. Not audited: the page is.</summary>
    public async Task<FollowUpState?> GetStateAsync(Guid personId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var connection = await db.Connections.AsNoTracking()
            .Where(c => c.Id == connectionId && c.PersonId == personId)
            .Join(db.CommunityAssets, c => c.CommunityAssetId, a => a.Id, (c, a) => new { c.Id, AssetName = a.Name, c.Kind, c.Status, c.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return null;
        }

        var introducedAt = await db.ConnectionTransitions.AsNoTracking()
            .Where(t => t.ConnectionId == connectionId && t.To == ConnectionStatus.Requested).MinAsync(t => (DateTime?)t.At, cancellationToken);
        var followUps = await db.ConnectionFollowUps.AsNoTracking().Where(f => f.ConnectionId == connectionId).ToListAsync(cancellationToken);
        var open = followUps.Where(f => f.IsOpen).OrderByDescending(f => f.DueAt).FirstOrDefault();
        var done = followUps.Where(f => f.DoneAt is not null).OrderByDescending(f => f.DoneAt)
            .Select(f => new FollowUpDone(f.Number, f.DoneAt!.Value, f.DoneByName ?? string.Empty, f.Outcome ?? FollowUpOutcome.SpokeToThem, f.Note))
            .ToList();
        return new FollowUpState(connection.Id, connection.AssetName, connection.Kind, connection.Status, connection.Version, introducedAt, open?.Id, open?.Number, open?.DueAt, done);
    }

    /// <summary>
    /// Records a follow-up: the open one named by <see cref="RecordFollowUpOptions.FollowUpId"/>, or a new one with
    /// that id when it names none. Any other open follow-up of the connection is then done too, so no reminder
    /// follows. A second call with the same id records nothing and answers <see cref="RecordFollowUpOutcome.AlreadyRecorded"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">When the person has no such connection.</exception>
    /// <exception cref="ArgumentException">When the note is longer than <see cref="ConnectionFollowUp.NoteLimit"/>.</exception>
    public async Task<RecordFollowUpOutcome> RecordAsync(RecordFollowUpOptions record, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (record.Note?.Trim() is { Length: > ConnectionFollowUp.NoteLimit })
        {
            throw new ArgumentException($"The note must be {ConnectionFollowUp.NoteLimit} characters or fewer.", nameof(record));
        }

        if (!await db.Connections.AnyAsync(c => c.Id == record.ConnectionId && c.PersonId == record.PersonId, cancellationToken))
        {
            throw new KeyNotFoundException($"The person has no connection {record.ConnectionId}.");
        }

        var now = Now;
        var followUp = await db.ConnectionFollowUps.SingleOrDefaultAsync(f => f.Id == record.FollowUpId, cancellationToken);
        if (followUp is not null && (followUp.ConnectionId != record.ConnectionId || followUp.DoneAt is not null))
        {
            return RecordFollowUpOutcome.AlreadyRecorded;
        }

        if (followUp is null)
        {
            followUp = new ConnectionFollowUp
            {
                Id = record.FollowUpId,
                ConnectionId = record.ConnectionId,
                PersonId = record.PersonId,
                DueAt = now,
                ForUserId = context.UserId,
                CreatedAt = now,
            };
            db.ConnectionFollowUps.Add(followUp);
        }

        followUp.ClosedAt = null;
        followUp.Closure = null;
        followUp.MarkDone(record.Outcome, record.Note, context, now);
        var others = await db.ConnectionFollowUps
            .Where(f => f.ConnectionId == record.ConnectionId && f.Id != record.FollowUpId && f.DoneAt == null && f.ClosedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.MarkDone(record.Outcome, record.Note, context, now);
        }

        return await TrySaveAsync(context, cancellationToken) ? RecordFollowUpOutcome.Recorded : RecordFollowUpOutcome.AlreadyRecorded;
    }

    /// <summary>
    /// The live connections (and the recently declined or failed ones) of people the user's teams work with, in
    /// <paramref name="scope"/>, grouped; each person shown is audited as one read of "caseload".
    /// </summary>
    public async Task<IReadOnlyList<CaseloadEntry>> CaseloadAsync(string userId, CaseloadScope scope, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(context);
        var now = Now;
        var endedSince = now.AddDays(-options.RecentlyEndedDays);
        var people = access.PeopleOfTeamsOf(userId);
        var connections = db.Connections.AsNoTracking()
            .Where(c => people.Contains(c.PersonId))
            .Where(c => c.Status == ConnectionStatus.Requested || c.Status == ConnectionStatus.Accepted || c.Status == ConnectionStatus.InProgress
                || ((c.Status == ConnectionStatus.Rejected || c.Status == ConnectionStatus.Failed) && c.LastModified >= endedSince));
        if (scope == CaseloadScope.Mine)
        {
            connections = connections.Where(c => c.MadeByUserId == userId);
        }

        var rows = await connections
            .Join(db.People.Where(p => p.ClosedOn == null), c => c.PersonId, p => p.Id, (c, p) => new { Connection = c, p.Name, p.PreferredName })
            .Join(db.CommunityAssets, x => x.Connection.CommunityAssetId, a => a.Id, (x, a) => new
            {
                x.Connection.Id,
                x.Connection.PersonId,
                x.Name,
                x.PreferredName,
                AssetName = a.Name,
                x.Connection.Kind,
                x.Connection.Status,
                x.Connection.StatusReason,
                x.Connection.MadeByName,
                x.Connection.LastModified,
            })
            .OrderBy(x => x.LastModified).Take(CaseloadLimit)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var introduced = (await db.ConnectionTransitions.AsNoTracking()
            .Where(t => ids.Contains(t.ConnectionId) && t.To == ConnectionStatus.Requested)
            .Select(t => new { t.ConnectionId, t.At }).ToListAsync(cancellationToken))
            .GroupBy(t => t.ConnectionId).ToDictionary(g => g.Key, g => g.Min(t => t.At));
        var followUps = (await db.ConnectionFollowUps.AsNoTracking().Where(f => ids.Contains(f.ConnectionId)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ConnectionId);

        var entries = new List<CaseloadEntry>();
        foreach (var row in rows)
        {
            DateTime? introducedAt = introduced.TryGetValue(row.Id, out var at) ? at : null;
            var mine = followUps[row.Id].ToList();
            var open = mine.Where(f => f.IsOpen).OrderByDescending(f => f.DueAt).FirstOrDefault();
            var lastDone = mine.Where(f => f.DoneAt is not null).MaxBy(f => f.DoneAt);
            var (group, reason) = Group(row.Status, row.LastModified, open, lastDone);
            if (group is null)
            {
                continue;
            }

            var (dueAt, dueNumber) = open is not null ? (open.DueAt, open.Number) : Next(introducedAt, mine, IsLive(row.Status));
            var waiting = introducedAt is { } since ? Math.Max(0, (int)(now - since).TotalDays) : 0;
            entries.Add(new CaseloadEntry(
                row.PersonId, string.IsNullOrWhiteSpace(row.PreferredName) ? row.Name : row.PreferredName, row.Id, row.AssetName, row.Kind, row.Status,
                row.StatusReason, row.MadeByName, group.Value, reason, introducedAt, waiting, dueAt, dueNumber, row.LastModified));
        }

        foreach (var personId in entries.Select(e => e.PersonId).Distinct())
        {
            await access.AddEventAsync(personId, AuditActions.Viewed, CaseloadAuditPart, context, cancellationToken);
        }

        return entries;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static (CaseloadGroup? Group, NeedsACallReason? Reason) Group(ConnectionStatus status, DateTime lastChanged, ConnectionFollowUp? open, ConnectionFollowUp? lastDone)
    {
        if (!IsLive(status))
        {
            return lastDone is null || lastDone.DoneAt < lastChanged ? (CaseloadGroup.NeedsACall, NeedsACallReason.Ended) : (null, null);
        }

        if (open is not null)
        {
            return (CaseloadGroup.NeedsACall, NeedsACallReason.FollowUpDue);
        }

        if (lastDone?.Outcome == FollowUpOutcome.CouldNotReach)
        {
            return (CaseloadGroup.NeedsACall, NeedsACallReason.CouldNotReach);
        }

        return (status == ConnectionStatus.Requested ? CaseloadGroup.WaitingToHear : CaseloadGroup.Connected, null);
    }

    /// <summary>The next scheduled follow-up not yet made: its due instant (UTC) and number.</summary>
    private (DateTime? DueAt, int? Number) Next(DateTime? introducedAt, List<ConnectionFollowUp> existing, bool live)
    {
        if (introducedAt is not { } since || !live)
        {
            return (null, null);
        }

        var highest = existing.Max(f => f.Number) ?? 0;
        var intervals = options.Intervals;
        return highest < intervals.Count ? (since.AddDays(intervals[highest]), highest + 1) : (null, null);
    }

    private async Task<int> CloseEndedAsync(DateTime now, CancellationToken cancellationToken)
    {
        var ended = await db.ConnectionFollowUps
            .Where(f => f.DoneAt == null && f.ClosedAt == null)
            .Where(f => db.Connections.Any(c => c.Id == f.ConnectionId
                && c.Status != ConnectionStatus.Requested && c.Status != ConnectionStatus.Accepted && c.Status != ConnectionStatus.InProgress))
            .ToListAsync(cancellationToken);
        foreach (var followUp in ended)
        {
            followUp.Close(FollowUpClosure.ConnectionEnded, now);
        }

        var closed = ended.Count > 0 && await TrySaveAsync(Sweeper, cancellationToken) ? ended.Count : 0;
        db.ChangeTracker.Clear();
        return closed;
    }

    private async Task<string?> RecipientAsync(string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Email != null && u.Email != string.Empty).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    private (string Subject, string Body) ReminderEmail(int number, Uri siteRoot)
    {
        var caseload = new Uri(siteRoot, "/caseload");
        var which = number switch
        {
            1 => "first",
            2 => "second",
            3 => "third",
            _ => string.Create(CultureInfo.InvariantCulture, $"number {number}"),
        };
        var quiet = options.FollowUpQuietDays > 0
            ? string.Create(CultureInfo.InvariantCulture, $" Kith does not send one when the connection was followed up in the {options.FollowUpQuietDays} days before.")
            : string.Empty;
        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            The {which} follow-up is due for someone you connected with a community group or activity.

            Open your caseload to see who, and record how it went:
            {caseload}

            This is the only reminder for this follow-up.{quiet}
            """);
        return ("A follow-up is due", body);
    }

    /// <summary>Saves as <paramref name="context"/>; false (and nothing tracked any more) when a concurrency token or unique index refused the save.</summary>
    private async Task<bool> TrySaveAsync(ProcessContext context, CancellationToken cancellationToken)
    {
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
