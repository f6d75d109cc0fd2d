using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Search;

public class AssetSearchIndexTests
{
    private static readonly TaxonomyTerm Activity = new() { Name = "Physical activity", Description = "Moving more" };
    private static readonly TaxonomyTerm Walking = new() { Name = "Walking groups", Description = "Walks together", ParentId = Activity.Id };
    private static readonly TaxonomyTerm Singing = new() { Name = "Singing", Description = "Choirs" };
    private static readonly TaxonomyTerm OlderPeople = new() { Name = "Older people", Description = "Later life" };
    private static readonly TaxonomyTerm[] Terms = [Activity, Walking, Singing, OlderPeople];

    private const string SquareAroundCentre = """
        {"type":"Polygon","coordinates":[[[-1.60,53.75],[-1.50,53.75],[-1.50,53.85],[-1.60,53.85],[-1.60,53.75]]]}
        """;

    private static AssetSearchIndex Index(params TestAsset[] assets)
    {
        var index = new AssetSearchIndex(new FakeTimeProvider(new DateTimeOffset(TestAsset.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
        index.Replace(assets.Select(a => a.Asset), Terms);
        return index;
    }

    private static List<string> Names(AssetSearchResults results) => results.Hits.Select(h => h.Name).ToList();

    [Fact]
    public void A_match_in_the_name_beats_a_match_in_the_description()
    {
        var index = Index(
            TestAsset.Named("Tuesday coffee morning").Describe("A chat, then a short walk round the park for those who like."),
            TestAsset.Named("Riverside walk").Describe("An easy stroll for everyone."),
            TestAsset.Named("Knit and natter").Describe("Bring your needles."));

        var results = index.Search(new AssetSearchCriteria { Text = "walk" });

        Assert.Equal(["Riverside walk", "Tuesday coffee morning"], Names(results));
        Assert.Equal(2, results.Total);
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
        Assert.Contains("matches \"walk\" in the name", results.Hits[0].Reasons);
        Assert.Contains("matches \"walk\" in the description", results.Hits[1].Reasons);
    }

    [Fact]
    public void Words_match_whatever_their_ending_and_accents_and_the_last_word_matches_as_a_prefix()
    {
        var index = Index(
            TestAsset.Named("Walking football"),
            TestAsset.Named("Café conversations"),
            TestAsset.Named("Gardeners' club"));

        Assert.Equal(["Walking football"], Names(index.Search(new AssetSearchCriteria { Text = "walks" })));
        Assert.Equal(["Café conversations"], Names(index.Search(new AssetSearchCriteria { Text = "CAFE" })));
        Assert.Equal(["Gardeners' club"], Names(index.Search(new AssetSearchCriteria { Text = "gard" })));
        Assert.Equal(["Walking football"], Names(index.Search(new AssetSearchCriteria { Text = "football walki" })));
    }

    [Fact]
    public void Every_word_must_match_when_some_asset_has_them_all_otherwise_any_word_does()
    {
        var index = Index(
            TestAsset.Named("Walking group").Describe("A weekly group walk."),
            TestAsset.Named("Walking football"),
            TestAsset.Named("Craft group"));

        Assert.Equal(["Walking group"], Names(index.Search(new AssetSearchCriteria { Text = "walking group" })));
        var fallback = index.Search(new AssetSearchCriteria { Text = "walking choir" });
        Assert.Equal(2, fallback.Total);
    }

    [Fact]
    public void A_taxonomy_term_name_matches_and_is_given_as_the_reason()
    {
        var index = Index(TestAsset.Named("Tuesday Striders").Tagged(Walking), TestAsset.Named("Chapel choir").Tagged(Singing));

        var results = index.Search(new AssetSearchCriteria { Text = "walking" });

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Tuesday Striders", hit.Name);
        Assert.Contains("\"Walking groups\"", hit.Reasons);
    }

    [Fact]
    public void Results_near_a_point_come_nearest_first_and_the_radius_cuts_the_far_ones()
    {
        var index = Index(
            TestAsset.Named("Far group").NorthOfCentre(12),
            TestAsset.Named("Near group").NorthOfCentre(0.45),
            TestAsset.Named("Middle group").NorthOfCentre(3.2));

        var all = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre });
        Assert.Equal(["Near group", "Middle group", "Far group"], Names(all));
        Assert.Equal(450, all.Hits[0].DistanceMetres!.Value, 0);
        Assert.Contains("450 m away", all.Hits[0].Reasons);
        Assert.Contains("3.2 km away", all.Hits[1].Reasons);

        var within = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5 });
        Assert.Equal(["Near group", "Middle group"], Names(within));
    }

    [Fact]
    public void Distance_lowers_the_text_score()
    {
        var index = Index(TestAsset.Named("Walking group east").NorthOfCentre(20), TestAsset.Named("Walking group west").NorthOfCentre(1));

        var results = index.Search(new AssetSearchCriteria { Text = "walking group", Near = TestAsset.Centre });

        Assert.Equal(["Walking group west", "Walking group east"], Names(results));
    }

    [Fact]
    public void A_service_area_circle_or_polygon_covering_the_searcher_counts_as_within_the_radius()
    {
        var index = Index(
            TestAsset.Named("Home visits circle").NorthOfCentre(30).Serves(TestAsset.Centre, 3000),
            TestAsset.Named("Home visits ward").NorthOfCentre(30).Serves(SquareAroundCentre),
            TestAsset.Named("Elsewhere circle").NorthOfCentre(30).Serves(new GeoPoint(54.5, -1.55), 3000),
            TestAsset.Named("Elsewhere ward").NorthOfCentre(30).Serves("""{"type":"MultiPolygon","coordinates":[[[[0,51],[1,51],[1,52],[0,52],[0,51]]]]}"""));

        var results = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5 });

        Assert.Equal(["Home visits circle", "Home visits ward"], Names(results).Order(StringComparer.Ordinal));
        Assert.All(results.Hits, h => Assert.Contains("covers your area", h.Reasons));
    }

    [Fact]
    public void Coverage_lifts_a_result_above_an_equal_one_that_does_not_cover_the_searcher()
    {
        var index = Index(
            TestAsset.Named("Befriending A").NorthOfCentre(2),
            TestAsset.Named("Befriending B").NorthOfCentre(2).Serves(TestAsset.Centre, 5000));

        var results = index.Search(new AssetSearchCriteria { Text = "befriending", Near = TestAsset.Centre });

        Assert.Equal("Befriending B", results.Hits[0].Name);
    }

    [Fact]
    public void Of_two_assets_covering_the_searcher_the_nearer_comes_first_even_with_a_slightly_better_text_match()
    {
        // Town-wide groups all cover the searcher; the one meeting round the corner should not sit
        // below one across town because its description is a few words longer.
        var index = Index(
            TestAsset.Named("Brisk walk").Describe("A brisk walk.").NorthOfCentre(3.4).Serves(TestAsset.Centre, 10000),
            TestAsset.Named("Brisk walk too").Describe("A brisk walk with a cup of tea afterwards in the park cafe.").NorthOfCentre(0).Serves(TestAsset.Centre, 10000));

        var results = index.Search(new AssetSearchCriteria { Text = "brisk walk", Near = TestAsset.Centre });

        Assert.Equal(["Brisk walk too", "Brisk walk"], Names(results));
    }

    [Fact]
    public void A_polygon_hole_and_broken_geojson_do_not_cover_the_searcher()
    {
        const string withHole = """
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[
              [[-1.70,53.70],[-1.40,53.70],[-1.40,53.90],[-1.70,53.90],[-1.70,53.70]],
              [[-1.56,53.79],[-1.54,53.79],[-1.54,53.81],[-1.56,53.81],[-1.56,53.79]]]}}
            """;
        var index = Index(
            TestAsset.Named("Doughnut").NorthOfCentre(50).Serves(withHole),
            TestAsset.Named("Broken").NorthOfCentre(50).Serves("{\"type\":\"Polygon\",\"coordinates\":[[[1,2],"));

        Assert.Equal(0, index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5 }).Total);
        Assert.Equal(1, index.Search(new AssetSearchCriteria { Near = new GeoPoint(53.75, -1.65), RadiusKm = 5 }).Total);
    }

    [Fact]
    public void Kind_filter_keeps_only_the_chosen_kinds()
    {
        var index = Index(TestAsset.Named("Park").OfKind(AssetKind.Physical), TestAsset.Named("Choir").OfKind(AssetKind.Association));

        Assert.Equal(["Park"], Names(index.Search(new AssetSearchCriteria { Kinds = new HashSet<AssetKind> { AssetKind.Physical } })));
    }

    [Fact]
    public void What_filter_finds_assets_tagged_with_the_term_or_a_narrower_one()
    {
        var index = Index(TestAsset.Named("Striders").Tagged(Walking), TestAsset.Named("Choir").Tagged(Singing));

        var broad = index.Search(new AssetSearchCriteria { What = new HashSet<Guid> { Activity.Id } });

        var hit = Assert.Single(broad.Hits);
        Assert.Equal("Striders", hit.Name);
        Assert.Contains("\"Walking groups\"", hit.Reasons);
        Assert.Equal(["Choir"], Names(index.Search(new AssetSearchCriteria { What = new HashSet<Guid> { Singing.Id } })));
    }

    [Fact]
    public void Who_filter_keeps_assets_for_those_people()
    {
        var index = Index(TestAsset.Named("Silver singers").Tagged(OlderPeople), TestAsset.Named("Choir"));

        Assert.Equal(["Silver singers"], Names(index.Search(new AssetSearchCriteria { Who = new HashSet<Guid> { OlderPeople.Id } })));
    }

    [Fact]
    public void Age_filter_is_inclusive_at_both_ends_and_open_bounds_admit_everyone()
    {
        var index = Index(
            TestAsset.Named("Over fifties").Ages(50, null),
            TestAsset.Named("Youth club").Ages(11, 18),
            TestAsset.Named("All ages"));

        Assert.Equal(["All ages", "Over fifties"], Names(index.Search(new AssetSearchCriteria { Age = 50 })));
        Assert.Equal(["All ages", "Youth club"], Names(index.Search(new AssetSearchCriteria { Age = 18 })));
        Assert.Contains("for ages 50+", index.Search(new AssetSearchCriteria { Age = 70 }).Hits.Single(h => h.Name == "Over fifties").Reasons);
    }

    [Fact]
    public void Accessibility_filter_needs_every_feature_at_one_location()
    {
        var index = Index(
            TestAsset.Named("Both at one").NorthOfCentre(1, "Hall", AccessibilityFeature.StepFreeAccess, AccessibilityFeature.HearingLoop),
            TestAsset.Named("Split").NorthOfCentre(1, "Hall", AccessibilityFeature.StepFreeAccess).NorthOfCentre(2, "Annexe", AccessibilityFeature.HearingLoop),
            TestAsset.Named("Neither").NorthOfCentre(1));

        var results = index.Search(new AssetSearchCriteria { Accessibility = new HashSet<AccessibilityFeature> { AccessibilityFeature.StepFreeAccess, AccessibilityFeature.HearingLoop } });

        Assert.Equal(["Both at one"], Names(results));
        Assert.Contains("step-free access", results.Hits[0].Reasons);
        Assert.Contains("hearing loop", results.Hits[0].Reasons);
    }

    [Fact]
    public void Free_only_leaves_out_anything_that_charges()
    {
        var index = Index(TestAsset.Named("Paid yoga").Costs(5m), TestAsset.Named("Free yoga").Costs(0m), TestAsset.Named("Yoga no cost given"));

        var results = index.Search(new AssetSearchCriteria { FreeOnly = true });

        Assert.Equal(["Free yoga", "Yoga no cost given"], Names(results));
        Assert.All(results.Hits, h => Assert.Contains("free", h.Reasons));
    }

    [Fact]
    public void Open_at_matches_weekly_fortnightly_and_monthly_rules_on_their_weekday_and_checks_the_time()
    {
        var index = Index(
            TestAsset.Named("Weekly Tuesday").Runs("WEEKLY", "TU", new TimeOnly(10, 0), new TimeOnly(12, 0)),
            TestAsset.Named("Fortnightly Tuesday").Runs("WEEKLY", "TU", new TimeOnly(13, 0), new TimeOnly(15, 0), interval: 2),
            TestAsset.Named("First Tuesday").Runs("MONTHLY", "1TU", new TimeOnly(18, 30), new TimeOnly(20, 0)),
            TestAsset.Named("Wednesday").Runs("WEEKLY", "WE", new TimeOnly(10, 0), new TimeOnly(12, 0)),
            TestAsset.Named("No schedule"));

        var tuesday = index.Search(new AssetSearchCriteria { OpenAt = new OpenAt(DayOfWeek.Tuesday, null) });
        Assert.Equal(["First Tuesday", "Fortnightly Tuesday", "Weekly Tuesday"], Names(tuesday));
        Assert.Contains("open Tuesday", tuesday.Hits[0].Reasons);

        var morning = index.Search(new AssetSearchCriteria { OpenAt = new OpenAt(DayOfWeek.Tuesday, new TimeOnly(11, 59)) });
        Assert.Equal(["Weekly Tuesday"], Names(morning));
        Assert.Empty(index.Search(new AssetSearchCriteria { OpenAt = new OpenAt(DayOfWeek.Tuesday, new TimeOnly(12, 0)) }).Hits);
    }

    [Fact]
    public void Attendance_in_person_needs_a_place_and_online_needs_a_virtual_location_or_online_sessions()
    {
        var index = Index(
            TestAsset.Named("Hall group").NorthOfCentre(1),
            TestAsset.Named("Zoom group").Online(),
            TestAsset.Named("Hybrid group").NorthOfCentre(1).Runs("WEEKLY", "MO", attendingType: "online"));

        Assert.Equal(["Hall group", "Hybrid group"], Names(index.Search(new AssetSearchCriteria { Attendance = AttendanceMode.InPerson })));
        var online = index.Search(new AssetSearchCriteria { Attendance = AttendanceMode.Online });
        Assert.Equal(["Hybrid group", "Zoom group"], Names(online));
        Assert.All(online.Hits, h => Assert.True(h.IsOnline));
        Assert.All(online.Hits, h => Assert.Contains("online", h.Reasons));
    }

    [Fact]
    public void Online_only_assets_are_kept_inside_a_radius_search_only_when_online_was_asked_for()
    {
        var index = Index(TestAsset.Named("Zoom group").Online(), TestAsset.Named("Hall group").NorthOfCentre(1));

        Assert.Equal(["Hall group"], Names(index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5 })));
        Assert.Equal(["Zoom group"], Names(index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 5, Attendance = AttendanceMode.Online })));
    }

    [Fact]
    public void Archived_and_inactive_assets_are_left_out()
    {
        var index = Index(
            TestAsset.Named("Open group"),
            TestAsset.Named("Archived group").Archived(),
            TestAsset.Named("Closed group").WithStatus(AssetStatus.TemporarilyClosed));

        Assert.Equal(1, index.Count);
        Assert.Equal(["Open group"], Names(index.Search(new AssetSearchCriteria { Text = "group" })));
    }

    [Fact]
    public void Paging_splits_results_and_a_page_past_the_end_is_empty_with_the_right_total()
    {
        var index = Index(Enumerable.Range(1, 7).Select(i => TestAsset.Named($"Group {i:00}")).ToArray());

        var second = index.Search(new AssetSearchCriteria { Page = 2, PageSize = 3 });
        Assert.Equal(["Group 04", "Group 05", "Group 06"], Names(second));
        Assert.Equal(7, second.Total);
        Assert.Equal(3, second.PageCount);

        var past = index.Search(new AssetSearchCriteria { Page = 9, PageSize = 3 });
        Assert.Empty(past.Hits);
        Assert.Equal(7, past.Total);

        Assert.Equal(AssetSearchCriteria.MaxPageSize, index.Search(new AssetSearchCriteria { PageSize = 10_000 }).PageSize);
        Assert.Single(index.Search(new AssetSearchCriteria { PageSize = 0 }).Hits);
        Assert.Empty(index.Search(new AssetSearchCriteria { Page = int.MaxValue, PageSize = 100 }).Hits);
    }

    [Fact]
    public void Stale_listings_sink_below_fresh_ones_and_ties_fall_back_to_name()
    {
        var index = Index(
            TestAsset.Named("A walking group").Verified(TestAsset.Today.AddMonths(-13)),
            TestAsset.Named("B walking group").Verified(TestAsset.Today.AddMonths(-2)),
            TestAsset.Named("C walking group").Verified(TestAsset.Today.AddMonths(-3)));

        Assert.Equal(["B walking group", "C walking group", "A walking group"], Names(index.Search(new AssetSearchCriteria { Text = "walking group" })));
    }

    [Theory]
    [InlineData("'; DROP TABLE community_assets; --")]
    [InlineData("\" OR 1=1 /* */ % _ * ? \\ [a-z]+ (unclosed")]
    [InlineData("🙂🙂🙂 ∑∂ \u0000 \t\r\n")]
    [InlineData("")]
    [InlineData("   ")]
    public void Symbols_and_sql_fragments_are_searched_safely(string text)
    {
        var index = Index(TestAsset.Named("Walking group"), TestAsset.Named("Table tennis"));

        var results = index.Search(new AssetSearchCriteria { Text = text });

        Assert.True(results.Total <= 2);
    }

    [Fact]
    public void Very_long_text_is_searched_safely_and_quickly()
    {
        var index = Index(TestAsset.Named("Walking group"));
        var text = "walking " + string.Concat(Enumerable.Repeat("a1b2c3-é ", 250));

        var results = index.Search(new AssetSearchCriteria { Text = text[..2000] });

        Assert.Equal(["Walking group"], Names(results));
    }

    [Fact]
    public void Upsert_and_remove_change_what_is_found_at_once()
    {
        var index = Index(TestAsset.Named("Knit and natter"));
        var asset = TestAsset.Named("Chess club").Asset;

        index.Upsert(asset, Terms);
        Assert.Single(index.Search(new AssetSearchCriteria { Text = "chess" }).Hits);

        asset.Name = "Draughts club";
        index.Upsert(asset, Terms);
        Assert.Empty(index.Search(new AssetSearchCriteria { Text = "chess" }).Hits);
        Assert.Single(index.Search(new AssetSearchCriteria { Text = "draughts" }).Hits);
        Assert.Equal(2, index.Count);

        index.Remove(asset.Id);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void A_hit_carries_what_a_result_card_shows()
    {
        var asset = TestAsset.Named("Walking group").Describe("Gentle walks.").NorthOfCentre(1.234, "Roundhay Park").Costs(0m).Ages(50, null);
        var index = Index(asset);

        var hit = Assert.Single(index.Search(new AssetSearchCriteria { Text = "walk", Near = TestAsset.Centre, FreeOnly = true, Age = 60 }).Hits);

        Assert.Equal("Gentle walks.", hit.Summary);
        Assert.Equal("Riverside Trust", hit.OrganizationName);
        Assert.Equal("Roundhay Park", hit.PlaceName);
        Assert.True(hit.IsFree);
        Assert.Equal(["matches \"walk\" in the name", "1.2 km away", "free", "for ages 50+"], hit.Reasons);
    }

    [Fact]
    public void Searches_run_safely_while_the_index_is_being_changed()
    {
        var index = Index(Enumerable.Range(1, 50).Select(i => TestAsset.Named($"Walking group {i}").NorthOfCentre(i)).ToArray());
        var asset = TestAsset.Named("Walking group extra").Asset;

        Parallel.For(0, 200, i =>
        {
            if (i % 10 == 0)
            {
                index.Upsert(asset, Terms);
            }

            var results = index.Search(new AssetSearchCriteria { Text = "walking", Near = TestAsset.Centre });
            Assert.InRange(results.Total, 50, 51);
        });
    }

    [Fact]
    public void Edits_applied_one_at_a_time_give_the_same_results_as_a_fresh_build()
    {
        var random = new Random(7);
        string[] words = ["walking", "choir", "garden", "chess", "café", "yoga", "craft", "history"];
        TestAsset Make(int i) => TestAsset.Named($"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]} {i}")
            .Describe($"Friendly {words[random.Next(words.Length)]} sessions")
            .NorthOfCentre(random.NextDouble() * 20, null, random.Next(2) == 0 ? [AccessibilityFeature.StepFreeAccess] : [])
            .Runs("WEEKLY", random.Next(2) == 0 ? "TU" : "TH", new TimeOnly(10, 0), new TimeOnly(12, 0))
            .Costs(random.Next(2) == 0 ? 0m : 4m);

        var live = new Dictionary<Guid, CommunityAsset>();
        var incremental = Index();
        for (var step = 0; step < 200; step++)
        {
            var roll = random.Next(10);
            if (roll < 5 || live.Count == 0)
            {
                var asset = Make(step).Asset;
                live[asset.Id] = asset;
                incremental.Upsert(asset, Terms);
            }
            else if (roll < 8)
            {
                var id = live.Keys.ElementAt(random.Next(live.Count));
                var replacement = Make(step).Asset;
                replacement.Id = id;
                live[id] = replacement;
                incremental.Upsert(replacement, Terms);
            }
            else
            {
                var id = live.Keys.ElementAt(random.Next(live.Count));
                live.Remove(id);
                incremental.Remove(id);
            }
        }

        var fresh = Index();
        fresh.Replace(live.Values, Terms);

        Assert.Equal(fresh.Count, incremental.Count);
        AssetSearchCriteria[] searches =
        [
            new() { PageSize = 100 },
            new() { Text = "walking choir", PageSize = 100 },
            new() { Text = "gard", Near = TestAsset.Centre, RadiusKm = 8, PageSize = 100 },
            new() { Text = "cafe", FreeOnly = true, OpenAt = new OpenAt(DayOfWeek.Tuesday, null), PageSize = 100 },
            new() { Near = TestAsset.Centre, Accessibility = new HashSet<AccessibilityFeature> { AccessibilityFeature.StepFreeAccess }, PageSize = 100 },
        ];
        foreach (var criteria in searches)
        {
            var expected = fresh.Search(criteria);
            var actual = incremental.Search(criteria);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => (h.AssetId, h.Score)), actual.Hits.Select(h => (h.AssetId, h.Score)));
        }
    }

    [Theory]
    [InlineData(0.0, "0 m away")]
    [InlineData(454, "450 m away")]
    [InlineData(949, "950 m away")]
    [InlineData(1234, "1.2 km away")]
    [InlineData(12_960, "13.0 km away")]
    public void Distances_read_in_metres_under_a_kilometre_and_kilometres_with_one_decimal(double metres, string expected) =>
        Assert.Equal(expected, AssetSearchIndex.DescribeDistance(metres));
}
