using Kith.Core.Connections;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

/// <summary>The person's say on how a connection is going: kept, audited, newest first; bad input saves nothing.</summary>
public class ConnectionFeedbackServiceTests
{
    private static readonly ProcessContext Robin = new("user-robin", "Robin Example");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task What_the_person_says_is_kept_newest_first_and_audited_as_theirs(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var (personId, connectionId) = await SeedAsync(database, clock);

        await using (var db = database.CreateContext(clock))
        {
            var service = new ConnectionFeedbackService(db, clock);
            Assert.Null(await service.GiveAsync(personId, connectionId, HowItIsGoing.NotSure, "  ", Robin));
            clock.Advance(TimeSpan.FromDays(14));
            Assert.Null(await service.GiveAsync(personId, connectionId, HowItIsGoing.GoingWell, "  The tomatoes are coming on ", Robin));
        }

        await using (var db = database.CreateContext(clock))
        {
            var said = await new ConnectionFeedbackService(db, clock).ForPersonAsync(personId, connectionId);
            Assert.Equal([HowItIsGoing.GoingWell, HowItIsGoing.NotSure], said.Select(f => f.HowItIsGoing));
            Assert.Equal(["The tomatoes are coming on", null], said.Select(f => f.Words));
            Assert.Equal(new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc), said[0].At);
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId && e.EntityType == nameof(ConnectionFeedback)).ToListAsync();
            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal(("user-robin", AuditActions.Created), (e.UserId, e.Action)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Too_many_words_or_someone_elses_connection_save_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var (personId, connectionId) = await SeedAsync(database, clock);
        var (otherId, _) = await SeedAsync(database, clock);

        await using var db = database.CreateContext(clock);
        var service = new ConnectionFeedbackService(db, clock);
        var problem = await service.GiveAsync(personId, connectionId, HowItIsGoing.NotForMe, new string('a', ConnectionFeedback.WordsLimit + 1), Robin);
        Assert.Equal($"Keep what you write to {ConnectionFeedback.WordsLimit} characters or fewer; it has {ConnectionFeedback.WordsLimit + 1}", problem);
        Assert.Equal("Choose how it is going", await service.GiveAsync(personId, connectionId, (HowItIsGoing)7, null, Robin));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => service.GiveAsync(otherId, connectionId, HowItIsGoing.GoingWell, null, Robin));
        Assert.False(await db.ConnectionFeedback.AnyAsync());
    }

    private static async Task<(Guid PersonId, Guid ConnectionId)> SeedAsync(TestDatabase database, FakeTimeProvider clock)
    {
        await using var db = database.CreateContext(clock);
        db.Actor = Robin;
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person { Name = "Robin Example", CreatedAt = now, LastModified = now };
        var asset = new CommunityAsset { Name = "Riverside Allotments", Organization = new Organization { Name = "Riverside Trust" }, CreatedAt = now, LastModified = now };
        var connection = Connection.Create(person.Id, asset.Id, ConnectionKind.SignpostOnly, Robin, now);
        db.People.Add(person);
        db.CommunityAssets.Add(asset);
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return (person.Id, connection.Id);
    }
}
