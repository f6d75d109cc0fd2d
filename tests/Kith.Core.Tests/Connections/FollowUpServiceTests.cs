using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Teams;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

/// <summary>Follow-ups at the configured days, one reminder each, none for final connections (ADR 22).</summary>
public class FollowUpServiceTests
{
    private const string SamEmail = "sam@example.org";
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");
    private static readonly Uri Site = new("https://kith.example.org/");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Follow_ups_fall_due_at_14_and_56_days_with_one_reminder_each_never_sent_twice(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var connectionId = await world.IntroduceAsync();

        world.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());

        world.Clock.Advance(TimeSpan.FromDays(42));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());

        await using var db = world.Database.CreateContext(world.Clock);
        var followUps = await db.ConnectionFollowUps.AsNoTracking().OrderBy(f => f.Number).ToListAsync();
        Assert.Equal([1, 2], followUps.Select(f => f.Number));
        Assert.Equal([World.Start.UtcDateTime.AddDays(14), World.Start.UtcDateTime.AddDays(56)], followUps.Select(f => f.DueAt));
        Assert.All(followUps, f => Assert.Equal("user-sam", f.ForUserId));
        Assert.Equal(FollowUpClosure.Superseded, followUps[0].Closure);
        Assert.True(followUps[1].IsOpen);

        var emails = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Equal(SamEmail, m.Recipient));
        Assert.Equal([FollowUpService.ReminderEventKey(connectionId, 1), FollowUpService.ReminderEventKey(connectionId, 2)], emails.Select(m => m.EventKey));
        Assert.Contains("https://kith.example.org/caseload", emails[0].Body, StringComparison.Ordinal);
        Assert.Contains("first follow-up", emails[0].Body, StringComparison.Ordinal);
        Assert.Contains("second follow-up", emails[1].Body, StringComparison.Ordinal);
        Assert.All(emails, m => Assert.DoesNotContain("Robin", m.Body + m.Subject, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.DoesNotContain("Allotments", m.Body + m.Subject, StringComparison.Ordinal));
        Assert.Contains(await db.AuditEvents.AsNoTracking().ToListAsync(), e => e.EntityType == nameof(ConnectionFollowUp) && e.Action == AuditActions.Created && e.PersonId == world.PersonId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Final_connections_get_no_follow_ups_and_open_ones_are_closed_when_it_ends(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var declinedEarly = await world.IntroduceAsync();
        var declinedLater = await world.IntroduceAsync();
        world.Clock.Advance(TimeSpan.FromDays(3));
        await world.MoveAsync(declinedEarly, ConnectionStatus.Rejected, 2, "No space this term");

        world.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.MoveAsync(declinedLater, ConnectionStatus.Rejected, 2, "Meets on the wrong day");
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 1), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());

        await using var db = world.Database.CreateContext(world.Clock);
        var only = Assert.Single(await db.ConnectionFollowUps.AsNoTracking().ToListAsync());
        Assert.Equal(declinedLater, only.ConnectionId);
        Assert.Equal(FollowUpClosure.ConnectionEnded, only.Closure);
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recording_a_follow_up_stops_the_reminder_and_a_double_post_records_once(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var connectionId = await world.IntroduceAsync();

        // Followed up on day 10, before anything was due: the day-14 follow-up needs no reminder.
        world.Clock.Advance(TimeSpan.FromDays(10));
        var key = Guid.NewGuid();
        var record = new RecordFollowUpOptions(world.PersonId, connectionId, key, FollowUpOutcome.SpokeToThem, "  Going on Tuesday  ");
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            Assert.Equal(RecordFollowUpOutcome.Recorded, await world.Service(db).RecordAsync(record, Sam));
        }

        await using (var db = world.Database.CreateContext(world.Clock))
        {
            Assert.Equal(RecordFollowUpOutcome.AlreadyRecorded, await world.Service(db).RecordAsync(record, Sam));
        }

        world.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(new FollowUpSweepOutcome(1, 0, 1, 0), await world.SweepAsync());

        // The 56-day follow-up is reminded (the last one is long past), then recorded: the state shows it done.
        world.Clock.Advance(TimeSpan.FromDays(42));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            var state = await world.Service(db).GetStateAsync(world.PersonId, connectionId);
            Assert.NotNull(state);
            Assert.Equal(2, state.OpenNumber);
            var done = new RecordFollowUpOptions(world.PersonId, connectionId, state.OpenFollowUpId!.Value, FollowUpOutcome.CouldNotReach, null);
            Assert.Equal(RecordFollowUpOutcome.Recorded, await world.Service(db).RecordAsync(done, Sam));
        }

        await using (var db = world.Database.CreateContext(world.Clock))
        {
            var state = await world.Service(db).GetStateAsync(world.PersonId, connectionId);
            Assert.Null(state!.OpenFollowUpId);
            Assert.Equal([FollowUpOutcome.CouldNotReach, FollowUpOutcome.SpokeToThem], state.Done.Select(d => d.Outcome));
            Assert.Equal("Going on Tuesday", state.Done[1].Note);
            Assert.Equal("Sam Practitioner", state.Done[1].ByName);
            Assert.Equal(3, await db.ConnectionFollowUps.CountAsync());
            Assert.Equal(1, await db.OutboxMessages.CountAsync());
            await Assert.ThrowsAsync<KeyNotFoundException>(() => world.Service(db).RecordAsync(record with { PersonId = Guid.NewGuid(), FollowUpId = Guid.NewGuid() }, Sam));
            await Assert.ThrowsAsync<ArgumentException>(() => world.Service(db).RecordAsync(record with { FollowUpId = Guid.NewGuid(), Note = new string('x', 2001) }, Sam));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_configured_intervals_and_quiet_days_are_respected(Provider provider)
    {
        var options = new FollowUpOptions { FollowUpIntervals = [7, 30], FollowUpQuietDays = 0 };
        await using var world = await World.CreateAsync(provider, options);
        var connectionId = await world.IntroduceAsync();

        world.Clock.Advance(TimeSpan.FromDays(6));
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            await world.Service(db).RecordAsync(new RecordFollowUpOptions(world.PersonId, connectionId, Guid.NewGuid(), FollowUpOutcome.LeftMessage, null), Sam);
        }

        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(23));
        Assert.Equal(new FollowUpSweepOutcome(1, 1, 0, 0), await world.SweepAsync());
        world.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(new FollowUpSweepOutcome(0, 0, 0, 0), await world.SweepAsync());

        Assert.Empty(new FollowUpOptions().Problems());
        Assert.Equal([14, 56], new FollowUpOptions().Intervals);
        Assert.Contains("increasing order", Assert.Single(new FollowUpOptions { FollowUpIntervals = [56, 14] }.Problems()), StringComparison.Ordinal);
        Assert.Contains("from 1 to 365", Assert.Single(new FollowUpOptions { FollowUpIntervals = [0, 400] }.Problems()), StringComparison.Ordinal);
        Assert.Single(new FollowUpOptions { FollowUpQuietDays = -1 }.Problems());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_connection_made_by_the_system_gets_its_follow_ups_without_an_email(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await world.IntroduceAsync(ProcessContext.System("referral"));

        world.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(new FollowUpSweepOutcome(1, 0, 0, 0), await world.SweepAsync());

        await using var db = world.Database.CreateContext(world.Clock);
        Assert.Null((await db.ConnectionFollowUps.SingleAsync()).RemindedAt);
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_caseload_groups_live_connections_of_the_teams_people_and_audits_each_person_shown(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            db.Actor = Sam;
            var team = new Team { Name = "Connectors", CreatedAt = world.Clock.GetUtcNow().UtcDateTime };
            team.Members.Add(new TeamMember { UserId = "user-sam", AddedAt = team.CreatedAt });
            db.Teams.Add(team);
            db.Set<PersonTeam>().Add(new PersonTeam { PersonId = world.PersonId, TeamId = team.Id, Since = DateOnly.FromDateTime(team.CreatedAt) });
            await db.SaveChangesAsync();
        }

        var waiting = await world.IntroduceAsync();
        var due = await world.IntroduceAsync();
        var declined = await world.IntroduceAsync();
        var connected = await world.IntroduceAsync();
        world.Clock.Advance(TimeSpan.FromDays(2));
        await world.MoveAsync(due, ConnectionStatus.Accepted, 2, null);
        await world.MoveAsync(connected, ConnectionStatus.Accepted, 2, null);
        world.Clock.Advance(TimeSpan.FromDays(12));
        await world.SweepAsync();
        await world.MoveAsync(declined, ConnectionStatus.Rejected, 2, "Full");
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            var state = await world.Service(db).GetStateAsync(world.PersonId, connected);
            await world.Service(db).RecordAsync(new RecordFollowUpOptions(world.PersonId, connected, state!.OpenFollowUpId!.Value, FollowUpOutcome.MetThem, null), Sam);
            var state2 = await world.Service(db).GetStateAsync(world.PersonId, waiting);
            await world.Service(db).RecordAsync(new RecordFollowUpOptions(world.PersonId, waiting, state2!.OpenFollowUpId!.Value, FollowUpOutcome.LeftMessage, null), Sam);
        }

        await using (var db = world.Database.CreateContext(world.Clock))
        {
            var entries = (await world.Service(db).CaseloadAsync("user-sam", CaseloadScope.Mine, Sam)).ToDictionary(e => e.ConnectionId);
            Assert.Equal(4, entries.Count);
            Assert.Equal((CaseloadGroup.WaitingToHear, (NeedsACallReason?)null, 14), (entries[waiting].Group, entries[waiting].Reason, entries[waiting].DaysWaiting));
            Assert.Equal(World.Start.UtcDateTime.AddDays(56), entries[waiting].DueAt);
            Assert.Equal((CaseloadGroup.NeedsACall, NeedsACallReason.FollowUpDue, 1), (entries[due].Group, entries[due].Reason, entries[due].DueNumber));
            Assert.Equal((CaseloadGroup.NeedsACall, NeedsACallReason.Ended), (entries[declined].Group, entries[declined].Reason));
            Assert.Equal(CaseloadGroup.Connected, entries[connected].Group);
            Assert.Equal("Riverside Allotments", entries[connected].AssetName);
            Assert.Equal("Robin Example", entries[connected].PersonName);
            Assert.Single(await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == world.PersonId && e.Action == AuditActions.Viewed).ToListAsync());

            Assert.Empty(await world.Service(db).CaseloadAsync("user-other", CaseloadScope.Team, new ProcessContext("user-other", "Other")));
        }
    }

    /// <summary>A fresh database with Sam's account (with an email address), one person and one asset; the clock at 1 December 2026 09:00 UTC.</summary>
    private sealed record World(TestDatabase Database, FakeTimeProvider Clock, Guid PersonId, Guid AssetId, FollowUpOptions Options) : IAsyncDisposable
    {
        public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public static async Task<World> CreateAsync(Provider provider, FollowUpOptions? options = null)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new FakeTimeProvider(Start);
            await using var db = database.CreateContext(clock);
            db.Actor = Sam;
            var now = clock.GetUtcNow().UtcDateTime;
            db.Users.Add(new KithUser { Id = "user-sam", UserName = SamEmail, Email = SamEmail, DisplayName = "Sam Practitioner", CreatedAt = now });
            var person = new Person { Name = "Robin Example", CreatedAt = now, LastModified = now };
            var asset = new CommunityAsset { Name = "Riverside Allotments", Organization = new Organization { Name = "Riverside Trust" }, CreatedAt = now, LastModified = now };
            db.People.Add(person);
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            return new World(database, clock, person.Id, asset.Id, options ?? new FollowUpOptions());
        }

        public FollowUpService Service(KithDbContext db) =>
            new(db, new NotificationService(db, Clock), new PersonAccessService(db, Clock), Options, Clock);

        /// <summary>Makes a connection and introduces it now (version 2).</summary>
        public async Task<Guid> IntroduceAsync(ProcessContext? by = null)
        {
            await using var db = Database.CreateContext(Clock);
            var connections = ConnectionServiceTests.Service(db, Clock);
            var id = await connections.CreateAsync(new CreateConnectionOptions(PersonId, AssetId, ConnectionKind.Introduction), by ?? Sam);
            await connections.MoveAsync(PersonId, id, ConnectionStatus.Requested, 1, null, by ?? Sam);
            return id;
        }

        public async Task MoveAsync(Guid connectionId, ConnectionStatus to, int version, string? note)
        {
            await using var db = Database.CreateContext(Clock);
            Assert.Equal(MoveOutcome.Moved, (await ConnectionServiceTests.Service(db, Clock).MoveAsync(PersonId, connectionId, to, version, note, Sam)).Outcome);
        }

        public async Task<FollowUpSweepOutcome> SweepAsync()
        {
            await using var db = Database.CreateContext(Clock);
            return await Service(db).SweepAsync(Site);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
