using Kith.Core.People;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Connections;

/// <summary>
/// A suggestion the practitioner or the person turned down, with their reason. The matcher never suggests the
/// asset to the person again (one row per person and asset).
/// </summary>
public class ConnectionDismissal : IAuditedRecord, IPersonalRecord
{
    public const int ReasonLimit = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid CommunityAssetId { get; set; }

    /// <summary>In their words: "too far on the bus", "tried it before".</summary>
    public required string Reason { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}
