using System.Net;
using AngleSharp.Html.Parser;
using Kith.Core.Connections;
using Kith.Core.Connections.Referrals;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Fhir;

/// <summary>Administrators issue and revoke FHIR clients, and check uncertain referrals and choose a group for the others.</summary>
public sealed class FhirAdminPagesTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task An_administrator_issues_a_client_sees_its_secret_once_and_the_secret_works_until_revoked()
    {
        var admin = await fixture.Factory.CreateUserAsync(KithRoles.Administrator);
        using var browser = fixture.Factory.CreateClient();
        await browser.SignInAsync(admin);

        var missing = await browser.PostFormAsync("/admin/fhir-clients?handler=Issue", new() { ["Input.Name"] = " ", ["Input.TeamId"] = string.Empty });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = Parser.ParseDocument(await missing.Content.ReadAsStringAsync()).QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.Contains("Enter the name of the organisation", errors, StringComparison.Ordinal);
        Assert.Contains("Select the team", errors, StringComparison.Ordinal);

        var issued = await browser.PostFormAsync("/admin/fhir-clients?handler=Issue", new() { ["Input.Name"] = "Meadow Practice", ["Input.TeamId"] = fixture.TeamId.ToString() });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var page = Parser.ParseDocument(await issued.Content.ReadAsStringAsync());
        var clientKey = page.QuerySelector("#issued-client-id")!.TextContent;
        var secret = page.QuerySelector("#issued-client-secret")!.TextContent;
        Assert.StartsWith("kith-", clientKey, StringComparison.Ordinal);
        var stored = await fixture.Factory.WithDbAsync(db => db.ReferrerClients.SingleAsync(c => c.ClientKey == clientKey));
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.DoesNotContain(secret, await browser.GetStringAsync("/admin/fhir-clients"), StringComparison.Ordinal);

        var credentials = new IssuedClient(stored.Id, clientKey, secret);
        using var api = fixture.Factory.CreateClient();
        Assert.False(string.IsNullOrEmpty(await FhirFixture.TokenAsync(api, credentials)));

        var list = await browser.GetStringAsync("/admin/fhir-clients");
        var revoked = await browser.PostFormAsync($"/admin/fhir-clients?handler=Revoke&id={stored.Id}", [], list);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Access is revoked for this system", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientKey, ["client_secret"] = secret });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync(new Uri("/fhir/token", UriKind.Relative), form)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_reach_the_fhir_pages()
    {
        var practitioner = await fixture.Factory.CreateUserAsync(KithRoles.Practitioner);
        using var browser = fixture.Factory.CreateClient();
        await browser.SignInAsync(practitioner);

        foreach (var path in new[] { "/admin/fhir-clients", "/admin/referrals" })
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("/account/access-denied", response.RequestMessage?.RequestUri?.AbsolutePath);
        }
    }

    [Fact]
    public async Task An_uncertain_referral_is_checked_on_its_page_then_connected_with_a_group_and_the_task_follows()
    {
        var name = FhirFixture.NewName("Ali");
        var existing = await fixture.Factory.CreatePersonAsync(fixture.TeamId, name, p =>
        {
            p.DateOfBirth = new DateOnly(1966, 6, 6);
            p.NhsNumber = FhirFixture.NewNhsNumber();
        });
        using var api = await fixture.ClientAsync();
        var task = await FhirFixture.ReadAsync(await FhirFixture.PostAsync(api, FhirFixture.ServiceRequest($"page-{name}", name, "1966-06-06", FhirFixture.NewNhsNumber())));
        var id = (string)task["id"]!;
        var admin = await fixture.Factory.CreateUserAsync(KithRoles.Administrator);
        using var browser = fixture.Factory.CreateClient();
        await browser.SignInAsync(admin);

        var list = await browser.GetStringAsync("/admin/referrals");
        Assert.Contains($"href=\"/admin/referrals/{id}\"", list, StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/admin/referrals/{id}");
        Assert.Contains("Same name and date of birth, but a different NHS number", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{existing}\"", page, StringComparison.Ordinal);

        var unchosen = await browser.PostFormAsync($"/admin/referrals/{id}?handler=Review", new() { ["Version"] = "1" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Contains("Select the record this referral is for", await unchosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmed = await browser.PostFormAsync($"/admin/referrals/{id}?handler=Review", new() { ["Version"] = "1", ["Choice"] = existing.ToString() }, page);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var referral = await fixture.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id)));
        Assert.Equal(existing, referral.PersonId);
        Assert.Equal(ReferralStage.AwaitingConnection, referral.Stage);

        // The matcher's suggestions come from the search index; choosing is the same form whatever it suggests.
        var connectPage = await confirmed.Content.ReadAsStringAsync();
        var noAsset = await browser.PostFormAsync($"/admin/referrals/{id}?handler=Connect", new() { ["Kind"] = "Introduction" }, connectPage.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? connectPage : null);
        Assert.Equal(HttpStatusCode.BadRequest, noAsset.StatusCode);
        var connected = await browser.PostFormAsync(
            $"/admin/referrals/{id}?handler=Connect", new() { ["AssetId"] = fixture.AssetId.ToString(), ["Kind"] = "SignpostOnly" }, await noAsset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        Assert.Contains("The connection is made", await connected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var connection = await fixture.Factory.WithDbAsync(db => db.Connections.AsNoTracking().SingleAsync(c => c.PersonId == existing));
        Assert.Equal(ConnectionKind.SignpostOnly, connection.Kind);
        var read = await FhirFixture.ReadAsync(await api.GetAsync(new Uri($"/fhir/Task/{id}", UriKind.Relative)));
        Assert.Equal("draft", (string?)read["status"]);
        Assert.Equal($"Patient/{existing}", (string?)read["for"]!["reference"]);
        Assert.DoesNotContain($"href=\"/admin/referrals/{id}\"", await browser.GetStringAsync("/admin/referrals"), StringComparison.Ordinal);
    }
}
