using System.CommandLine;
using Kith.Core.Directory.Interchange;

namespace Kith.Web.Cli;

/// <summary><c>kith export hsds-csv FOLDER</c>: the directory as an HSDS 3.0 tabular datapackage.</summary>
internal static class ExportHsdsCsvCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("FOLDER") { Description = "The folder to write datapackage.json and the CSV files into; created if missing. Files of the same names are replaced." };
        var command = new Command("hsds-csv", "Write the directory as an HSDS tabular datapackage (datapackage.json and one CSV a table).") { folder };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(folder)!;
            if (File.Exists(target.FullName))
            {
                await Console.Error.WriteLineAsync($"{target.FullName} is a file. Give a folder to write the datapackage into.");
                return 2;
            }

            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<HsdsCsvExporter>().ExportAsync(target.FullName, cancellationToken);
            Console.WriteLine($"Wrote {count} services to {target.FullName}.");
            return 0;
        });
        return command;
    }
}
