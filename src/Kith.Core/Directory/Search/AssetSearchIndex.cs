using Kith.Core.Data;

namespace Kith.Core.Directory.Search;

/// <summary>
/// The in-process directory search index (see docs/adr). Built from the database at start; the
/// database stays the only source of truth. Thread-safe: searches run while edits are applied.
/// Registered as a singleton.
/// </summary>
public sealed class AssetSearchIndex
{
    /// <summary>How many searchable (active, not archived) assets the index holds.</summary>
    public int Count => throw new NotImplementedException("Being built on the search branch.");

    /// <summary>Searches the index. Never throws for valid criteria; a page past the end is empty.</summary>
    public AssetSearchResults Search(AssetSearchCriteria criteria) => throw new NotImplementedException("Being built on the search branch.");

    /// <summary>Replaces the whole index with what the database holds.</summary>
    public Task RebuildAsync(KithDbContext db, CancellationToken cancellationToken) => throw new NotImplementedException("Being built on the search branch.");

    /// <summary>Re-reads one asset from the database and puts it in the index, or takes it out if archived or gone.</summary>
    public Task RefreshAsync(KithDbContext db, Guid assetId, CancellationToken cancellationToken) => throw new NotImplementedException("Being built on the search branch.");
}
