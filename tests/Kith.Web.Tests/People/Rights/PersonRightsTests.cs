using System.Net;
using Kith.Core.People;
using Kith.Core.People.Consents;
using Kith.Core.People.Erasure;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.People.Rights;

/// <summary>Consent, the subject-access export, erasure and retention, through the pages.</summary>
public sealed class PersonRightsTests : IClassFixture<PersonRightsTests.Fixture>
{
    private readonly Fixture fixture;

    public PersonRightsTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Staff_record_consent_and_the_person_withdraws_it_at_once()
    {
        var f = fixture.Factory;
        using var staff = f.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);

        var empty = await staff.PostFormAsync($"/people/{fixture.PersonId}/consent", new() { ["Scope"] = "NamedOrganisation" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Choose how they agreed", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the name of the organisation", emptyHtml, StringComparison.Ordinal);

        var recorded = await staff.PostFormAsync($"/people/{fixture.PersonId}/consent", new()
        {
            ["Scope"] = "CommunityAssets", ["How"] = "Verbally", ["AgreedOn.Day"] = "1", ["AgreedOn.Month"] = "12", ["AgreedOn.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains("Consent recorded", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await HasConsentAsync(fixture.PersonId, ConsentScope.CommunityAssets));
        var consentId = await f.WithDbAsync(db => db.Consents.Where(c => c.PersonId == fixture.PersonId && c.WithdrawnAt == null).Select(c => c.Id).FirstAsync());

        using var person = f.CreateClient();
        await person.SignInAsync(fixture.PersonUser);
        var mine = await person.GetStringAsync("/my/consent");
        Assert.Contains("Community groups and services we introduce you to", mine, StringComparison.Ordinal);
        var withdrawn = await person.PostFormAsync("/my/consent?handler=Withdraw", new() { ["ConsentId"] = consentId.ToString(), ["Note"] = "Not now" }, mine);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False(await HasConsentAsync(fixture.PersonId, ConsentScope.CommunityAssets));
    }

    [Fact]
    public async Task A_person_cannot_withdraw_someone_elses_consent()
    {
        var f = fixture.Factory;
        var other = await f.CreatePersonAsync(fixture.TeamId, "Olly Other");
        var consentId = await f.WithDbAsync(async db =>
        {
            db.Actor = Kith.Core.Platform.Audit.ProcessContext.System("test");
            var c = new Consent { PersonId = other, Scope = ConsentScope.Team, AgreedOn = new DateOnly(2026, 11, 1), RecordedByName = "Sam" };
            db.Consents.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        using var person = f.CreateClient();
        await person.SignInAsync(fixture.PersonUser);

        var page = await person.GetStringAsync("/my/consent");
        Assert.DoesNotContain(consentId.ToString(), page, StringComparison.Ordinal);
        var response = await person.PostFormAsync("/my/consent?handler=Withdraw", new() { ["ConsentId"] = consentId.ToString() }, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await HasConsentAsync(other, ConsentScope.Team));
    }

    [Fact]
    public async Task Staff_and_the_person_download_the_export_and_each_download_is_audited()
    {
        var f = fixture.Factory;
        using var staff = f.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);

        var page = await staff.GetStringAsync($"/people/{fixture.PersonId}/export");
        Assert.Contains("?format=json", page, StringComparison.Ordinal);
        var json = await staff.GetAsync($"/people/{fixture.PersonId}/export?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Robin Example", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var person = f.CreateClient();
        await person.SignInAsync(fixture.PersonUser);
        var html = await person.GetAsync("/my/export?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("Everything Kith holds about Robin Example", text, StringComparison.Ordinal);
        Assert.Contains("Everyone who looked at or changed your record", text, StringComparison.Ordinal);

        var exports = (await f.AuditAboutAsync(fixture.PersonId)).Where(e => e.Action == PersonAuditActions.Exported).ToList();
        Assert.Contains(exports, e => e.UserId == fixture.Practitioner.Id);
        Assert.Contains(exports, e => e.UserId == fixture.PersonUser.Id);
    }

    [Fact]
    public async Task Only_a_manager_erases_and_only_after_typing_the_name()
    {
        var f = fixture.Factory;
        var personUser = await f.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        var personId = await f.CreatePersonAsync(fixture.TeamId, "Erin Erase", p => p.UserId = personUser.Id);
        using (var practitioner = f.CreateClient())
        {
            await practitioner.SignInAsync(fixture.Practitioner);
            Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/people/{personId}/erase")).StatusCode);
        }

        using var manager = f.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var page = await manager.GetStringAsync($"/people/{personId}/erase");
        var wrong = await manager.PostFormAsync($"/people/{personId}/erase", new() { ["ConfirmName"] = "Erin", ["Reason"] = "Asked to be forgotten" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Type their full name, Erin Erase, exactly to confirm", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await f.WithDbAsync(db => db.People.AnyAsync(p => p.Id == personId)));

        var erased = await manager.PostFormAsync($"/people/{personId}/erase", new() { ["ConfirmName"] = " erin erase ", ["Reason"] = "Asked to be forgotten" }, page);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("Record erased", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await f.WithDbAsync(db => db.People.AnyAsync(p => p.Id == personId)));
        Assert.False(await f.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == personUser.Id)));
        var audit = await f.AuditAboutAsync(personId);
        Assert.Single(audit, e => e.Action == PersonAuditActions.Erased);
        Assert.Contains(audit, e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.Practitioner.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{personId}/consent")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sets_retention_and_the_sweep_uses_it()
    {
        var f = fixture.Factory;
        using var admin = f.CreateClient();
        await admin.SignInAsync(fixture.Administrator);

        var bad = await admin.PostFormAsync("/admin/retention", new() { ["Months"] = "six years" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var saved = await admin.PostFormAsync("/admin/retention", new() { ["Months"] = "72" });
        Assert.Contains("erased 72 months after", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var closed = await f.CreatePersonAsync(fixture.TeamId, "Cal Closed", p => p.ClosedOn = new DateOnly(2015, 1, 1));
        await using (var scope = f.Services.CreateAsyncScope())
        {
            Assert.Equal(72, await scope.ServiceProvider.GetRequiredService<PersonRetentionService>().GetMonthsAsync());
            var sweeper = f.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Kith.Web.People.Rights.RetentionSweeper>().Single();
            Assert.True(await sweeper.SweepOnceAsync(CancellationToken.None) >= 1);
        }

        Assert.False(await f.WithDbAsync(db => db.People.AnyAsync(p => p.Id == closed)));
        Assert.True(await f.WithDbAsync(db => db.People.AnyAsync(p => p.Id == fixture.PersonId)));
        await using (var scope = f.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonRetentionService>().SetMonthsAsync(null, Kith.Core.Platform.Audit.ProcessContext.System("test"));
        }
    }

    public static TheoryData<string> Routes => new()
    {
        "/people/{0}/consent",
        "/people/{0}/export",
        "/people/{0}/export?format=json",
        "/people/{0}/export?format=html",
        "/people/{0}/erase",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_teams_practitioner_and_a_person_are_refused_and_the_refusal_is_audited(string route)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, fixture.PersonId);
        foreach (var user in new[] { fixture.OtherPractitioner, fixture.OtherPersonUser })
        {
            using var client = fixture.Factory.CreateClient();
            await client.SignInAsync(user);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Robin Example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains(await fixture.Factory.AuditAboutAsync(fixture.PersonId), e => e.Action == PersonAuditActions.AccessRefused && e.UserId == user.Id);
        }
    }

    [Theory]
    [InlineData("/my/consent")]
    [InlineData("/my/export")]
    [InlineData("/my/export?format=json")]
    public async Task Under_my_a_person_only_ever_gets_their_own_record(string url)
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPersonUser);
        var text = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Robin Example", text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.PersonId.ToString(), text, StringComparison.Ordinal);

        using var staff = fixture.Factory.CreateClient();
        await staff.SignInAsync(fixture.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
    }

    private async Task<bool> HasConsentAsync(Guid personId, ConsentScope scope)
    {
        await using var s = fixture.Factory.Services.CreateAsyncScope();
        return await s.ServiceProvider.GetRequiredService<ConsentService>().HasConsentAsync(personId, scope);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Practitioner { get; private set; } = null!;

        public TestUser Manager { get; private set; } = null!;

        public TestUser Administrator { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public TestUser PersonUser { get; private set; } = null!;

        public TestUser OtherPersonUser { get; private set; } = null!;

        public Guid TeamId { get; private set; }

        public Guid PersonId { get; private set; }

        public async Task InitializeAsync()
        {
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            Manager = await Factory.CreateUserAsync(KithRoles.Manager);
            Administrator = await Factory.CreateUserAsync(KithRoles.Administrator);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            PersonUser = await Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
            OtherPersonUser = await Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
            TeamId = await Factory.CreateTeamAsync("Rights team", true, Manager, Practitioner);
            await Factory.CreateTeamAsync("Rights elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(TeamId, "Robin Example", p => p.UserId = PersonUser.Id);
            await Factory.CreatePersonAsync(TeamId, "Petra Own", p => p.UserId = OtherPersonUser.Id);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
