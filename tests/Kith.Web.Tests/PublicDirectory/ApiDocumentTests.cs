using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.PublicDirectory;

public class ApiDocumentTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_the_assets_api_and_its_parameters()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var search = json.RootElement.GetProperty("paths").GetProperty("/api/v1/assets").GetProperty("get");
        Assert.Equal("SearchAssets", search.GetProperty("operationId").GetString());
        var names = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("postcode", names);
        Assert.Contains("per_page", names);
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/assets/{id}", out _));
    }

    [Fact]
    public async Task The_api_page_lists_each_operation_with_its_parameters_and_responses()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var headings = document.QuerySelectorAll(".kith-api-operation h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("GET /api/v1/assets", headings);
        Assert.Contains("GET /api/v1/assets/{id}", headings);
        var text = document.Body!.TextContent;
        Assert.Contains("per_page", text, StringComparison.Ordinal);
        Assert.Contains("400", text, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script[src^=http]"));
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assets/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
