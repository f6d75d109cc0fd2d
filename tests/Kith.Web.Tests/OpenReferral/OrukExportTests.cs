using System.Text;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Directory.OpenReferral;
using Kith.Web.Tests.PublicDirectory;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.OpenReferral;

/// <summary>The ndjson export behind <c>kith export oruk</c>, on the demo area.</summary>
[Collection(OrukCollection.Name)]
public class OrukExportTests(DemoAreaWebFactory factory)
{
    [Fact]
    public async Task Every_line_is_a_full_service_that_matches_the_UK_schema_in_id_order()
    {
        var lines = await ExportAsync();
        using var client = factory.CreateClient();
        using var listed = await client.GetJsonAsync("/oruk/services?per_page=1");

        Assert.Equal(listed.RootElement.GetProperty("total_items").GetInt32(), lines.Count);
        var ids = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            OrukSchemas.AssertValid(OrukSchemas.Service, json.RootElement, "A line of the export");
            Assert.Empty(OrukHttp.EmptyFields(json.RootElement));
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains(lines, l => l.Contains("\"service_at_locations\":[", StringComparison.Ordinal) && l.Contains("\"schedules\":[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_is_the_same_bytes_as_the_service_from_the_api()
    {
        var lines = await ExportAsync();
        using var client = factory.CreateClient();
        var first = JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString();

        var fromApi = await client.GetStringAsync(new Uri($"/oruk/services/{first}", UriKind.Relative));

        Assert.Equal(lines[0], fromApi);
    }

    [Fact]
    public async Task Two_exports_of_the_same_data_are_byte_identical()
    {
        Assert.Equal(await ExportAsync(), await ExportAsync());
    }

    private async Task<List<string>> ExportAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        using var output = new MemoryStream();
        var count = await OrukExporter.ExportAsync(db, output, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n').ToList();
        Assert.Equal(string.Empty, lines[^1]);
        lines.RemoveAt(lines.Count - 1);
        Assert.Equal(count, lines.Count);
        return lines;
    }
}
