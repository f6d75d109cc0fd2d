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
}
