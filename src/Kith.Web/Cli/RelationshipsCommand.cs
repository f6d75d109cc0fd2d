using System.CommandLine;
using System.Globalization;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships.Data;

namespace Kith.Web.Cli;

/// <summary><c>kith relationships import --actors F --ties F</c>: imports the relationship map's CSV files (ADR 0023).</summary>
internal static class RelationshipsCommand
{
    public static Command Create()
    {
        var actors = new Option<FileInfo>("--actors") { Description = "The actors CSV, in the columns of docs/templates/relationships-actors.csv." };
        var ties = new Option<FileInfo>("--ties") { Description = "The ties CSV, in the columns of docs/templates/relationships-ties.csv." };
        var import = new Command("import", "Import actors and ties. Bad rows are listed with why and left out; the rest are saved together, or nothing is.") { actors, ties };
        import.SetAction(async (result, cancellationToken) =>
        {
            var actorsFile = result.GetValue(actors);
            var tiesFile = result.GetValue(ties);
            if (actorsFile is null && tiesFile is null)
            {
                await Console.Error.WriteLineAsync("Give --actors FILE, --ties FILE or both, e.g. kith relationships import --actors actors.csv --ties ties.csv");
                return 2;
            }

            foreach (var file in new[] { actorsFile, tiesFile })
            {
                if (file is { Exists: false })
                {
                    await Console.Error.WriteLineAsync($"There is no file at {file.FullName}. Give the path of the spreadsheet saved as CSV.");
                    return 2;
                }
            }

            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<RelationshipImporter>();
            await using var actorsStream = actorsFile?.OpenRead();
            await using var tiesStream = tiesFile?.OpenRead();
            var outcome = await importer.ImportAsync(actorsStream, tiesStream, ProcessContext.System("relationships import from the command line"), cancellationToken);
            if (outcome.FileProblem is not null)
            {
                await Console.Error.WriteLineAsync($"Nothing was imported. {outcome.FileProblem}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Actors: {outcome.ActorsCreated} added, {outcome.ActorsUpdated} updated, {outcome.ActorsUnchanged} unchanged. Ties: {outcome.TiesCreated} added, {outcome.TiesUnchanged} unchanged. Rows left out: {outcome.Rejections.Count}."));
            if (outcome.NotYetAgreed.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{outcome.NotYetAgreed.Count} named people have not agreed to be on the map yet: they stay off it until their agreement is recorded."));
            }

            foreach (var r in outcome.Rejections)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.File} row {r.Row}{(r.Column is null ? string.Empty : $", {r.Column}")}: {r.Message}"));
            }

            return 0;
        });

        return new Command("relationships", "Manage the relationship map's data.") { import };
    }
}
