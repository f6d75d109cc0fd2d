using System.Globalization;
using System.Text.Json;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Directory.Stewardship;

/// <summary>What restoring an earlier version would change, for the editor to confirm.</summary>
/// <param name="Changes">The labels of the fields that would change, in field order; empty when the asset already matches.</param>
public sealed record RevisionRestorePreview(AssetDetailsVersion Current, AssetRevision Revision, AssetDetails Restored, IReadOnlyList<string> Changes);

/// <summary>
/// Restores an earlier version of an asset by saving its snapshot as a new version through
/// <see cref="AssetService"/>, so the restore is itself versioned, revisioned and audited and nothing
/// in the history is lost. Scoped.
/// </summary>
public sealed class RevisionRestoreService(AssetService assets)
{
    /// <summary>What restoring <paramref name="version"/> would change, or null when the asset or version does not exist or cannot be read.</summary>
    public async Task<RevisionRestorePreview?> PreviewAsync(Guid assetId, int version, CancellationToken cancellationToken = default)
    {
        var current = await assets.GetDetailsAsync(assetId, cancellationToken);
        var revision = await assets.GetRevisionAsync(assetId, version, cancellationToken);
        if (current is null || revision is null)
        {
            return null;
        }

        AssetDetails snapshot;
        try
        {
            snapshot = AssetDetails.FromJson(revision.Snapshot);
        }
        catch (JsonException)
        {
            return null;
        }

        // The first version names the organisation it added; by now that organisation is the current one.
        var restored = snapshot.OrganizationId is null
            ? snapshot with { OrganizationId = current.Details.OrganizationId, NewOrganizationName = null }
            : snapshot;
        return new RevisionRestorePreview(current, revision, restored, AssetFields.Changed(current.Details, restored));
    }

    /// <summary>Saves version <paramref name="version"/>'s details as a new version, when <paramref name="expectedVersion"/> is still the latest.</summary>
    /// <exception cref="AssetConflictException">When someone saved a newer version first; nothing is written.</exception>
    /// <exception cref="KeyNotFoundException">When the asset or the version does not exist.</exception>
    public async Task<AssetSaved> RestoreAsync(Guid assetId, int version, int expectedVersion, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preview = await PreviewAsync(assetId, version, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no readable version {version} of community asset {assetId}.");
        var reason = string.Create(CultureInfo.InvariantCulture, $"Restored version {version}");
        return await assets.UpdateAsync(assetId, expectedVersion, preview.Restored, context.WithReason(context.Reason is { Length: > 0 } why ? $"{reason}: {why}" : reason), cancellationToken);
    }
}
