using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Kith.Core.Tests.Infrastructure;

namespace Kith.Core.Tests.People.Records;

public sealed class PersonServiceTests
{
    private static readonly ProcessContext Actor = new("user-1", "Sam Worker");

    private static async Task<Guid> TeamAsync(TestDatabase database, string name = "Connectors")
    {
        await using var db = database.CreateContext();
        db.Actor = Actor;
        var team = new Team { Name = name, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    [Fact]
    public async Task Creates_tidies_updates_and_refuses_a_stale_version()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var team = await TeamAsync(database);
        await using var db = database.CreateContext();
        var service = new PersonService(db, TimeProvider.System);

        var created = await service.CreateAsync(new PersonDetails { Name = "  Ada Example ", Postcode = "av12ab", Email = "ada@example.org" }, team, Actor);
        Assert.True(created.Succeeded);

        await using var check = database.CreateContext();
        var saved = check.People.Single(p => p.Id == created.PersonId);
        Assert.Equal("Ada Example", saved.Name);
        Assert.Equal("AV1 2AB", saved.Postcode);
        Assert.Single(check.PersonTeams.Where(t => t.PersonId == saved.Id));

        var updated = await service.UpdateAsync(created.PersonId, 1, new PersonDetails { Name = "Ada Example", Pronouns = "she/her" }, Actor);
        Assert.Equal(PersonSaveStatus.Saved, updated.Status);
        Assert.Equal(2, updated.Version);

        var stale = await service.UpdateAsync(created.PersonId, 1, new PersonDetails { Name = "Ada Example", Pronouns = "they/them" }, Actor);
        Assert.Equal(PersonSaveStatus.Conflict, stale.Status);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal("she/her", stale.Current!.Pronouns);
        Assert.Equal("they/them", stale.Yours!.Pronouns);
    }

    [Fact]
    public async Task Refuses_bad_details_with_clear_messages()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var team = await TeamAsync(database);
        await using var db = database.CreateContext();
        var service = new PersonService(db, TimeProvider.System);

        var result = await service.CreateAsync(new PersonDetails
        {
            Name = " ",
            DateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1),
            Email = "not an email",
            Postcode = "nowhere",
            Pronouns = new string('x', Person.ShortTextLimit + 1),
        }, team, Actor);

        Assert.Equal(PersonSaveStatus.Invalid, result.Status);
        Assert.Equal("Enter the person's name", result.Errors[nameof(PersonDetails.Name)]);
        Assert.Equal("Date of birth must be today or in the past", result.Errors[nameof(PersonDetails.DateOfBirth)]);
        Assert.Contains(nameof(PersonDetails.Email), result.Errors.Keys);
        Assert.Contains(nameof(PersonDetails.Postcode), result.Errors.Keys);
        Assert.Contains(nameof(PersonDetails.Pronouns), result.Errors.Keys);
        await using var check = database.CreateContext();
        Assert.Empty(check.People);
    }

    [Fact]
    public async Task Closes_reopens_and_keeps_at_least_one_team()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var team = await TeamAsync(database);
        var second = await TeamAsync(database, "Second");
        await using var db = database.CreateContext();
        var service = new PersonService(db, TimeProvider.System);
        var id = (await service.CreateAsync(new PersonDetails { Name = "Bo Example" }, team, Actor)).PersonId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.Equal(PersonSaveStatus.Invalid, (await service.CloseAsync(id, 1, today.AddDays(3), Actor)).Status);
        Assert.True((await service.CloseAsync(id, 1, today, Actor)).Succeeded);
        Assert.True((await service.ReopenAsync(id, 2, Actor)).Succeeded);

        Assert.False(await service.RemoveTeamAsync(id, team, Actor));
        Assert.True(await service.AddTeamAsync(id, second, Actor));
        Assert.True(await service.RemoveTeamAsync(id, team, Actor));
        await using var check = database.CreateContext();
        Assert.Null(check.People.Single(p => p.Id == id).ClosedOn);
        Assert.Equal(second, check.PersonTeams.Single(t => t.PersonId == id).TeamId);
    }
}
