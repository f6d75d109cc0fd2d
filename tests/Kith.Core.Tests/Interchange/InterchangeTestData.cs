using System.Text;
using System.Text.Json.Nodes;
using Kith.Core.Directory.Interchange;

namespace Kith.Core.Tests.Interchange;

/// <summary>Paths of the copied Open Referral examples, and small services made up for a test.</summary>
internal static class InterchangeTestData
{
    public static string Examples(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Interchange", "Examples", .. parts]);

    public static JsonObject Service(int n, string? name = null) => new()
    {
        ["id"] = $"svc-{n}",
        ["name"] = name ?? $"Walking group {n}",
        ["status"] = "active",
        ["description"] = $"A friendly walk, number {n}.",
        ["organization"] = new JsonObject { ["id"] = "org-1", ["name"] = "Friends of the Park" },
        ["phones"] = new JsonArray(new JsonObject { ["number"] = "01234 567890" }),
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["location"] = new JsonObject
            {
                ["id"] = $"loc-{n % 3}",
                ["name"] = $"Hall {n % 3}",
                ["latitude"] = 55.95,
                ["longitude"] = -3.19,
                ["addresses"] = new JsonArray(new JsonObject { ["address_1"] = "1 High Street", ["city"] = "Edinburgh", ["state_province"] = "Scotland", ["postal_code"] = "EH1 1AA", ["country"] = "GB" }),
            },
        }),
    };

    public static async IAsyncEnumerable<SourceItem> Ndjson(params string[] lines)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        await foreach (var item in OrukJsonSource.ReadNdjsonAsync(stream))
        {
            yield return item;
        }
    }
}
