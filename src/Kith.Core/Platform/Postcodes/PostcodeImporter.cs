using System.Globalization;
using CsvHelper;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Platform.Postcodes;

/// <summary>What an import did. <see cref="Error"/> is set when the file was refused and nothing was saved.</summary>
/// <param name="Added">Postcodes new to the directory.</param>
/// <param name="Updated">Postcodes already known whose details changed.</param>
/// <param name="Unchanged">Postcodes already known exactly as the file has them.</param>
/// <param name="Skipped">Rows left out, by reason (e.g. "no grid reference": 12).</param>
/// <param name="Error">Why the whole file was refused, naming the line; null when it was imported.</param>
public sealed record PostcodeImportResult(int Added, int Updated, int Unchanged, IReadOnlyDictionary<string, int> Skipped, string? Error)
{
    public bool Succeeded => Error is null;

    public int SkippedCount => Skipped.Values.Sum();
}

/// <summary>
/// Imports the ONS Postcode Directory (ONSPD) CSV: header-based, reading <c>pcds</c> (or <c>pcd</c>),
/// <c>doterm</c>, <c>lat</c> and <c>long</c> and ignoring the other columns. Streams the file and saves in
/// batches inside one transaction, so memory stays bounded for the full directory (about 2.7 million
/// rows) and a file that turns out to be broken part-way leaves the database as it was.
/// Existing postcodes are updated in place (upsert by code).
/// </summary>
public sealed class PostcodeImporter(KithDbContext db)
{
    /// <summary>The embedded sample of fictional postcodes for the demo area (districts AV1 to AV6).</summary>
    public const string DemoResourceName = "Kith.Core.demo-postcodes.csv";

    /// <summary>ONSPD puts this latitude on postcodes that have no grid reference.</summary>
    private const double NoGridLatitude = 99.999999;

    /// <summary>The skip reason for rows without a grid reference.</summary>
    public const string NoGridReference = "no grid reference";

    private const int BatchSize = 2000;

    /// <summary>Rows per save; smaller in tests to exercise more than one batch.</summary>
    internal int BatchRows { get; init; } = BatchSize;

    /// <summary>Imports a postcode directory file. Never throws for a bad file: the result's Error says what is wrong.</summary>
    public async Task<PostcodeImportResult> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Failed($"There is no file at {path}. Give the path of the ONS Postcode Directory CSV.");
        }

        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, cancellationToken);
    }

    /// <summary>Imports the embedded demo postcodes (see <see cref="DemoResourceName"/>).</summary>
    public async Task<PostcodeImportResult> ImportDemoSampleAsync(CancellationToken cancellationToken)
    {
        await using var stream = OpenDemoSample();
        return await ImportAsync(stream, cancellationToken);
    }

    /// <summary>The embedded demo postcode CSV.</summary>
    public static Stream OpenDemoSample() =>
        typeof(PostcodeImporter).Assembly.GetManifestResourceStream(DemoResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {DemoResourceName} is missing from Kith.Core.");

    /// <summary>
    /// Imports a postcode directory CSV from a stream. Runs in its own transaction, or in the caller's when one
    /// is open (then a refused file throws nothing but the caller decides whether to roll back).
    /// Clears the change tracker as it goes: do not call it with unsaved changes.
    /// </summary>
    public async Task<PostcodeImportResult> ImportAsync(Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            var result = await ImportRowsAsync(csv, cancellationToken);
            if (ownTransaction is not null)
            {
                if (result.Succeeded)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await ownTransaction.RollbackAsync(cancellationToken);
                }
            }

            db.ChangeTracker.Clear();
            PostcodeService.ForgetCachedPostcodes();
            return result;
        }
    }

    private async Task<PostcodeImportResult> ImportRowsAsync(Stream csv, CancellationToken cancellationToken)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            IncludeValuesInExceptions = false,
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var counts = new Counts();
        var batch = new Dictionary<string, Postcode>(StringComparer.Ordinal);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            if (reader.Headers.Count == 0)
            {
                return Failed("The file is empty. It should be the ONS Postcode Directory CSV, starting with a header line.");
            }

            var columns = Columns.Find(reader.Headers);
            if (columns is null)
            {
                return Failed("Line 1: the header has no pcds (or pcd), lat and long columns. Is this the ONS Postcode Directory CSV?");
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                var row = ReadRow(reader, columns, out var error);
                if (error is not null)
                {
                    return Failed($"Line {reader.LineNumber}: {error} Nothing was imported.");
                }

                if (row is null)
                {
                    counts.Skip(NoGridReference);
                    continue;
                }

                batch[row.Code] = row;
                if (batch.Count >= BatchRows)
                {
                    await SaveBatchAsync(batch, counts, cancellationToken);
                }
            }

            await SaveBatchAsync(batch, counts, cancellationToken);
            return new PostcodeImportResult(counts.Added, counts.Updated, counts.Unchanged, counts.Skipped, null);
        }
        catch (CsvFormatException exception)
        {
            var where = exception.LineNumber > 0 ? $"Line {exception.LineNumber}" : $"Record {exception.RecordNumber}";
            return Failed($"{where}: the CSV is broken there ({exception.Message}). Nothing was imported.");
        }
    }

    /// <returns>The postcode, or null when the row has no grid reference.</returns>
    private static Postcode? ReadRow(CsvReader csv, Columns columns, out string? error)
    {
        error = null;
        var code = csv.GetString(columns.Postcode)?.Trim() ?? string.Empty;
        if (!PostcodeText.TryParse(code, out var postcode) || postcode.Inward is null)
        {
            error = $"'{Shorten(code)}' is not a full postcode.";
            return null;
        }

        var latText = csv.GetString(columns.Latitude)?.Trim();
        var lonText = csv.GetString(columns.Longitude)?.Trim();
        if (string.IsNullOrEmpty(latText) || !double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || string.IsNullOrEmpty(lonText) || !double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            error = $"the latitude '{Shorten(latText)}' or longitude '{Shorten(lonText)}' is not a number.";
            return null;
        }

        if (Math.Abs(latitude - NoGridLatitude) < 0.000001)
        {
            return null;
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            error = $"the latitude {latText} or longitude {lonText} is outside the range of WGS84 degrees.";
            return null;
        }

        DateOnly? terminated = null;
        if (columns.Terminated >= 0)
        {
            var termText = csv.GetString(columns.Terminated)?.Trim();
            if (!string.IsNullOrEmpty(termText))
            {
                if (!DateOnly.TryParseExact(termText + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    error = $"the termination date '{Shorten(termText)}' is not a year and month like 202403.";
                    return null;
                }

                terminated = date;
            }
        }

        return new Postcode
        {
            Code = postcode.Code,
            Display = postcode.Display,
            District = postcode.Outward,
            Latitude = latitude,
            Longitude = longitude,
            TerminatedOn = terminated,
        };
    }

    private async Task SaveBatchAsync(Dictionary<string, Postcode> batch, Counts counts, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var codes = batch.Keys.ToList();
        var existing = await db.Postcodes.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch.Values)
        {
            if (!existing.TryGetValue(row.Code, out var known))
            {
                db.Postcodes.Add(row);
                counts.Added++;
            }
            else if (known.Display != row.Display || known.District != row.District || known.Latitude != row.Latitude
                     || known.Longitude != row.Longitude || known.TerminatedOn != row.TerminatedOn)
            {
                known.Display = row.Display;
                known.District = row.District;
                known.Latitude = row.Latitude;
                known.Longitude = row.Longitude;
                known.TerminatedOn = row.TerminatedOn;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 20 ? text : text[..20] + "…";

    private static PostcodeImportResult Failed(string error) => new(0, 0, 0, new Dictionary<string, int>(), error);

    private sealed class Counts
    {
        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

        public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
    }

    private sealed record Columns(int Postcode, int Latitude, int Longitude, int Terminated)
    {
        public static Columns? Find(IEnumerable<string> header)
        {
            var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var postcode = names.IndexOf("pcds");
            if (postcode < 0)
            {
                postcode = names.IndexOf("pcd");
            }

            var latitude = names.IndexOf("lat");
            var longitude = names.IndexOf("long");
            return postcode < 0 || latitude < 0 || longitude < 0
                ? null
                : new Columns(postcode, latitude, longitude, names.IndexOf("doterm"));
        }
    }
}
