using System.Net;
using System.Text.Json;
using Kith.Core.Directory.Demo;
using Kith.Core.Directory.OpenReferral;
using Kith.Web.Tests.PublicDirectory;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.OpenReferral;

/// <summary>The rules of the profile besides the schemas: CORS, the root document, paging, ndjson, parameters, errors.</summary>
[Collection(OrukCollection.Name)]
public class OrukApiBehaviourTests(DemoAreaWebFactory factory)
{
    [Fact]
    public async Task The_root_names_the_version_the_profile_and_the_openapi_document()
    {
        using var client = factory.CreateClient();

        using var root = await client.GetJsonAsync("/oruk/");
        Assert.Equal("HSDS-UK-3.0", root.RootElement.GetProperty("version").GetString());
        Assert.True(Uri.IsWellFormedUriString(root.RootElement.GetProperty("profile").GetString(), UriKind.Absolute));
        var openApi = new Uri(root.RootElement.GetProperty("openapi_url").GetString()!);
        Assert.Equal("/oruk/openapi.json", openApi.AbsolutePath);

        using var document = await client.GetJsonAsync(openApi.AbsolutePath);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/services/{id}", out _));
    }

    [Theory]
    [InlineData("/oruk/services", HttpStatusCode.OK)]
    [InlineData("/oruk/taxonomies", HttpStatusCode.OK)]
    [InlineData("/oruk/services?per_page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/oruk/services/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/oruk/no-such-list", HttpStatusCode.NotFound)]
    public async Task Every_response_allows_any_origin(string url, HttpStatusCode status)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        if (status != HttpStatusCode.OK)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task A_preflight_request_is_allowed_without_signing_in()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/oruk/services");
        request.Headers.Add("Origin", "https://elsewhere.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_covers_every_service_once_and_a_page_past_the_end_is_empty()
    {
        using var client = factory.CreateClient();
        using var first = await client.GetJsonAsync("/oruk/services?per_page=40");
        var total = first.RootElement.GetProperty("total_items").GetInt32();
        var pages = first.RootElement.GetProperty("total_pages").GetInt32();
        Assert.Equal((total + 39) / 40, pages);

        var ids = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            using var json = await client.GetJsonAsync($"/oruk/services?per_page=40&page={page}");
            ids.AddRange(json.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        using var past = await client.GetJsonAsync($"/oruk/services?per_page=40&page={pages + 1}");
        Assert.True(past.RootElement.GetProperty("empty").GetBoolean());
        Assert.True(past.RootElement.GetProperty("last_page").GetBoolean());
        Assert.False(past.RootElement.GetProperty("first_page").GetBoolean());
        Assert.Equal(0, past.RootElement.GetProperty("size").GetInt32());
        Assert.Equal(total, past.RootElement.GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task Only_active_unarchived_services_are_published()
    {
        using var client = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Kith.Core.Data.KithDbContext>();
        var published = db.CommunityAssets.Count(a => a.Status == Kith.Core.Directory.AssetStatus.Active && a.ArchivedAt == null);
        var hidden = db.CommunityAssets.Where(a => a.Status != Kith.Core.Directory.AssetStatus.Active || a.ArchivedAt != null).Select(a => a.Id).First();

        using var all = await client.GetJsonAsync("/oruk/services?per_page=1");
        var response = await client.GetAsync(new Uri($"/oruk/services/{hidden}", UriKind.Relative));

        Assert.True(published < db.CommunityAssets.Count());
        Assert.Equal(published, all.RootElement.GetProperty("total_items").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_per_page_is_served_as_the_documented_maximum()
    {
        using var client = factory.CreateClient();

        using var json = await client.GetJsonAsync("/oruk/taxonomy_terms?per_page=100000");
        using var exact = await client.GetJsonAsync($"/oruk/taxonomy_terms?per_page={OrukParametersMax}");

        Assert.Equal(exact.RootElement.GetRawText(), json.RootElement.GetRawText());
        Assert.Equal(1, json.RootElement.GetProperty("total_pages").GetInt32());
    }

    private const int OrukParametersMax = Kith.Web.OpenReferral.OrukParameters.MaxPerPage;

    [Theory]
    [InlineData("/oruk/services?per_page=-1", "per_page")]
    [InlineData("/oruk/services?per_page=0", "per_page")]
    [InlineData("/oruk/services?per_page=ten", "per_page")]
    [InlineData("/oruk/services?page=abc", "page")]
    [InlineData("/oruk/services?page=0", "page")]
    [InlineData("/oruk/services?taxonomy_term_id=00000000-0000-0000-0000-000000000009", "taxonomy_term_id")]
    [InlineData("/oruk/services?taxonomy_term_id=walking", "taxonomy_term_id")]
    [InlineData("/oruk/services?taxonomy_id=00000000-0000-0000-0000-000000000009", "taxonomy_id")]
    [InlineData("/oruk/services?organization_id=00000000-0000-0000-0000-000000000009", "organization_id")]
    [InlineData("/oruk/services?postcode=not+a+postcode", "postcode")]
    [InlineData("/oruk/services?postcode=ZZ9+9ZZ", "postcode")]
    [InlineData("/oruk/services?proximity=2000", "proximity")]
    [InlineData("/oruk/services?postcode=AV1+2AB&proximity=near", "proximity")]
    [InlineData("/oruk/services?modified_after=yesterday", "modified_after")]
    [InlineData("/oruk/services?modified_after=2026-13-45", "modified_after")]
    [InlineData("/oruk/services?minimum_age=-3", "minimum_age")]
    [InlineData("/oruk/services?maximum_age=old", "maximum_age")]
    [InlineData("/oruk/services?day=funday", "day")]
    [InlineData("/oruk/services?start_time=25:00", "start_time")]
    [InlineData("/oruk/services?end_time=9am", "end_time")]
    [InlineData("/oruk/services?start_time=17:00&end_time=09:00", "end_time")]
    [InlineData("/oruk/services?minimal=maybe", "minimal")]
    [InlineData("/oruk/services?minimal=true&full=true", "minimal")]
    [InlineData("/oruk/services?format=xml", "format")]
    [InlineData("/oruk/services?colour=blue", "colour")]
    [InlineData("/oruk/services?page=1&page=2", "page")]
    [InlineData("/oruk/service_at_locations?per_page=-1", "per_page")]
    [InlineData("/oruk/service_at_locations?minimal=true", "minimal")]
    [InlineData("/oruk/organizations?page=abc", "page")]
    [InlineData("/oruk/organizations?taxonomy_id=x", "taxonomy_id")]
    [InlineData("/oruk/taxonomies?per_page=-1", "per_page")]
    [InlineData("/oruk/taxonomy_terms?taxonomy_id=00000000-0000-0000-0000-000000000009", "taxonomy_id")]
    [InlineData("/oruk/organizations/00000000-0000-0000-0000-000000000009?full_service=perhaps", "full_service")]
    public async Task A_bad_parameter_is_a_400_that_names_it_and_says_what_to_send(string url, string parameter)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString()!;
        Assert.Matches("(?i)give|remove|leave|check|ask", message);
    }

    [Theory]
    [InlineData("services")]
    [InlineData("service_at_locations")]
    [InlineData("organizations")]
    [InlineData("taxonomies")]
    [InlineData("taxonomy_terms")]
    public async Task An_unknown_or_malformed_id_is_a_404_problem(string endpoint)
    {
        using var client = factory.CreateClient();

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            var response = await client.GetAsync(new Uri($"/oruk/{endpoint}/{id}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        }
    }

    [Theory]
    [InlineData("services", "", OrukSchemas.ServiceList)]
    [InlineData("services", "full=true&", OrukSchemas.Service)]
    [InlineData("service_at_locations", "", OrukSchemas.ServiceAtLocationList)]
    [InlineData("organizations", "", OrukSchemas.OrganizationList)]
    [InlineData("taxonomy_terms", "", OrukSchemas.TaxonomyTerm)]
    public async Task Ndjson_streams_every_result_one_valid_object_a_line(string endpoint, string options, string schema)
    {
        using var client = factory.CreateClient();
        using var paged = await client.GetJsonAsync($"/oruk/{endpoint}?{options}per_page=1");

        var response = await client.GetAsync(new Uri($"/oruk/{endpoint}?{options}format=ndjson", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paged.RootElement.GetProperty("total_items").GetInt32(), lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            OrukSchemas.AssertValid(schema, json.RootElement, $"A line of /oruk/{endpoint}?{options}format=ndjson");
        }
    }

    [Fact]
    public async Task Minimal_gives_just_the_id_name_status_and_last_modified_and_full_nests_everything()
    {
        using var client = factory.CreateClient();

        using var minimal = await client.GetJsonAsync("/oruk/services?minimal=true&per_page=5");
        using var full = await client.GetJsonAsync("/oruk/services?full=true&per_page=50");

        foreach (var item in minimal.RootElement.GetProperty("contents").EnumerateArray())
        {
            Assert.Equal(["id", "name", "status", "last_modified"], item.EnumerateObject().Select(p => p.Name));
        }

        var services = full.RootElement.GetProperty("contents").EnumerateArray().ToList();
        Assert.Contains(services, s => s.TryGetProperty("service_at_locations", out var at) && at[0].TryGetProperty("location", out _));
        Assert.Contains(services, s => s.TryGetProperty("schedules", out _));
        Assert.All(services, s => Assert.True(s.TryGetProperty("attributes", out _)));
    }

    [Fact]
    public async Task A_service_carries_its_terms_kind_and_last_verification_in_their_HSDS_places()
    {
        using var client = factory.CreateClient();
        var walking = DemoTaxonomies.What("walking-groups").ToString();
        using var list = await client.GetJsonAsync($"/oruk/services?taxonomy_term_id={walking}&per_page=1");
        var id = list.RootElement.GetProperty("contents")[0].GetProperty("id").GetString();

        using var service = await client.GetJsonAsync($"/oruk/services/{id}");

        var attributes = service.RootElement.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Contains(attributes, a => a.GetProperty("taxonomy_term_id").GetString() == walking
            && a.GetProperty("taxonomy_term").GetProperty("name").GetString() == "Walking groups");
        Assert.Contains(attributes, a => a.GetProperty("taxonomy_term").GetProperty("taxonomy_id").GetString() == KithVocabularies.AssetKindTaxonomyId.ToString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", service.RootElement.GetProperty("assured_date").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", service.RootElement.GetProperty("last_modified").GetString()!);
        Assert.Equal("active", service.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Kiths_own_vocabularies_are_listed_and_filter_by_kind()
    {
        using var client = factory.CreateClient();
        var association = KithVocabularies.KindTerm(Kith.Core.Directory.AssetKind.Association).Id;

        using var taxonomy = await client.GetJsonAsync($"/oruk/taxonomies/{KithVocabularies.AssetKindTaxonomyId}");
        using var terms = await client.GetJsonAsync($"/oruk/taxonomy_terms?taxonomy_id={KithVocabularies.AssetKindTaxonomyId}");
        using var groups = await client.GetJsonAsync($"/oruk/services?taxonomy_term_id={association}&full=true&per_page=1000");

        Assert.Equal("Kith asset kind", taxonomy.RootElement.GetProperty("name").GetString());
        Assert.Equal(5, terms.RootElement.GetProperty("total_items").GetInt32());
        var services = groups.RootElement.GetProperty("contents").EnumerateArray().ToList();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Contains(s.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("taxonomy_term_id").GetString() == association.ToString()));
    }

    [Fact]
    public async Task Modified_after_keeps_only_services_changed_on_or_after_it()
    {
        using var client = factory.CreateClient();
        using var all = await client.GetJsonAsync("/oruk/services?minimal=true&per_page=1000");
        var modified = all.RootElement.GetProperty("contents").EnumerateArray()
            .Select(s => DateTime.Parse(s.GetProperty("last_modified").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .Order().ToList();
        var cut = modified[modified.Count / 2];

        using var after = await client.GetJsonAsync($"/oruk/services?minimal=true&per_page=1000&modified_after={cut:yyyy-MM-ddTHH:mm:ss.fffZ}");

        var kept = after.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("last_modified").GetString()!).ToList();
        Assert.Equal(modified.Count(m => m >= cut), kept.Count);
        Assert.All(kept, k => Assert.True(string.CompareOrdinal(k, $"{cut:yyyy-MM-ddTHH:mm:ss.fffZ}") >= 0));
    }

    [Fact]
    public async Task A_postcode_search_is_nearest_first_and_proximity_narrows_it()
    {
        using var client = factory.CreateClient();

        using var wide = await client.GetJsonAsync("/oruk/services?postcode=AV1+2AB&proximity=20000&per_page=1000");
        using var near = await client.GetJsonAsync("/oruk/services?postcode=AV1+2AB&proximity=800&per_page=1000");

        var wideCount = wide.RootElement.GetProperty("total_items").GetInt32();
        var nearCount = near.RootElement.GetProperty("total_items").GetInt32();
        Assert.InRange(nearCount, 1, wideCount - 1);
    }

    [Fact]
    public async Task The_same_request_gives_byte_identical_json()
    {
        using var client = factory.CreateClient();

        var first = await client.GetStringAsync(new Uri("/oruk/services?full=true&per_page=100", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/oruk/services?full=true&per_page=100", UriKind.Relative));

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_schemas_reject_a_service_without_a_status_or_with_a_bad_id()
    {
        using var missing = JsonDocument.Parse("""{"id":"6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001","name":"A walk"}""");
        using var badId = JsonDocument.Parse("""{"id":"walk-1","name":"A walk","status":"active"}""");
        using var badStatus = JsonDocument.Parse("""{"id":"6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001","name":"A walk","status":"open"}""");

        foreach (var instance in new[] { missing, badId, badStatus })
        {
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => OrukSchemas.AssertValid(OrukSchemas.Service, instance.RootElement, "a broken service"));
        }
    }
}
