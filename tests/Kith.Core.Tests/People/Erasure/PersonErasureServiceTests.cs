using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.People.Erasure;
using Kith.Core.Platform;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Teams;
using Kith.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Erasure;

public class PersonErasureServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly ProcessContext Manager = new("manager-1", "Mo Manager");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasure_removes_every_personal_row_and_the_account_and_leaves_one_tombstone(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var (erased, userId) = await SeedEverythingAsync(database, clock, "Erin Erased", "erin@example.org");
        var (kept, _) = await SeedEverythingAsync(database, clock, "Kit Kept", "kit@example.org");

        await using (var db = database.CreateContext(clock))
        {
            // The seed must cover every personal record type, or this test would not prove erasure removes it.
            foreach (var type in PersonalRecordTypes.InDeletionOrder(db.Model))
            {
                Assert.True(await CountAsync(db, type.ClrType, erased) > 0, $"The seed has no {type.ClrType.Name}: add one so erasure is tested for it.");
            }
        }

        await using (var db = database.CreateContext(clock))
        {
            var outcome = await new PersonErasureService(db, clock).EraseAsync(erased, Manager, "They asked us to erase their record");
            Assert.True(outcome.Found);
            Assert.True(outcome.RowsDeleted > 14);
        }

        await using (var db = database.CreateContext(clock))
        {
            foreach (var type in PersonalRecordTypes.InDeletionOrder(db.Model))
            {
                Assert.Equal(0, await CountAsync(db, type.ClrType, erased));
                Assert.True(await CountAsync(db, type.ClrType, kept) > 0, $"{type.ClrType.Name} of another person went too.");
            }

            Assert.False(await db.Users.AnyAsync(u => u.Id == userId));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == userId));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == "erin@example.org"));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Recipient == "kit@example.org"));

            var events = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == erased).ToListAsync();
            var tombstone = Assert.Single(events, e => e.Action == PersonAuditActions.Erased);
            Assert.Equal(erased.ToString(), tombstone.EntityId);
            Assert.Equal("Mo Manager", tombstone.ActorName);
            Assert.Equal("They asked us to erase their record", tombstone.Reason);
            Assert.All(events.Where(e => e != tombstone), e => Assert.Null(e.Changes));
            Assert.All(events.Where(e => e != tombstone), e => Assert.Null(e.Reason));
            Assert.Contains(events, e => e.Action == AuditActions.Viewed);

            // Nothing anywhere in the audit trail still holds their name, email or words.
            var all = await db.AuditEvents.AsNoTracking().ToListAsync();
            Assert.DoesNotContain(all, e => (e.Changes ?? string.Empty).Contains("Erin", StringComparison.Ordinal)
                || (e.Reason ?? string.Empty).Contains("Erin", StringComparison.Ordinal)
                || e.ActorName.Contains("Erin", StringComparison.Ordinal)
                || (e.Changes ?? string.Empty).Contains("erin@", StringComparison.Ordinal));
            Assert.True(await db.People.AnyAsync(p => p.Id == kept));
        }
    }

    [Fact]
    public async Task Erasing_someone_not_there_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await using var db = database.CreateContext();
        var outcome = await new PersonErasureService(db, TimeProvider.System).EraseAsync(Guid.NewGuid(), Manager, "test");
        Assert.False(outcome.Found);
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_daily_sweep_erases_records_closed_longer_ago_than_the_setting(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var (old, _) = await SeedEverythingAsync(database, clock, "Olu Old", "olu@example.org", closedOn: new DateOnly(2020, 1, 1));
        var (recent, _) = await SeedEverythingAsync(database, clock, "Ria Recent", "ria@example.org", closedOn: new DateOnly(2026, 6, 1));
        var (open, _) = await SeedEverythingAsync(database, clock, "Opal Open", "opal@example.org");

        await using (var db = database.CreateContext(clock))
        {
            var retention = new PersonRetentionService(db, new PersonErasureService(db, clock), clock);
            Assert.Equal(0, await retention.EraseExpiredAsync());
            await retention.SetMonthsAsync(72, new ProcessContext("admin-1", "Ada Admin"));
            Assert.Equal(72, await retention.GetMonthsAsync());
            Assert.Equal(1, await retention.EraseExpiredAsync());
        }

        await using (var db = database.CreateContext(clock))
        {
            Assert.False(await db.People.AnyAsync(p => p.Id == old));
            Assert.True(await db.People.AnyAsync(p => p.Id == recent));
            var tombstone = Assert.Single(await db.AuditEvents.Where(e => e.PersonId == old && e.Action == PersonAuditActions.Erased).ToListAsync());
            Assert.Null(tombstone.UserId);
            Assert.StartsWith("system", tombstone.ActorName, StringComparison.Ordinal);
        }

        // Years later, under a shorter setting, the recent one goes too; the open record stays.
        clock.Advance(TimeSpan.FromDays(365));
        await using (var db = database.CreateContext(clock))
        {
            var retention = new PersonRetentionService(db, new PersonErasureService(db, clock), clock);
            await retention.SetMonthsAsync(12, new ProcessContext("admin-1", "Ada Admin"));
            Assert.Equal(1, await retention.EraseExpiredAsync());
            Assert.False(await db.People.AnyAsync(p => p.Id == recent));
            Assert.True(await db.People.AnyAsync(p => p.Id == open));
            Assert.Equal(PersonRetentionService.MonthsKey, (await db.SystemSettings.SingleAsync(s => s.Key == PersonRetentionService.MonthsKey)).Key);
        }
    }

    private static Task<int> CountAsync(KithDbContext db, Type type, Guid personId) =>
        (Task<int>)typeof(PersonErasureServiceTests).GetMethod(nameof(CountOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db, personId])!;

    private static Task<int> CountOfAsync<T>(KithDbContext db, Guid personId)
        where T : class => PersonalRecordTypes.For<T>(db, personId).CountAsync();

    /// <summary>A person with one row (or more) of every personal record type, an account, an email and audit events.</summary>
    internal static async Task<(Guid PersonId, string UserId)> SeedEverythingAsync(
        TestDatabase database, TimeProvider clock, string name, string email, DateOnly? closedOn = null)
    {
        await using var db = database.CreateContext(clock);
        var worker = new ProcessContext("worker-1", "Wyn Worker");
        db.Actor = worker;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var team = await db.Teams.FirstOrDefaultAsync() ?? new Team { Name = "Connectors" };
        if (db.Entry(team).State == EntityState.Detached)
        {
            db.Teams.Add(team);
        }

        var user = new KithUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = now };
        db.Users.Add(user);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == KithRoles.Person);
        if (role is null)
        {
            role = new IdentityRole(KithRoles.Person) { NormalizedName = KithRoles.Person.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        var person = new Person { Name = name, Email = email, Address = "1 Lane", UserId = user.Id, CreatedAt = now, LastModified = now, ClosedOn = closedOn };
        db.People.Add(person);
        var id = person.Id;
        db.PersonTeams.Add(new PersonTeam { PersonId = id, TeamId = team.Id, Since = today });
        db.AboutMeVersions.Add(new AboutMeVersion { PersonId = id, Number = 1, WrittenAt = now, WrittenByName = "Wyn Worker", WhatMattersMost = $"{name}'s garden" });
        var conversation = new Conversation { PersonId = id, HeldOn = today, RecordedAt = now, RecordedByName = "Wyn Worker" };
        db.Conversations.Add(conversation);
        db.ConversationQuotes.Add(new ConversationQuote { ConversationId = conversation.Id, PersonId = id, Words = "I like mornings" });
        db.Strengths.Add(new Strength { PersonId = id, Words = "Baking", SearchText = "baking", RecordedAt = now, RecordedByName = "Wyn Worker" });
        db.NetworkTies.Add(new NetworkTie { PersonId = id, Name = "Sister", CreatedAt = now, LastModified = now });
        db.NetworkSnapshots.Add(new NetworkSnapshot { PersonId = id, TakenOn = today, TakenAt = now, TakenByName = "Wyn Worker", Ties = "[]" });
        var goal = new Goal { PersonId = id, Words = "Walk to the park", CreatedAt = now, LastModified = now };
        db.Goals.Add(goal);
        db.GoalRatings.Add(new GoalRating { GoalId = goal.Id, PersonId = id, RatedOn = today, RatedByName = "Wyn Worker" });
        db.GoalActions.Add(new GoalAction { GoalId = goal.Id, PersonId = id, What = "Buy shoes" });
        db.Concerns.Add(new Concern { PersonId = id, Description = "Rent", RaisedOn = today, LastModified = now });
        var checkIn = new CheckIn { PersonId = id, InstrumentKey = "wemwbs", InstrumentVersion = "1", TakenOn = today, RecordedAt = now, RecordedByName = "Wyn Worker" };
        db.CheckIns.Add(checkIn);
        db.CheckInAnswers.Add(new CheckInAnswer { CheckInId = checkIn.Id, PersonId = id, ItemKey = "q1", Value = 3 });
        db.Consents.Add(new Consent { PersonId = id, Scope = ConsentScope.Team, AgreedOn = today, RecordedAt = now, RecordedByName = "Wyn Worker" });
        db.SuggestedChanges.Add(new SuggestedChange { PersonId = id, ProposedText = "Walk further", SuggestedAt = now });
        db.BreakGlassAccesses.Add(new BreakGlassAccess { PersonId = id, UserId = "worker-2", UserName = "Bea", Reason = $"Worried about {name}", GrantedAt = now, ExpiresAt = now.AddHours(8) });
        db.OutboxMessages.Add(new OutboxMessage { Recipient = email, Subject = "See your plan", Body = $"Hello {name}", CreatedAt = now });
        var organization = new Organization { Name = $"Allotments near {id:N}" };
        var garden = new CommunityAsset { Name = "Allotment group", Organization = organization, CreatedAt = now, LastModified = now };
        db.CommunityAssets.Add(garden);
        var connection = Connection.Create(id, garden.Id, ConnectionKind.Introduction, worker, now, $"{name} loves growing things");
        connection.Introduce(worker, now);
        db.Connections.Add(connection);
        db.Introductions.Add(new Kith.Core.Connections.Introductions.Introduction
        {
            ConnectionId = connection.Id,
            PersonId = id,
            CommunityAssetId = garden.Id,
            ConsentRecordedByName = "Wyn Worker",
            SharedName = name,
            SharedContact = email,
            RecipientEmail = "group@example.org",
            TokenHash = Kith.Core.Connections.Introductions.IntroductionService.Hash($"seed-{id:N}"),
            SentAt = now,
            ExpiresAt = now.AddDays(30),
        });
        db.ConnectionDismissals.Add(new ConnectionDismissal { PersonId = id, CommunityAssetId = garden.Id, Reason = "Too far", ByName = "Wyn Worker", At = now });
        db.ConnectionFollowUps.Add(new ConnectionFollowUp { ConnectionId = connection.Id, PersonId = id, Number = 1, DueAt = now, CreatedAt = now, DoneAt = now, DoneByName = "Wyn Worker", Outcome = FollowUpOutcome.SpokeToThem, Note = $"{name} went twice" });
        db.ConnectionFeedback.Add(new ConnectionFeedback { ConnectionId = connection.Id, PersonId = id, HowItIsGoing = HowItIsGoing.GoingWell, Words = $"{name} says the tomatoes are coming on", At = now });
        db.ConnectingPreferences.Add(new ConnectingPreferences { PersonId = id, TravelKm = 3, FreeTimes = FreeTimes.On(FreeTimes.Weekdays, DayPart.Morning), LastModified = now });
        var referrer = new Kith.Core.Connections.Referrals.ReferrerClient
        {
            Name = "Riverside Surgery", ClientKey = $"kith-{id:N}"[..21], SecretHash = new string('0', 64), TeamId = team.Id, CreatedAt = now, CreatedByName = "Ada",
        };
        db.ReferrerClients.Add(referrer);
        db.Referrals.Add(new Kith.Core.Connections.Referrals.Referral
        {
            ClientId = referrer.Id, IdentifierSystem = "https://surgery.example/ref", IdentifierValue = id.ToString(), PersonId = id, ConnectionId = connection.Id,
            Stage = Kith.Core.Connections.Referrals.ReferralStage.Connected, PatientName = name, PatientBirthDate = new DateOnly(1950, 1, 1),
            Note = $"{name} would like company", ReceivedAt = now, LastModified = now,
        });
        await db.SaveChangesAsync();

        // A change (with the name in its Changes), a read, and an event by the person themselves.
        person.PreferredName = name.Split(' ')[0];
        person.LastModified = now;
        await db.SaveChangesAsync();
        await new PersonAccessService(db, clock).AddEventAsync(id, AuditActions.Viewed, "record", new ProcessContext("worker-2", "Bea", $"Worried about {name}"));
        await new PersonAccessService(db, clock).AddEventAsync(id, AuditActions.Viewed, "my-plan", new ProcessContext(user.Id, name));
        db.AuditEvents.Add(new AuditEvent { OccurredAt = now, UserId = "admin-1", ActorName = "Ada", Action = AuditActions.Created, EntityType = nameof(KithUser), EntityId = user.Id, Changes = $$"""{"Email":"{{email}}"}""" });
        await db.SaveChangesAsync();
        return (id, user.Id);
    }
}
