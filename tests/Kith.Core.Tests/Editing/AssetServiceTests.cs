using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Journeys;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Editing;

public class AssetServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcessContext Sam = new("user-sam", "Sam Editor");
    private static readonly ProcessContext Ash = new("user-ash", "Ash Editor");
    private static readonly Guid Walking = new("0e2b1f3c-0000-4000-8000-000000000001");
    private static readonly Guid OlderPeople = new("0e2b1f3c-0000-4000-8000-000000000002");

    private static readonly AssetDetails Walk = new()
    {
        Name = "Riverside walking group",
        Kind = AssetKind.Association,
        NewOrganizationName = "Riverside Trust",
        Description = "A gentle walk along the river, then tea.",
        HowToGetInvolved = "Just turn up at the café.",
        IntroductionPolicy = IntroductionPolicy.AcceptsIntroductions,
        Email = "walks@example.org",
        Phone = "01632 960000",
        Online = true,
        OnlineLink = "https://example.org/walks",
        Schedules = [new ScheduleRule(ScheduleFrequency.Weekly, [DayOfWeek.Tuesday], new TimeOnly(10, 0), new TimeOnly(12, 0))],
        CostAmount = 2.50m,
        CostDescription = "per walk, tea included",
        MinimumAge = 18,
        WhatTermIds = [Walking],
        WhoTermIds = [OlderPeople],
        Languages = ["English", "Polish"],
    };

    [Fact]
    public void The_summary_of_changes_names_each_changed_field_in_plain_words()
    {
        var changed = Walk with
        {
            Name = "Riverside walkers",
            Schedules = [new ScheduleRule(ScheduleFrequency.Monthly, [DayOfWeek.Monday], new TimeOnly(18, 30), new TimeOnly(20, 0), 1)],
            CostAmount = null,
        };

        Assert.Equal("Name, Opening times, Cost", AssetFields.Summarise(Walk, changed));
        Assert.Equal("No changes", AssetFields.Summarise(Walk, Walk with { Languages = ["English", "Polish"] }));
        Assert.Equal("First Monday of the month, 18:30 to 20:00", changed.Schedules[0].Describe());
        Assert.Equal("Tuesdays, 10:00 to 12:00", Walk.Schedules[0].Describe());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_an_asset_writes_version_one_a_revision_and_audit_events(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);

        AssetSaved saved;
        await using (var db = database.CreateContext(clock))
        {
            saved = await SaveAsync(db, s => s.CreateAsync(Walk, Sam, CancellationToken.None), clock);
        }

        Assert.Equal(1, saved.Version);
        await using var check = database.CreateContext();
        var asset = await check.CommunityAssets.Include(a => a.Organization).SingleAsync(a => a.Id == saved.AssetId);
        Assert.Equal("Riverside walking group", asset.Name);
        Assert.Equal("Riverside Trust", asset.Organization!.Name);
        Assert.Equal(Now.UtcDateTime, asset.LastModified);
        var revision = await check.AssetRevisions.SingleAsync(r => r.AssetId == saved.AssetId);
        Assert.Equal(1, revision.Version);
        Assert.Equal("Sam Editor", revision.ActorName);
        Assert.Equal("user-sam", revision.UserId);
        Assert.Equal("Added to the directory", revision.Summary);
        var snapshot = AssetDetails.FromJson(revision.Snapshot);
        Assert.Empty(AssetFields.Changed(Walk, snapshot with { NewOrganizationName = "Riverside Trust", OrganizationId = null }));
        var audit = await check.AuditEvents.Where(e => e.Action == AuditActions.Created).Select(e => e.EntityType).ToListAsync();
        Assert.Contains(nameof(CommunityAsset), audit);
        Assert.Contains(nameof(Organization), audit);

        var details = await Service(check, clock).GetDetailsAsync(saved.AssetId);
        Assert.NotNull(details);
        Assert.Equal(asset.OrganizationId, details.Details.OrganizationId);
        Assert.Empty(AssetFields.Changed(Walk with { NewOrganizationName = null, OrganizationId = asset.OrganizationId }, details.Details));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_moves_the_version_on_and_records_what_changed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var saved = await CreateAsync(database, clock);
        clock.Advance(TimeSpan.FromHours(2));

        await using (var db = database.CreateContext(clock))
        {
            var current = (await Service(db, clock).GetDetailsAsync(saved.AssetId))!;
            var edited = current.Details with
            {
                Name = "Riverside walkers",
                Schedules = [new ScheduleRule(ScheduleFrequency.Fortnightly, [DayOfWeek.Thursday, DayOfWeek.Tuesday], new TimeOnly(9, 30), new TimeOnly(11, 0))],
                WhoTermIds = [],
            };
            var updated = await SaveAsync(db, s => s.UpdateAsync(saved.AssetId, 1, edited, Ash.WithReason("New day agreed at the AGM"), CancellationToken.None), clock);
            Assert.Equal(2, updated.Version);
        }

        await using var check = database.CreateContext();
        var asset = await check.CommunityAssets.Include(a => a.Schedules).Include(a => a.TaxonomyTerms).SingleAsync(a => a.Id == saved.AssetId);
        Assert.Equal(2, asset.Version);
        Assert.Equal("Riverside walkers", asset.Name);
        Assert.Equal(Now.UtcDateTime.AddHours(2), asset.LastModified);
        var schedule = Assert.Single(asset.Schedules);
        Assert.Equal(("WEEKLY", 2, "TU,TH"), (schedule.Freq, schedule.Interval, schedule.ByDay));
        Assert.Equal([Walking], asset.TaxonomyTerms.Select(t => t.TaxonomyTermId));
        var revision = await check.AssetRevisions.SingleAsync(r => r.AssetId == saved.AssetId && r.Version == 2);
        Assert.Equal("Name, Opening times, Who it is for", revision.Summary);
        Assert.Equal("Ash Editor", revision.ActorName);
        Assert.Equal("New day agreed at the AGM", revision.Reason);
        Assert.Equal("Riverside walkers", AssetDetails.FromJson(revision.Snapshot).Name);
        var updatedEvent = await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.Updated && e.EntityType == nameof(CommunityAsset));
        Assert.Equal("Ash Editor", updatedEvent.ActorName);
        Assert.Contains("Riverside walkers", updatedEvent.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_from_a_stale_version_throws_and_writes_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var saved = await CreateAsync(database, clock);
        await using (var db = database.CreateContext(clock))
        {
            await SaveAsync(db, s => s.UpdateAsync(saved.AssetId, 1, Walk with { Name = "First edit" }, Sam, CancellationToken.None), clock);
        }

        int auditCount;
        await using (var db = database.CreateContext())
        {
            auditCount = await db.AuditEvents.CountAsync();
        }

        await using (var db = database.CreateContext(clock))
        {
            var conflict = await Assert.ThrowsAsync<AssetConflictException>(() =>
                Service(db, clock).UpdateAsync(saved.AssetId, 1, Walk with { Name = "Second edit", Email = "other@example.org" }, Ash, CancellationToken.None));
            Assert.Equal((saved.AssetId, 1, 2), (conflict.AssetId, conflict.ExpectedVersion, conflict.CurrentVersion));
            await Assert.ThrowsAsync<AssetConflictException>(() => Service(db, clock).ArchiveAsync(saved.AssetId, 1, "Stopped", Ash, CancellationToken.None));
        }

        await using var check = database.CreateContext();
        var asset = await check.CommunityAssets.SingleAsync(a => a.Id == saved.AssetId);
        Assert.Equal(("First edit", "walks@example.org", 2, false), (asset.Name, asset.Email, asset.Version, asset.IsArchived));
        Assert.Equal(2, await check.AssetRevisions.CountAsync(r => r.AssetId == saved.AssetId));
        Assert.Equal(auditCount, await check.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_version_token_refuses_a_save_that_raced_past_the_first_check(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var saved = await CreateAsync(database, clock);

        await using var db = database.CreateContext(clock);
        var asset = await db.CommunityAssets.SingleAsync(a => a.Id == saved.AssetId);
        await using (var other = database.CreateContext(clock))
        {
            await SaveAsync(other, s => s.UpdateAsync(saved.AssetId, 1, Walk with { Name = "Got there first" }, Ash, CancellationToken.None), clock);
        }

        asset.Name = "Too late";
        asset.Version = 2;
        db.Actor = Sam;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_unchanged_details_writes_no_new_version(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var saved = await CreateAsync(database, clock);

        await using var db = database.CreateContext(clock);
        var current = (await Service(db, clock).GetDetailsAsync(saved.AssetId))!;
        var again = await Service(db, clock).UpdateAsync(saved.AssetId, 1, current.Details, Sam, CancellationToken.None);

        Assert.Equal(1, again.Version);
        Assert.Equal(1, await db.AssetRevisions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Archiving_needs_a_reason_keeps_the_asset_and_restoring_brings_it_back(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var saved = await CreateAsync(database, clock);

        await using (var db = database.CreateContext(clock))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Service(db, clock).ArchiveAsync(saved.AssetId, 1, "  ", Sam, CancellationToken.None));
            var archived = await SaveAsync(db, s => s.ArchiveAsync(saved.AssetId, 1, "The group has stopped meeting", Sam, CancellationToken.None), clock);
            Assert.Equal(2, archived.Version);
            var details = (await Service(db, clock).GetDetailsAsync(saved.AssetId))!;
            Assert.True(details.IsArchived);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Service(db, clock).ArchiveAsync(saved.AssetId, 2, "Again", Sam, CancellationToken.None));
            var restored = await SaveAsync(db, s => s.RestoreAsync(saved.AssetId, 2, "Meeting again from spring", Ash, CancellationToken.None), clock);
            Assert.Equal(3, restored.Version);
        }

        await using var check = database.CreateContext();
        var asset = await check.CommunityAssets.SingleAsync(a => a.Id == saved.AssetId);
        Assert.False(asset.IsArchived);
        var revisions = await Service(check, clock).GetRevisionsAsync(saved.AssetId);
        Assert.Equal(["Restored", "Archived", "Added to the directory"], revisions.Select(r => r.Summary));
        Assert.Equal("The group has stopped meeting", revisions[1].Reason);
        var actions = await check.AuditEvents.Where(e => e.EntityId == saved.AssetId.ToString()).OrderBy(e => e.Id).Select(e => new { e.Action, e.Reason }).ToListAsync();
        Assert.Equal([AuditActions.Created, AuditActions.Archived, AuditActions.Restored], actions.Select(a => a.Action));
        Assert.Equal("The group has stopped meeting", actions[1].Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_in_person_place_is_saved_with_its_postcode_position_and_accessibility(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTermsAsync(database);
        var clock = new FakeTimeProvider(Now);
        var inPerson = Walk with
        {
            InPerson = true,
            Place = new AssetPlace("Riverside Café", "1 Mill Lane", "Avonford", "av1 2ab"),
            Accessibility = [AccessibilityFeature.StepFreeAccess, AccessibilityFeature.HearingLoop],
        };

        AssetSaved saved;
        await using (var db = database.CreateContext(clock))
        {
            saved = await SaveAsync(db, s => s.CreateAsync(inPerson, Sam, CancellationToken.None), clock);
        }

        await using (var check = database.CreateContext())
        {
            var location = await check.Locations.Include(l => l.Addresses).Include(l => l.Accessibility)
                .SingleAsync(l => l.LocationType == LocationType.Physical && check.ServiceAtLocations.Any(s => s.LocationId == l.Id && s.ServiceId == saved.AssetId));
            Assert.Equal("Riverside Café", location.Name);
            Assert.Equal(("1 Mill Lane", "Avonford", "AV1 2AB"), (location.Addresses[0].Address1, location.Addresses[0].City, location.Addresses[0].PostalCode));
            Assert.Equal(51.5, location.Latitude);
            Assert.Equal(-2.5, location.Longitude);
            Assert.Equal(2, location.Accessibility.Count);
        }

        await using (var db = database.CreateContext(clock))
        {
            var current = (await Service(db, clock).GetDetailsAsync(saved.AssetId))!;
            Assert.Equal(new AssetPlace("Riverside Café", "1 Mill Lane", "Avonford", "AV1 2AB"), current.Details.Place);
            await SaveAsync(db, s => s.UpdateAsync(saved.AssetId, 1, current.Details with { InPerson = false }, Sam, CancellationToken.None), clock);
        }

        await using (var check = database.CreateContext())
        {
            Assert.False(await check.Locations.AnyAsync(l => l.LocationType == LocationType.Physical));
            var revision = await check.AssetRevisions.SingleAsync(r => r.Version == 2);
            Assert.Equal("How people take part, Address, Accessibility", revision.Summary);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drafts_belong_to_one_account_and_stale_ones_are_deleted(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var db = database.CreateContext(clock);
        var drafts = new JourneyDraftService(db, clock);
        var old = await drafts.CreateAsync("user-sam", "{}", CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(31));
        var recent = await drafts.CreateAsync("user-sam", "{}", CancellationToken.None);

        Assert.Null(await drafts.FindAsync(recent.Id, "user-ash", CancellationToken.None));
        Assert.Equal(1, await drafts.DeleteStaleAsync(Now.UtcDateTime.AddDays(1), CancellationToken.None));
        db.ChangeTracker.Clear();
        Assert.Null(await drafts.FindAsync(old.Id, "user-sam", CancellationToken.None));
        Assert.NotNull(await drafts.FindAsync(recent.Id, "user-sam", CancellationToken.None));
    }

    private static AssetService Service(KithDbContext db, TimeProvider clock) => new(db, new PostcodeService(db), new AssetSearchIndex(clock), clock);

    private static async Task<AssetSaved> CreateAsync(TestDatabase database, TimeProvider clock)
    {
        await using var db = database.CreateContext(clock);
        return await SaveAsync(db, s => s.CreateAsync(Walk, Sam, CancellationToken.None), clock);
    }

    /// <summary>Runs a save through a fresh service.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_an_edit_verifies_the_listing_and_ends_its_review_reminders(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var saved = await AddWalkAsync(database, clock);
        var overdueSince = Now.UtcDateTime.AddDays(-3);
        await using (var db = database.CreateContext(clock))
        {
            await db.CommunityAssets.Where(a => a.Id == saved.AssetId).ExecuteUpdateAsync(a => a
                .SetProperty(x => x.LastVerifiedOn, new DateOnly(2024, 1, 5))
                .SetProperty(x => x.ReviewRemindersSent, 3)
                .SetProperty(x => x.LastReminderSentAt, overdueSince.AddDays(-14))
                .SetProperty(x => x.ReviewOverdueSince, overdueSince));
        }

        clock.Advance(TimeSpan.FromDays(2));
        await using (var db = database.CreateContext(clock))
        {
            await SaveAsync(db, s => s.UpdateAsync(saved.AssetId, 1, Walk with { Phone = "01632 960111" }, Ash, CancellationToken.None), clock);
        }

        await using var check = database.CreateContext();
        var asset = await check.CommunityAssets.SingleAsync(a => a.Id == saved.AssetId);
        Assert.Equal(new DateOnly(2026, 11, 25), asset.LastVerifiedOn);
        Assert.Equal((0, (DateTime?)null, (DateTime?)null), (asset.ReviewRemindersSent, asset.LastReminderSentAt, asset.ReviewOverdueSince));
    }

    /// <summary>Seeds the terms and adds <see cref="Walk"/> as Sam, at version 1.</summary>
    private static async Task<AssetSaved> AddWalkAsync(TestDatabase database, TimeProvider clock)
    {
        await SeedTermsAsync(database);
        await using var db = database.CreateContext(clock);
        return await Service(db, clock).CreateAsync(Walk, Sam, CancellationToken.None);
    }

    private static async Task<AssetSaved> SaveAsync(KithDbContext db, Func<AssetService, Task<AssetSaved>> save, TimeProvider clock)
    {
        return await save(Service(db, clock));
    }

    private static async Task SeedTermsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Taxonomies.Add(new Taxonomy { Id = KithTaxonomies.What, Name = "What", Description = "Activities" });
        db.Taxonomies.Add(new Taxonomy { Id = KithTaxonomies.Who, Name = "Who", Description = "People" });
        db.TaxonomyTerms.Add(new TaxonomyTerm { Id = Walking, TaxonomyId = KithTaxonomies.What, Name = "Walking", Description = "Walks" });
        db.TaxonomyTerms.Add(new TaxonomyTerm { Id = OlderPeople, TaxonomyId = KithTaxonomies.Who, Name = "Older people", Description = "Older people" });
        db.Postcodes.Add(new Postcode { Code = "AV12AB", Display = "AV1 2AB", District = "AV1", Latitude = 51.5, Longitude = -2.5 });
        await db.SaveChangesAsync();
    }
}
