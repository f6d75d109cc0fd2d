namespace Kith.Core.Directory;

/// <summary>One saved version of a community asset: the whole asset as it stood, who saved it and what changed.</summary>
public class AssetRevision
{
    public long Id { get; set; }

    public Guid AssetId { get; set; }

    /// <summary>The asset's <see cref="CommunityAsset.Version"/> after this save.</summary>
    public int Version { get; set; }

    /// <summary>UTC instant of the save.</summary>
    public DateTime SavedAt { get; set; }

    public string? UserId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>Plain-words list of the fields that changed, e.g. "Name, Opening times".</summary>
    public required string Summary { get; set; }

    /// <summary>The asset as it stood after this save, as JSON.</summary>
    public required string Snapshot { get; set; }

    public string? Reason { get; set; }
}
