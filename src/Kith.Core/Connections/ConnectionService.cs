using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections;

/// <summary>What a practitioner asks for when they connect a person with a community asset.</summary>
/// <param name="Note">Why, in a few words; recorded on the first transition.</param>
public sealed record CreateConnectionOptions(Guid PersonId, Guid CommunityAssetId, ConnectionKind Kind, string? Note = null);

/// <summary>One move of a connection, as shown.</summary>
public sealed record ConnectionTransitionView(ConnectionStatus? From, ConnectionStatus To, DateTime At, string ByName, string? Note);

/// <summary>A connection as shown on the person's record, with every move, oldest first.</summary>
public sealed record ConnectionView(
    Guid Id,
    Guid PersonId,
    Guid CommunityAssetId,
    string AssetName,
    ConnectionKind Kind,
    ConnectionStatus Status,
    string? StatusReason,
    string MadeByName,
    DateTime CreatedAt,
    DateTime LastModified,
    int Version,
    IReadOnlyList<ConnectionTransitionView> Transitions);

/// <summary>What asking for a move came to.</summary>
public enum MoveOutcome
{
    /// <summary>The connection moved.</summary>
    Moved,

    /// <summary>Someone (or the same click, twice) had already made this move: nothing changed.</summary>
    AlreadyDone,

    /// <summary>The connection changed since it was shown, to something else: nothing changed; show it again.</summary>
    Conflict,
}

/// <summary>Whether a read writes its own "viewed" audit event.</summary>
public enum ReadAudit
{
    /// <summary>Write the event (APIs, jobs, anything that has not audited the read).</summary>
    Write,

    /// <summary>The caller has already written it for this read (a person page does, for its whole request).</summary>
    AlreadyWritten,
}

/// <summary>The outcome of a move and where the connection now stands.</summary>
public sealed record MoveResult(MoveOutcome Outcome, ConnectionStatus Status, int Version);

/// <summary>
/// Makes connections, moves them through their lifecycle and records dismissed suggestions. Every write is audited
/// through <see cref="KithDbContext.Actor"/> (the records are <see cref="IAuditedRecord"/>); every read writes a
/// "viewed" event about the person through <see cref="PersonAccessService"/>. Callers check access first.
/// </summary>
public sealed class ConnectionService(KithDbContext db, PersonAccessService access, TimeProvider clock)
{
    /// <summary>The part named in "viewed" audit events for a read of connections.</summary>
    public const string AuditPart = "connections";

    /// <summary>Makes a draft connection.</summary>
    /// <exception cref="KeyNotFoundException">When the person or the asset does not exist.</exception>
    public async Task<Guid> CreateAsync(CreateConnectionOptions options, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!await db.People.AnyAsync(p => p.Id == options.PersonId, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no person {options.PersonId}.");
        }

        if (!await db.CommunityAssets.AnyAsync(a => a.Id == options.CommunityAssetId, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no community asset {options.CommunityAssetId}.");
        }

        var connection = Connection.Create(options.PersonId, options.CommunityAssetId, options.Kind, context, Now, options.Note);
        db.Actor = context;
        db.Connections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }

    /// <summary>
    /// Moves a connection, from the version the person acting saw. A second save of the same move (a double click,
    /// or two people at once) finds the move made and answers <see cref="MoveOutcome.AlreadyDone"/>: it moves once.
    /// </summary>
    /// <exception cref="KeyNotFoundException">When the person has no such connection.</exception>
    /// <exception cref="ConnectionTransitionException">When the move is not allowed from where the connection stands, or lacks its reason.</exception>
    public async Task<MoveResult> MoveAsync(
        Guid personId, Guid connectionId, ConnectionStatus to, int basedOnVersion, string? note, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId && c.PersonId == personId, cancellationToken)
            ?? throw new KeyNotFoundException($"The person has no connection {connectionId}.");
        if (connection.Version != basedOnVersion)
        {
            return Settled(connection, to);
        }

        // Added explicitly: a new row found only through the navigation, with its key already set, would be taken for an existing one.
        db.ConnectionTransitions.Add(connection.MoveTo(to, context, Now, note));
        if (!await TrySaveAsync(context, cancellationToken))
        {
            // Another save moved it first (the version token, or the transition's unique sequence, refused this one).
            var current = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == connectionId, cancellationToken);
            return Settled(current, to);
        }

        return new MoveResult(MoveOutcome.Moved, connection.Status, connection.Version);
    }

    /// <summary>The person's connections, newest first, with their moves; audited as a read unless <paramref name="audit"/> says it was.</summary>
    public async Task<IReadOnlyList<ConnectionView>> ListForPersonAsync(
        Guid personId, ProcessContext context, ReadAudit audit = ReadAudit.Write, CancellationToken cancellationToken = default)
    {
        var views = await Views(db.Connections.Where(c => c.PersonId == personId), cancellationToken);
        if (audit == ReadAudit.Write)
        {
            await access.AddEventAsync(personId, AuditActions.Viewed, AuditPart, context, cancellationToken);
        }

        return views;
    }

    /// <summary>One connection of the person, or null; audited as a read when found.</summary>
    public async Task<ConnectionView?> GetAsync(Guid personId, Guid connectionId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var view = (await Views(db.Connections.Where(c => c.Id == connectionId && c.PersonId == personId), cancellationToken)).SingleOrDefault();
        if (view is not null)
        {
            await access.AddEventAsync(personId, AuditActions.Viewed, AuditPart, context, cancellationToken);
        }

        return view;
    }

    /// <summary>Turns down a suggestion for good. False when it was already dismissed (the first reason stands).</summary>
    /// <exception cref="ArgumentException">When <paramref name="reason"/> is empty or longer than <see cref="ConnectionDismissal.ReasonLimit"/>.</exception>
    /// <exception cref="KeyNotFoundException">When the person or asset does not exist.</exception>
    public async Task<bool> DismissAsync(Guid personId, Guid communityAssetId, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ConnectionDismissal.ReasonLimit)
        {
            throw new ArgumentException($"Give a reason of 1 to {ConnectionDismissal.ReasonLimit} characters for turning down this suggestion.", nameof(reason));
        }

        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken) || !await db.CommunityAssets.AnyAsync(a => a.Id == communityAssetId, cancellationToken))
        {
            throw new KeyNotFoundException("There is no such person or community asset.");
        }

        if (await db.ConnectionDismissals.AnyAsync(d => d.PersonId == personId && d.CommunityAssetId == communityAssetId, cancellationToken))
        {
            return false;
        }

        db.ConnectionDismissals.Add(new ConnectionDismissal
        {
            PersonId = personId,
            CommunityAssetId = communityAssetId,
            Reason = text,
            ByUserId = context.UserId,
            ByName = context.ActorName,
            At = Now,
        });

        // False when dismissed at the same moment by someone else: theirs stands.
        return await TrySaveAsync(context, cancellationToken);
    }

    /// <summary>The person's connecting preferences, or null when none are recorded; audited as a read.</summary>
    public async Task<ConnectingPreferences?> PreferencesAsync(Guid personId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var preferences = await db.ConnectingPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        await access.AddEventAsync(personId, AuditActions.Viewed, "connecting-preferences", context, cancellationToken);
        return preferences;
    }

    /// <summary>Records the person's preferences, from the version shown (0 when there were none). False on a conflict: nothing saved.</summary>
    public async Task<bool> SavePreferencesAsync(
        Guid personId, int basedOnVersion, double? travelKm, FreeTimes freeTimes, decimal? costLimit, IReadOnlyList<Directory.AccessibilityFeature> accessNeeds,
        ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (travelKm is < 0 || costLimit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(travelKm), "Distance and cost limits cannot be negative.");
        }

        var preferences = await db.ConnectingPreferences.SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if ((preferences?.Version ?? 0) != basedOnVersion)
        {
            return false;
        }

        if (preferences is null)
        {
            preferences = new ConnectingPreferences { PersonId = personId };
            db.ConnectingPreferences.Add(preferences);
        }
        else
        {
            preferences.Version++;
        }

        preferences.TravelKm = travelKm;
        preferences.FreeTimes = freeTimes;
        preferences.CostLimit = costLimit;
        preferences.AccessNeeds = accessNeeds;
        preferences.LastModified = Now;
        return await TrySaveAsync(context, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    private static MoveResult Settled(Connection current, ConnectionStatus wanted) =>
        new(current.Status == wanted ? MoveOutcome.AlreadyDone : MoveOutcome.Conflict, current.Status, current.Version);

    private async Task<List<ConnectionView>> Views(IQueryable<Connection> connections, CancellationToken cancellationToken)
    {
        var rows = await connections.AsNoTracking()
            .Join(db.CommunityAssets, c => c.CommunityAssetId, a => a.Id, (c, a) => new { Connection = c, AssetName = a.Name })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Connection.Id).ToList();
        var transitions = (await db.ConnectionTransitions.AsNoTracking().Where(t => ids.Contains(t.ConnectionId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.ConnectionId);
        return rows
            .OrderByDescending(r => r.Connection.CreatedAt).ThenBy(r => r.Connection.Id)
            .Select(r => new ConnectionView(
                r.Connection.Id, r.Connection.PersonId, r.Connection.CommunityAssetId, r.AssetName, r.Connection.Kind, r.Connection.Status,
                r.Connection.StatusReason, r.Connection.MadeByName, r.Connection.CreatedAt, r.Connection.LastModified, r.Connection.Version,
                transitions[r.Connection.Id].OrderBy(t => t.Sequence).Select(t => new ConnectionTransitionView(t.From, t.To, t.At, t.ByName, t.Note)).ToList()))
            .ToList();
    }
}
