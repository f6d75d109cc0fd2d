using Kith.Core.Data;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory.Stewardship;

/// <summary>Writes the audit events for reads of claimants' and proposers' personal data.</summary>
internal static class StewardshipAudit
{
    /// <summary>Adds a "viewed" event for the record, without saving: the caller saves it.</summary>
    public static void AddViewed(KithDbContext db, ProcessContext context, string entityType, Guid id, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = now,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = AuditActions.Viewed,
            EntityType = entityType,
            EntityId = id.ToString(),
            Reason = context.Reason,
        });
}
