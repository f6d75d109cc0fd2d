using Kith.Core.Connections;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

public class ConnectionServiceTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");
    private static readonly ProcessContext Group = new(null, "Riverside Allotments (by link)");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_connection_is_saved_with_every_move_and_each_write_and_read_is_audited(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var (database, clock, personId, assetId) = (world.Database, world.Clock, world.PersonId, world.AssetId);

        Guid id;
        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            id = await service.CreateAsync(new CreateConnectionOptions(personId, assetId, ConnectionKind.Introduction, "Loves growing things"), Sam);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(MoveOutcome.Moved, (await service.MoveAsync(personId, id, ConnectionStatus.Requested, 1, "Emailed the group", Sam)).Outcome);
            clock.Advance(TimeSpan.FromDays(2));
            Assert.Equal(MoveOutcome.Moved, (await service.MoveAsync(personId, id, ConnectionStatus.Accepted, 2, null, Group)).Outcome);
        }

        await using (var db = database.CreateContext(clock))
        {
            var view = Assert.Single(await Service(db, clock).ListForPersonAsync(personId, Sam));
            Assert.Equal(ConnectionStatus.Accepted, view.Status);
            Assert.Equal("Riverside Allotments", view.AssetName);
            Assert.Equal(3, view.Version);
            Assert.Equal([null, ConnectionStatus.Draft, ConnectionStatus.Requested], view.Transitions.Select(t => t.From));
            Assert.Equal(["Sam Practitioner", "Sam Practitioner", "Riverside Allotments (by link)"], view.Transitions.Select(t => t.ByName));
            Assert.Equal(["Loves growing things", "Emailed the group", null], view.Transitions.Select(t => t.Note));
            Assert.Equal(new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), view.Transitions[2].At);

            var events = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.Id).ToListAsync();
            Assert.Contains(events, e => e is { EntityType: nameof(Connection), Action: AuditActions.Created, ActorName: "Sam Practitioner" });
            Assert.Equal(3, events.Count(e => e is { EntityType: nameof(ConnectionTransition), Action: AuditActions.Created }));
            Assert.Equal(2, events.Count(e => e is { EntityType: nameof(Connection), Action: AuditActions.Updated }));
            var read = Assert.Single(events, e => e.Action == AuditActions.Viewed);
            Assert.Contains(ConnectionService.AuditPart, read.Changes, StringComparison.Ordinal);
            Assert.Equal("user-sam", read.UserId);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_double_click_on_accept_moves_the_connection_once(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var (database, clock, personId, assetId) = (world.Database, world.Clock, world.PersonId, world.AssetId);
        Guid id;
        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            id = await service.CreateAsync(new CreateConnectionOptions(personId, assetId, ConnectionKind.Introduction), Sam);
            await service.MoveAsync(personId, id, ConnectionStatus.Requested, 1, null, Sam);
        }

        // Two requests loaded the connection at version 2 before either saved: only one move is written.
        await using var first = database.CreateContext(clock);
        await using var second = database.CreateContext(clock);
        var firstLoaded = await first.Connections.SingleAsync(c => c.Id == id);
        var secondLoaded = await second.Connections.SingleAsync(c => c.Id == id);
        first.ConnectionTransitions.Add(firstLoaded.Accept(Group, clock.GetUtcNow().UtcDateTime));
        first.Actor = Group;
        await first.SaveChangesAsync();
        second.ConnectionTransitions.Add(secondLoaded.Accept(Group, clock.GetUtcNow().UtcDateTime));
        second.Actor = Group;
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());

        // Through the service, the repeat of the same move says it was already done.
        await using (var db = database.CreateContext(clock))
        {
            var again = await Service(db, clock).MoveAsync(personId, id, ConnectionStatus.Accepted, 2, null, Group);
            Assert.Equal(new MoveResult(MoveOutcome.AlreadyDone, ConnectionStatus.Accepted, 3), again);
            var stale = await Service(db, clock).MoveAsync(personId, id, ConnectionStatus.Rejected, 2, "No space", Group);
            Assert.Equal(MoveOutcome.Conflict, stale.Outcome);
        }

        await using (var db = database.CreateContext(clock))
        {
            Assert.Equal(3, await db.ConnectionTransitions.CountAsync(t => t.ConnectionId == id));
            Assert.Equal(ConnectionStatus.Accepted, (await db.Connections.SingleAsync(c => c.Id == id)).Status);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_illegal_move_through_the_service_is_refused_and_saves_nothing(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var (database, clock, personId, assetId) = (world.Database, world.Clock, world.PersonId, world.AssetId);
        await using var db = database.CreateContext(clock);
        var service = Service(db, clock);
        var id = await service.CreateAsync(new CreateConnectionOptions(personId, assetId, ConnectionKind.SignpostOnly), Sam);

        var refused = await Assert.ThrowsAsync<ConnectionTransitionException>(() => service.MoveAsync(personId, id, ConnectionStatus.Completed, 1, "Done", Sam));

        Assert.Contains("can only become introduced", refused.Message, StringComparison.Ordinal);
        await using var fresh = database.CreateContext(clock);
        Assert.Equal(1, await fresh.ConnectionTransitions.CountAsync());
        Assert.Equal(ConnectionStatus.Draft, (await fresh.Connections.SingleAsync()).Status);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => service.MoveAsync(Guid.NewGuid(), id, ConnectionStatus.Requested, 1, null, Sam));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => service.CreateAsync(new CreateConnectionOptions(personId, Guid.NewGuid(), ConnectionKind.SignpostOnly), Sam));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_suggestion_is_dismissed_once_with_its_reason_and_preferences_save_from_their_version(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var (database, clock, personId, assetId) = (world.Database, world.Clock, world.PersonId, world.AssetId);
        await using var db = database.CreateContext(clock);
        var service = Service(db, clock);

        Assert.True(await service.DismissAsync(personId, assetId, " Tried it last year ", Sam));
        Assert.False(await service.DismissAsync(personId, assetId, "Another reason", Sam));
        await Assert.ThrowsAsync<ArgumentException>(() => service.DismissAsync(personId, assetId, "  ", Sam));

        var weekdayMornings = FreeTimes.On(FreeTimes.Weekdays, DayPart.Morning);
        Assert.True(await service.SavePreferencesAsync(personId, 0, 2.5, weekdayMornings, 0m, [AccessibilityFeature.StepFreeAccess], Sam));
        Assert.False(await service.SavePreferencesAsync(personId, 0, 9, FreeTimes.None, null, [], Sam));
        Assert.True(await service.SavePreferencesAsync(personId, 1, 3, weekdayMornings.With(DayOfWeek.Saturday, DayPart.Afternoon), 0m, [AccessibilityFeature.StepFreeAccess, AccessibilityFeature.AccessibleToilet], Sam));

        await using var fresh = database.CreateContext(clock);
        var dismissal = await fresh.ConnectionDismissals.SingleAsync();
        Assert.Equal("Tried it last year", dismissal.Reason);
        Assert.Equal("Sam Practitioner", dismissal.ByName);
        var preferences = (await Service(fresh, clock).PreferencesAsync(personId, Sam))!;
        Assert.Equal(2, preferences.Version);
        Assert.Equal(3, preferences.TravelKm);
        Assert.True(preferences.FreeTimes.IsFree(DayOfWeek.Tuesday, DayPart.Morning));
        Assert.True(preferences.FreeTimes.IsFree(DayOfWeek.Saturday, DayPart.Afternoon));
        Assert.False(preferences.FreeTimes.IsFree(DayOfWeek.Tuesday, DayPart.Evening));
        Assert.Equal([AccessibilityFeature.StepFreeAccess, AccessibilityFeature.AccessibleToilet], preferences.AccessNeeds);
        Assert.Equal(0m, preferences.CostLimit);
        Assert.Contains(await fresh.AuditEvents.Where(e => e.PersonId == personId).Select(e => e.EntityType).ToListAsync(), t => t == nameof(ConnectionDismissal));
    }

    internal static ConnectionService Service(KithDbContext db, TimeProvider clock) => new(db, new PersonAccessService(db, clock), clock);

    /// <summary>A fresh database holding one person and one asset, and a clock at 3 December 2026 09:00 UTC.</summary>
    private sealed record World(TestDatabase Database, FakeTimeProvider Clock, Guid PersonId, Guid AssetId) : IAsyncDisposable
    {
        public static async Task<World> CreateAsync(Provider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
            await using var db = database.CreateContext(clock);
            db.Actor = Sam;
            var now = clock.GetUtcNow().UtcDateTime;
            var person = new Person { Name = "Robin Example", CreatedAt = now, LastModified = now };
            var asset = new CommunityAsset { Name = "Riverside Allotments", Organization = new Organization { Name = "Riverside Trust" }, CreatedAt = now, LastModified = now };
            db.People.Add(person);
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            return new World(database, clock, person.Id, asset.Id);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
