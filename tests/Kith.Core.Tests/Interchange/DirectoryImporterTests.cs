using System.Text.Json.Nodes;
using Kith.Core.Directory;
using Kith.Core.Directory.Interchange;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Kith.Core.Tests.Interchange.InterchangeTestData;

namespace Kith.Core.Tests.Interchange;

public sealed class DirectoryImporterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private async Task<ImportReport> ImportAsync(TestDatabase database, string key, IAsyncEnumerable<SourceItem> items, ImportOptions? options = null)
    {
        await using var db = database.CreateContext(clock);
        return await new DirectoryImporter(db, clock).ImportAsync(key, items, options);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_imported_revision_reads_like_the_editor_and_each_added_record_is_audited(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var report = await ImportAsync(database, "example", OrukJsonSource.ReadFileAsync(Examples("hsds", "service_full.json")));
        Assert.True(report.Completed, report.Failure);

        await using var db = database.CreateContext();
        var asset = await db.CommunityAssets.AsNoTracking().AsSplitQuery()
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Accessibility)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
            .Include(a => a.Schedules).Include(a => a.Phones).Include(a => a.CostOptions).Include(a => a.Languages)
            .Include(a => a.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm)
            .SingleAsync();
        var details = AssetService.ToDetails(asset);
        Assert.NotEmpty(details.Schedules);
        // The stored decimal keeps the provider's scale (35.0, 35.00); the amount itself must agree.
        var expected = JsonNode.Parse(details.ToJson())!.AsObject();
        var snapshot = JsonNode.Parse((await db.AssetRevisions.SingleAsync()).Snapshot)!.AsObject();
        Assert.Equal(expected["CostAmount"]!.GetValue<decimal>(), snapshot["CostAmount"]!.GetValue<decimal>());
        expected.Remove("CostAmount");
        snapshot.Remove("CostAmount");
        Assert.Equal(expected.ToJsonString(), snapshot.ToJsonString());

        var audited = await db.AuditEvents.Where(e => e.ActorName == "Import from example").ToListAsync();
        Assert.All(audited, e => Assert.Equal("created", e.Action));
        Assert.Contains(audited, e => e.EntityType == nameof(CommunityAsset) && e.EntityId == asset.Id.ToString());
        Assert.Contains(audited, e => e.EntityType == nameof(Organization) && e.EntityId == asset.OrganizationId.ToString());
        Assert.Contains(audited, e => e.EntityType == nameof(Location) && e.EntityId == asset.ServiceAtLocations[0].LocationId.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_full_HSDS_example_imports_once_and_comes_back_unchanged(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ImportAsync(database, "example", OrukJsonSource.ReadFileAsync(Examples("hsds", "service_full.json")));
        Assert.True(first.Completed, first.Failure);
        Assert.Equal(1, first.Services.Added);
        Assert.Empty(first.Rejections);

        await using (var db = database.CreateContext())
        {
            var asset = await db.CommunityAssets.Include(a => a.Phones).Include(a => a.Schedules).Include(a => a.CostOptions)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
                .Include(a => a.TaxonomyTerms).Include(a => a.Contacts).SingleAsync();
            Assert.Equal(new Guid("ac148810-d857-441c-9679-408f346de14b"), asset.Id);
            Assert.Equal("Community Counselling", asset.Name);
            Assert.Equal(RecordSource.Import, asset.Source);
            Assert.Equal("example", asset.SourceKey);
            Assert.Equal(12, asset.MinimumAge);
            Assert.Single(asset.Phones);
            Assert.Single(asset.Schedules);
            Assert.Equal(35m, Assert.Single(asset.CostOptions).Amount);
            Assert.Equal("MyCity", Assert.Single(Assert.Single(asset.ServiceAtLocations).Location!.Addresses).City);
            Assert.Single(asset.TaxonomyTerms);
            Assert.Single(asset.Contacts);
            Assert.Equal("Example Organization Inc.", (await db.Organizations.SingleAsync()).Name);
            var revision = await db.AssetRevisions.SingleAsync();
            Assert.Equal("Import from example", revision.ActorName);
        }

        clock.Advance(TimeSpan.FromHours(1));
        var second = await ImportAsync(database, "example", OrukJsonSource.ReadFileAsync(Examples("hsds", "service_full.json")));
        Assert.Equal((0, 0, 1), (second.Services.Added, second.Services.Updated, second.Services.Unchanged));
        await using (var db = database.CreateContext())
        {
            var asset = await db.CommunityAssets.SingleAsync();
            Assert.Equal(1, asset.Version);
            Assert.Equal(new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), asset.LastModified);
            Assert.Equal(1, await db.Organizations.CountAsync());
            Assert.Equal(1, await db.Locations.CountAsync());
            Assert.Equal(1, await db.AssetRevisions.CountAsync());
        }
    }

    [Theory]
    [InlineData("hsds", "service_list.json")]
    [InlineData("oruk", "service_list.json")]
    [InlineData("oruk", "service_full.json")]
    public async Task The_list_and_UK_examples_import(string folder, string file)
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var report = await ImportAsync(database, "example", OrukJsonSource.ReadFileAsync(Examples(folder, file)));
        Assert.True(report.Completed, report.Failure);
        Assert.Empty(report.Rejections);
        Assert.Equal(1, report.Services.Added);
        var again = await ImportAsync(database, "example", OrukJsonSource.ReadFileAsync(Examples(folder, file)));
        Assert.Equal(1, again.Services.Unchanged);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_service_is_updated_with_a_revision_and_a_new_version(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, "feed", Ndjson(Service(1).ToJsonString(), Service(2).ToJsonString()));
        clock.Advance(TimeSpan.FromDays(1));
        var report = await ImportAsync(database, "feed", Ndjson(Service(1, "Walking group, now on Fridays").ToJsonString(), Service(2).ToJsonString()));
        Assert.Equal((0, 1, 1), (report.Services.Added, report.Services.Updated, report.Services.Unchanged));
        await using var db = database.CreateContext();
        var changed = await db.CommunityAssets.Include(a => a.Phones).SingleAsync(a => a.SourceId == "svc-1");
        Assert.Equal("Walking group, now on Fridays", changed.Name);
        Assert.Equal(2, changed.Version);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, changed.LastModified);
        Assert.Single(changed.Phones);
        var revision = await db.AssetRevisions.SingleAsync(r => r.AssetId == changed.Id && r.Version == 2);
        Assert.Equal("Import from feed", revision.ActorName);
        Assert.Equal("Updated from feed", revision.Summary);
        var unchanged = await db.CommunityAssets.SingleAsync(a => a.SourceId == "svc-2");
        Assert.Equal(1, unchanged.Version);
        Assert.Equal(2, await db.CommunityAssets.CountAsync());
        Assert.Equal(1, await db.Organizations.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_rows_are_rejected_with_reasons_and_good_rows_imported(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var wrongType = Service(3);
        wrongType["minimum_age"] = "twelve";
        var noName = Service(4);
        noName.Remove("name");
        var noOrganization = Service(5);
        noOrganization.Remove("organization");
        var huge = Service(6);
        huge["description"] = new string('x', 10 * 1024 * 1024);
        var phonesNotAList = Service(7);
        phonesNotAList["phones"] = "01234";
        var report = await ImportAsync(database, "feed", Ndjson(
            Service(1).ToJsonString(),
            "{\"id\": \"svc-2\", \"name\": ",
            wrongType.ToJsonString(),
            noName.ToJsonString(),
            noOrganization.ToJsonString(),
            huge.ToJsonString(),
            phonesNotAList.ToJsonString(),
            Service(8).ToJsonString()));

        Assert.True(report.Completed, report.Failure);
        Assert.Equal(2, report.Services.Added);
        Assert.Equal(6, report.Services.Rejected);
        Assert.Contains(report.Rejections, r => r.Where == "line 2" && r.Reason.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Where == "line 3" && r.Reason.Contains("minimum_age must be a whole number", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Where == "line 4" && r.SourceId == "svc-4" && r.Reason.Contains("name is missing", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Where == "line 5" && r.Reason.Contains("organization is missing", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Where == "line 6" && r.Reason.Contains("the most Kith takes is 20,000", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Where == "line 7" && r.Reason.Contains("phones must be a list", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(["svc-1", "svc-8"], await db.CommunityAssets.OrderBy(a => a.SourceId).Select(a => a.SourceId!).ToListAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_batch_is_rolled_back_whole_and_a_second_run_carries_on(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lines = Enumerable.Range(1, 5).Select(n => Service(n).ToJsonString()).ToArray();
        var failed = await ImportAsync(database, "feed", Ndjson(lines), new ImportOptions
        {
            BatchSize = 2,
            BeforeSave = batch =>
            {
                if (batch == 2)
                {
                    throw new ImportBatchException("the disk is full (made up by the test).");
                }
            },
        });
        Assert.False(failed.Completed);
        Assert.Contains("batch 2", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(1, failed.BatchesSaved);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(["svc-1", "svc-2"], await db.CommunityAssets.OrderBy(a => a.SourceId).Select(a => a.SourceId!).ToListAsync());
            var ids = await db.CommunityAssets.Select(a => a.Id).ToListAsync();
            Assert.Equal(2, await db.Phones.CountAsync());
            Assert.Equal(2, await db.AssetRevisions.CountAsync());
            Assert.Equal(2, await db.ServiceAtLocations.CountAsync());
        }

        var resumed = await ImportAsync(database, "feed", Ndjson(lines), new ImportOptions { BatchSize = 2 });
        Assert.True(resumed.Completed, resumed.Failure);
        Assert.Equal((3, 0, 2), (resumed.Services.Added, resumed.Services.Updated, resumed.Services.Unchanged));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(5, await db.CommunityAssets.CountAsync());
            Assert.Equal(3, await db.Locations.CountAsync());
            Assert.Equal(5, await db.Phones.CountAsync());
        }
    }

    [Fact]
    public async Task A_dry_run_reports_and_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var report = await ImportAsync(database, "feed", Ndjson(Service(1).ToJsonString(), Service(2).ToJsonString()), new ImportOptions { DryRun = true });
        Assert.Equal(2, report.Services.Added);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.CommunityAssets.CountAsync());
    }

    [Fact]
    public async Task The_same_feed_ids_from_two_sources_make_two_records()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await ImportAsync(database, "one", OrukJsonSource.ReadFileAsync(Examples("hsds", "service_full.json")));
        var second = await ImportAsync(database, "two", OrukJsonSource.ReadFileAsync(Examples("hsds", "service_full.json")));
        Assert.Equal(1, second.Services.Added);
        await using var db = database.CreateContext();
        var ids = await db.CommunityAssets.Select(a => a.Id).ToListAsync();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Contains(new Guid("ac148810-d857-441c-9679-408f346de14b"), ids);
    }

    [Fact]
    public async Task A_service_repeated_in_one_import_is_taken_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var report = await ImportAsync(database, "feed", Ndjson(Service(1).ToJsonString(), Service(1).ToJsonString()));
        Assert.Equal(1, report.Services.Added);
        Assert.Contains("also at line 1", Assert.Single(report.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_keys_come_from_the_host_or_the_file_name()
    {
        Assert.Equal("directory.example.org", DirectoryImporter.DeriveSourceKey("https://Directory.Example.org/oruk/services"));
        Assert.Equal("community-assets", DirectoryImporter.DeriveSourceKey("/tmp/Community-Assets.csv"));
        Assert.Equal("csv", DirectoryImporter.DeriveSourceKey("exports/csv/"));
    }

    private static JsonObject Clone(JsonObject o) => (JsonObject)o.DeepClone();
}
