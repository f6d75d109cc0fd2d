using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.PublicDirectory;

/// <summary>The results page, the asset page and the asset JSON, over assets this test adds and indexes itself.</summary>
public class PublicPagesTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    private const double HereLatitude = 53.7004;
    private const double HereLongitude = -2.2003;

    [Fact]
    public async Task Results_show_distance_reasons_and_link_to_the_asset()
    {
        var asset = await AddAssetAsync("Riverside strollers", a => a.Description = "A gentle riverside walk for all.");
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/assets?q=riverside+strollers&lat={HereLatitude}&lon={HereLongitude}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var result = Assert.Single(document.QuerySelectorAll(".kith-result"), r => r.QuerySelector("a")?.GetAttribute("href") == $"/assets/{asset.Id}");
        Assert.Matches(@"\d+ m away|\d+\.\d km away", result.QuerySelector(".kith-result__where")!.TextContent);
        Assert.NotEmpty(result.QuerySelectorAll(".kith-result__reasons li"));
        Assert.Contains("Last checked", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("Free", result.TextContent, StringComparison.Ordinal);
        Assert.NotNull(result.GetAttribute("data-lat"));
    }

    [Fact]
    public async Task A_page_past_the_end_is_not_an_error_and_links_to_the_last_page()
    {
        await AddAssetAsync("Pastpage knitting circle");
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/assets?q=pastpage&page=50");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There are no more results", html, StringComparison.Ordinal);
        Assert.Contains("page=1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_asset_page_shows_opening_times_in_words_and_how_to_get_involved()
    {
        var asset = await AddAssetAsync("Tuesday allotment club");
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/assets/{asset.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var text = document.Body!.TextContent;
        var inWords = OpeningTimes.Describe(asset.Schedules[0]);
        Assert.Contains("Tuesday", inWords, StringComparison.Ordinal);
        Assert.Contains(inWords, text, StringComparison.Ordinal);
        Assert.Contains("Come along to the gate at ten.", text, StringComparison.Ordinal);
        Assert.Contains("Just turn up or get in touch directly", text, StringComparison.Ordinal);
        Assert.Contains("Step-free access", text, StringComparison.Ordinal);
        Assert.Contains("1 Mill Lane, Avonbury, AV1 2AB", text, StringComparison.Ordinal);
        Assert.Contains("Last checked", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_not_checked_for_over_a_year_say_they_may_be_out_of_date()
    {
        var asset = await AddAssetAsync("Old news reading group", a => a.LastVerifiedOn = new DateOnly(2020, 1, 6));
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/assets/{asset.Id}");

        Assert.Contains("These details may be out of date", html, StringComparison.Ordinal);
        Assert.Contains("6 January 2020", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_asset_is_a_404_saying_it_is_no_longer_listed_on_the_page_and_in_the_api()
    {
        var asset = await AddAssetAsync("Closed chess club", a => a.ArchivedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var client = factory.CreateClient();

        var page = await client.GetAsync($"/assets/{asset.Id}");
        var api = await client.GetAsync($"/api/v1/assets/{asset.Id}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("is no longer listed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task The_api_gives_search_results_and_the_full_asset()
    {
        var asset = await AddAssetAsync("Apiville cycling club");
        using var client = factory.CreateClient();

        using var search = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/assets?q=apiville&lat={HereLatitude}&lon={HereLongitude}"));
        var hit = Assert.Single(search.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(asset.Id, hit.GetProperty("id").GetGuid());
        Assert.True(hit.GetProperty("distanceMetres").GetDouble() >= 0);
        Assert.NotEmpty(hit.GetProperty("reasons").EnumerateArray());

        using var full = JsonDocument.Parse(await client.GetStringAsync(hit.GetProperty("href").GetString()));
        Assert.Equal("Apiville cycling club", full.RootElement.GetProperty("name").GetString());
        var location = full.RootElement.GetProperty("serviceAtLocations")[0].GetProperty("location");
        Assert.Equal("AV1 2AB", location.GetProperty("addresses")[0].GetProperty("postalCode").GetString());
        Assert.Equal("step-free-access", location.GetProperty("accessibility")[0].GetProperty("feature").GetString());
        Assert.Equal(OpeningTimes.Describe(asset.Schedules[0]), full.RootElement.GetProperty("schedules")[0].GetProperty("inWords").GetString());
    }

    /// <summary>Adds an active asset about 100 m from "here", meeting on Tuesday mornings, and puts it in the search index.</summary>
    private async Task<CommunityAsset> AddAssetAsync(string name, Action<CommunityAsset>? configure = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        db.Actor = ProcessContext.System("test");
        var organization = new Organization { Name = $"{name} committee" };
        var location = new Location { Name = "Mill Lane allotments", Latitude = HereLatitude + 0.001, Longitude = HereLongitude };
        location.Addresses.Add(new Address { Address1 = "1 Mill Lane", City = "Avonbury", StateProvince = "Avonshire", PostalCode = "AV1 2AB" });
        location.Accessibility.Add(new Accessibility { Feature = AccessibilityFeature.StepFreeAccess });
        var asset = new CommunityAsset
        {
            Name = name,
            Organization = organization,
            Kind = AssetKind.Association,
            HowToGetInvolved = "Come along to the gate at ten.",
            LastVerifiedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)),
        };
        asset.ServiceAtLocations.Add(new ServiceAtLocation { Location = location });
        asset.Schedules.Add(new Schedule { Freq = "WEEKLY", ByDay = "TU", OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(12, 0) });
        configure?.Invoke(asset);
        db.CommunityAssets.Add(asset);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AssetSearchIndex>().RefreshAsync(db, asset.Id, CancellationToken.None);
        return asset;
    }
}
