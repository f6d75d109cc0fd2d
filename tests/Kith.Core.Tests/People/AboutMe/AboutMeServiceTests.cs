using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.AboutMe;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.AboutMe;

public class AboutMeServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static AboutMeSections Sections(string whatMatters) => new(whatMatters, "My son Dan", null, null, null, null, null);

    private static async Task<Guid> PersonAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Actor = new ProcessContext("setup", "Setup");
        var person = new Person { Name = "Rosa Example" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private static AboutMeService Service(KithDbContext db) => new(db, new FakeTimeProvider(Now));

    [Fact]
    public async Task Each_save_adds_the_next_version_and_keeps_the_old_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using (var db = database.CreateContext())
        {
            var first = await Service(db).SaveAsync(personId, 0, Sections("Gardening"), "my daughter", "u1", "Sam Worker", writtenByPerson: false);
            Assert.Equal(AboutMeSaveOutcome.Saved, first.Outcome);
            var second = await Service(db).SaveAsync(personId, 1, Sections("Gardening and my cat"), "my daughter", null, "Rosa Example", writtenByPerson: true);
            Assert.Equal(AboutMeSaveOutcome.Saved, second.Outcome);
            Assert.Equal(2, second.Latest!.Number);
        }

        await using (var db = database.CreateContext())
        {
            var history = await Service(db).HistoryAsync(personId);
            Assert.Equal([2, 1], history.Select(v => v.Number));
            Assert.Equal("Gardening", history[1].WhatMattersMost);
            Assert.True(history[0].WrittenByPerson);
            Assert.Equal(Now.UtcDateTime, history[0].WrittenAt);
        }
    }

    [Fact]
    public async Task An_unchanged_save_adds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        await Service(db).SaveAsync(personId, 0, Sections("Gardening"), null, "u1", "Sam", false);
        var again = await Service(db).SaveAsync(personId, 1, Sections("  Gardening \r\n"), "  ", "u1", "Sam", false);
        Assert.Equal(AboutMeSaveOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, await db.AboutMeVersions.CountAsync());
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_a_conflict_and_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        await Service(db).SaveAsync(personId, 0, Sections("Gardening"), null, "u1", "Sam", false);
        await Service(db).SaveAsync(personId, 1, Sections("Walking"), null, "u2", "Ash", false);
        var stale = await Service(db).SaveAsync(personId, 1, Sections("Cooking"), null, "u1", "Sam", false);
        Assert.Equal(AboutMeSaveOutcome.Conflict, stale.Outcome);
        Assert.Equal("Walking", stale.Latest!.WhatMattersMost);
        Assert.Equal(2, await db.AboutMeVersions.CountAsync());
    }

    [Fact]
    public async Task A_section_over_the_limit_is_refused_with_the_limit_and_nothing_saved()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        var result = await Service(db).SaveAsync(personId, 0, Sections(new string('a', AboutMeVersion.SectionLimit + 1)), null, "u1", "Sam", false);
        Assert.Equal(AboutMeSaveOutcome.Invalid, result.Outcome);
        Assert.Contains("10,000", result.Errors[nameof(AboutMeSection.WhatMattersMost)], StringComparison.Ordinal);
        Assert.Equal(0, await db.AboutMeVersions.CountAsync());
    }

    [Fact]
    public async Task The_sections_are_not_stored_as_plain_text()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        await Service(db).SaveAsync(personId, 0, Sections("Secret gardening plans"), null, "u1", "Sam", false);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"WhatMattersMost\" FROM \"AboutMeVersions\"";
        var raw = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(raw);
        Assert.DoesNotContain("gardening", raw, StringComparison.OrdinalIgnoreCase);
    }
}
