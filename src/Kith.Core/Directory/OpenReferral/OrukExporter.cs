using System.Text.Json;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.OpenReferral;

/// <summary>
/// Writes every published service as Open Referral UK ndjson: one full service (compiled/service.json)
/// per line, ordered by id. Reads in batches, so memory stays flat however big the directory is
/// (apart from the list of ids, 16 bytes a service).
/// </summary>
public static class OrukExporter
{
    /// <summary>How many services are read from the database at a time.</summary>
    public const int BatchSize = 1_000;

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>Writes the export to <paramref name="output"/> and returns how many services it holds.</summary>
    public static async Task<int> ExportAsync(KithDbContext db, Stream output, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var writer = await OrukData.CreateWriterAsync(db, cancellationToken);
        var ids = await OrukData.PublishedServices(db).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var written = 0;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        for (var start = 0; start < ids.Count; start += BatchSize)
        {
            var batch = ids.GetRange(start, Math.Min(BatchSize, ids.Count - start));
            var services = await OrukData.LoadServicesAsync(db, batch, ServiceShape.Full, cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var service in services)
            {
                writer.WriteService(json, service, ServiceShape.Full);
                await json.FlushAsync(cancellationToken);
                json.Reset();
                await output.WriteAsync(NewLine, cancellationToken);
                written++;
            }

            progress?.Report(written);
        }

        await output.FlushAsync(cancellationToken);
        return written;
    }
}
