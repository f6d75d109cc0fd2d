using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Freshness;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Freshness;

public partial class ListingReviewServiceTests
{
    /// <summary>A Thursday in winter (UK time is UTC), mid-morning.</summary>
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Uri Site = new("https://kith.example.org/");
    private static readonly ProcessContext Visitor = new(null, "someone using the link in a review reminder");

    [GeneratedRegex(@"https://kith\.example\.org/review/([A-Za-z0-9_-]+)")]
    private static partial Regex ReviewLink();

    private sealed class Harness(TestDatabase database, FakeTimeProvider clock) : IAsyncDisposable
    {
        public FakeTimeProvider Clock { get; } = clock;

        public AssetSearchIndex Index { get; } = new(clock);

        public KithDbContext Db { get; private set; } = database.CreateContext(clock);

        public ListingReviewService Service { get; private set; } = null!;

        public static async Task<Harness> CreateAsync(TestDatabase database, FakeTimeProvider clock)
        {
            var harness = new Harness(database, clock);
            harness.Renew();
            await harness.Index.RebuildAsync(harness.Db, CancellationToken.None);
            return harness;
        }

        /// <summary>A new context and service, as the next request or the next day's sweep would have.</summary>
        public void Renew()
        {
            Db.Dispose();
            Db = database.CreateContext(Clock);
            Service = For(Db, Index, Clock);
        }

        public async Task<ReviewSweepOutcome> SweepAsync()
        {
            Renew();
            return await Service.SweepAsync(Site, CancellationToken.None);
        }

        public async Task<CommunityAsset> AssetAsync(Guid id)
        {
            await using var db = database.CreateContext(Clock);
            return await db.CommunityAssets.AsNoTracking().SingleAsync(a => a.Id == id);
        }

        public async Task<List<OutboxMessage>> EmailsAsync()
        {
            await using var db = database.CreateContext(Clock);
            return (await db.OutboxMessages.AsNoTracking().ToListAsync()).OrderBy(m => m.CreatedAt).ThenBy(m => m.Subject, StringComparer.Ordinal).ToList();
        }

        public async Task<List<AuditEvent>> AuditAsync(Guid id)
        {
            await using var db = database.CreateContext(Clock);
            return (await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).ToListAsync()).OrderBy(e => e.Id).ToList();
        }

        public async ValueTask DisposeAsync() => await Db.DisposeAsync();
    }

    private static ListingReviewService For(KithDbContext db, AssetSearchIndex index, TimeProvider clock) =>
        new(db, new NotificationService(db, clock), new AssetService(db, new PostcodeService(db), index, clock), index, clock);

    private static async Task<Guid> AddListingAsync(
        TestDatabase database,
        string name,
        DateOnly? verified,
        string? email = "hello@walkers.example",
        string? contactEmail = null,
        string? organizationEmail = null,
        DateTime? created = null)
    {
        await using var db = database.CreateContext();
        db.Actor = ProcessContext.System("test");
        var organization = new Organization { Name = $"{name} Trust", Email = organizationEmail, LastModified = Start.UtcDateTime };
        var asset = new CommunityAsset
        {
            Name = name,
            OrganizationId = organization.Id,
            Email = email,
            Description = "A gentle walk along the river, then tea.",
            LastVerifiedOn = verified,
            CreatedAt = created ?? Start.UtcDateTime.AddYears(-3),
            LastModified = Start.UtcDateTime.AddYears(-2),
        };
        if (contactEmail is not null)
        {
            asset.Contacts.Add(new Contact { Name = "Pat", Email = contactEmail });
        }

        db.Organizations.Add(organization);
        db.CommunityAssets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    }

    private static string TokenIn(OutboxMessage message) => ReviewLink().Match(message.Body).Groups[1].Value;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_listing_gets_three_reminders_a_fortnight_apart_then_becomes_overdue_and_nothing_more(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Verified 11 months and 2 days ago: due in just under a month.
        var id = await AddListingAsync(database, "Riverside walkers", Today.AddMonths(-11).AddDays(-2));
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        var before = await app.AssetAsync(id);

        Assert.Equal(0, (await app.SweepAsync()).RemindersRecorded);
        Assert.Empty(await app.EmailsAsync());

        clock.Advance(TimeSpan.FromDays(30));
        var first = await app.SweepAsync();
        Assert.Equal([1, 0, 0], first.Reminders);
        var afterFirst = await app.AssetAsync(id);
        Assert.Equal(1, afterFirst.ReviewRemindersSent);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, afterFirst.LastReminderSentAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, afterFirst.LastModified);
        var email = Assert.Single(await app.EmailsAsync());
        Assert.Equal("hello@walkers.example", email.Recipient);
        Assert.Equal("Please check the listing for Riverside walkers", email.Subject);
        Assert.Contains("Riverside walkers Trust", email.Body, StringComparison.Ordinal);
        Assert.Contains($"https://kith.example.org/manage/assets/{id}", email.Body, StringComparison.Ordinal);
        Assert.Contains($"https://kith.example.org/assets/{id}", email.Body, StringComparison.Ordinal);
        Assert.Matches(ReviewLink(), email.Body);
        var link = Assert.Single(await app.Db.Set<ListingReviewLink>().AsNoTracking().Where(l => l.AssetId == id).ToListAsync());
        Assert.Equal($"listing-review:{link.Id:N}", email.EventKey);

        // Running again the same day, or before the gap is up, sends nothing.
        Assert.Equal(0, (await app.SweepAsync()).RemindersRecorded);
        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, (await app.SweepAsync()).RemindersRecorded);
        Assert.Single(await app.EmailsAsync());

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([0, 1, 0], (await app.SweepAsync()).Reminders);
        clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal([0, 0, 1], (await app.SweepAsync()).Reminders);
        var emails = await app.EmailsAsync();
        Assert.Equal(3, emails.Count);
        Assert.StartsWith("Last reminder", emails[2].Subject, StringComparison.Ordinal);
        Assert.Contains("This is reminder 2 of 3.", emails[1].Body, StringComparison.Ordinal);
        Assert.Null((await app.AssetAsync(id)).ReviewOverdueSince);

        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, (await app.SweepAsync()).BecameOverdue);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await app.SweepAsync()).BecameOverdue);
        var overdue = await app.AssetAsync(id);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, overdue.ReviewOverdueSince);
        Assert.Equal(3, overdue.ReviewRemindersSent);

        // No fourth reminder, however long it waits; and no one's edit was recorded.
        clock.Advance(TimeSpan.FromDays(60));
        var later = await app.SweepAsync();
        Assert.Equal(0, later.RemindersRecorded + later.BecameOverdue);
        Assert.Equal(3, (await app.EmailsAsync()).Count);
        Assert.Equal(before.Version, (await app.AssetAsync(id)).Version);
        Assert.Equal(0, await app.Db.AssetRevisions.CountAsync(r => r.AssetId == id));
        Assert.Equal(
            [ListingReviewService.ReminderAction, ListingReviewService.ReminderAction, ListingReviewService.ReminderAction, ListingReviewService.OverdueAction],
            (await app.AuditAsync(id)).Where(e => e.Action.StartsWith("review", StringComparison.Ordinal)).Select(e => e.Action));

        // The index followed: the listing is now marked overdue there.
        var hit = Assert.Single(app.Index.Search(new AssetSearchCriteria { Text = "riverside" }).Hits);
        Assert.NotNull(hit.ReviewOverdueSince);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_sweeps_at_once_send_each_reminder_once(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await AddListingAsync(database, $"Group {i}", Today.AddYears(-2)));
        }

        var clock = new FakeTimeProvider(Start);
        var index = new AssetSearchIndex(clock);
        await using var one = database.CreateContext(clock);
        await using var two = database.CreateContext(clock);
        var outcomes = await Task.WhenAll(
            Task.Run(() => For(one, index, clock).SweepAsync(Site, CancellationToken.None)),
            Task.Run(() => For(two, index, clock).SweepAsync(Site, CancellationToken.None)));

        Assert.Equal(5, outcomes.Sum(o => o.RemindersRecorded));
        await using var check = database.CreateContext();
        Assert.Equal(5, await check.OutboxMessages.CountAsync());
        Assert.Equal(5, await check.Set<ListingReviewLink>().CountAsync());
        Assert.All(await check.CommunityAssets.Where(a => ids.Contains(a.Id)).ToListAsync(), a => Assert.Equal(1, a.ReviewRemindersSent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_still_correct_link_confirms_the_listing_and_starts_the_clock_again(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await AddListingAsync(database, "Riverside walkers", Today.AddYears(-2));
        var other = await AddListingAsync(database, "Park striders", Today.AddYears(-2), email: "park@example.org");
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        await app.SweepAsync();
        clock.Advance(TimeSpan.FromDays(14));
        await app.SweepAsync();
        var emails = (await app.EmailsAsync()).Where(m => m.Recipient == "hello@walkers.example").ToList();
        Assert.Equal(2, emails.Count);
        var older = TokenIn(emails[0]);
        var newer = TokenIn(emails[1]);
        var version = (await app.AssetAsync(id)).Version;

        // Looking does nothing; a newer reminder leaves the older link working.
        var check = await app.Service.CheckAsync(older);
        Assert.Equal(ReviewLinkState.Valid, check.State);
        Assert.Equal(id, check.AssetId);
        Assert.Equal(2, (await app.AssetAsync(id)).ReviewRemindersSent);

        app.Renew();
        clock.Advance(TimeSpan.FromHours(1));
        var confirmed = await app.Service.ConfirmAsync(older, Visitor);
        Assert.Equal(ReviewLinkState.Valid, confirmed.State);
        var asset = await app.AssetAsync(id);
        Assert.Equal(Today.AddDays(14), asset.LastVerifiedOn);
        Assert.Equal(0, asset.ReviewRemindersSent);
        Assert.Null(asset.LastReminderSentAt);
        Assert.Null(asset.ReviewOverdueSince);
        Assert.Equal(version + 1, asset.Version);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, asset.LastModified);
        var revision = await app.Db.AssetRevisions.AsNoTracking().SingleAsync(r => r.AssetId == id);
        Assert.Equal(ListingReviewService.ConfirmedSummary, revision.Summary);
        Assert.Equal(version + 1, revision.Version);
        Assert.Equal(Visitor.ActorName, revision.ActorName);
        Assert.Contains("Riverside walkers", revision.Snapshot, StringComparison.Ordinal);
        var audit = Assert.Single(await app.AuditAsync(id), e => e.Action == ListingReviewService.ConfirmedAction);
        Assert.Equal(Visitor.ActorName, audit.ActorName);

        // Both of this listing's links are now used; the other listing is untouched.
        app.Renew();
        Assert.Equal(ReviewLinkState.Used, (await app.Service.ConfirmAsync(older, Visitor)).State);
        Assert.Equal(ReviewLinkState.Used, (await app.Service.CheckAsync(newer)).State);
        Assert.Equal(version + 1, (await app.AssetAsync(id)).Version);
        var untouched = await app.AssetAsync(other);
        Assert.Equal(2, untouched.ReviewRemindersSent);
        Assert.Equal(Today.AddYears(-2), untouched.LastVerifiedOn);

        // Not due again until the months are up.
        clock.Advance(TimeSpan.FromDays(300));
        Assert.Equal(0, (await app.SweepAsync()).Reminders[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirming_an_overdue_listing_lifts_it_back_in_search(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await AddListingAsync(database, "Riverside walkers", Today.AddYears(-2));
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        for (var step = 0; step < 4; step++)
        {
            await app.SweepAsync();
            clock.Advance(TimeSpan.FromDays(14));
        }

        Assert.NotNull((await app.AssetAsync(id)).ReviewOverdueSince);
        var sunk = Assert.Single(app.Index.Search(new AssetSearchCriteria { Text = "riverside" }).Hits);
        var token = TokenIn((await app.EmailsAsync())[2]);

        app.Renew();
        Assert.Equal(ReviewLinkState.Valid, (await app.Service.ConfirmAsync(token, Visitor)).State);

        Assert.Null((await app.AssetAsync(id)).ReviewOverdueSince);
        var lifted = Assert.Single(app.Index.Search(new AssetSearchCriteria { Text = "riverside" }).Hits);
        Assert.Null(lifted.ReviewOverdueSince);
        Assert.True(lifted.Score > sunk.Score / AssetSearchIndex.OverduePenalty / AssetSearchIndex.StalePenalty * 0.99);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_link_expires_after_sixty_days_and_an_unknown_one_changes_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await AddListingAsync(database, "Riverside walkers", Today.AddYears(-2));
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        await app.SweepAsync();
        var token = TokenIn(Assert.Single(await app.EmailsAsync()));

        Assert.Equal(ReviewLinkState.Unknown, (await app.Service.ConfirmAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), Visitor)).State);
        Assert.Equal(ReviewLinkState.Unknown, (await app.Service.ConfirmAsync("", Visitor)).State);
        Assert.Equal(ReviewLinkState.Unknown, (await app.Service.CheckAsync(new string('x', 500))).State);

        clock.Advance(ListingReviewService.LinkLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(ReviewLinkState.Valid, (await app.Service.CheckAsync(token)).State);
        clock.Advance(TimeSpan.FromMinutes(1));
        app.Renew();
        var expired = await app.Service.ConfirmAsync(token, Visitor);
        Assert.Equal(ReviewLinkState.Expired, expired.State);
        Assert.Equal("Riverside walkers", expired.AssetName);
        Assert.Equal(Today.AddYears(-2), (await app.AssetAsync(id)).LastVerifiedOn);

        // The token is stored only as a hash.
        await using var db = database.CreateContext();
        Assert.DoesNotContain(await db.Set<ListingReviewLink>().Select(l => l.TokenHash).ToListAsync(), h => h.Contains(token, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_listing_with_no_email_address_is_counted_and_still_becomes_overdue(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await AddListingAsync(database, "Quiet corner", verified: null, email: null, created: Start.UtcDateTime.AddMonths(-13));
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);

        var overview = await app.Service.GetOverviewAsync();
        Assert.Equal(1, overview.DueForFirstReminder);
        Assert.Equal(1, overview.NoOneToRemind);
        var listed = Assert.Single(overview.NoOneToRemindListings);
        Assert.True(listed.NeverChecked);
        Assert.Equal(ListingReviewService.UkDate(Start.UtcDateTime.AddMonths(-13)), listed.NotCheckedSince);

        var first = await app.SweepAsync();
        Assert.Equal(1, first.RemindersRecorded);
        Assert.Equal(1, first.NoOneToRemind);
        for (var step = 0; step < 3; step++)
        {
            clock.Advance(TimeSpan.FromDays(14));
            await app.SweepAsync();
        }

        Assert.Empty(await app.EmailsAsync());
        Assert.NotNull((await app.AssetAsync(id)).ReviewOverdueSince);
        overview = await app.Service.GetOverviewAsync();
        Assert.Equal(1, overview.Overdue);
        Assert.Equal(id, Assert.Single(overview.OverdueListings).AssetId);
        Assert.Equal(1, overview.NoOneToRemind);
        Assert.Contains("no one", Assert.Single(await app.AuditAsync(id), e => e.Action == ListingReviewService.ReminderAction && e.Changes!.Contains("\"from\":0", StringComparison.Ordinal)).Changes!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_go_to_the_listing_else_its_contact_else_its_organisation(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddListingAsync(database, "Own address", Today.AddYears(-2), email: "own@example.org", contactEmail: "contact1@example.org", organizationEmail: "org1@example.org");
        await AddListingAsync(database, "Contact address", Today.AddYears(-2), email: null, contactEmail: "contact2@example.org", organizationEmail: "org2@example.org");
        await AddListingAsync(database, "Organisation address", Today.AddYears(-2), email: null, organizationEmail: "org3@example.org");
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);

        await app.SweepAsync();

        Assert.Equal(
            ["contact2@example.org", "org3@example.org", "own@example.org"],
            (await app.EmailsAsync()).Select(m => m.Recipient).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_listing_verified_by_an_edit_leaves_the_cycle_and_archived_ones_get_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var edited = await AddListingAsync(database, "Edited", Today.AddYears(-2));
        var archived = await AddListingAsync(database, "Archived", Today.AddYears(-2), email: "archived@example.org");
        await using (var db = database.CreateContext())
        {
            db.Actor = ProcessContext.System("test");
            (await db.CommunityAssets.SingleAsync(a => a.Id == archived)).ArchivedAt = Start.UtcDateTime.AddDays(-1);
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        Assert.Equal(1, (await app.SweepAsync()).RemindersRecorded);
        Assert.Equal("hello@walkers.example", Assert.Single(await app.EmailsAsync()).Recipient);

        await using (var db = database.CreateContext())
        {
            db.Actor = ProcessContext.System("test");
            (await db.CommunityAssets.SingleAsync(a => a.Id == edited)).LastVerifiedOn = Today;
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(14));
        var outcome = await app.SweepAsync();
        Assert.Equal(1, outcome.Reset);
        Assert.Equal(0, outcome.RemindersRecorded);
        var asset = await app.AssetAsync(edited);
        Assert.Equal(0, asset.ReviewRemindersSent);
        Assert.Null(asset.LastReminderSentAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_settings_are_kept_audited_and_checked(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await using var app = await Harness.CreateAsync(database, clock);
        Assert.Equal(FreshnessSettings.Default, await app.Service.GetSettingsAsync());

        await app.Service.SetSettingsAsync(new FreshnessSettings(6, 7, 10), new ProcessContext("admin", "Alex Admin"));
        app.Renew();
        Assert.Equal(new FreshnessSettings(6, 7, 10), await app.Service.GetSettingsAsync());
        Assert.Equal(3, await app.Db.AuditEvents.CountAsync(e => e.EntityType == "SystemSetting" && e.ActorName == "Alex Admin"));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Service.SetSettingsAsync(new FreshnessSettings(0, 7, 10), new ProcessContext("admin", "Alex Admin")));

        // Six months is now enough to be due.
        await AddListingAsync(database, "Half a year", Today.AddMonths(-6));
        Assert.Equal(1, (await app.SweepAsync()).RemindersRecorded);
    }
}
