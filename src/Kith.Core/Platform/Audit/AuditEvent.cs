namespace Kith.Core.Platform.Audit;

/// <summary>
/// One append-only line of the audit trail: who did what to which record, when, and why.
/// Written in the same transaction as the change it records; never updated or deleted.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }

    /// <summary>UTC instant of the change.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The account that acted, or null for the system itself (seeding, imports, jobs).</summary>
    public string? UserId { get; set; }

    /// <summary>A display name for the actor at the time, kept so the trail reads after an account goes.</summary>
    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>JSON object of changed properties: <c>{"Name":{"from":"a","to":"b"}}</c>.</summary>
    public string? Changes { get; set; }

    public string? Reason { get; set; }

    /// <summary>
    /// The person whose record this event is about (for <c>IPersonalRecord</c> changes and for reads), so the
    /// person's access log, the subject-access export and erasure can find it. Null for everything else.
    /// </summary>
    public Guid? PersonId { get; set; }
}

/// <summary>The verbs an audit event records.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Archived = "archived";
    public const string Restored = "restored";
    public const string Deleted = "deleted";
    public const string Viewed = "viewed";
}

/// <summary>Marks an entity whose creation, change and archiving are written to the audit trail.</summary>
public interface IAuditedRecord
{
    Guid Id { get; }
}
