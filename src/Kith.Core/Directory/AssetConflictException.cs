namespace Kith.Core.Directory;

/// <summary>
/// Thrown when someone saves a community asset from a version that is no longer the latest: another
/// save got there first. Nothing of the refused save is written.
/// </summary>
public sealed class AssetConflictException : Exception
{
    public AssetConflictException(Guid assetId, int expectedVersion, int currentVersion)
        : base($"Asset {assetId} was edited from version {expectedVersion} but is now at version {currentVersion}.")
    {
        AssetId = assetId;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    public AssetConflictException()
    {
    }

    public AssetConflictException(string message)
        : base(message)
    {
    }

    public AssetConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Guid AssetId { get; }

    /// <summary>The version the editor started from.</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version saved in the database now.</summary>
    public int CurrentVersion { get; }
}
