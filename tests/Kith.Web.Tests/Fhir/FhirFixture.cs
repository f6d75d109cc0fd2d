using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kith.Core.Connections.Referrals;
using Kith.Core.Directory;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Fhir;

/// <summary>One app with a team, two referrer clients and a community asset, shared by the FHIR tests (each uses its own people).</summary>
public sealed class FhirFixture : IAsyncLifetime
{
    public KithWebFactory Factory { get; } = new();

    public Guid TeamId { get; private set; }

    public IssuedClient Surgery { get; private set; } = null!;

    public IssuedClient OtherSurgery { get; private set; } = null!;

    public Guid AssetId { get; private set; }

    public const string SurgeryName = "Riverside Surgery";

    public async Task InitializeAsync()
    {
        TeamId = await Factory.CreateTeamAsync("Link workers");
        await using var scope = Factory.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ReferrerClientService>();
        Surgery = await clients.IssueAsync(SurgeryName, TeamId, ProcessContext.System("test"));
        OtherSurgery = await clients.IssueAsync("Hillside Surgery", TeamId, ProcessContext.System("test"));
        AssetId = await Factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var asset = new CommunityAsset { Name = "Riverside Community Garden", Organization = new Organization { Name = "Garden group" }, CreatedAt = now, LastModified = now };
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client carrying a fresh bearer token for <paramref name="issued"/> (the surgery by default).</summary>
    public async Task<HttpClient> ClientAsync(IssuedClient? issued = null)
    {
        var client = Factory.CreateClient();
        var token = await TokenAsync(client, issued ?? Surgery);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, IssuedClient issued)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = issued.ClientKey,
            ["client_secret"] = issued.Secret,
        });
        var response = await client.PostAsync(new Uri("/fhir/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A valid referral ServiceRequest; change it with <paramref name="change"/>.</summary>
    public static JsonObject ServiceRequest(string identifier, string name, string birthDate, string? nhsNumber = null, Action<JsonObject>? change = null)
    {
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = "patient",
            ["name"] = new JsonArray(new JsonObject { ["use"] = "official", ["text"] = name }),
            ["birthDate"] = birthDate,
            ["address"] = new JsonArray(new JsonObject { ["postalCode"] = "AV1 2AB" }),
            ["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = "07700 900123" }),
        };
        if (nhsNumber is not null)
        {
            patient["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = nhsNumber });
        }

        var request = new JsonObject
        {
            ["resourceType"] = "ServiceRequest",
            ["contained"] = new JsonArray(patient),
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://riverside-surgery.example/referrals", ["value"] = identifier }),
            ["status"] = "active",
            ["intent"] = "order",
            ["category"] = new JsonArray(new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "871731000000106", ["display"] = "Referral to social prescribing service" }),
            }),
            ["subject"] = new JsonObject { ["reference"] = "#patient" },
            ["requester"] = new JsonObject { ["display"] = "Dr A Patel" },
            ["note"] = new JsonArray(new JsonObject { ["text"] = "Lonely since moving; likes gardening." }),
        };
        change?.Invoke(request);
        return request;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body) => PostTextAsync(client, body.ToJsonString());

    public static async Task<HttpResponseMessage> PostTextAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return await client.PostAsync(new Uri("/fhir/ServiceRequest", UriKind.Relative), content);
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A valid NHS number, different each call: nine random digits and their modulus 11 check digit.</summary>
    public static string NewNhsNumber()
    {
        while (true)
        {
            var digits = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check != 10)
            {
                return digits + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>A name no other test uses.</summary>
    public static string NewName(string first = "Sam") => $"{first} {Guid.NewGuid():N}"[..20];
}
