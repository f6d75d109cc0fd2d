using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Search;

/// <summary>Typo corrections, coverage graded by scope, the claimed boost, place explanations, and the grid agreeing with a full scan.</summary>
public class NationalScaleSearchTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(TestAsset.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    private static readonly TaxonomyTerm Activity = new() { Name = "Physical activity", Description = "Moving more" };
    private static readonly TaxonomyTerm Walking = new() { Name = "Walking groups", Description = "Walks together", ParentId = Activity.Id };
    private static readonly TaxonomyTerm Gardening = new() { Name = "Gardening and growing", Description = "Growing" };
    private static readonly TaxonomyTerm Advice = new() { Name = "Money advice", Description = "Debts" };
    private static readonly TaxonomyTerm[] Terms = [Activity, Walking, Gardening, Advice];

    /// <summary>A square about 110 km across around the centre: a regional (county-sized) area.</summary>
    private const string County = """{"type":"Polygon","coordinates":[[[-2.4,53.3],[-0.7,53.3],[-0.7,54.3],[-2.4,54.3],[-2.4,53.3]]]}""";

    /// <summary>A box around the whole UK: a national area.</summary>
    private const string WholeUk = """{"type":"Polygon","coordinates":[[[-8.7,49.8],[1.9,49.8],[1.9,60.9],[-8.7,60.9],[-8.7,49.8]]]}""";

    private static AssetSearchIndex Index(params TestAsset[] assets)
    {
        var index = new AssetSearchIndex(Clock);
        index.Replace(assets.Select(a => a.Asset), Terms);
        return index;
    }

    [Fact]
    public void A_mistyped_word_matches_the_word_it_was_meant_to_be_and_says_so()
    {
        var index = Index(
            TestAsset.Named("Riverside gardening club").NorthOfCentre(1),
            TestAsset.Named("Chess club").NorthOfCentre(1),
            TestAsset.Named("Garden centre cafe").NorthOfCentre(1));

        var results = index.Search(new AssetSearchCriteria { Text = "gardning club" });

        Assert.Equal("Riverside gardening club", results.Hits[0].Name);
        Assert.Contains("matched \"gardening\" for \"gardning\"", results.Hits[0].Reasons);
        Assert.Contains("matches \"club\" in the name", results.Hits[0].Reasons);
        Assert.Equal(1, results.Total);
    }

    [Fact]
    public void A_typo_match_counts_for_less_than_the_word_itself()
    {
        var index = Index(TestAsset.Named("Knitting circle").NorthOfCentre(1));

        var exact = index.Search(new AssetSearchCriteria { Text = "knitting" }).Hits.Single();
        var typo = index.Search(new AssetSearchCriteria { Text = "knittng" }).Hits.Single();

        Assert.Equal(exact.Score * AssetSearchIndex.TypoWeight, typo.Score, 5);
    }

    [Theory]
    [InlineData("chss", true)] // 4 letters: one edit allowed
    [InlineData("chs", false)] // 3 letters: never corrected
    [InlineData("cxhss", false)] // 5 letters, two edits: too far
    [InlineData("cheeses", false)] // 7 letters, two edits from "chess": too far
    [InlineData("chesclubb", true)] // 9 letters: two edits allowed, from "chessclub"
    [InlineData("chesclubbbb", false)] // 11 letters, three edits: too far
    public void Typos_are_corrected_within_one_edit_up_to_seven_letters_and_two_from_eight(string query, bool found)
    {
        var index = Index(TestAsset.Named("Chess club").Describe("Meets at the chessclub hall").NorthOfCentre(1));

        Assert.Equal(found, index.Search(new AssetSearchCriteria { Text = query }).Total == 1);
    }

    [Fact]
    public void A_word_that_exists_is_never_corrected_into_another()
    {
        var index = Index(TestAsset.Named("Bowls club").NorthOfCentre(1), TestAsset.Named("Bowl painting").NorthOfCentre(1));

        Assert.Equal(["Bowl painting", "Bowls club"], index.Search(new AssetSearchCriteria { Text = "bowl" }).Hits.Select(h => h.Name).Order());
        Assert.DoesNotContain(index.Search(new AssetSearchCriteria { Text = "bowls club" }).Hits.SelectMany(h => h.Reasons), r => r.StartsWith("matched", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_is_graded_local_then_regional_then_national_so_a_helpline_does_not_drown_local_groups()
    {
        var index = Index(
            TestAsset.Named("Money advice national line").Online().Serves(WholeUk),
            TestAsset.Named("Money advice county service").NorthOfCentre(30).Serves(County),
            TestAsset.Named("Money advice in your ward").NorthOfCentre(8).Serves(TestAsset.Centre, 5000),
            TestAsset.Named("Money advice drop-in").NorthOfCentre(2));

        var results = index.Search(new AssetSearchCriteria { Text = "money advice", Near = TestAsset.Centre });

        Assert.Equal(["Money advice in your ward", "Money advice drop-in", "Money advice county service", "Money advice national line"], results.Hits.Select(h => h.Name));
        Assert.Equal(["matches \"money\" in the name", "matches \"advice\" in the name", "covers the whole UK"], results.Hits[3].Reasons);
        Assert.Equal(["matches \"money\" in the name", "matches \"advice\" in the name", "covers your area", "nearest place 30.0 km away"], results.Hits[2].Reasons);
        Assert.Contains("2.0 km away", results.Hits[1].Reasons);
    }

    [Fact]
    public void A_wide_area_still_admits_an_asset_to_a_radius_search()
    {
        var index = Index(TestAsset.Named("National befriending").Online().Serves(WholeUk), TestAsset.Named("Far away group").NorthOfCentre(80));

        var results = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 10 });

        Assert.Equal("National befriending", Assert.Single(results.Hits).Name);
    }

    [Fact]
    public void A_claimed_listing_rises_a_little_above_an_identical_unclaimed_one()
    {
        var claimed = new Organization { Name = "Riverside Trust", ClaimedAt = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc) };
        var claimedAsset = TestAsset.Named("Walking group", claimed).NorthOfCentre(1);
        var index = Index(TestAsset.Named("Walking group").NorthOfCentre(1), claimedAsset);

        var hits = index.Search(new AssetSearchCriteria { Text = "walking", Near = TestAsset.Centre }).Hits;

        Assert.Equal(claimedAsset.Asset.Id, hits[0].AssetId);
        Assert.Equal(hits[1].Score * AssetSearchIndex.ClaimedLift, hits[0].Score, 5);
    }

    [Fact]
    public void Every_result_with_a_searchers_point_says_where_it_is()
    {
        var index = Index(
            TestAsset.Named("Online chess").Online(),
            TestAsset.Named("Chess by post"),
            TestAsset.Named("Chess in the park").NorthOfCentre(1.2));

        var hits = index.Search(new AssetSearchCriteria { Text = "chess", Near = TestAsset.Centre }).Hits.ToDictionary(h => h.Name);

        Assert.Contains("online, no need to travel", hits["Online chess"].Reasons);
        Assert.Contains("no address given", hits["Chess by post"].Reasons);
        Assert.Contains("1.2 km away", hits["Chess in the park"].Reasons);
    }

    [Fact]
    public void The_grid_postings_and_heap_give_the_same_pages_as_a_full_scan_on_random_data()
    {
        var random = new Random(20261203);
        var assets = Enumerable.Range(0, 2000).Select(i => RandomAsset(random, i)).ToList();
        var index = new AssetSearchIndex(Clock);
        index.Replace(assets.Select(a => a.Asset), Terms);
        var words = new[] { "walking", "garden", "gard", "chess club", "choir", "advice", "gardning", "walkng group", "cafe tuesday", "zzz", "club" };
        var days = Enum.GetValues<DayOfWeek>();
        for (var q = 0; q < 600; q++)
        {
            var near = RandomPoint(random);
            var shape = q % 10;

            // Shapes 7 to 9 are text with filters and no radius, where documents that cannot reach the page are
            // counted from their packed columns (or their filters) and never ranked.
            var criteria = new AssetSearchCriteria
            {
                Text = shape is 0 or 1 or 5 or 7 or 8 or 9 ? words[random.Next(words.Length)] : null,
                Near = shape is 0 or 8 ? null : near,
                RadiusKm = shape is 1 or 2 or 6 ? random.Next(1, 40) : null,
                What = shape is 2 or 7 ? new HashSet<Guid> { Terms[random.Next(Terms.Length)].Id } : new HashSet<Guid>(),
                Accessibility = shape == 9 ? new HashSet<AccessibilityFeature> { AccessibilityFeature.StepFreeAccess } : new HashSet<AccessibilityFeature>(),
                OpenAt = shape is 2 or 7 ? new OpenAt(days[random.Next(7)], random.Next(2) == 0 ? null : new TimeOnly(9 + random.Next(10), 0)) : null,
                Attendance = shape == 6 ? AttendanceMode.Online : shape == 8 ? AttendanceMode.InPerson : null,
                FreeOnly = shape is 4 or 8,
                Page = 1 + random.Next(3),
                PageSize = 5 + random.Next(25),
            };

            var expected = index.SearchByScan(criteria);
            var actual = index.Search(criteria);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => (h.AssetId, h.Score)), actual.Hits.Select(h => (h.AssetId, h.Score)));
            Assert.Equal(expected.Hits.Select(h => string.Join("|", h.Reasons)), actual.Hits.Select(h => string.Join("|", h.Reasons)));
        }
    }

    private static GeoPoint RandomPoint(Random random)
    {
        var centres = new[] { TestAsset.Centre, new GeoPoint(51.5, -0.12), new GeoPoint(55.95, -3.19) };
        var centre = centres[random.Next(centres.Length)];
        return new GeoPoint(centre.Latitude + ((random.NextDouble() - 0.5) * 0.6), centre.Longitude + ((random.NextDouble() - 0.5) * 0.9));
    }

    private static TestAsset RandomAsset(Random random, int i)
    {
        string[] names = ["Walking group", "Chess club", "Community garden", "Choir", "Money advice", "Cafe", "Gardening club", "Park walkers"];
        var asset = TestAsset.Named(names[random.Next(names.Length)] + (random.Next(3) == 0 ? $" {i % 7}" : string.Empty))
            .Describe(random.Next(2) == 0 ? "Friendly and free, every Tuesday." : "Come along to the cafe for a chat and a walk.")
            .OfKind((AssetKind)random.Next(5));
        var point = RandomPoint(random);
        switch (random.Next(10))
        {
            case 0:
                asset.Online();
                break;
            case 1:
                asset.Online().Serves(WholeUk);
                break;
            case 2:
                asset.At(point.Latitude, point.Longitude).Serves(County);
                break;
            case 3:
                asset.At(point.Latitude, point.Longitude).Serves(point, 2000 + random.Next(8000));
                break;
            case 4:
                asset.At(point.Latitude, point.Longitude).At(point.Latitude + 0.2, point.Longitude - 0.3);
                break;
            case 5:
                asset.At(point.Latitude, point.Longitude, features: AccessibilityFeature.StepFreeAccess);
                break;
            default:
                asset.At(point.Latitude, point.Longitude);
                break;
        }

        if (random.Next(8) == 0)
        {
            asset.Claimed();
        }

        if (random.Next(8) == 0)
        {
            asset.Overdue(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        asset.Tagged(Terms[random.Next(Terms.Length)]).Costs(random.Next(3) == 0 ? 2m : 0m)
            .Runs("WEEKLY", new[] { "MO", "TU", "WE", "TH", "FR", "SA", "SU" }[random.Next(7)], new TimeOnly(9 + random.Next(8), 0), new TimeOnly(18, 0))
            .Verified(random.Next(3) == 0 ? null : TestAsset.Today.AddDays(-random.Next(700)));
        return asset;
    }
}
