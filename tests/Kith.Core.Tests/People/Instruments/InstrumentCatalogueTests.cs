using System.Text.RegularExpressions;
using Kith.Core.People;
using Kith.Core.People.Instruments;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Instruments;

public partial class InstrumentCatalogueTests
{
    private static readonly ProcessContext Admin = new("user-admin", "Ada Admin");

    [Fact]
    public async Task Built_ins_load_once_and_an_invalid_upload_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext(clock);
        var catalogue = new InstrumentCatalogue(db, clock);

        Assert.Equal(3, await catalogue.LoadBuiltInsAsync());
        Assert.Equal(0, await catalogue.LoadBuiltInsAsync());
        var bad = await catalogue.LoadAsync("""{ "key": "x" }""", builtIn: false, Admin);

        Assert.False(bad.IsValid);
        Assert.Equal(3, await db.Instruments.CountAsync());
        Assert.True(await catalogue.RetireAsync("ons-loneliness-direct", Admin));
        Assert.Null(await catalogue.GetAsync("ons-loneliness-direct"));
        Assert.NotNull(await catalogue.GetAsync("ons-loneliness-direct", includeRetired: true));
    }

    [Fact]
    public async Task A_check_in_is_saved_as_answered_only_when_every_answer_is_valid()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext(clock);
        db.Actor = Admin;
        var person = new Person { Name = "Robin Example" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var catalogue = new InstrumentCatalogue(db, clock);
        await catalogue.LoadBuiltInsAsync();
        var ons4 = (await catalogue.GetAsync("ons4"))!;
        var checkIns = new CheckInService(db, clock);
        db.Actor = Admin;

        var (bad, none) = await checkIns.RecordAsync(person.Id, ons4, new Dictionary<string, int?> { ["satisfied"] = 11, ["worthwhile"] = 1, ["happy"] = 1, ["anxious"] = 1 }, new DateOnly(2026, 12, 1), CheckInStage.Start, "Sam");
        var (good, saved) = await checkIns.RecordAsync(person.Id, ons4, new Dictionary<string, int?> { ["satisfied"] = 10, ["worthwhile"] = 1, ["happy"] = 1, ["anxious"] = 9 }, new DateOnly(2026, 12, 1), CheckInStage.Start, "Sam");

        Assert.False(bad.IsValid);
        Assert.Null(none);
        Assert.Null(good.Total);
        Assert.Equal("1", saved!.InstrumentVersion);
        var history = await checkIns.HistoryAsync(person.Id);
        Assert.Equal(9, Assert.Single(history).Answers.Single(a => a.ItemKey == "anxious").Value);
    }

    [Fact]
    public void The_complete_example_in_the_docs_is_valid_and_scores_as_the_docs_say()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "instruments.md"));
        var json = JsonBlock().Match(docs).Groups[1].Value;
        var parsed = InstrumentEngine.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));

        var score = InstrumentEngine.Score(parsed.Instrument!, new Dictionary<string, int?> { ["calm"] = 4, ["tense"] = 2, ["slept"] = 3 });

        Assert.Equal(11, score.Total);
        Assert.Equal("A steadier week", score.Band);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kith.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kith.sln not found above the test folder.");
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
