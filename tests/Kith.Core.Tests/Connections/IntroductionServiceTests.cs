using System.Text.RegularExpressions;
using Kith.Core.Connections;
using Kith.Core.Connections.Introductions;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

public partial class IntroductionServiceTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");
    private static readonly Uri Site = new("https://kith.example/");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_introduction_without_consent_is_refused_and_nothing_is_saved(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await using var db = world.Context();
        var refused = await Assert.ThrowsAsync<IntroductionRefusedException>(() =>
            Service(db, world.Clock).IntroduceAsync(world.Options(consent: null), Site, Sam));

        Assert.Contains("consent", refused.Message, StringComparison.Ordinal);
        await using var fresh = world.Context();
        Assert.Equal(0, await fresh.Introductions.CountAsync());
        Assert.Equal(0, await fresh.OutboxMessages.CountAsync());
        Assert.Equal(ConnectionStatus.Draft, (await fresh.Connections.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_connection_that_is_not_an_introduction_in_draft_or_an_asset_that_takes_none_is_refused(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await using (var db = world.Context())
        {
            var signpost = await new ConnectionService(db, new PersonAccessService(db, world.Clock), world.Clock)
                .CreateAsync(new CreateConnectionOptions(world.PersonId, world.AssetId, ConnectionKind.SignpostOnly), Sam);
            var refused = await Assert.ThrowsAsync<IntroductionRefusedException>(() =>
                Service(db, world.Clock).IntroduceAsync(world.Options() with { ConnectionId = signpost }, Site, Sam));
            Assert.Contains("signpost", refused.Message, StringComparison.Ordinal);
        }

        await using (var db = world.Context())
        {
            await Service(db, world.Clock).IntroduceAsync(world.Options(), Site, Sam);
        }

        await using (var db = world.Context())
        {
            var again = await Assert.ThrowsAsync<IntroductionRefusedException>(() => Service(db, world.Clock).IntroduceAsync(world.Options(), Site, Sam));
            Assert.Equal("This connection is already introduced, so it cannot be introduced again.", again.Message);
        }

        await using (var db = world.Context())
        {
            var asset = await db.CommunityAssets.SingleAsync();
            asset.IntroductionPolicy = IntroductionPolicy.SignpostOnly;
            db.Actor = Sam;
            await db.SaveChangesAsync();
            var other = await new ConnectionService(db, new PersonAccessService(db, world.Clock), world.Clock)
                .CreateAsync(new CreateConnectionOptions(world.PersonId, world.AssetId, ConnectionKind.Introduction), Sam);
            var refused = await Assert.ThrowsAsync<IntroductionRefusedException>(() =>
                Service(db, world.Clock).IntroduceAsync(world.Options() with { ConnectionId = other }, Site, Sam));
            Assert.Contains("does not take introductions", refused.Message, StringComparison.Ordinal);
        }

        await using var check = world.Context();
        Assert.Equal(1, await check.Introductions.CountAsync());
        Assert.Equal(1, await check.OutboxMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Introducing_moves_the_connection_queues_one_email_and_stores_only_the_token_hash(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        Guid id;
        await using (var db = world.Context())
        {
            id = await Service(db, world.Clock).IntroduceAsync(world.Options(), Site, Sam);
        }

        await using var check = world.Context();
        var introduction = await check.Introductions.SingleAsync();
        Assert.Equal(id, introduction.Id);
        Assert.Equal(IntroductionConsent.OnThePhone, introduction.Consent);
        Assert.Equal("Sam Practitioner", introduction.ConsentRecordedByName);
        Assert.Equal(world.Now + TimeSpan.FromDays(30), introduction.ExpiresAt);
        var connection = await check.Connections.SingleAsync();
        Assert.Equal(ConnectionStatus.Requested, connection.Status);
        var email = await check.OutboxMessages.SingleAsync();
        Assert.Equal("hello@riverside.example", email.Recipient);
        Assert.Equal(IntroductionService.EventKey(connection.Id), email.EventKey);
        Assert.DoesNotContain("Robin", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin", email.Subject, StringComparison.Ordinal);
        var token = TokenIn(email.Body);
        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, introduction.TokenHash);
        Assert.Equal(IntroductionService.Hash(token), introduction.TokenHash);
        Assert.DoesNotContain(token, introduction.TokenHash, StringComparison.Ordinal);

        // The same event key never queues a second message.
        new NotificationService(check, world.Clock).AddEmail("x@example.org", "again", "again", IntroductionService.EventKey(connection.Id));
        await check.SaveChangesAsync();
        Assert.Equal(1, await check.OutboxMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sending_the_same_introduction_twice_at_once_sends_it_once(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await using var first = world.Context();
        await using var second = world.Context();

        // When both find the connection in draft, the connection's version lets one save through and the other returns its id;
        // when one saves before the other reads (SQLite serialises them), the second is refused as already introduced.
        var attempts = await Task.WhenAll(Attempt(first), Attempt(second));

        await using var check = world.Context();
        var introduction = await check.Introductions.SingleAsync();
        Assert.Contains(introduction.Id, attempts);
        Assert.All(attempts, id => Assert.True(id == introduction.Id || id is null));
        Assert.Equal(1, await check.OutboxMessages.CountAsync());
        Assert.Equal(1, await check.ConnectionTransitions.CountAsync(t => t.To == ConnectionStatus.Requested));

        async Task<Guid?> Attempt(KithDbContext db)
        {
            try
            {
                return await Service(db, world.Clock).IntroduceAsync(world.Options(), Site, Sam);
            }
            catch (IntroductionRefusedException refused) when (refused.Message.Contains("already introduced", StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_link_shows_the_minimum_and_a_tampered_or_expired_link_shows_nothing(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using var db = world.Context();
        var service = Service(db, world.Clock);

        var view = await service.ReadByTokenAsync(token);
        Assert.Equal(IntroductionLinkState.Open, view.State);
        Assert.Equal(("Robin", "07700 900123", "Nervous in big groups"), (view.SharedName, view.SharedContact, view.SharedNote));
        Assert.Equal([IntroductionResponse.Accept, IntroductionResponse.Decline, IntroductionResponse.Attended], view.Allowed);
        Assert.Single(await db.AuditEvents.Where(e => e.PersonId == world.PersonId && e.Action == AuditActions.Viewed && e.ActorName == "Riverside Allotments (by the emailed link)").ToListAsync());

        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        Assert.Same(IntroductionView.Unknown, await service.ReadByTokenAsync(tampered));
        Assert.Same(IntroductionView.Unknown, await service.ReadByTokenAsync(""));
        Assert.Same(IntroductionView.Unknown, await service.ReadByTokenAsync(new string('a', 500)));
        Assert.Equal(RespondOutcome.Unknown, (await service.RespondAsync(tampered, IntroductionResponse.Accept, null, 2)).Outcome);

        world.Clock.Advance(TimeSpan.FromDays(30));
        var expired = await service.ReadByTokenAsync(token);
        Assert.Equal(IntroductionLinkState.Expired, expired.State);
        Assert.Equal((string.Empty, string.Empty, null), (expired.SharedName, expired.SharedContact, expired.SharedNote));
        Assert.Equal(RespondOutcome.Expired, (await service.RespondAsync(token, IntroductionResponse.Accept, null, 2)).Outcome);
        Assert.Equal(ConnectionStatus.Requested, (await world.Context().Connections.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_double_accept_moves_once_and_attended_then_decline_gets_the_clear_message(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using (var db = world.Context())
        {
            Assert.Equal(RespondOutcome.Moved, (await Service(db, world.Clock).RespondAsync(token, IntroductionResponse.Accept, null, 2)).Outcome);
        }

        await using (var db = world.Context())
        {
            Assert.Equal(RespondOutcome.AlreadyDone, (await Service(db, world.Clock).RespondAsync(token, IntroductionResponse.Accept, null, 2)).Outcome);
            world.Clock.Advance(TimeSpan.FromDays(7));
            Assert.Equal(RespondOutcome.Moved, (await Service(db, world.Clock).RespondAsync(token, IntroductionResponse.Attended, null, 3)).Outcome);
        }

        await using (var db = world.Context())
        {
            // From the page shown before the attendance was recorded, and from a fresh one.
            foreach (var version in new[] { 2, 4 })
            {
                var declined = await Service(db, world.Clock).RespondAsync(token, IntroductionResponse.Decline, "No space", version);
                Assert.Equal(RespondOutcome.Refused, declined.Outcome);
                Assert.Equal("The person has already attended, so this introduction can no longer be declined. Record how it went instead.", declined.Message);
            }

            var view = await Service(db, world.Clock).ReadByTokenAsync(token);
            Assert.Equal(IntroductionLinkState.Finished, view.State);
            Assert.Empty(view.Allowed);
        }

        await using var check = world.Context();
        Assert.Equal([ConnectionStatus.Draft, ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress],
            await check.ConnectionTransitions.OrderBy(t => t.Sequence).Select(t => t.To).ToListAsync());
        var introduction = await check.Introductions.SingleAsync();
        Assert.Equal((IntroductionResponse.Accept, world.Now - TimeSpan.FromDays(7)), (introduction.FirstResponse!.Value, introduction.FirstRespondedAt!.Value));
        Assert.NotNull(introduction.ClosedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_accepts_saved_at_once_move_the_connection_once(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using var first = world.Context();
        await using var second = world.Context();
        var results = await Task.WhenAll(
            Service(first, world.Clock).RespondAsync(token, IntroductionResponse.Accept, null, 2),
            Service(second, world.Clock).RespondAsync(token, IntroductionResponse.Accept, null, 2));

        Assert.Contains(results, r => r.Outcome == RespondOutcome.Moved);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { RespondOutcome.Moved, RespondOutcome.AlreadyDone }));
        await using var check = world.Context();
        Assert.Equal(1, await check.ConnectionTransitions.CountAsync(t => t.To == ConnectionStatus.Accepted));
        Assert.Equal(3, (await check.Connections.SingleAsync()).Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_decline_needs_a_reason_and_after_it_the_link_only_shows_the_outcome(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using var db = world.Context();
        var service = Service(db, world.Clock);

        var bare = await service.RespondAsync(token, IntroductionResponse.Decline, "  ", 2);
        Assert.Equal(RespondOutcome.Refused, bare.Outcome);
        Assert.Equal("Give a reason for moving this connection to declined.", bare.Message);
        Assert.Equal(RespondOutcome.Moved, (await service.RespondAsync(token, IntroductionResponse.Decline, "We are full until spring", 2)).Outcome);

        var view = await service.ReadByTokenAsync(token);
        Assert.Equal((IntroductionLinkState.Finished, ConnectionStatus.Rejected, "We are full until spring"), (view.State, view.Status, view.StatusReason));
        Assert.Empty(view.Allowed);
        var reuse = await service.RespondAsync(token, IntroductionResponse.Accept, null, 3);
        Assert.Equal(RespondOutcome.Refused, reuse.Outcome);
        Assert.Equal("This connection is declined and cannot change any more.", reuse.Message);
        Assert.Equal(RespondOutcome.Refused, (await service.RespondAsync(token, IntroductionResponse.Attended, null, 3)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attended_straight_away_accepts_then_starts_and_a_stale_page_is_a_conflict(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using var db = world.Context();
        var service = Service(db, world.Clock);

        Assert.Equal(RespondOutcome.Conflict, (await service.RespondAsync(token, IntroductionResponse.Attended, null, 1)).Outcome);
        Assert.Equal(RespondOutcome.Moved, (await service.RespondAsync(token, IntroductionResponse.Attended, null, 2)).Outcome);
        Assert.Equal(RespondOutcome.AlreadyDone, (await service.RespondAsync(token, IntroductionResponse.Attended, null, 2)).Outcome);

        await using var check = world.Context();
        Assert.Equal([ConnectionStatus.Draft, ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress],
            await check.ConnectionTransitions.OrderBy(t => t.Sequence).Select(t => t.To).ToListAsync());
        Assert.Equal(IntroductionResponse.Attended, (await check.Introductions.SingleAsync()).FirstResponse);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_inbox_lists_only_the_organisations_introductions(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await world.IntroduceAsync();
        await using var db = world.Context();
        var organizationId = await db.CommunityAssets.Select(a => a.OrganizationId).SingleAsync();
        var service = Service(db, world.Clock);

        var item = Assert.Single(await service.InboxAsync([organizationId]));
        Assert.Equal(("Robin", "Riverside Allotments", ConnectionStatus.Requested), (item.SharedName, item.AssetName, item.Status));
        Assert.Empty(await service.InboxAsync([Guid.NewGuid()]));
        Assert.Equal(organizationId, await service.OrganizationOfAsync(item.IntroductionId));
        var editor = new ProcessContext("user-ed", "Ed Editor");
        Assert.Equal(RespondOutcome.Moved, (await service.RespondInInboxAsync(item.IntroductionId, IntroductionResponse.Accept, null, 2, editor)).Outcome);
        Assert.Equal("Ed Editor", (await db.ConnectionTransitions.OrderBy(t => t.Sequence).LastAsync()).ByName);
    }

    internal static IntroductionService Service(KithDbContext db, TimeProvider clock) =>
        new(db, new NotificationService(db, clock), new PersonAccessService(db, clock), new IntroductionOptions(), clock);

    internal static string TokenIn(string body) => LinkPattern().Match(body).Groups[1].Value;

    [GeneratedRegex(@"/introductions/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    /// <summary>A person, an asset that takes introductions and a draft introduction connection; the clock at 3 December 2026 09:00 UTC.</summary>
    internal sealed record World(TestDatabase Database, FakeTimeProvider Clock, Guid PersonId, Guid AssetId, Guid ConnectionId) : IAsyncDisposable
    {
        public DateTime Now => Clock.GetUtcNow().UtcDateTime;

        public static async Task<World> CreateAsync(Provider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
            await using var db = database.CreateContext(clock);
            db.Actor = Sam;
            var now = clock.GetUtcNow().UtcDateTime;
            var person = new Person { Name = "Robin Example", CreatedAt = now, LastModified = now };
            var asset = new CommunityAsset
            {
                Name = "Riverside Allotments",
                Email = "hello@riverside.example",
                IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions,
                Organization = new Organization { Name = "Riverside Trust" },
                CreatedAt = now,
                LastModified = now,
            };
            db.People.Add(person);
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            var connectionId = await new ConnectionService(db, new PersonAccessService(db, clock), clock)
                .CreateAsync(new CreateConnectionOptions(person.Id, asset.Id, ConnectionKind.Introduction), Sam);
            return new World(database, clock, person.Id, asset.Id, connectionId);
        }

        public KithDbContext Context() => Database.CreateContext(Clock);

        public IntroduceOptions Options(IntroductionConsent? consent = IntroductionConsent.OnThePhone) =>
            new(PersonId, ConnectionId, consent, "Robin", "07700 900123", "Nervous in big groups");

        /// <summary>Sends the introduction and returns the token from the queued email.</summary>
        public async Task<string> IntroduceAsync()
        {
            await using var db = Context();
            await Service(db, Clock).IntroduceAsync(Options(), Site, Sam);
            return TokenIn((await db.OutboxMessages.SingleAsync()).Body);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
