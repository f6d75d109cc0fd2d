using System.Text;
using System.Xml.Linq;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Relationships.Data;

/// <summary>CSV import with a reason per rejected row, CSV and GraphML export, and the round trip (ADR 0023).</summary>
public sealed class RelationshipImportExportTests
{
    private const string Actors = """
        id,name,kind,sector,area,decides about,holds budget,budget band,interest,influence,email,agreed on,agreed how
        A1,Vale Mind,organisation,voluntary and community,Northfield,mental health,yes,100k to 1m,5,3,,,
        A2,Northfield Men's Shed,community group,voluntary and community,Northfield,,,,4,1,,,
        A3,Council Public Health,team,council,,mental health; loneliness,yes,over 1m,4,5,,,
        A4,Asha Patel,staff member,health,Northfield,,,,,,asha@example.org,2026-05-02,by email
        A5,Sam Okafor,staff member,social care,Northfield,,,,,,,,
        A6,Ghost,spirit,faith,,,,,,,,,
        A7,Scores Too High,team,council,,,,,7,1,,,
        A8,,team,council,,,,,,,,,
        A9,Vale Mind,organisation,health,,,,,,,,,
        A10,Late Agreement,staff member,health,,,,,,,,31/02/2026,
        """;

    private const string Ties = """
        from id,from,to id,to,type,directed,strength,frequency,since,until,notes
        A3,,A1,,funds,,4,monthly,2023-04-01,,Talking therapies
        ,Vale Mind,,Northfield Men's Shed,works with,no,3,weekly,01/09/2024,,
        A4,,A1,,refers to,,2,,,,
        A5,,A2,,trusts,,4,,,,
        ,Vale Mind,,Nobody,works with,,3,,,,
        ,Vale Mind,,vale mind,works with,,3,,,,
        ,Northfield Men's Shed,,Vale Mind,works with,,5,,,,
        A3,,A2,,funds,,9,,,,
        A3,,A2,,trusts,,3,,2025-06-01,2025-01-01,
        A3,,A2,,waves at,,3,,,,
        A3,,A2,,trusts,,3,hourly,,,
        A3,,A2,,trusts,,3,,2025-13-01,,
        A3,,A99,,trusts,,3,,,,
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_rows_are_left_out_with_a_reason_each_and_the_good_rows_imported_once(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        await using var db = world.Context();
        var importer = new RelationshipImporter(db, world.Clock);
        var result = await importer.ImportAsync(Stream(Actors), Stream(Ties), RelationshipWorld.Editor);

        Assert.True(result.Saved);
        Assert.Equal(5, result.ActorsCreated);
        Assert.Equal(4, result.TiesCreated);
        Assert.Equal(["Sam Okafor"], result.NotYetAgreed);
        void Rejected(string file, int row, string? column, string message) =>
            Assert.Contains(result.Rejections, r => r.File == file && r.Row == row && r.Column == column && r.Message.Contains(message, StringComparison.Ordinal));
        Rejected("actors", 7, "kind", "\"spirit\" is not a kind Kith knows: use one of staff member, team");
        Rejected("actors", 8, "interest", "\"7\" is not a whole number from 1 to 5");
        Rejected("actors", 9, "name", "Enter the actor's name");
        Rejected("actors", 10, "name", "Vale Mind (organisation) is already in this file on an earlier row");
        Rejected("actors", 11, "agreed on", "\"31/02/2026\" is not a date");
        Rejected("ties", 6, "to", "There is no actor called \"Nobody\"");
        Rejected("ties", 7, "to", "a tie joins two different actors");
        Rejected("ties", 8, "type", "is already on an earlier row of this file");
        Rejected("ties", 9, "strength", "Strength \"9\" is outside 1 to 5");
        Rejected("ties", 10, "until", "The tie ends before it starts");
        Rejected("ties", 11, "type", "\"waves at\" is not a type of tie Kith knows");
        Rejected("ties", 12, "frequency", "\"hourly\" is not a frequency Kith knows");
        Rejected("ties", 13, "since", "\"2025-13-01\" is not a date");
        Rejected("ties", 14, "to id", "There is no actor with the id \"A99\"");
        Assert.Equal(14, result.Rejections.Count);
        Assert.Equal(1, await db.RelationshipActors.CountAsync(a => a.Name == "Vale Mind"));
        var funds = await db.RelationshipTies.AsNoTracking().SingleAsync(t => t.Type == TieType.Funds);
        Assert.True(funds.IsDirected);
        Assert.Equal(TieSource.Declared, funds.Source);
        Assert.Equal(new DateOnly(2023, 4, 1), funds.Since);
        Assert.Equal(TieFrequency.Monthly, funds.Frequency);
        var asha = await db.RelationshipActors.AsNoTracking().SingleAsync(a => a.Name == "Asha Patel");
        Assert.Equal(new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc), asha.AgreedToMappingAt);
        var sam = await db.RelationshipActors.AsNoTracking().SingleAsync(a => a.Name == "Sam Okafor");
        Assert.Null(sam.AgreedToMappingAt);
        var map = await new RelationshipAnalysisService(db, world.Clock).LoadAsync(new MapFilter());
        Assert.DoesNotContain(map.Actors, a => a.Id == sam.Id);

        // The same files again add nothing.
        await using var again = world.Context();
        var second = await new RelationshipImporter(again, world.Clock).ImportAsync(Stream(Actors), Stream(Ties), RelationshipWorld.Editor);
        Assert.Equal(0, second.ActorsCreated);
        Assert.Equal(0, second.TiesCreated);
        Assert.Equal(5, second.ActorsUnchanged);
        Assert.Equal(4, second.TiesUnchanged);
        Assert.Equal(5, await again.RelationshipActors.CountAsync());
        Assert.Equal(4, await again.RelationshipTies.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tie_already_on_the_map_with_other_values_is_refused_and_a_missing_name_column_stops_the_file(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var mind = await world.ActorAsync("Vale Mind");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        await world.TieAsync(mind.Id, shed.Id, strength: 2);
        await using var db = world.Context();
        var result = await new RelationshipImporter(db, world.Clock).ImportAsync(null, Stream("from,to,type,strength\nMen's Shed,Vale Mind,works with,4\n"), RelationshipWorld.Editor);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.Row);
        Assert.StartsWith("There is already a current \"works with\" tie between Men's Shed and Vale Mind", rejection.Message, StringComparison.Ordinal);

        var noName = await new RelationshipImporter(db, world.Clock).ImportAsync(Stream("title,kind\nVale Mind,organisation\n"), null, RelationshipWorld.Editor);
        Assert.False(noName.Saved);
        Assert.Contains("has no \"name\" column", noName.FileProblem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_export_imports_into_an_empty_map_as_the_same_map(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        await using (var db = world.Context())
        {
            await new RelationshipImporter(db, world.Clock).ImportAsync(Stream(Actors), Stream(Ties), RelationshipWorld.Editor);
        }

        var (actorsCsv, tiesCsv) = await ExportAsync(world);
        await using var copy = await RelationshipWorld.CreateAsync(provider);
        await using (var db = copy.Context())
        {
            var result = await new RelationshipImporter(db, copy.Clock).ImportAsync(Stream(actorsCsv), Stream(tiesCsv), RelationshipWorld.Editor);
            Assert.Empty(result.Rejections);
        }

        var (actorsAgain, tiesAgain) = await ExportAsync(copy);
        Assert.Equal(actorsCsv, actorsAgain);
        Assert.Equal(tiesCsv, tiesAgain);
        // Sam Okafor has not agreed, so neither he nor his tie leaves Kith.
        Assert.DoesNotContain("Sam Okafor", actorsCsv, StringComparison.Ordinal);
        Assert.Equal(4, actorsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(3, tiesCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.StartsWith(string.Join(',', RelationshipImporter.ActorColumns), actorsCsv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GraphML_is_well_formed_with_the_node_and_edge_attributes_and_each_export_is_audited(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        var mind = await world.ActorAsync("Vale <Mind> & Co");
        var shed = await world.ActorAsync("Men's Shed", ActorKind.CommunityGroup);
        var hidden = await world.ActorAsync("Not Agreed", ActorKind.ResidentRepresentative);
        await world.TieAsync(mind.Id, shed.Id, TieType.Funds, 4, since: new DateOnly(2024, 1, 1));
        await world.TieAsync(hidden.Id, shed.Id);
        await using var db = world.Context();
        using var buffer = new MemoryStream();
        await new RelationshipExporter(db, world.Clock).WriteGraphMlAsync(buffer, RelationshipWorld.Editor);
        buffer.Position = 0;
        var document = XDocument.Load(buffer);
        XNamespace g = RelationshipExporter.GraphMlNamespace;
        Assert.Equal(g + "graphml", document.Root!.Name);
        Assert.Equal(10, document.Root.Elements(g + "key").Count());
        var nodes = document.Descendants(g + "node").ToList();
        Assert.Equal(2, nodes.Count);
        string? Data(XElement e, string key) => e.Elements(g + "data").SingleOrDefault(d => (string?)d.Attribute("key") == key)?.Value;
        Assert.Contains(nodes, n => Data(n, "name") == "Vale <Mind> & Co" && Data(n, "kind") == "organisation" && Data(n, "sector") == "health");
        var edge = Assert.Single(document.Descendants(g + "edge"));
        Assert.Equal("true", (string?)edge.Attribute("directed"));
        Assert.Equal("funds", Data(edge, "type"));
        Assert.Equal("4", Data(edge, "strength"));
        Assert.Equal("declared", Data(edge, "source"));
        Assert.Equal("2024-01-01", Data(edge, "since"));
        Assert.Null(Data(edge, "until"));
        Assert.Equal("n" + mind.Id.ToString("N"), (string?)edge.Attribute("source"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == RelationshipExporter.ExportedAction && e.EntityId == "graphml" && e.UserId == "user-editor"));
    }

    [Fact]
    public void The_templates_are_built_in_and_use_the_import_columns()
    {
        var actors = Encoding.UTF8.GetString(RelationshipTemplates.Read(RelationshipTemplates.ActorsFileName)!);
        var ties = Encoding.UTF8.GetString(RelationshipTemplates.Read(RelationshipTemplates.TiesFileName)!);
        Assert.StartsWith(string.Join(',', RelationshipImporter.ActorColumns) + "\n", actors, StringComparison.Ordinal);
        Assert.StartsWith(string.Join(',', RelationshipImporter.TieColumns) + "\n", ties, StringComparison.Ordinal);
        Assert.Null(RelationshipTemplates.Read("../secrets.csv"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_templates_import_without_a_rejection(Provider provider)
    {
        await using var world = await RelationshipWorld.CreateAsync(provider);
        await using var db = world.Context();
        var result = await new RelationshipImporter(db, world.Clock).ImportAsync(
            new MemoryStream(RelationshipTemplates.Read(RelationshipTemplates.ActorsFileName)!), new MemoryStream(RelationshipTemplates.Read(RelationshipTemplates.TiesFileName)!), RelationshipWorld.Editor);
        Assert.Empty(result.Rejections);
        Assert.Equal(5, result.ActorsCreated);
        Assert.Equal(4, result.TiesCreated);
    }

    private static async Task<(string Actors, string Ties)> ExportAsync(RelationshipWorld world)
    {
        await using var db = world.Context();
        var exporter = new RelationshipExporter(db, world.Clock);
        using var actors = new MemoryStream();
        using var ties = new MemoryStream();
        await exporter.WriteActorsCsvAsync(actors, RelationshipWorld.Editor);
        await exporter.WriteTiesCsvAsync(ties, RelationshipWorld.Editor);
        return (Encoding.UTF8.GetString(actors.ToArray()), Encoding.UTF8.GetString(ties.ToArray()));
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
}
