using Kith.Web.Cli;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Cli;

/// <summary>
/// <c>kith people export</c> run in-process against the factory's database, configured the way an operator
/// would, through the <c>Database__*</c> environment variables (the factory's own settings take precedence
/// over them, so other tests are not affected).
/// </summary>
[Collection(EnvironmentCollection.Name)]
public class PeopleExportCommandTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task Exports_a_person_to_a_file_as_json_audited_as_the_command_line_and_refuses_an_unknown_id()
    {
        var team = await factory.CreateTeamAsync();
        var personId = await factory.CreatePersonAsync(team, "Morgan Exportable");
        var file = Path.Combine(Path.GetTempPath(), $"kith-export-{Guid.NewGuid():N}.json");
        Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("Database__ConnectionString", factory.ConnectionString);
        try
        {
            Assert.Equal(0, await KithCommandLine.RunAsync(["people", "export", "--person", personId.ToString(), "--out", file]));
            var json = await File.ReadAllTextAsync(file);
            Assert.Contains("Morgan Exportable", json, StringComparison.Ordinal);
            Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == personId.ToString() && e.ActorName == $"system ({PeopleCommand.Actor})")));

            Assert.Equal(1, await KithCommandLine.RunAsync(["people", "export", "--person", Guid.NewGuid().ToString()]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__Provider", null);
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            File.Delete(file);
        }
    }
}

/// <summary>Tests that set process-wide environment variables run on their own, never beside another class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
