using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People;

/// <summary>How a user may see a person's record.</summary>
public enum PersonAccessKind
{
    /// <summary>Not at all: they do not work with the person and hold no break-glass access.</summary>
    None,

    /// <summary>A team they belong to works with the person.</summary>
    Team,

    /// <summary>Emergency access with a written reason, for a limited time.</summary>
    BreakGlass,
}

/// <summary>The answer to "may this user see this person's record?".</summary>
/// <param name="Exists">False when there is no such person (the caller answers 404).</param>
/// <param name="BreakGlassReason">The reason given, when <paramref name="Kind"/> is <see cref="PersonAccessKind.BreakGlass"/>.</param>
public sealed record PersonAccess(Guid PersonId, bool Exists, PersonAccessKind Kind, string? BreakGlassReason = null)
{
    public bool Allowed => Exists && Kind != PersonAccessKind.None;
}

/// <summary>Audit actions about access to people's records.</summary>
public static class PersonAuditActions
{
    /// <summary>Someone asked for a record they may not see.</summary>
    public const string AccessRefused = "access-refused";

    /// <summary>Break-glass access was granted.</summary>
    public const string BreakGlass = "break-glass";

    /// <summary>The record was exported (subject access).</summary>
    public const string Exported = "exported";

    /// <summary>The record was erased; the tombstone left behind.</summary>
    public const string Erased = "erased";
}

/// <summary>
/// Decides who may see a person's record (staff of a team that works with them, or break-glass) and writes
/// the audit events for every read and every refusal. Pages and APIs call it before showing anything.
/// </summary>
public sealed class PersonAccessService(KithDbContext db, TimeProvider clock)
{
    /// <summary>How long break-glass access lasts once granted.</summary>
    public static readonly TimeSpan BreakGlassLasts = TimeSpan.FromHours(8);

    /// <summary>Whether <paramref name="userId"/> may see the record of <paramref name="personId"/>, and how.</summary>
    public async Task<PersonAccess> CheckAsync(Guid personId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var exists = await db.Set<Person>().AnyAsync(p => p.Id == personId, cancellationToken);
        if (!exists)
        {
            return new PersonAccess(personId, false, PersonAccessKind.None);
        }

        var viaTeam = await db.Set<PersonTeam>()
            .Where(pt => pt.PersonId == personId)
            .Join(db.Set<TeamMember>().Where(m => m.UserId == userId), pt => pt.TeamId, m => m.TeamId, (pt, m) => pt.Id)
            .AnyAsync(cancellationToken);
        if (viaTeam)
        {
            return new PersonAccess(personId, true, PersonAccessKind.Team);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var glass = await db.Set<BreakGlassAccess>()
            .Where(b => b.PersonId == personId && b.UserId == userId && b.ExpiresAt > now)
            .OrderByDescending(b => b.GrantedAt)
            .Select(b => b.Reason)
            .FirstOrDefaultAsync(cancellationToken);
        return glass is null
            ? new PersonAccess(personId, true, PersonAccessKind.None)
            : new PersonAccess(personId, true, PersonAccessKind.BreakGlass, glass);
    }

    /// <summary>The ids of the people the user's teams work with, for lists and caseloads.</summary>
    public IQueryable<Guid> PeopleOfTeamsOf(string userId) =>
        db.Set<PersonTeam>()
            .Join(db.Set<TeamMember>().Where(m => m.UserId == userId), pt => pt.TeamId, m => m.TeamId, (pt, m) => pt.PersonId)
            .Distinct();

    /// <summary>Writes the audit event for a read of part of the record.</summary>
    /// <param name="what">Which part was read, e.g. "record", "about-me", "export" (no personal data).</param>
    public Task RecordViewAsync(PersonAccess access, string what, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(context);
        return AddEventAsync(access.PersonId, AuditActions.Viewed, what, context.WithReason(access.BreakGlassReason ?? context.Reason), cancellationToken);
    }

    /// <summary>Writes the audit event for a refused attempt to read the record.</summary>
    public Task RecordRefusedAsync(Guid personId, string what, ProcessContext context, CancellationToken cancellationToken = default) =>
        AddEventAsync(personId, PersonAuditActions.AccessRefused, what, context, cancellationToken);

    /// <summary>Writes an audit event about a person that is not a change to a record (views, exports).</summary>
    public async Task AddEventAsync(Guid personId, string action, string what, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = action,
            EntityType = nameof(Person),
            EntityId = personId.ToString(),
            PersonId = personId,
            Changes = JsonSerializer.Serialize(new { part = what }),
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
