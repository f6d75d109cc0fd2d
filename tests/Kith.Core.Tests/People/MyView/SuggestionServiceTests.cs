using Kith.Core.People;
using Kith.Core.People.Suggestions;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.MyView;

public sealed class SuggestionServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProcessContext PersonActor = new("person-user", "Robin");

    private static readonly ProcessContext Worker = new("worker-user", "Sam Worker");

    [Theory]
    [InlineData("I grow Tomatoes!", "i grow tomatoes")]
    [InlineData("  Crème  brûlée, baking ", "creme brulee baking")]
    [InlineData("...", "")]
    public void Fold_lowers_removes_accents_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, Kith.Core.People.Strengths.MatchText.Fold(text));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_applies_each_kind_and_marks_it_written_by_the_person(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var personId = Guid.NewGuid();
        Guid goalId;
        await using (var db = database.CreateContext(clock))
        {
            db.Actor = Worker;
            db.People.Add(new Person { Id = personId, Name = "Robin", CreatedAt = Now.UtcDateTime, LastModified = Now.UtcDateTime });
            var goal = new Goal { PersonId = personId, Words = "Get out more", CreatedAt = Now.UtcDateTime, LastModified = Now.UtcDateTime };
            goalId = goal.Id;
            db.Goals.Add(goal);
            db.AboutMeVersions.Add(new AboutMeVersion { PersonId = personId, Number = 1, WhatMattersMost = "My dog", Wellness = "Walks", WrittenByName = "Sam", WrittenAt = Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var ids = new List<Guid>();
        await using (var db = database.CreateContext(clock))
        {
            var service = new SuggestionService(db, clock);
            ids.Add((await service.SuggestAsync(personId, SuggestionTarget.Goal, goalId, null, "Walk every week", PersonActor)).Id!.Value);
            ids.Add((await service.SuggestAsync(personId, SuggestionTarget.NewGoal, null, null, "Learn to swim", PersonActor)).Id!.Value);
            ids.Add((await service.SuggestAsync(personId, SuggestionTarget.NewStrength, null, null, "Baking crème brûlée", PersonActor)).Id!.Value);
            ids.Add((await service.SuggestAsync(personId, SuggestionTarget.AboutMeSection, null, nameof(AboutMeSection.Wellness), "Walks and swimming", PersonActor)).Id!.Value);
            Assert.False((await service.SuggestAsync(personId, SuggestionTarget.NewGoal, null, null, new string('x', Goal.WordsLimit + 1), PersonActor)).Succeeded);
        }

        await using (var db = database.CreateContext(clock))
        {
            var service = new SuggestionService(db, clock);
            var captured = await db.Set<SuggestedChange>().AsNoTracking().SingleAsync(s => s.Id == ids[0]);
            Assert.Equal("Get out more", captured.CurrentText);
            foreach (var id in ids)
            {
                var outcome = await service.AcceptAsync(personId, id, "Sam Worker", Worker);
                Assert.True(outcome.Succeeded, outcome.Error);
            }

            Assert.False((await service.AcceptAsync(personId, ids[0], "Sam Worker", Worker)).Succeeded);
        }

        await using (var check = database.CreateContext(clock))
        {
            var goals = await check.Goals.AsNoTracking().Where(g => g.PersonId == personId).ToListAsync();
            Assert.Contains(goals, g => g.Id == goalId && g.Words == "Walk every week" && g.WrittenByPerson && g.Version == 2);
            Assert.Contains(goals, g => g.Words == "Learn to swim" && g.WrittenByPerson);
            var strength = await check.Strengths.AsNoTracking().SingleAsync(s => s.PersonId == personId);
            Assert.Equal(NamedBy.Person, strength.NamedBy);
            Assert.Equal("baking creme brulee", strength.SearchText);
            var latest = await check.AboutMeVersions.AsNoTracking().Where(v => v.PersonId == personId).OrderByDescending(v => v.Number).FirstAsync();
            Assert.Equal(2, latest.Number);
            Assert.Equal("My dog", latest.WhatMattersMost);
            Assert.Equal("Walks and swimming", latest.Wellness);
            Assert.True(latest.WrittenByPerson);
            Assert.All(await check.Set<SuggestedChange>().AsNoTracking().ToListAsync(), s => Assert.Equal(SuggestionStatus.Accepted, s.Status));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Declining_needs_a_note_the_person_sees(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var personId = Guid.NewGuid();
        await using var db = database.CreateContext(clock);
        db.Actor = Worker;
        db.People.Add(new Person { Id = personId, Name = "Robin", CreatedAt = Now.UtcDateTime, LastModified = Now.UtcDateTime });
        await db.SaveChangesAsync();
        var service = new SuggestionService(db, clock);
        var id = (await service.SuggestAsync(personId, SuggestionTarget.NewGoal, null, null, "Run a marathon", PersonActor)).Id!.Value;

        Assert.False((await service.DeclineAsync(personId, id, " ", "Sam Worker", Worker)).Succeeded);
        Assert.True((await service.DeclineAsync(personId, id, "Let us start with a 5k together", "Sam Worker", Worker)).Succeeded);

        var declined = await db.Set<SuggestedChange>().AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(SuggestionStatus.Declined, declined.Status);
        Assert.Equal("Let us start with a 5k together", declined.DecisionNote);
        Assert.Empty(await db.Goals.Where(g => g.PersonId == personId).ToListAsync());
    }
}
