using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Search;

public class AssetSearchIndexDatabaseTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static async Task SaveAsync(TestDatabase database, params TestAsset[] assets)
    {
        await using var db = database.CreateContext(Clock);
        db.Actor = ProcessContext.System("test");
        foreach (var asset in assets)
        {
            var organization = asset.Asset.Organization!;
            if (await db.Organizations.AnyAsync(o => o.Id == organization.Id))
            {
                db.Attach(organization);
            }

            foreach (var link in asset.Asset.TaxonomyTerms)
            {
                if (link.TaxonomyTerm is { } term && await db.TaxonomyTerms.AnyAsync(t => t.Id == term.Id))
                {
                    db.Attach(term);
                }
            }

            db.CommunityAssets.Add(asset.Asset);
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_index_builds_from_the_database_with_every_child_a_search_needs(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var activity = new TaxonomyTerm { Name = "Physical activity", Description = "Moving more" };
        var walking = new TaxonomyTerm { Name = "Walking groups", Description = "Walks together", ParentId = activity.Id };
        await using (var db = database.CreateContext(Clock))
        {
            db.TaxonomyTerms.AddRange(activity, walking);
            await db.SaveChangesAsync();
        }

        await SaveAsync(
            database,
            TestAsset.Named("Park striders").Tagged(walking).NorthOfCentre(1.2, "Roundhay Park", AccessibilityFeature.StepFreeAccess)
                .Runs("WEEKLY", "TU", new TimeOnly(10, 0), new TimeOnly(12, 0)).Costs(0m).Ages(50, null),
            TestAsset.Named("Home visits").NorthOfCentre(40).Serves(TestAsset.Centre, 2000).Online(),
            TestAsset.Named("Old choir").Archived());

        var index = new AssetSearchIndex(Clock);
        await using (var db = database.CreateContext(Clock))
        {
            await index.RebuildAsync(db, CancellationToken.None);
        }

        Assert.Equal(2, index.Count);
        var hit = Assert.Single(index.Search(new AssetSearchCriteria
        {
            Text = "walking",
            Near = TestAsset.Centre,
            RadiusKm = 5,
            What = new HashSet<Guid> { activity.Id },
            Accessibility = new HashSet<AccessibilityFeature> { AccessibilityFeature.StepFreeAccess },
            OpenAt = new OpenAt(DayOfWeek.Tuesday, new TimeOnly(10, 30)),
            FreeOnly = true,
            Age = 67,
            Attendance = AttendanceMode.InPerson,
        }).Hits);
        Assert.Equal("Park striders", hit.Name);
        Assert.Equal(["\"Walking groups\"", "1.2 km away", "free", "step-free access", "open Tuesday at 10:30", "in person", "for ages 50+"], hit.Reasons);

        var covering = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5, Attendance = AttendanceMode.Online });
        Assert.Equal("Home visits", Assert.Single(covering.Hits).Name);
        Assert.Contains("covers your area", covering.Hits[0].Reasons);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_makes_an_edit_searchable_at_once_and_takes_out_an_archived_asset(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var asset = TestAsset.Named("Chess club").NorthOfCentre(1);
        await SaveAsync(database, asset);
        var index = new AssetSearchIndex(Clock);
        await using (var db = database.CreateContext(Clock))
        {
            await index.RebuildAsync(db, CancellationToken.None);
        }

        await using (var db = database.CreateContext(Clock))
        {
            db.Actor = ProcessContext.System("test");
            var saved = await db.CommunityAssets.SingleAsync(a => a.Id == asset.Asset.Id);
            saved.Name = "Draughts and chess club";
            saved.Description = "Boards provided";
            await db.SaveChangesAsync();
            await index.RefreshAsync(db, saved.Id, CancellationToken.None);
        }

        Assert.Equal("Draughts and chess club", Assert.Single(index.Search(new AssetSearchCriteria { Text = "draughts boards" }).Hits).Name);

        await using (var db = database.CreateContext(Clock))
        {
            db.Actor = ProcessContext.System("test");
            var saved = await db.CommunityAssets.SingleAsync(a => a.Id == asset.Asset.Id);
            saved.ArchivedAt = Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            await index.RefreshAsync(db, saved.Id, CancellationToken.None);
        }

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search(new AssetSearchCriteria { Text = "draughts" }).Hits);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Following_an_empty_directory_finds_nothing_and_then_finds_the_first_asset(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var index = new AssetSearchIndex(Clock);
        await using (var db = database.CreateContext(Clock))
        {
            await index.RebuildAsync(db, CancellationToken.None);
        }

        var feed = new AssetIndexChangeFeed(index);
        await using (var db = database.CreateContext(Clock))
        {
            Assert.Equal(0, await feed.CatchUpAsync(db, CancellationToken.None));
            Assert.Equal(0, await feed.CatchUpAsync(db, CancellationToken.None));
        }

        var first = TestAsset.Named("Chess club");
        first.Asset.LastModified = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        await SaveAsync(database, first);
        await using (var db = database.CreateContext(Clock))
        {
            Assert.Equal(1, await feed.CatchUpAsync(db, CancellationToken.None));
        }

        Assert.Equal(1, index.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_node_follows_edits_saved_by_the_first_through_last_modified(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var asset = TestAsset.Named("Chess club");
        await SaveAsync(database, asset);

        var secondNode = new AssetSearchIndex(Clock);
        await using (var db = database.CreateContext(Clock))
        {
            await secondNode.RebuildAsync(db, CancellationToken.None);
        }

        var feed = new AssetIndexChangeFeed(secondNode);
        await using (var db = database.CreateContext(Clock))
        {
            Assert.Equal(0, await feed.CatchUpAsync(db, CancellationToken.None));
        }

        // The first node saves an edit and a new asset, stamping LastModified as every editor does.
        await using (var db = database.CreateContext(Clock))
        {
            db.Actor = ProcessContext.System("test");
            var saved = await db.CommunityAssets.SingleAsync(a => a.Id == asset.Asset.Id);
            saved.Name = "Draughts club";
            saved.LastModified = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var added = TestAsset.Named("Bridge club");
        added.Asset.LastModified = new DateTime(2026, 11, 23, 12, 0, 1, DateTimeKind.Utc);
        await SaveAsync(database, added);

        await using (var db = database.CreateContext(Clock))
        {
            Assert.Equal(2, await feed.CatchUpAsync(db, CancellationToken.None));
            Assert.Equal(0, await feed.CatchUpAsync(db, CancellationToken.None));
        }

        Assert.Equal(["Draughts club"], secondNode.Search(new AssetSearchCriteria { Text = "draughts" }).Hits.Select(h => h.Name));
        Assert.Equal(["Bridge club"], secondNode.Search(new AssetSearchCriteria { Text = "bridge" }).Hits.Select(h => h.Name));
        Assert.Empty(secondNode.Search(new AssetSearchCriteria { Text = "chess" }).Hits);
    }
}
