using System.CommandLine;
using System.Globalization;
using Kith.Core.Platform.Postcodes;

namespace Kith.Web.Cli;

/// <summary><c>kith postcodes import FILE</c>: loads the ONS Postcode Directory CSV into the database.</summary>
internal static class PostcodesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The ONS Postcode Directory CSV (the ONSPD_..._UK.csv file from the download)." };
        var import = new Command("import", "Import or update postcodes from an ONS Postcode Directory CSV. A broken file changes nothing.") { file };
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"There is no file at {path.FullName}. Give the path of the ONS Postcode Directory CSV, e.g. kith postcodes import ONSPD_NOV_2026_UK.csv");
                return 2;
            }

            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<PostcodeImporter>();
            Console.WriteLine($"Importing {path.Name}; the full directory takes a few minutes.");
            var outcome = await importer.ImportFileAsync(path.FullName, cancellationToken);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"The file was not imported and the postcodes are as they were. {outcome.Error}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported: {outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged, {outcome.SkippedCount} skipped."));
            foreach (var (reason, count) in outcome.Skipped)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  skipped {count}: {reason}"));
            }

            return 0;
        });

        return new Command("postcodes", "Manage the postcode directory used to search by postcode.") { import };
    }
}
