using System.Text.Json;
using Kith.Core.Directory;
using Kith.Core.Directory.Demo;
using Kith.Web.Tests.PublicDirectory;

namespace Kith.Web.Tests.OpenReferral;

/// <summary>
/// Every list endpoint, with and without each filter, on its first, a middle and its last page: each
/// item against the UK profile's list schema, and the first item of each page, fetched by id, against
/// the full schema. No field is ever null or empty.
/// </summary>
[Collection(OrukCollection.Name)]
public class OrukSchemaValidationTests(DemoAreaWebFactory factory)
{
    /// <summary>Small pages, so the demo area spans several.</summary>
    private const int PerPage = 7;

    private static readonly string Walking = DemoTaxonomies.What("walking-groups").ToString();

    public static TheoryData<string, string> Filters() => new()
    {
        { "services", "" },
        { "services", "search=walk" },
        { "services", "search=walking+group" },
        { "services", "postcode=AV1+2AB" },
        { "services", "postcode=AV1+2AB&proximity=1500" },
        { "services", "postcode=AV1" },
        { "services", $"taxonomy_term_id={Walking}" },
        { "services", $"taxonomy_id={KithTaxonomies.What}" },
        { "services", $"taxonomy_id={KithTaxonomies.Who}" },
        { "services", "organization_id={organization}" },
        { "services", "modified_after=2026-01-01" },
        { "services", "minimum_age=16" },
        { "services", "maximum_age=18" },
        { "services", "day=TU" },
        { "services", "day=saturday" },
        { "services", "start_time=09:00" },
        { "services", "end_time=13:00" },
        { "services", "day=WE&start_time=10:00&end_time=17:00" },
        { "services", "minimal=true" },
        { "services", "full=true" },
        { "services", $"search=walk&postcode=AV1+2AB&taxonomy_term_id={Walking}&full=true" },
        { "service_at_locations", "" },
        { "service_at_locations", "search=walk" },
        { "service_at_locations", "postcode=AV1+2AB&proximity=3000" },
        { "service_at_locations", $"taxonomy_term_id={Walking}" },
        { "service_at_locations", $"taxonomy_id={KithTaxonomies.Who}" },
        { "service_at_locations", "organization_id={organization}" },
        { "service_at_locations", "modified_after=2026-01-01" },
        { "service_at_locations", "minimum_age=16" },
        { "service_at_locations", "maximum_age=18" },
        { "service_at_locations", "day=TH&start_time=09:00" },
        { "service_at_locations", "end_time=13:00" },
        { "service_at_locations", "full=true" },
        { "organizations", "" },
        { "organizations", "search=vale" },
        { "organizations", "modified_after=2026-01-01" },
        { "organizations", "full=true" },
        { "organizations", "full_service=true" },
        { "taxonomies", "" },
        { "taxonomy_terms", "" },
        { "taxonomy_terms", $"taxonomy_id={KithTaxonomies.What}" },
        { "taxonomy_terms", $"parent_id={DemoTaxonomies.What("physical-activity")}" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_page_of_every_list_matches_the_UK_schemas(string endpoint, string filter)
    {
        using var client = factory.CreateClient();
        filter = filter.Replace("{organization}", await SomeOrganizationIdAsync(client), StringComparison.Ordinal);
        var query = string.IsNullOrEmpty(filter) ? $"per_page={PerPage}" : $"{filter}&per_page={PerPage}";
        var (itemSchema, detailSchema) = OrukSchemas.For(endpoint);
        var full = filter.Contains("full=true", StringComparison.Ordinal) || filter.Contains("full_service=true", StringComparison.Ordinal);
        if (full)
        {
            itemSchema = detailSchema;
        }

        using var first = await client.GetJsonAsync($"/oruk/{endpoint}?{query}");
        var total = first.RootElement.GetProperty("total_items").GetInt32();
        var totalPages = first.RootElement.GetProperty("total_pages").GetInt32();
        Assert.True(total > 0, $"/oruk/{endpoint}?{filter} found nothing in the demo area, so it tests nothing.");
        Assert.Equal((total + PerPage - 1) / PerPage, totalPages);

        var seen = 0;
        foreach (var page in new[] { 1, (totalPages + 1) / 2, totalPages }.Distinct())
        {
            using var json = await client.GetJsonAsync($"/oruk/{endpoint}?{query}&page={page}");
            var root = json.RootElement;
            var contents = root.GetProperty("contents").EnumerateArray().ToList();
            Assert.Equal(page, root.GetProperty("page_number").GetInt32());
            Assert.Equal(contents.Count, root.GetProperty("size").GetInt32());
            Assert.Equal(page == totalPages ? total - ((totalPages - 1) * PerPage) : PerPage, contents.Count);
            Assert.Equal(page == 1, root.GetProperty("first_page").GetBoolean());
            Assert.Equal(page == totalPages, root.GetProperty("last_page").GetBoolean());
            Assert.False(root.GetProperty("empty").GetBoolean());
            Assert.Empty(OrukHttp.EmptyFields(root));
            foreach (var item in contents)
            {
                OrukSchemas.AssertValid(itemSchema, item, $"An item of page {page} of /oruk/{endpoint}?{filter}");
                seen++;
            }

            var id = contents[0].GetProperty("id").GetString();
            using var detail = await client.GetJsonAsync($"/oruk/{endpoint}/{id}");
            OrukSchemas.AssertValid(detailSchema, detail.RootElement, $"/oruk/{endpoint}/{id}");
            Assert.Empty(OrukHttp.EmptyFields(detail.RootElement));
        }

        Assert.True(seen > 0);
    }

    [Theory]
    [InlineData("services")]
    [InlineData("service_at_locations")]
    [InlineData("organizations")]
    public async Task A_filter_narrows_the_list(string endpoint)
    {
        using var client = factory.CreateClient();
        var filter = endpoint == "organizations" ? "search=vale" : $"taxonomy_term_id={Walking}";

        using var all = await client.GetJsonAsync($"/oruk/{endpoint}");
        using var some = await client.GetJsonAsync($"/oruk/{endpoint}?{filter}");

        var everything = all.RootElement.GetProperty("total_items").GetInt32();
        var filtered = some.RootElement.GetProperty("total_items").GetInt32();
        Assert.InRange(filtered, 1, everything - 1);
    }

    private static async Task<string> SomeOrganizationIdAsync(HttpClient client)
    {
        using var organizations = await client.GetJsonAsync("/oruk/organizations?per_page=1");
        return organizations.RootElement.GetProperty("contents")[0].GetProperty("id").GetString()!;
    }
}
