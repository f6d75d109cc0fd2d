using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Search;

/// <summary>The raw ADO.NET loader a rebuild uses must produce exactly the documents the EF entity path does.</summary>
public class AssetIndexLoaderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_fast_loader_builds_the_same_documents_as_the_entity_graphs(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var activity = new TaxonomyTerm { Name = "Physical activity", Description = "Moving more" };
        var walking = new TaxonomyTerm { Name = "Walking groups", Description = "Walks together", ParentId = activity.Id };
        var singing = new TaxonomyTerm { Name = "Singing", Description = "Choirs" };
        var claimed = new Organization { Name = "Claimed Trust", ClaimedAt = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc) };
        var plain = new Organization { Name = "Plain Trust" };
        var random = new Random(7);
        var assets = new List<TestAsset>();
        for (var i = 0; i < 50; i++)
        {
            var asset = TestAsset.Named($"Group {i} {(i % 2 == 0 ? "walking" : "singing")}", i % 3 == 0 ? claimed : plain)
                .Describe($"Meets weekly near the café {i}; everyone welcome.")
                .Involve("Just turn up.")
                .OfKind((AssetKind)(i % 5))
                .Tagged(i % 2 == 0 ? walking : singing)
                .Costs(i % 4 == 0 ? 3m : 0m)
                .Runs("WEEKLY", i % 2 == 0 ? "TU" : "SA", new TimeOnly(10, 0), new TimeOnly(12, 0), interval: i % 5 == 0 ? 2 : null)
                .Ages(i % 6 == 0 ? 50 : null, null)
                .Verified(i % 7 == 0 ? null : new DateOnly(2026, 1, 1).AddDays(i));
            switch (i % 4)
            {
                case 0:
                    asset.NorthOfCentre(random.NextDouble() * 20, null, AccessibilityFeature.StepFreeAccess, AccessibilityFeature.HearingLoop);
                    break;
                case 1:
                    asset.Online().Serves("""{"type":"Polygon","coordinates":[[[-1.6,53.7],[-1.5,53.7],[-1.5,53.9],[-1.6,53.9],[-1.6,53.7]]]}""");
                    break;
                case 2:
                    asset.NorthOfCentre(3).NorthOfCentre(9, "Second hall").Serves(TestAsset.Centre, 4000);
                    break;
                default:
                    asset.NorthOfCentre(1);
                    break;
            }

            if (i % 9 == 0)
            {
                asset.Asset.ReviewOverdueSince = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            }

            asset.Asset.Languages.Add(new Language { ServiceId = asset.Asset.Id, Name = i % 2 == 0 ? "Welsh" : "Polish" });
            var location = asset.Asset.ServiceAtLocations.FirstOrDefault()?.Location;
            location?.Schedules.Add(new Schedule { LocationId = location.Id, Freq = "MONTHLY", ByDay = "1MO", OpensAt = new TimeOnly(18, 0) });
            assets.Add(asset);
        }

        assets.Add(TestAsset.Named("Archived group", plain).NorthOfCentre(1).Archived());
        assets.Add(TestAsset.Named("Closed group", plain).NorthOfCentre(1).WithStatus(AssetStatus.Defunct));
        await using (var db = database.CreateContext(Clock))
        {
            db.Actor = ProcessContext.System("test");
            db.TaxonomyTerms.AddRange(activity, walking, singing);
            db.Organizations.AddRange(claimed, plain);
            await db.SaveChangesAsync();
            foreach (var asset in assets)
            {
                db.Attach(asset.Asset.Organization!);
                foreach (var link in asset.Asset.TaxonomyTerms)
                {
                    db.Attach(link.TaxonomyTerm!);
                }

                db.CommunityAssets.Add(asset.Asset);
            }

            await db.SaveChangesAsync();
        }

        var fast = new AssetSearchIndex(Clock);
        var entities = new AssetSearchIndex(Clock);
        await using (var db = database.CreateContext(Clock))
        {
            // Batches of 7, so keyset paging and the id-range child queries run across many batch boundaries.
            await fast.RebuildAsync(db, CancellationToken.None, batchSize: 7);
            await entities.RebuildThroughEntitiesAsync(db, CancellationToken.None);
        }

        Assert.Equal(assets.Count - 2, fast.Count);
        var expected = entities.Documents();
        var actual = fast.Documents();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, want) in expected)
        {
            Assert.Equal(Describe(entities, want), Describe(fast, actual[id]));
        }

        Assert.Contains(actual.Values, d => d.IsClaimed);
        Assert.Contains(actual.Values, d => d.Areas.Length > 0 && d.Schedules.Length > 1);
    }

    /// <summary>Everything a search reads of a document, as text, with collections sorted so their order does not matter.</summary>
    private static string Describe(AssetSearchIndex index, AssetDocument d)
    {
        var words = index.WordsOf(d.Id).Select(w => $"{w.Stem}={w.Counts}").Order(StringComparer.Ordinal);
        var locations = d.Locations.Select(l => $"{l.Point}/{l.PlaceName}/{l.AccessibilityMask}").Order(StringComparer.Ordinal);
        var schedules = d.Schedules.Select(s => $"{s.Rule.DayMask}/{s.Rule.Frequency}/{s.Rule.Interval}/{s.Rule.Opens}/{s.Rule.Closes}/{s.ValidTo}").Order(StringComparer.Ordinal);
        var areas = d.Areas.Select(a => $"{a.Scope}/{a.Bounds}").Order(StringComparer.Ordinal);
        var terms = d.Terms.Select(t => $"{t.Id}/{t.Direct}/{t.Name}").Order(StringComparer.Ordinal);
        return string.Join(
            "\n",
            d.Id, d.Name, d.Summary, d.Kind, d.OrganizationName, d.IsClaimed, d.IsFree, d.LastVerifiedOn, d.LastModified.ToString("O"), d.ReviewOverdueSince?.ToString("O"), d.CreatedAt.ToString("O"), d.MinimumAge, d.MaximumAge,
            d.HasPhysicalLocation, d.IsOnline, d.NameLength, d.TermsLength, d.BodyLength,
            string.Join(",", words), string.Join(",", locations), string.Join(",", schedules), string.Join(",", areas), string.Join(",", terms),
            string.Join(",", d.TermClosure.Order()));
    }
}
