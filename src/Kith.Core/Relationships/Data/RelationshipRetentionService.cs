using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Data;

/// <summary>What one retention sweep deleted.</summary>
public sealed record RetentionSweepResult(int EndedTies, int UnconfirmedTies, int SnapshotActorRows, int SnapshotTieRows)
{
    public int Total => EndedTies + UnconfirmedTies + SnapshotActorRows + SnapshotTieRows;
}

/// <summary>
/// Keeps tie data about identifiable people (staff members, resident representatives) no longer than the retention period
/// (Relationships:StaffTieRetentionMonths, ADR 0023): deletes their ties that ended more than that long ago, and those
/// recorded more than that long ago and not confirmed since (a survey answer or an editor's save confirms a tie); and
/// deletes the snapshot rows about anyone who has withdrawn their agreement. Every deletion is audited.
/// </summary>
public sealed class RelationshipRetentionService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The entity type of the audit events for deleted snapshot rows (they are not audited records themselves).</summary>
    public const string SnapshotRowsEntityType = "RelationshipSnapshotRows";

    public static readonly ProcessContext SweepContext = ProcessContext.System("relationship map retention");

    public async Task<RetentionSweepResult> SweepAsync(int retentionMonths, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionMonths, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoffInstant = now.AddMonths(-retentionMonths);
        var cutoffDay = DateOnly.FromDateTime(cutoffInstant);
        var people = await db.RelationshipActors.AsNoTracking()
            .Where(a => a.Kind == ActorKind.StaffMember || a.Kind == ActorKind.ResidentRepresentative)
            .Select(a => new { a.Id, a.AgreedToMappingAt })
            .ToListAsync(cancellationToken);
        var personIds = people.Select(p => p.Id).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ties = await db.RelationshipTies
            .Where(t => personIds.Contains(t.FromActorId) || personIds.Contains(t.ToActorId))
            .Where(t => (t.Until != null && t.Until < cutoffDay) || t.RecordedAt < cutoffInstant)
            .ToListAsync(cancellationToken);
        var ended = ties.Count(t => t.Until is { } until && until < cutoffDay);
        db.RelationshipTies.RemoveRange(ties);
        db.Actor = SweepContext.WithReason($"older than the retention period of {retentionMonths} months");
        await db.SaveChangesAsync(cancellationToken);

        var withdrawn = people.Where(p => p.AgreedToMappingAt is null).Select(p => p.Id).ToList();
        var (actorRows, tieRows) = await DeleteSnapshotRowsAsync(db, withdrawn, SweepContext, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RetentionSweepResult(ended, ties.Count - ended, actorRows, tieRows);
    }

    /// <summary>Deletes the snapshot rows about these actors, with one audit event per actor that had any; the caller commits.</summary>
    internal static async Task<(int ActorRows, int TieRows)> DeleteSnapshotRowsAsync(
        KithDbContext db, IReadOnlyCollection<Guid> actorIds, ProcessContext context, DateTime now, CancellationToken cancellationToken)
    {
        if (actorIds.Count == 0)
        {
            return (0, 0);
        }

        var ids = actorIds.ToList();
        var withRows = await db.RelationshipSnapshotActors.Where(a => ids.Contains(a.ActorId)).Select(a => a.ActorId)
            .Union(db.RelationshipSnapshotTies.Where(t => ids.Contains(t.FromActorId)).Select(t => t.FromActorId))
            .Union(db.RelationshipSnapshotTies.Where(t => ids.Contains(t.ToActorId)).Select(t => t.ToActorId))
            .Distinct().ToListAsync(cancellationToken);
        if (withRows.Count == 0)
        {
            return (0, 0);
        }

        var actorRows = await db.RelationshipSnapshotActors.Where(a => withRows.Contains(a.ActorId)).ExecuteDeleteAsync(cancellationToken);
        var tieRows = await db.RelationshipSnapshotTies.Where(t => withRows.Contains(t.FromActorId) || withRows.Contains(t.ToActorId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var id in withRows)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = context.UserId,
                ActorName = context.ActorName,
                Action = AuditActions.Deleted,
                EntityType = SnapshotRowsEntityType,
                EntityId = id.ToString(),
                Reason = context.Reason ?? "their agreement to be on the map was withdrawn",
            });
        }

        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return (actorRows, tieRows);
    }
}
