using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Infrastructure;

/// <summary>Builders for people and teams in a <see cref="KithWebFactory"/>'s database.</summary>
public static class TestPeople
{
    /// <summary>Creates a team whose members are <paramref name="members"/>; the first is its manager when <paramref name="firstIsManager"/>.</summary>
    public static async Task<Guid> CreateTeamAsync(this KithWebFactory factory, string? name = null, bool firstIsManager = false, params TestUser[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return await factory.WithDbAsync(async db =>
        {
            var team = new Team { Name = name ?? $"Team {Guid.NewGuid():N}"[..20], CreatedAt = DateTime.UtcNow };
            team.Members.AddRange(members.Select((m, i) => new TeamMember { UserId = m.Id, IsManager = firstIsManager && i == 0, AddedAt = DateTime.UtcNow }));
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
    }

    /// <summary>Creates a person worked with by <paramref name="teamId"/>; <paramref name="configure"/> can fill in more.</summary>
    public static async Task<Guid> CreatePersonAsync(this KithWebFactory factory, Guid teamId, string name = "Alex Test", Action<Person>? configure = null)
    {
        return await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var person = new Person { Name = name, CreatedAt = now, LastModified = now };
            person.Teams.Add(new PersonTeam { PersonId = person.Id, TeamId = teamId, Since = DateOnly.FromDateTime(now) });
            configure?.Invoke(person);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
    }

    /// <summary>The audit events about a person, oldest first.</summary>
    public static Task<List<AuditEvent>> AuditAboutAsync(this KithWebFactory factory, Guid personId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Runs <paramref name="work"/> with a context in its own scope, acting as the test system.</summary>
    public static async Task<T> WithDbAsync<T>(this KithWebFactory factory, Func<KithDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        db.Actor = ProcessContext.System("test");
        return await work(db);
    }
}
