using System.Text.Json;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// One record as a reader found it: a JSON service object, or the reason it could not be read. The
/// element is only valid until the reader is asked for the next item.
/// </summary>
/// <param name="Where">Where it is in the source, for the report: "line 7", "contents[2]", "services.csv row 3".</param>
public readonly record struct SourceItem(string Where, JsonElement Record, string? Error = null, string? SourceId = null)
{
    public static SourceItem Broken(string where, string error, string? sourceId = null) => new(where, default, error, sourceId);
}

/// <summary>Options for one import.</summary>
public sealed class ImportOptions
{
    /// <summary>Read and check everything, save nothing: the whole run is rolled back at the end.</summary>
    public bool DryRun { get; init; }

    /// <summary>Services written in one transaction.</summary>
    public int BatchSize { get; init; } = ImportLimits.BatchSize;

    /// <summary>For tests: runs before each batch is saved, with the batch number from 1.</summary>
    internal Action<int>? BeforeSave { get; init; }
}
