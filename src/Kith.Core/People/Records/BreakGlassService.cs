using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Records;

/// <summary>A break-glass access waiting for a manager's review.</summary>
/// <param name="GrantedAt">UTC.</param>
public sealed record BreakGlassSummary(Guid Id, Guid PersonId, string PersonName, string UserName, string Reason, DateTime GrantedAt, DateTime ExpiresAt);

/// <summary>
/// Grants break-glass access to a person's record with a written reason: the access lasts
/// <see cref="PersonAccessService.BreakGlassLasts"/>, the grant is written to the audit trail about the person
/// (<see cref="PersonAuditActions.BreakGlass"/>) and the managers of the person's teams are emailed through the
/// outbox in the same save. Managers review the accesses to their teams' people.
/// </summary>
public sealed class BreakGlassService(KithDbContext db, TimeProvider clock)
{
    /// <summary>Longest review note.</summary>
    public const int ReviewNoteLimit = 1000;

    /// <summary>Checks a reason: the error message, or null when it can be used.</summary>
    public static string? CheckReason(string? reason)
    {
        var r = reason?.Trim();
        if (string.IsNullOrEmpty(r))
        {
            return "Enter why you need to see this record";
        }

        return r.Length > BreakGlassAccess.ReasonLimit ? $"Reason must be {BreakGlassAccess.ReasonLimit} characters or fewer" : null;
    }

    /// <summary>Grants access; null when there is no such person. The reason must have passed <see cref="CheckReason"/>.</summary>
    public async Task<BreakGlassAccess?> GrantAsync(Guid personId, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CheckReason(reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reason));
        }

        if (context.UserId is null)
        {
            throw new ArgumentException("Break-glass access needs a signed-in user.", nameof(context));
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var text = reason.Trim();
        var access = new BreakGlassAccess
        {
            PersonId = personId,
            UserId = context.UserId,
            UserName = context.ActorName,
            Reason = text,
            GrantedAt = now,
            ExpiresAt = now + PersonAccessService.BreakGlassLasts,
        };
        db.Actor = context.WithReason(text);
        db.BreakGlassAccesses.Add(access);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = now,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = PersonAuditActions.BreakGlass,
            EntityType = nameof(Person),
            EntityId = personId.ToString(),
            PersonId = personId,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { part = "break-glass", expiresAt = access.ExpiresAt }),
            Reason = text,
        });

        // The managers' emails say who and when, not the person's name or the reason: those stay in Kith.
        var managers = await db.PersonTeams.Where(pt => pt.PersonId == personId)
            .Join(db.TeamMembers.Where(m => m.IsManager), pt => pt.TeamId, m => m.TeamId, (pt, m) => m.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => u.Email)
            .Where(e => e != null)
            .Distinct()
            .ToListAsync(cancellationToken);
        var notifications = new NotificationService(db, clock);
        foreach (var email in managers)
        {
            notifications.AddEmail(
                email!,
                "Break-glass access to a record your team works with",
                $"{context.ActorName} used break-glass access at {now:HH:mm} UTC on {now:d MMMM yyyy} to see the record of someone your team works with. "
                + "Sign in to Kith and go to People, then Break-glass access to review it and read the reason given.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return access;
    }

    /// <summary>The unreviewed accesses to people worked with by teams <paramref name="managerUserId"/> manages, newest first.</summary>
    public async Task<IReadOnlyList<BreakGlassSummary>> UnreviewedForManagerAsync(string managerUserId, CancellationToken cancellationToken = default)
    {
        var people = ManagedPeople(managerUserId);
        return await db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.ReviewedAt == null && people.Contains(b.PersonId))
            .OrderByDescending(b => b.GrantedAt)
            .Join(db.People, b => b.PersonId, p => p.Id, (b, p) => new BreakGlassSummary(b.Id, b.PersonId, p.Name, b.UserName, b.Reason, b.GrantedAt, b.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks an access reviewed with a note; false when it is not one this manager may review or is already reviewed.</summary>
    public async Task<bool> ReviewAsync(Guid accessId, string managerUserId, string? note, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var people = ManagedPeople(managerUserId);
        var access = await db.BreakGlassAccesses.Where(b => b.Id == accessId && b.ReviewedAt == null && people.Contains(b.PersonId)).SingleOrDefaultAsync(cancellationToken);
        if (access is null)
        {
            return false;
        }

        access.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        access.ReviewedByName = context.ActorName;
        access.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private IQueryable<Guid> ManagedPeople(string managerUserId) =>
        db.PersonTeams
            .Join(db.Set<TeamMember>().Where(m => m.UserId == managerUserId && m.IsManager), pt => pt.TeamId, m => m.TeamId, (pt, m) => pt.PersonId);
}
