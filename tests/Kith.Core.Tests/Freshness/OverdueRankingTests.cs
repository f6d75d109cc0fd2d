using Kith.Core.Directory.Search;
using Kith.Core.Tests.Search;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Freshness;

/// <summary>A listing whose review is overdue sinks: its score is multiplied by 0.3 and, with no text, it comes after the rest.</summary>
public class OverdueRankingTests
{
    private static readonly DateTime Overdue = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AssetSearchIndex Index(params TestAsset[] assets)
    {
        var index = new AssetSearchIndex(new FakeTimeProvider(new DateTimeOffset(TestAsset.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
        index.Replace(assets.Select(a => a.ToCommunityAsset()), []);
        return index;
    }

    private static TestAsset OverdueAsset(TestAsset asset)
    {
        asset.ToCommunityAsset().ReviewOverdueSince = Overdue;
        return asset;
    }

    [Fact]
    public void With_text_an_overdue_listing_scores_three_tenths_of_an_equal_one()
    {
        var index = Index(
            OverdueAsset(TestAsset.Named("Riverside walk A").Describe("Gentle walk.")),
            TestAsset.Named("Riverside walk B").Describe("Gentle walk."));

        var hits = index.Search(new AssetSearchCriteria { Text = "riverside walk" }).Hits;

        Assert.Equal(["Riverside walk B", "Riverside walk A"], hits.Select(h => h.Name));
        Assert.Equal(hits[0].Score * AssetSearchIndex.OverduePenalty, hits[1].Score, 5);
        Assert.Equal(Overdue, hits[1].ReviewOverdueSince);
        Assert.Null(hits[0].ReviewOverdueSince);
    }

    [Fact]
    public void Without_text_overdue_listings_come_after_the_rest_nearest_first_within_each()
    {
        var index = Index(
            OverdueAsset(TestAsset.Named("Nearest but overdue").NorthOfCentre(0.5)),
            TestAsset.Named("Middle").NorthOfCentre(2),
            OverdueAsset(TestAsset.Named("Far and overdue").NorthOfCentre(8)),
            TestAsset.Named("Far").NorthOfCentre(5));

        var near = index.Search(new AssetSearchCriteria { Near = TestAsset.Centre, RadiusKm = 20 }).Hits;
        var byName = index.Search(new AssetSearchCriteria()).Hits;

        Assert.Equal(["Middle", "Far", "Nearest but overdue", "Far and overdue"], near.Select(h => h.Name));
        Assert.Equal(["Far", "Middle", "Far and overdue", "Nearest but overdue"], byName.Select(h => h.Name));
    }

    [Fact]
    public void A_listing_edited_after_it_became_overdue_no_longer_sinks_even_before_the_sweep_clears_the_mark()
    {
        var edited = OverdueAsset(TestAsset.Named("Riverside walk A").Describe("Gentle walk.").Verified(TestAsset.Today));
        var index = Index(edited, TestAsset.Named("Riverside walk B").Describe("Gentle walk."));

        var hits = index.Search(new AssetSearchCriteria { Text = "riverside walk" }).Hits;

        Assert.Equal(["Riverside walk A", "Riverside walk B"], hits.Select(h => h.Name));
        Assert.All(hits, h => Assert.Null(h.ReviewOverdueSince));
    }
}
