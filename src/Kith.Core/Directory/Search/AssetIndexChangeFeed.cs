using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Search;

/// <summary>
/// Keeps one node's <see cref="AssetSearchIndex"/> in step with edits saved by any node: reads the
/// assets whose <see cref="CommunityAsset.LastModified"/> moved since the last look and refreshes
/// them. Each look re-reads a short overlap window, so an edit whose transaction committed late, or
/// whose node's clock is a little behind, is still seen; an asset already refreshed at that version
/// is skipped. One instance per index; not thread-safe (one follower loop calls it).
/// </summary>
public sealed class AssetIndexChangeFeed(AssetSearchIndex index)
{
    /// <summary>How far back each look re-reads, to catch late commits and small clock differences between nodes.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>The most changed assets read in one look; a look that fills it rebuilds the whole index instead.</summary>
    public const int BatchSize = 500;

    private readonly Dictionary<Guid, DateTime> seen = [];
    private DateTime? upTo;

    /// <summary>Refreshes every asset changed since the last call (or since the index was built).</summary>
    /// <returns>How many assets were refreshed.</returns>
    public async Task<int> CatchUpAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        upTo ??= index.BuiltFromChangesUpTo ?? DateTime.MinValue;
        var since = upTo.Value == DateTime.MinValue ? DateTime.MinValue : upTo.Value - Overlap;
        var changes = await db.CommunityAssets
            .AsNoTracking()
            .Where(a => a.LastModified > since)
            .OrderBy(a => a.LastModified)
            .Select(a => new { a.Id, a.LastModified })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        if (changes.Count == BatchSize)
        {
            // A bulk change (an import, say): one rebuild is cheaper than hundreds of refreshes.
            await index.RebuildAsync(db, cancellationToken);
            seen.Clear();
            upTo = index.BuiltFromChangesUpTo ?? DateTime.MinValue;
            return changes.Count;
        }

        var refreshed = 0;
        foreach (var change in changes)
        {
            var alreadySeen = seen.TryGetValue(change.Id, out var version) && version == change.LastModified;
            if (!alreadySeen && index.IndexedVersionOf(change.Id) != change.LastModified)
            {
                await index.RefreshAsync(db, change.Id, cancellationToken);
                refreshed++;
            }

            seen[change.Id] = change.LastModified;
        }

        if (changes.Count > 0 && changes[^1].LastModified > upTo)
        {
            upTo = changes[^1].LastModified;
        }

        // Forget what has slid out of the overlap window (an empty directory has no window yet).
        if (upTo.Value - DateTime.MinValue > Overlap)
        {
            var horizon = upTo.Value - Overlap;
            foreach (var id in seen.Where(s => s.Value < horizon).Select(s => s.Key).ToList())
            {
                seen.Remove(id);
            }
        }

        return refreshed;
    }
}
