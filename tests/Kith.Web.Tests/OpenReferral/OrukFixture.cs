using System.Net;
using System.Text.Json;
using Kith.Web.Tests.PublicDirectory;

namespace Kith.Web.Tests.OpenReferral;

/// <summary>One app with the demo area seeded and indexed, shared by every Open Referral test class.</summary>
[CollectionDefinition(Name)]
public sealed class OrukCollection : ICollectionFixture<DemoAreaWebFactory>
{
    public const string Name = "Open Referral API on the demo area";
}

internal static class OrukHttp
{
    /// <summary>GETs a JSON document, failing with the body when the status is not 200.</summary>
    public static async Task<JsonDocument> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {body}");
        Assert.Equal("*", response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) ? origin.Single() : null);
        return JsonDocument.Parse(body);
    }

    /// <summary>Every property, at any depth, that is null, an empty string, an empty array or an empty object.</summary>
    public static IEnumerable<string> EmptyFields(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (!element.EnumerateObject().Any())
                {
                    yield return path;
                }

                foreach (var property in element.EnumerateObject())
                {
                    foreach (var empty in EmptyFields(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return empty;
                    }
                }

                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() == 0)
                {
                    yield return path;
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var empty in EmptyFields(item, $"{path}[{i++}]"))
                    {
                        yield return empty;
                    }
                }

                break;
            case JsonValueKind.Null:
                yield return path;
                break;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(element.GetString()):
                yield return path;
                break;
        }
    }
}
