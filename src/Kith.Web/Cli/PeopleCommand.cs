using System.CommandLine;
using System.Text;
using Kith.Core.People.Export;
using Kith.Core.Platform.Audit;

namespace Kith.Web.Cli;

/// <summary><c>kith people export --person ID [--format json|html] [--out FILE]</c>: a subject-access copy, audited as the command line.</summary>
internal static class PeopleCommand
{
    /// <summary>The actor the export's audit event names.</summary>
    public const string Actor = "kith people export";

    public static Command Create()
    {
        var person = new Option<Guid>("--person") { Description = "The person's id (from the address of their record).", Required = true };
        var format = new Option<string>("--format") { Description = "json (the default) or html.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "html");
        var output = new Option<FileInfo?>("--out") { Description = "File to write; the standard output when left out." };
        var export = new Command("export", "Write everything Kith holds about a person (subject access), decrypted, with their audit trail.") { person, format, output };
        export.SetAction(async (result, cancellationToken) =>
        {
            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var bundle = await scope.ServiceProvider.GetRequiredService<SubjectAccessExport>()
                .BuildAsync(result.GetValue(person), ProcessContext.System(Actor), cancellationToken);
            if (bundle is null)
            {
                await Console.Error.WriteLineAsync($"There is no person with id {result.GetValue(person)}. Copy the id from the address of their record.");
                return 1;
            }

            var text = result.GetValue(format) == "html" ? SubjectAccessExport.ToHtml(bundle) : SubjectAccessExport.ToJson(bundle);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(false), cancellationToken);
                await Console.Error.WriteLineAsync($"Wrote {file.FullName}. The export is recorded in their access log.");
            }
            else
            {
                await Console.Out.WriteAsync(text);
            }

            return 0;
        });

        return new Command("people", "Work with people's records.") { export };
    }
}
