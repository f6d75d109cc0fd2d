using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// An ORUK or HSDS feed an administrator registered: Kith pulls it on a schedule through the jobs
/// table and imports what it finds under <see cref="SourceKey"/>.
/// </summary>
public class DirectoryFeed : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>What administrators call the feed.</summary>
    public required string Name { get; set; }

    /// <summary>The feed's services address, e.g. https://host/oruk/services.</summary>
    public required string Url { get; set; }

    /// <summary>The source key records from this feed are matched by.</summary>
    public required string SourceKey { get; set; }

    /// <summary>Minutes between successful pulls.</summary>
    public int IntervalMinutes { get; set; } = 24 * 60;

    /// <summary>While true, no pulls run.</summary>
    public bool Paused { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant the latest pull started.</summary>
    public DateTime? LastPullStartedAt { get; set; }

    /// <summary>UTC instant the latest pull finished, well or badly.</summary>
    public DateTime? LastPullFinishedAt { get; set; }

    /// <summary>UTC instant the latest successful pull finished.</summary>
    public DateTime? LastSuccessAt { get; set; }

    /// <summary>
    /// Sent as <c>modified_after</c> on the next pull: the start of the latest successful pull, less a
    /// margin for clock differences. Null until the first pull succeeds, so the first pull reads everything.
    /// </summary>
    public DateTime? ModifiedAfter { get; set; }

    /// <summary>Pulls that failed one after another since the last success.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Why the latest pull failed, in words; null after a success.</summary>
    public string? LastError { get; set; }

    /// <summary>UTC instant of the next pull or retry.</summary>
    public DateTime? NextPullAt { get; set; }

    public int LastAdded { get; set; }

    public int LastUpdated { get; set; }

    public int LastUnchanged { get; set; }

    public int LastRejected { get; set; }

    /// <summary>The first rejected rows of the latest pull with their reasons, one a line.</summary>
    public string? LastRejections { get; set; }
}
