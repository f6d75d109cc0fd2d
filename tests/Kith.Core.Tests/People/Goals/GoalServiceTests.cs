using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Goals;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Goals;

public class GoalServiceTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");

    private static readonly GoalDetails Bike = new() { Words = "I want to get back on my bike", WhyItMatters = "To see my brother", WrittenByPerson = true };

    private static readonly GoalDetails Scaled = Bike with
    {
        UsesAttainmentScale = true,
        Levels = ["Bike stays in the shed", "Bike pumped up", "Ride round the block", "Ride to the park", "Ride to my brother's"],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Words_change_with_the_version_they_were_based_on_and_a_stale_version_is_a_conflict_that_saves_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (db, goals, personId) = await StartAsync(database);
        var goal = await goals.CreateAsync(personId, Scaled);

        await goals.UpdateWordsAsync(personId, goal.Id, "Cycle to my brother's", basedOnVersion: 1, writtenByPerson: true);
        var conflict = await Assert.ThrowsAsync<GoalConflictException>(() => goals.UpdateWordsAsync(personId, goal.Id, "Something else", basedOnVersion: 1, writtenByPerson: false));

        Assert.Equal("Cycle to my brother's", conflict.Current.Words);
        var saved = await database.CreateContext().Goals.AsNoTracking().SingleAsync();
        Assert.Equal(2, saved.Version);
        Assert.Equal("Cycle to my brother's", saved.Words);
        Assert.True(saved.WrittenByPerson);
        Assert.Equal("Ride round the block", saved.Expected);
        Assert.Equal("To see my brother", saved.WhyItMatters);
        await db.DisposeAsync();
    }

    [Fact]
    public void Validation_names_each_field_that_is_wrong()
    {
        var errors = GoalService.Validate(new GoalDetails { Words = new string('a', Goal.WordsLimit + 1), UsesAttainmentScale = true, Levels = ["a", null, "c", "d", "e"] });

        Assert.Equal(["Words", "Levels[1]"], errors.Select(e => e.Field));
        Assert.Contains("1000 characters or fewer", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_are_minus_two_to_plus_two_and_only_on_goals_that_use_the_scale()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var (db, goals, personId) = await StartAsync(database);
        var scaled = await goals.CreateAsync(personId, Scaled);
        var plain = await goals.CreateAsync(personId, Bike);
        var day = new DateOnly(2026, 12, 1);

        await goals.RateAsync(personId, scaled.Id, -1, day, null, "Sam");
        await goals.RateAsync(personId, scaled.Id, 1, day.AddDays(7), "Pumped the tyres", "Sam");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => goals.RateAsync(personId, scaled.Id, 3, day, null, "Sam"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => goals.RateAsync(personId, plain.Id, 0, day, null, "Sam"));

        var view = (await goals.GetAsync(personId, scaled.Id))!;
        Assert.Equal([-1, 1], view.Ratings.Select(r => r.Score));
        Assert.Equal(1, view.LatestRating!.Score);
        Assert.Equal("+1: More than expected", GoalService.ScoreLabel(1));
        await db.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upcoming_actions_are_not_done_on_active_goals_soonest_first(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (db, goals, personId) = await StartAsync(database);
        var active = await goals.CreateAsync(personId, Bike);
        var achieved = await goals.CreateAsync(personId, Bike with { Status = GoalStatus.Achieved });
        await goals.AddActionAsync(personId, active.Id, "Ask Mum about the pump", ActionOwner.Family, "Mum", new DateOnly(2026, 12, 10));
        await goals.AddActionAsync(personId, active.Id, "Visit the bike shop", ActionOwner.Person, null, new DateOnly(2026, 12, 5));
        await goals.AddActionAsync(personId, active.Id, "Look up the cycling group", ActionOwner.Community, null, null);
        var done = await goals.AddActionAsync(personId, active.Id, "Find the bike", ActionOwner.Person, null, new DateOnly(2026, 12, 1));
        await goals.AddActionAsync(personId, achieved.Id, "Old action", ActionOwner.Services, null, new DateOnly(2026, 12, 2));
        await goals.MarkActionDoneAsync(personId, done.Id, new DateOnly(2026, 12, 2));

        var upcoming = await goals.UpcomingActionsAsync(personId);

        Assert.Equal(["Visit the bike shop", "Ask Mum about the pump", "Look up the cycling group"], upcoming.Select(a => a.What));
        Assert.Empty(await goals.UpcomingActionsAsync(Guid.NewGuid()));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task A_goal_of_another_person_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var (db, goals, personId) = await StartAsync(database);
        var goal = await goals.CreateAsync(personId, Bike);

        Assert.Null(await goals.GetAsync(Guid.NewGuid(), goal.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => goals.UpdateWordsAsync(Guid.NewGuid(), goal.Id, "x", 1, false));
        await db.DisposeAsync();
    }

    private static async Task<(KithDbContext Db, GoalService Goals, Guid PersonId)> StartAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var db = database.CreateContext(clock);
        db.Actor = Sam;
        var person = new Person { Name = "Robin Example" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (db, new GoalService(db, clock), person.Id);
    }
}
