using System.Net;
using System.Net.Http.Json;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.People.Records;

/// <summary>The caseload, adding a person, changing details, closing, break-glass and the people API.</summary>
public sealed class RecordsTests : IClassFixture<RecordsTests.Fixture>
{
    private readonly Fixture fixture;

    public RecordsTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_caseload_lists_only_my_teams_people()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);

        var html = await client.GetStringAsync("/people");

        Assert.Contains("Mine Example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs Example", html, StringComparison.Ordinal);
        var search = await client.GetStringAsync("/people?q=nobody-like-this");
        Assert.DoesNotContain("Mine Example", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_of_birth_in_the_future_is_refused_and_nothing_is_saved()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);
        var next = DateTime.UtcNow.AddYears(1);

        var response = await client.PostFormAsync("/people/new", new()
        {
            ["Input.Name"] = "Future Born",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "1",
            ["Input.DateOfBirth.Year"] = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PreferredContact"] = "NoPreference",
            ["TeamId"] = fixture.MyTeam.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Date of birth must be today or in the past", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "Future Born")));
    }

    [Fact]
    public async Task Adding_a_person_opens_their_record()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);

        var response = await client.PostFormAsync("/people/new", new()
        {
            ["Input.Name"] = "New Arrival",
            ["Input.Postcode"] = "av1  2ab",
            ["Input.PreferredContact"] = "TextMessage",
            ["TeamId"] = fixture.MyTeam.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await fixture.Factory.WithDbAsync(db => db.People.SingleAsync(p => p.Name == "New Arrival"));
        Assert.Equal($"/people/{person.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("AV1 2AB", person.Postcode);
    }

    [Fact]
    public async Task A_stale_edit_shows_both_versions_and_saves_nothing()
    {
        var id = await fixture.Factory.CreatePersonAsync(fixture.MyTeam, "Stale Example");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);
        var page = await client.GetStringAsync($"/people/{id}/details");
        await fixture.Factory.WithDbAsync(async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == id);
            p.PreferredName = "Theirs";
            p.Version++;
            return await db.SaveChangesAsync();
        });

        var response = await client.PostFormAsync($"/people/{id}/details", new()
        {
            ["Version"] = "1",
            ["Input.Name"] = "Stale Example",
            ["Input.PreferredName"] = "Mine",
            ["Input.PreferredContact"] = "NoPreference",
        }, page);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Theirs", html, StringComparison.Ordinal);
        Assert.Contains("Mine", html, StringComparison.Ordinal);
        Assert.Equal("Theirs", await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.PreferredName).SingleAsync()));
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_then_grants_access_audits_it_and_tells_the_manager()
    {
        var id = await fixture.Factory.CreatePersonAsync(fixture.OtherTeam, "Glass Example");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/{id}")).StatusCode);

        var empty = await client.PostFormAsync($"/people/{id}/break-glass", new() { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter why you need to see this record", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var granted = await client.PostFormAsync($"/people/{id}/break-glass", new() { ["Reason"] = "Safeguarding call from their GP out of hours" });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal($"/people/{id}", granted.RequestMessage!.RequestUri!.AbsolutePath);

        var audit = await fixture.Factory.AuditAboutAsync(id);
        Assert.Contains(audit, e => e.Action == PersonAuditActions.BreakGlass && e.UserId == fixture.Practitioner.Id && e.Reason!.Contains("Safeguarding", StringComparison.Ordinal));
        var mail = await fixture.Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == fixture.OtherManager.Email).ToListAsync());
        Assert.Contains(mail, m => m.Subject.Contains("Break-glass", StringComparison.Ordinal));

        using var manager = fixture.Factory.CreateClient();
        await manager.SignInAsync(fixture.OtherManager);
        Assert.Contains("Glass Example", await manager.GetStringAsync("/people/break-glass"), StringComparison.Ordinal);
        var accessId = await fixture.Factory.WithDbAsync(db => db.BreakGlassAccesses.Where(b => b.PersonId == id).Select(b => b.Id).SingleAsync());
        var review = await manager.GetStringAsync($"/people/break-glass?accessId={accessId}");
        var reviewed = await manager.PostFormAsync("/people/break-glass", new() { ["AccessId"] = accessId.ToString(), ["Note"] = "Agreed" }, review);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.NotNull(await fixture.Factory.WithDbAsync(db => db.BreakGlassAccesses.Where(b => b.Id == accessId).Select(b => b.ReviewedAt).SingleAsync()));
    }

    [Fact]
    public async Task Break_glass_is_refused_and_audited_for_someone_who_is_not_staff()
    {
        var id = await fixture.Factory.CreatePersonAsync(fixture.OtherTeam, "Editor Refused");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Editor);

        var response = await client.GetAsync($"/people/{id}/break-glass");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(id), e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.Editor.Id);
    }

    [Theory]
    [InlineData("details")]
    [InlineData("close")]
    [InlineData("reopen")]
    public async Task Another_teams_practitioner_is_refused_my_pages_and_it_is_audited(string part)
    {
        var id = await fixture.Factory.CreatePersonAsync(fixture.OtherTeam, "Not Mine");
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);

        var response = await client.GetAsync($"/people/{id}/{part}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(id), e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.Practitioner.Id);
    }

    [Fact]
    public async Task The_api_follows_the_same_rules()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Practitioner);
        var theirs = await fixture.Factory.CreatePersonAsync(fixture.OtherTeam, "Api Theirs");

        var list = await client.GetStringAsync("/api/people?status=all");
        Assert.Contains("Mine Example", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs Example", list, StringComparison.Ordinal);

        var refused = await client.GetAsync($"/api/people/{theirs}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(theirs), e => e.Action == PersonAuditActions.AccessRefused);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/people/{Guid.NewGuid()}")).StatusCode);

        var created = await client.PostAsJsonAsync("/api/people", new { name = "Api Person", teamId = fixture.MyTeam, dateOfBirth = "1980-03-27" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = person.GetProperty("id").GetGuid();

        var future = await client.PostAsJsonAsync("/api/people", new { name = "Api Future", teamId = fixture.MyTeam, dateOfBirth = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        var read = await client.GetAsync($"/api/people/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(await fixture.Factory.AuditAboutAsync(id), e => e.Action == "viewed");

        var ok = await client.PutAsJsonAsync($"/api/people/{id}", new { name = "Api Person", pronouns = "they/them", version = 1 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/people/{id}", new { name = "Api Person", pronouns = "she/her", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("they/them", await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Pronouns).SingleAsync()));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Practitioner { get; private set; } = null!;

        public TestUser OtherManager { get; private set; } = null!;

        public TestUser Editor { get; private set; } = null!;

        public Guid MyTeam { get; private set; }

        public Guid OtherTeam { get; private set; }

        public async Task InitializeAsync()
        {
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherManager = await Factory.CreateUserAsync(KithRoles.Manager);
            Editor = await Factory.CreateUserAsync(KithRoles.CommunityEditor, withTwoFactor: false);
            MyTeam = await Factory.CreateTeamAsync("Mine", false, Practitioner);
            OtherTeam = await Factory.CreateTeamAsync("Theirs", true, OtherManager);
            await Factory.CreatePersonAsync(MyTeam, "Mine Example");
            await Factory.CreatePersonAsync(OtherTeam, "Theirs Example");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
