using System.Globalization;
using System.Reflection;
using Kith.Core.Data;
using Kith.Core.Platform;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Erasure;

/// <summary>What an erasure did: whether the person was there, and how many rows went.</summary>
public sealed record ErasureOutcome(bool Found, int RowsDeleted);

/// <summary>
/// Erases a person: every row of every <see cref="IPersonalRecord"/> type (found from the EF model), their
/// sign-in account, the emails queued to them, and the personal content of the audit events about them, in one
/// transaction. One tombstone audit event (<see cref="PersonAuditActions.Erased"/>) is left, with the person's id
/// and no name. People are not in any search index, so there is nothing else to remove. See ADR 0012.
/// </summary>
public sealed class PersonErasureService(KithDbContext db, TimeProvider clock)
{
    /// <summary>What the actor of the person's own audit events becomes once they are erased.</summary>
    public const string ErasedActorName = "the person (erased)";

    private static readonly MethodInfo DeleteMethod =
        typeof(PersonErasureService).GetMethod(nameof(DeleteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<ErasureOutcome> EraseAsync(Guid personId, ProcessContext actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.UserId, p.Email }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return new ErasureOutcome(false, 0);
        }

        // Set-based deletes bypass the change tracker, so no per-row audit events (which would name things) are written.
        var rows = 0;
        foreach (var type in PersonalRecordTypes.InDeletionOrder(db.Model))
        {
            var delete = (Task<int>)DeleteMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, personId, cancellationToken])!;
            rows += await delete;
        }

        // Keep who, when and what of every audit event about them; blank what could say something about them.
        await db.AuditEvents.Where(e => e.PersonId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null).SetProperty(e => e.Reason, (string?)null), cancellationToken);

        if (person.UserId is { } userId)
        {
            await db.AuditEvents.Where(e => e.EntityType == "KithUser" && e.EntityId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null).SetProperty(e => e.Reason, (string?)null), cancellationToken);
            await db.AuditEvents.Where(e => e.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (string?)null).SetProperty(e => e.ActorName, ErasedActorName), cancellationToken);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserRoles.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.TeamMembers.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            rows += await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(person.Email))
        {
            var email = person.Email.Trim();
            await db.OutboxMessages.Where(m => m.Recipient == email).ExecuteDeleteAsync(cancellationToken);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            ActorName = actor.ActorName,
            Action = PersonAuditActions.Erased,
            EntityType = nameof(Person),
            EntityId = personId.ToString(),
            PersonId = personId,
            Changes = string.Create(CultureInfo.InvariantCulture, $$"""{"rows":{{rows}}}"""),
            Reason = reason.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureOutcome(true, rows);
    }

    private static Task<int> DeleteRowsAsync<T>(KithDbContext db, Guid personId, CancellationToken cancellationToken)
        where T : class =>
        PersonalRecordTypes.For<T>(db, personId).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>
/// How long closed records are kept (an administrator's setting in <see cref="SystemSetting"/>), and the daily
/// sweep that erases the records closed longer ago than that, each leaving a tombstone.
/// </summary>
public sealed class PersonRetentionService(KithDbContext db, PersonErasureService erasure, TimeProvider clock)
{
    /// <summary>The setting: whole months after <see cref="Person.ClosedOn"/>. Absent means records are kept until erased by hand.</summary>
    public const string MonthsKey = "people.retention-months";

    public const int MaximumMonths = 1200;

    public async Task<int?> GetMonthsAsync(CancellationToken cancellationToken = default)
    {
        var value = await db.SystemSettings.AsNoTracking().Where(s => s.Key == MonthsKey).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months > 0 ? months : null;
    }

    /// <summary>Sets the months (null: keep until erased by hand), audited as a change to the setting.</summary>
    public async Task SetMonthsAsync(int? months, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (months is < 1 or > MaximumMonths)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"Months must be between 1 and {MaximumMonths}.");
        }

        var before = await GetMonthsAsync(cancellationToken);
        var setting = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == MonthsKey, cancellationToken);
        if (months is null)
        {
            if (setting is not null)
            {
                db.SystemSettings.Remove(setting);
            }
        }
        else if (setting is null)
        {
            db.SystemSettings.Add(new SystemSetting { Key = MonthsKey, Value = months.Value.ToString(CultureInfo.InvariantCulture) });
        }
        else
        {
            setting.Value = months.Value.ToString(CultureInfo.InvariantCulture);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            ActorName = actor.ActorName,
            Action = AuditActions.Updated,
            EntityType = nameof(SystemSetting),
            EntityId = MonthsKey,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { months = new { from = before, to = months } }),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Erases every record closed on or before today minus the retention months. Returns how many.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var months = await GetMonthsAsync(cancellationToken);
        if (months is null)
        {
            return 0;
        }

        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-months.Value);
        var expired = await db.People.AsNoTracking().Where(p => p.ClosedOn != null && p.ClosedOn <= cutoff)
            .OrderBy(p => p.ClosedOn).Select(p => p.Id).ToListAsync(cancellationToken);
        var context = ProcessContext.System("retention");
        var reason = string.Create(CultureInfo.InvariantCulture, $"Retention: closed more than {months} months ago");
        foreach (var id in expired)
        {
            await erasure.EraseAsync(id, context, reason, cancellationToken);
        }

        return expired.Count;
    }
}
