namespace Kith.Core.Directory.Search;

/// <summary>
/// The in-process directory search index (see docs/adr). Built from the database at start; the
/// database stays the only source of truth. Thread-safe: searches run while edits are applied.
/// </summary>
public sealed class AssetSearchIndex
{
    /// <summary>How many searchable (active, not archived) assets the index holds.</summary>
    public int Count => throw new NotImplementedException("Being built on the search branch.");

    /// <summary>Searches the index. Never throws for valid criteria; a page past the end is empty.</summary>
    public AssetSearchResults Search(AssetSearchCriteria criteria) => throw new NotImplementedException("Being built on the search branch.");
}
