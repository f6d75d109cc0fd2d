using System.Globalization;

namespace Kith.Core.Directory.Interchange;

/// <summary>How many records of one kind an import added, updated, left unchanged and rejected.</summary>
public sealed class ImportCounts
{
    public int Added { get; internal set; }

    public int Updated { get; internal set; }

    public int Unchanged { get; internal set; }

    public int Rejected { get; internal set; }

    public int Total => Added + Updated + Unchanged + Rejected;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected");
}

/// <summary>A row the import did not take, where it was and what to fix.</summary>
/// <param name="Where">Where in the source: "line 12", "services.csv row 4", "contents[3]".</param>
/// <param name="SourceId">The row's id in the source, when it had one.</param>
/// <param name="Reason">What is wrong and what to do about it, in plain words.</param>
public sealed record RejectedRow(string Where, string? SourceId, string Reason)
{
    public override string ToString() => SourceId is null ? $"{Where}: {Reason}" : $"{Where} (id {SourceId}): {Reason}";
}

/// <summary>What an import did. Counts are of services unless named otherwise.</summary>
public sealed class ImportReport
{
    /// <summary>Most rejected rows kept in the report; the count goes on past it.</summary>
    public const int MaxRejectedRowsKept = 1000;

    public ImportReport(string sourceKey, bool dryRun)
    {
        SourceKey = sourceKey;
        DryRun = dryRun;
    }

    public string SourceKey { get; }

    public bool DryRun { get; }

    public ImportCounts Services { get; } = new();

    public ImportCounts Organizations { get; } = new();

    public ImportCounts Locations { get; } = new();

    public ImportCounts TaxonomyTerms { get; } = new();

    public List<RejectedRow> Rejections { get; } = [];

    /// <summary>Why the source could not be read or a batch could not be saved; null when the import ran to the end.</summary>
    public string? Failure { get; internal set; }

    /// <summary>Batches saved before the end or the failure.</summary>
    public int BatchesSaved { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>True when the source was read to the end and every batch was saved.</summary>
    public bool Completed => Failure is null;

    /// <summary>True when nothing at all could be taken: the source failed, or every row was rejected.</summary>
    public bool NothingTaken => Failure is not null && Services.Added + Services.Updated + Services.Unchanged == 0
        || Services.Total > 0 && Services.Rejected == Services.Total
        || Services.Total == 0 && Rejections.Count > 0;

    internal void Reject(ImportCounts counts, RejectedRow row)
    {
        counts.Rejected++;
        if (Rejections.Count < MaxRejectedRowsKept)
        {
            Rejections.Add(row);
        }
    }

    /// <summary>The report as lines of text: the counts, then each rejected row.</summary>
    public IEnumerable<string> Describe()
    {
        yield return (DryRun ? "Dry run, nothing saved. " : string.Empty) + $"Services: {Services}.";
        yield return $"Organisations: {Organizations}.";
        yield return $"Locations: {Locations}.";
        yield return $"Taxonomy terms: {TaxonomyTerms}.";
        if (Elapsed > TimeSpan.Zero && Services.Total > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Took {Elapsed.TotalSeconds:0.0} s ({Services.Total / Math.Max(Elapsed.TotalSeconds, 0.001):0} services a second).");
        }

        if (Failure is not null)
        {
            yield return $"Stopped: {Failure}";
        }

        var rejected = Services.Rejected + Organizations.Rejected + Locations.Rejected + TaxonomyTerms.Rejected;
        if (rejected > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Rejected rows ({rejected}):");
            foreach (var row in Rejections)
            {
                yield return "  " + row;
            }

            if (rejected > Rejections.Count)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"  ... and {rejected - Rejections.Count} more.");
            }
        }
    }
}
