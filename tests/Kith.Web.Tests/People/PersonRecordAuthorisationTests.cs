using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.People;

/// <summary>
/// Sweeps every page and endpoint whose route carries <c>{personId}</c>: staff from another team, an
/// editor and a person (even the person themselves, whose own pages live under /my) are refused with 403,
/// and each refusal is in the audit trail about that person. New person pages are covered as they appear.
/// </summary>
public sealed partial class PersonRecordAuthorisationTests : IClassFixture<PersonRecordAuthorisationTests.Fixture>
{
    private readonly Fixture fixture;

    public PersonRecordAuthorisationTests(Fixture fixture) => this.fixture = fixture;

    public static IEnumerable<string> PersonRoutes(KithWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(p => p.Contains("{personId", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_team_member_sees_the_record_and_the_read_is_audited()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);

        var response = await client.GetAsync($"/people/{fixture.PersonId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await fixture.Factory.AuditAboutAsync(fixture.PersonId);
        Assert.Contains(audit, e => e.Action == "viewed" && e.UserId == fixture.TeamPractitioner.Id);
    }

    [Theory]
    [InlineData("other-team")]
    [InlineData("editor")]
    [InlineData("the-person")]
    public async Task Everyone_else_is_refused_on_every_person_route_and_each_refusal_is_audited(string who)
    {
        var user = who switch
        {
            "other-team" => fixture.OtherPractitioner,
            "editor" => fixture.Editor,
            _ => fixture.ThePerson,
        };
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(user);
        var token = TestAccounts.AntiforgeryToken(await client.GetStringAsync("/account"));
        var routes = PersonRoutes(fixture.Factory).ToList();
        Assert.NotEmpty(routes);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = Fill(route, fixture.PersonId);
            var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == user.Id);

            using var get = await client.GetAsync(url);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            using var post = await client.PostAsync(url, form);

            var after = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == user.Id);
            if (get.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                failures.Add($"GET {url}: {(int)get.StatusCode}");
            }

            if (post.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            {
                failures.Add($"POST {url}: {(int)post.StatusCode}");
            }

            if (after <= before)
            {
                failures.Add($"{url}: the refusal was not audited");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);

        var response = await client.GetAsync($"/people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_refused_a_record_are_offered_break_glass()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);

        var response = await client.GetAsync($"/people/{fixture.PersonId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"/people/{fixture.PersonId}/break-glass", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Fills route parameters: the person's id, new guids for other ids, 1 for numbers.</summary>
    internal static string Fill(string route, Guid personId)
    {
        var url = RouteParameter().Replace(route, match =>
        {
            var name = match.Groups["name"].Value;
            var constraint = match.Groups["constraint"].Value;
            if (name == "personId")
            {
                return personId.ToString();
            }

            return constraint.Contains("int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString();
        });
        return "/" + url.TrimStart('/');
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\??(?::(?<constraint>[^}]*))?\}")]
    private static partial Regex RouteParameter();

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public TestUser Editor { get; private set; } = null!;

        public TestUser ThePerson { get; private set; } = null!;

        public Guid PersonId { get; private set; }

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            Editor = await Factory.CreateUserAsync(KithRoles.CommunityEditor, withTwoFactor: false);
            ThePerson = await Factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
            var team = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await Factory.CreatePersonAsync(team, "Robin Example", p => p.UserId = ThePerson.Id);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
