namespace Kith.Core.Platform.Jobs;

/// <summary>Work that must survive a crash, kept in the database until it is done.</summary>
public class BackgroundJob
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The kind of work, e.g. "notifications.send".</summary>
    public required string Type { get; set; }

    /// <summary>JSON payload for the handler.</summary>
    public string? Payload { get; set; }

    /// <summary>UTC instant before which the job is not run.</summary>
    public DateTime RunAfter { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>UTC instant until which the node in <see cref="LockedBy"/> holds the job; another node may claim it after.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The node running the job, while it is locked.</summary>
    public string? LockedBy { get; set; }
}
