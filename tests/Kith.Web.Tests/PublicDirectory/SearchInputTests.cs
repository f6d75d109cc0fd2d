using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.PublicDirectory;

/// <summary>Bad search input on the results page and the API: a clear message and a 400, never a 500.</summary>
public class SearchInputTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    public static TheoryData<string, string, string> BadInput => new()
    {
        { "q=" + new string('a', 2000), "q", "Search terms must be 200 characters or fewer" },
        { "postcode=NOT+A+POSTCODE%21", "postcode", "Enter a full postcode, like AV1 2AB, or a postcode district, like AV1" },
        { "postcode=ZZ9+9ZZ", "postcode", "We could not find ZZ9 9ZZ" },
        { "lat=53.7&lon=-2.2&radius=-5", "radius", "Radius must be between 1 and 200 kilometres" },
        { "lat=53.7&lon=-2.2&radius=1000000000", "radius", "Radius must be between 1 and 200 kilometres" },
        { "lat=53.7&lon=-2.2&radius=far", "radius", "Radius must be a number of kilometres" },
        { "lat=91&lon=0", "lat", "Latitude must be a number between -90 and 90" },
        { "lat=53.7", "lon", "Give both latitude and longitude, or neither" },
        { "kind=shop", "kind", "Kind must be one of: association, institution, physical, economic, cultural" },
        { "what=no-such-term", "what", "We do not know the activity" },
        { "age=200", "age", "Age must be a whole number between 0 and 120" },
        { "access=ramp", "access", "Accessibility feature must be one of: step-free-access" },
        { "free=maybe", "free", "Free must be true or false" },
        { "day=someday", "day", "Day must be a day of the week" },
        { "time=10:00", "day", "Choose a day to go with the time" },
        { "day=monday&time=25:99", "time", "Enter a time in 24-hour format" },
        { "mode=by-post", "mode", "Mode must be in-person or online" },
        { "page=0", "page", "Page must be a whole number, 1 or more" },
        { "per_page=1000", "per_page", "Results per page must be between 1 and 100" },
        { "page=1&page=2", "page", "Give page only once" },
        { "postcode=AV1&Postcode=AV2", "postcode", "Give postcode only once" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task The_results_page_shows_an_error_summary_with_a_400_and_keeps_what_was_typed(string query, string parameter, string message)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/assets?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var summary = document.QuerySelector(".nhsuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        if (parameter == "q")
        {
            Assert.Equal(new string('a', 2000), document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Q]")?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task The_api_answers_a_validation_problem_naming_the_parameter(string query, string parameter, string message)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assets?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_api_parameter_is_a_400_that_names_it_and_lists_the_known_ones()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/assets?q=walk&colour=blue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = json.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("'colour'", detail, StringComparison.Ordinal);
        Assert.Contains("postcode", detail, StringComparison.Ordinal);
        Assert.Equal(["colour"], json.RootElement.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%27%3B+DROP+TABLE+x%3B+--")]
    [InlineData("q=%25%5F%5C%2A%28%29%5B%5D%7B0%7D%7B%7D")]
    [InlineData("q=%3Cscript%3E")]
    [InlineData("lat=53.7&lon=-2.2&radius=200")]
    [InlineData("page=999999")]
    [InlineData("q=walk&LAT=53.7&Lon=-2.2&KIND=association")]
    public async Task Odd_but_usable_searches_are_answered_not_refused(string query)
    {
        using var client = factory.CreateClient();

        var page = await client.GetAsync($"/assets?{query}");
        var api = await client.GetAsync($"/api/v1/assets?{query}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task A_radius_without_a_postcode_or_location_says_it_was_not_used()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/assets?radius=5");
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/assets?radius=5"));

        const string note = "A radius only works with a postcode or your location, so these results are from any distance. Enter a postcode to search nearby";
        Assert.Contains(note, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal([note], json.RootElement.GetProperty("notes").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync("/api/v1/assets?radius=5&lat=53.7&lon=-2.2")).RootElement.GetProperty("notes").EnumerateArray());
    }

    [Theory]
    [InlineData("q=walk", false)]
    [InlineData("q=walk&postcode=AV1&radius=5", false)]
    [InlineData("kind=association", true)]
    [InlineData("free=true", true)]
    [InlineData("day=tuesday", true)]
    [InlineData("age=abc", true)]
    public async Task More_filters_starts_open_when_a_filter_in_it_is_set_or_wrong(string query, bool open)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/assets?{query}");

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var details = document.QuerySelector("details.nhsuk-details");
        Assert.NotNull(details);
        Assert.Equal(open, details.HasAttribute("open"));
    }

    [Fact]
    public async Task Search_terms_are_shown_back_encoded()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/assets?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_in_the_page_keeps_the_error_summary_linked_to_the_field()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/assets?lat=53.7&lon=-2.2&radius=-5");

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var link = document.QuerySelector(".nhsuk-error-summary a");
        Assert.Equal("#Radius", link?.GetAttribute("href"));
        Assert.Equal("-5", document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Radius")?.Value);
    }
}
