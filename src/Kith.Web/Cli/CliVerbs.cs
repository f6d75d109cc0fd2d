using System.CommandLine;

namespace Kith.Web.Cli;

/// <summary>Every verb of the command line; each module adds its own command here.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All()
    {
        yield return UsersCommand.Create();
        yield return PostcodesCommand.Create();
        yield return DemoCommand.Create();
        yield return PeopleCommand.Create();
        yield return ImportCommand.Create();
        yield return RelationshipsCommand.Create();
        var export = ExportCommand.Create();
        export.Subcommands.Add(ExportHsdsCsvCommand.Create());
        yield return export;
    }
}
