using System.CommandLine;
using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory.OpenReferral;

namespace Kith.Web.Cli;

internal static partial class ExportCommand
{
    /// <summary><c>kith export oruk FILE</c>: every published service as Open Referral UK ndjson, one full service a line, ordered by id.</summary>
    private static Command Oruk()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The ndjson file to write, e.g. directory.ndjson. It is replaced if it exists." };
        var oruk = new Command("oruk", "Write every published service as Open Referral UK 3.0 ndjson: one full service (with its organisation, locations, schedules and taxonomy terms) a line, ordered by id.") { file };
        oruk.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var output = await OpenPartialAsync(path);
            if (output is null)
            {
                return 2;
            }

            int count;
            TimeSpan elapsed;
            try
            {
                await using (output)
                {
                    await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
                    await using var scope = app.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
                    var started = TimeProvider.System.GetTimestamp();
                    count = await OrukExporter.ExportAsync(db, output, cancellationToken);
                    elapsed = TimeProvider.System.GetElapsedTime(started);
                }

                Finish(path);
            }
            catch
            {
                Abandon(path);
                throw;
            }

            var rate = elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {count:N0} services to {path.FullName} in {elapsed.TotalSeconds:0.0} s ({rate:N0} services/s)."));
            return 0;
        });

        return oruk;
    }
}
