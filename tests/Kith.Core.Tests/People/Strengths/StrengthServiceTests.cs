using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Strengths;

public class StrengthServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static async Task<Guid> PersonAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Actor = new ProcessContext("setup", "Setup");
        var person = new Person { Name = "Rosa Example" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    [Fact]
    public async Task Add_edit_and_remove_keep_the_search_text_in_step_and_the_history()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        db.Actor = new ProcessContext("u1", "Sam Worker");
        var service = new StrengthService(db, new FakeTimeProvider(Now));

        var added = await service.AddAsync(personId, new(StrengthCategory.Skill, " Bakes Crème brûlée! ", NamedBy.Family, "her son Dan"), "Sam Worker");
        Assert.Equal(StrengthSaveOutcome.Saved, added.Outcome);
        Assert.Equal("bakes creme brulee", added.Current!.SearchText);

        var edited = await service.EditAsync(personId, added.Current.Id, 1, new(StrengthCategory.Gift, "Teaches baking", NamedBy.Person, null));
        Assert.Equal(StrengthSaveOutcome.Saved, edited.Outcome);
        Assert.Equal("teaches baking", edited.Current!.SearchText);

        var stale = await service.EditAsync(personId, added.Current.Id, 1, new(StrengthCategory.Gift, "Something else", NamedBy.Person, null));
        Assert.Equal(StrengthSaveOutcome.Conflict, stale.Outcome);

        Assert.Equal(StrengthSaveOutcome.Saved, await service.RemoveAsync(personId, added.Current.Id, 2));
        Assert.Empty(await service.CurrentAsync(personId));
        Assert.Equal(1, await db.Strengths.CountAsync(s => s.RemovedAt != null));
    }

    [Fact]
    public async Task Words_over_the_limit_are_refused_with_the_limit_and_nothing_saved()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var personId = await PersonAsync(database);
        await using var db = database.CreateContext();
        db.Actor = new ProcessContext("u1", "Sam Worker");
        var service = new StrengthService(db, new FakeTimeProvider(Now));

        var result = await service.AddAsync(personId, new(StrengthCategory.Skill, new string('a', Strength.WordsLimit + 1), NamedBy.Person, null), "Sam Worker");
        Assert.Equal(StrengthSaveOutcome.Invalid, result.Outcome);
        Assert.Contains("500", result.Errors[nameof(StrengthDetails.Words)], StringComparison.Ordinal);
        Assert.Equal(0, await db.Strengths.CountAsync());
    }
}
