using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kith.Core.Connections.Referrals;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Fhir;

/// <summary>Tokens issued and refused, and every bad ServiceRequest answered with a 400 OperationOutcome and nothing saved.</summary>
public sealed class FhirRefusalTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "unparseable JSON", "{\"resourceType\": \"ServiceRequest\", ", "not valid JSON" },
        { "not JSON at all", "referral for Sam please", "not valid JSON" },
        { "wrong resourceType", "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Sam\"}]}", "Send a ServiceRequest here; this body is a Patient" },
        { "unknown resourceType", "{\"resourceType\":\"Referral\"}", "not a valid FHIR R4 resource" },
        { "missing patient", Change(r => { r.Remove("contained"); r.Remove("subject"); }), "Say who is referred" },
        { "subject pointing at nothing", Change(r => r["subject"] = new JsonObject { ["reference"] = "#someone-else" }), "Say who is referred" },
        { "another SNOMED code", Change(r => r["category"]![0]!["coding"]![0]!["code"] = "306206005"), "http://snomed.info/sct|306206005" },
        { "no code at all", Change(r => r.Remove("category")), "none was sent" },
        { "missing identifier", Change(r => r.Remove("identifier")), "Give the ServiceRequest an identifier" },
        { "identifier without a system", Change(r => r["identifier"] = new JsonArray(new JsonObject { ["value"] = "x1" })), "Give the ServiceRequest an identifier" },
        { "bad NHS number", Change(r => r["contained"]![0]!["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = "9434765918" })), "modulus 11" },
        { "missing birth date", Change(r => r["contained"]![0]!.AsObject().Remove("birthDate")), "birth date" },
        { "partial birth date", Change(r => r["contained"]![0]!["birthDate"] = "1950"), "birth date" },
        { "future birth date", Change(r => r["contained"]![0]!["birthDate"] = "2999-01-01"), "in the future" },
        { "missing name", Change(r => r["contained"]![0]!.AsObject().Remove("name")), "Give the Patient's name" },
        { "status not active", Change(r => r["status"] = "revoked"), "status 'active'" },
        { "a 20 000 character note", Change(r => r["note"] = new JsonArray(new JsonObject { ["text"] = new string('a', 20_000) })), "10,000 characters or fewer" },
        { "a 5 MB note", Change(r => r["note"] = new JsonArray(new JsonObject { ["text"] = new string('a', 5 * 1024 * 1024) })), "larger than 1 MB" },
        { "an empty body", string.Empty, "body is empty" },
        { "an element FHIR does not have", Change(r => r["colour"] = "blue"), "not a valid FHIR R4 resource" },
        { "a birth date that is no date", Change(r => r["contained"]![0]!["birthDate"] = "14/03/1950"), "birth date as YYYY-MM-DD" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_service_request_is_a_400_operation_outcome_that_says_what_to_fix_and_nothing_is_saved(string what, string body, string says)
    {
        using var client = await fixture.ClientAsync();
        var before = await CountsAsync();

        var response = await FhirFixture.PostTextAsync(client, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = await FhirFixture.ReadAsync(response);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.Equal("error", (string?)outcome["issue"]![0]!["severity"]);
        Assert.Contains(says, (string?)outcome["issue"]![0]!["diagnostics"], StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Credentials_in_the_form_or_by_basic_auth_get_a_bearer_token()
    {
        using var client = fixture.Factory.CreateClient();
        var formToken = await FhirFixture.TokenAsync(client, fixture.Surgery);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fixture.Surgery.ClientKey}:{fixture.Surgery.Secret}")));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(1800, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.NotEqual(formToken, json.RootElement.GetProperty("access_token").GetString());
        var stored = await fixture.Factory.WithDbAsync(db => db.ReferrerTokens.Select(t => t.TokenHash).ToListAsync());
        Assert.DoesNotContain(formToken, stored);
    }

    [Theory]
    [InlineData("client_credentials", "wrong-secret", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("password", null, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("client_credentials", "", HttpStatusCode.Unauthorized, "invalid_client")]
    public async Task Wrong_credentials_or_grant_get_no_token(string grant, string? secret, HttpStatusCode status, string error)
    {
        using var client = fixture.Factory.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            ["client_id"] = fixture.Surgery.ClientKey,
            ["client_secret"] = secret ?? fixture.Surgery.Secret,
        });

        var response = await client.PostAsync(new Uri("/fhir/token", UriKind.Relative), form);

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic a2l0aDpzZWNyZXQ=")]
    public async Task Every_fhir_endpoint_without_a_valid_token_is_a_401_operation_outcome(string? authorization)
    {
        using var client = fixture.Factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var path in new[] { "/fhir/Task", $"/fhir/Task/{Guid.NewGuid()}", $"/fhir/Patient/{Guid.NewGuid()}/$everything", "/fhir/Observation" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
            Assert.Equal("OperationOutcome", (string?)(await FhirFixture.ReadAsync(response))["resourceType"]);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        var posted = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest("no-token", "Sam Smith", "1950-01-01"));
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.IdentifierValue == "no-token")));
    }

    [Fact]
    public async Task Revoking_a_client_stops_its_tokens_at_once_and_it_gets_no_more()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ReferrerClientService>();
        var issued = await clients.IssueAsync("Short-lived Surgery", fixture.TeamId, ProcessContext.System("test"));
        using var client = await fixture.ClientAsync(issued);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/fhir/Task", UriKind.Relative))).StatusCode);

        Assert.True(await clients.RevokeAsync(issued.Id, ProcessContext.System("test")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/fhir/Task", UriKind.Relative))).StatusCode);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = issued.ClientKey, ["client_secret"] = issued.Secret });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/fhir/token", UriKind.Relative), form)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_fhir_path_is_a_404_operation_outcome()
    {
        using var client = await fixture.ClientAsync();

        var response = await client.GetAsync(new Uri("/fhir/Observation?patient=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("has no 'Observation'", (string?)(await FhirFixture.ReadAsync(response))["issue"]![0]!["diagnostics"], StringComparison.Ordinal);
    }

    private static string Change(Action<JsonObject> change) =>
        FhirFixture.ServiceRequest($"bad-{Guid.NewGuid():N}", "Sam Refused", "1950-01-01", null, change).ToJsonString();

    private Task<(int People, int Referrals, int Audit)> CountsAsync() =>
        fixture.Factory.WithDbAsync(async db => (await db.People.CountAsync(), await db.Referrals.CountAsync(), await db.AuditEvents.CountAsync()));
}
