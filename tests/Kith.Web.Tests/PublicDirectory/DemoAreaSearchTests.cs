using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.PublicDirectory;

/// <summary>The app as it starts for the first time: the demo area seeded and indexed.</summary>
public sealed class DemoAreaWebFactory : KithWebFactory
{
    public DemoAreaWebFactory()
    {
        SeedDemoArea = true;
    }
}

public class DemoAreaSearchTests(DemoAreaWebFactory factory) : IClassFixture<DemoAreaWebFactory>
{
    [Fact]
    public async Task A_postcode_search_lists_nearest_first_with_distances_and_reasons()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/assets?q=walk&postcode=AV1+2AB");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var results = document.QuerySelectorAll(".kith-result");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Matches(@"\d+ m away|\d+\.\d km away", r.QuerySelector(".kith-result__where")!.TextContent));
        Assert.All(results, r => Assert.NotEmpty(r.QuerySelectorAll(".kith-result__reasons li")));
        Assert.Contains("near AV1 2AB", document.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postcode_district_searches_from_its_centre_and_says_so()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/assets?postcode=av1");

        Assert.Contains("Showing results near the centre of AV1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_of_the_demo_results_links_to_the_last_page()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/assets?page=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var link = Assert.Single(document.QuerySelectorAll("a"), a => a.TextContent.Contains("last page", StringComparison.Ordinal));
        var last = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.DoesNotContain("There are no more results", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_asset_page_says_when_it_runs_in_words()
    {
        using var client = factory.CreateClient();
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/assets?q=walk&day=tuesday&per_page=1"));
        var hit = search.RootElement.GetProperty("results")[0];
        using var asset = JsonDocument.Parse(await client.GetStringAsync(hit.GetProperty("href").GetString()));
        var inWords = asset.RootElement.GetProperty("schedules").EnumerateArray().Select(s => s.GetProperty("inWords").GetString()).ToList();

        var document = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(hit.GetProperty("pageHref").GetString()));

        var when = document.QuerySelectorAll("h2").Single(h => h.TextContent == "When").NextElementSibling!;
        Assert.Equal(inWords, when.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains(inWords, w => w!.Contains("Tuesday", StringComparison.Ordinal));
        Assert.All(inWords, w => Assert.Matches(@"\d\d:\d\d to \d\d:\d\d", w));
    }
}
