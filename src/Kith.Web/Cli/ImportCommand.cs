using System.CommandLine;
using Kith.Core.Directory.Interchange;
using Kith.Core.Platform.Postcodes;

namespace Kith.Web.Cli;

/// <summary>
/// <c>kith import oruk URL-or-FILE</c>, <c>kith import hsds-csv FOLDER</c> and <c>kith import csv FILE</c>:
/// import services, matching those already imported from the same source. Prints the report;
/// exits 1 when nothing could be taken, 2 when the arguments are wrong.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import services into the directory. Running an import again updates what changed and adds no duplicates.");
        command.Subcommands.Add(Verb("oruk", "URL-or-FILE", "An ORUK / HSDS 3.0 API address (https://host/oruk/services), a JSON file or an ndjson file.",
            (source, http, _, cancellationToken) => Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? new OrukFeedReader(http).ReadAsync(uri, cancellationToken: cancellationToken)
                : OrukJsonSource.ReadFileAsync(source, cancellationToken)));
        command.Subcommands.Add(Verb("hsds-csv", "FOLDER", "A folder holding an HSDS tabular datapackage (services.csv, organizations.csv ...).",
            (source, _, _, cancellationToken) => HsdsCsvSource.ReadFolderAsync(source, cancellationToken)));
        command.Subcommands.Add(Verb("csv", "FILE", "A community assets spreadsheet saved as CSV, in the layout of docs/templates/community-assets.csv.",
            (source, _, services, cancellationToken) => CommunityCsvSource.ReadFileAsync(source, services.GetRequiredService<PostcodeService>(), cancellationToken)));
        return command;
    }

    private static Command Verb(string name, string argumentName, string description, Func<string, HttpClient, IServiceProvider, CancellationToken, IAsyncEnumerable<SourceItem>> read)
    {
        var source = new Argument<string>(argumentName) { Description = description };
        var key = new Option<string?>("--source") { Description = "The source key records are matched by. Defaults to the feed's host name or the file's name." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check everything and print the report, but save nothing." };
        var verb = new Command(name, description) { source, key, dryRun };
        verb.SetAction(async (result, cancellationToken) =>
        {
            var from = result.GetValue(source)!.Trim();
            var sourceKey = result.GetValue(key)?.Trim();
            if (string.IsNullOrEmpty(sourceKey))
            {
                sourceKey = DirectoryImporter.DeriveSourceKey(from);
            }

            if (sourceKey.Length > 100)
            {
                await Console.Error.WriteLineAsync("The source key must be 100 characters or fewer. Give a shorter one with --source.");
                return 2;
            }

            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<DirectoryImporter>();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            Console.WriteLine($"Importing {from} as source \"{sourceKey}\"{(result.GetValue(dryRun) ? " (dry run)" : string.Empty)}.");
            var report = await importer.ImportAsync(sourceKey, read(from, http, scope.ServiceProvider, cancellationToken), new ImportOptions { DryRun = result.GetValue(dryRun) }, cancellationToken);
            foreach (var line in report.Describe())
            {
                Console.WriteLine(line);
            }

            return report.NothingTaken ? 1 : 0;
        });
        return verb;
    }
}
