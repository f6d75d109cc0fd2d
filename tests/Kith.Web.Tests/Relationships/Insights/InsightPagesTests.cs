using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Relationships.Insights;

/// <summary>The ties report, gaps, round-table and power pages on a small seeded partnership map.</summary>
public sealed class InsightPagesTests : IClassFixture<InsightPagesTests.Fixture>
{
    private static readonly string[] Pages = ["/relationships/ties-report", "/relationships/gaps", "/relationships/round-table", "/relationships/power"];

    private readonly Fixture fixture;

    public InsightPagesTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Each_page_shows_for_a_manager_and_audits_one_view_and_practitioners_and_strangers_are_refused()
    {
        using var manager = fixture.Factory.CreateClient();
        await manager.SignInAsync(fixture.Manager);
        var before = await ViewsAsync();
        foreach (var url in Pages)
        {
            var response = await manager.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("There are no ties on the map yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var views = (await ViewsAsync()).Skip(before.Count).ToList();
        Assert.Equal(["ties-report", "gaps", "round-table", "power"], views.Select(v => v.EntityId));
        Assert.All(views, v => Assert.Equal(fixture.Manager.Id, v.UserId));

        using var practitioner = fixture.Factory.CreateClient();
        await practitioner.SignInAsync(fixture.Practitioner);
        using var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in Pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(url)).StatusCode);
            var refused = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/sign-in", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_ties_report_shows_the_weakest_ties_between_sectors_and_what_faded_since_the_snapshot()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Manager);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/ties-report"));

        Assert.Contains("Weakest ties between sectors", html, StringComparison.Ordinal);
        var weakest = Between(html, "id=\"weakest-between-sectors\"", "id=\"strongest-between-sectors\"");
        Assert.True(
            weakest.IndexOf("Health and Voluntary and community", StringComparison.Ordinal) < weakest.IndexOf("Local government and Voluntary and community", StringComparison.Ordinal),
            "The health–voluntary pair (mean 1.5) is weaker than local government–voluntary (4).");
        Assert.Contains("Northfield Mind works with Northfield GP practice", weakest, StringComparison.Ordinal);
        var faded = html[html.IndexOf("id=\"faded\"", StringComparison.Ordinal)..];
        Assert.Contains("Spring map", faded, StringComparison.Ordinal);
        Assert.Contains("Northfield GP practice works with Birmingham City Council", faded, StringComparison.Ordinal);
        Assert.Contains("Gone", faded, StringComparison.Ordinal);

        var filtered = await client.GetAsync("/relationships/ties-report?Types=Funds");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.DoesNotContain("Northfield Mind works with", WebUtility.HtmlDecode(await filtered.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        foreach (var bad in new[] { "Types=Bribes", "On.Day=31&On.Month=2&On.Year=2026", $"Since={Guid.NewGuid()}" })
        {
            var refused = await client.GetAsync($"/relationships/ties-report?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("nhsuk-error-summary", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_round_table_suggests_missing_actors_with_their_reasons_and_never_the_invited()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Manager);

        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/round-table"));
        Assert.Contains("Who else needs to be round the table?", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{fixture.Council}\"", form, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(
            $"/relationships/round-table?Topic={Uri.EscapeDataString("mental health in Northfield")}&Invited={fixture.Council}"));
        var suggestions = html[html.IndexOf("id=\"suggestions\"", StringComparison.Ordinal)..];
        Assert.Contains("Decides about mental health", suggestions, StringComparison.Ordinal);
        Assert.Contains("Holds a budget (£100,000 to £1 million)", suggestions, StringComparison.Ordinal);
        Assert.Contains("Knows about mental health", suggestions, StringComparison.Ordinal);
        Assert.Contains("Works in Northfield", suggestions, StringComparison.Ordinal);
        Assert.Contains("Resident voice", suggestions, StringComparison.Ordinal);
        Assert.Contains("Already invited: Birmingham City Council", suggestions, StringComparison.Ordinal);
        var table = Between(suggestions, "<table", "</table>");
        Assert.DoesNotContain("Birmingham City Council", table, StringComparison.Ordinal);
        Assert.True(table.IndexOf("Northfield Wellbeing Board", StringComparison.Ordinal) < table.IndexOf("Northfield Mind", StringComparison.Ordinal));

        var empty = await client.GetAsync("/relationships/round-table?Topic=+");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter a topic or decision", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badInvite = await client.GetAsync("/relationships/round-table?Topic=housing&Invited=nobody");
        Assert.Equal(HttpStatusCode.BadRequest, badInvite.StatusCode);
        Assert.Contains("value=\"housing\"", await badInvite.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var nothing = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/round-table?Topic=space+travel"));
        Assert.Contains("Kith has nobody else to suggest", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gaps_page_names_the_bridge_and_the_isolated_team()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Manager);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/gaps"));

        var isolated = Between(html, "id=\"isolated\"", "id=\"bridges\"");
        Assert.Contains("Hospital discharge team", isolated, StringComparison.Ordinal);
        Assert.Contains("no ties at all", isolated, StringComparison.Ordinal);
        var bridges = Between(html, "id=\"bridges\"", "id=\"articulation-points\"");
        Assert.Contains("Residents' panel member", bridges, StringComparison.Ordinal);
        Assert.Contains("The only tie Residents' panel member has to the rest of the map.", bridges, StringComparison.Ordinal);
        Assert.Contains("Without them, their part of the map splits", html, StringComparison.Ordinal);
        Assert.Contains("Bridges: the only link between two groups", html, StringComparison.Ordinal);
        Assert.Contains("<strong>People others route through.</strong> How often", html, StringComparison.Ordinal);
        Assert.Contains("A low figure: contacts spread across groups", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_power_grid_places_actors_by_quarter_with_desired_positions_the_unplaced_and_moves_since_a_snapshot()
    {
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.Manager);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/power"));
        Assert.Contains("4 or 5 counts as high, 1 to 3 as low", html, StringComparison.Ordinal);
        var closely = Between(html, "id=\"manage-closely\"", "id=\"keep-satisfied\"");
        Assert.Contains("Birmingham City Council", closely, StringComparison.Ordinal);
        var informed = Between(html, "id=\"keep-informed\"", "id=\"monitor\"");
        Assert.Contains("Northfield Mind", informed, StringComparison.Ordinal);
        Assert.Contains("Wants to move to manage closely", informed, StringComparison.Ordinal);
        var unplaced = Between(html, "id=\"not-placed\"", "id=\"over-time\"");
        Assert.Contains($"href=\"/relationships/actors/{fixture.Hospital}/edit\"", unplaced, StringComparison.Ordinal);

        var moves = WebUtility.HtmlDecode(await client.GetStringAsync($"/relationships/power?Since={fixture.Snapshot}"));
        var overTime = moves[moves.IndexOf("id=\"over-time\"", StringComparison.Ordinal)..];
        Assert.Contains("since Spring map", overTime, StringComparison.Ordinal);
        var text = Regex.Replace(Regex.Replace(overTime, "<[^>]+>", " "), @"\s+", " ");
        Assert.Contains("Actor Northfield Mind Then Monitor Now Keep informed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Birmingham City Council", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/relationships/power?Since=last-year")).StatusCode);
    }

    private Task<List<AuditEvent>> ViewsAsync() => fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
        .Where(e => e.EntityType == RelationshipAnalysisService.ViewedEntityType && e.Action == AuditActions.Viewed)
        .OrderBy(e => e.Id).ToListAsync());

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"The page has no {start}.");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser Manager { get; private set; } = null!;

        public TestUser Practitioner { get; private set; } = null!;

        public Guid Council { get; private set; }

        public Guid Hospital { get; private set; }

        public Guid Snapshot { get; private set; }

        public async Task InitializeAsync()
        {
            Manager = await Factory.CreateUserAsync(KithRoles.Manager);
            Practitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            var now = DateTime.UtcNow;
            RelationshipActor Actor(string name, ActorKind kind, string? sector, Action<RelationshipActor>? with = null)
            {
                var actor = new RelationshipActor { Name = name, Kind = kind, Sector = sector, CreatedAt = now, LastModified = now };
                with?.Invoke(actor);
                return actor;
            }

            var council = Actor("Birmingham City Council", ActorKind.Organisation, "Local government", a =>
            {
                a.DecidesAbout = "mental health; housing";
                a.Interest = 4;
                a.Influence = 5;
            });
            var board = Actor("Northfield Wellbeing Board", ActorKind.Organisation, "Health", a =>
            {
                a.DecidesAbout = "mental health";
                a.HoldsBudget = true;
                a.BudgetBand = BudgetBand.From100kTo1m;
                a.Area = "Northfield";
                a.Interest = 2;
                a.Influence = 5;
            });
            var gp = Actor("Northfield GP practice", ActorKind.Organisation, "Health", a => { a.Area = "Northfield"; a.Interest = 3; a.Influence = 3; });
            var mind = Actor("Northfield Mind", ActorKind.CommunityGroup, "Voluntary and community", a =>
            {
                a.KnowsAbout = "mental health; peer support";
                a.Area = "Northfield";
                a.Interest = 5;
                a.Influence = 2;
                a.DesiredInfluence = 4;
            });
            var resident = Actor("Residents' panel member", ActorKind.ResidentRepresentative, "Voluntary and community", a =>
            {
                a.Area = "Northfield";
                a.AgreedToMappingAt = now;
                a.AgreementHow = "by email to the manager";
            });
            var hospital = Actor("Hospital discharge team", ActorKind.Team, "Health");
            (Council, Hospital) = (council.Id, hospital.Id);
            RelationshipTie Tie(RelationshipActor from, RelationshipActor to, int strength, TieType type = TieType.WorksWith) =>
                new() { FromActorId = from.Id, ToActorId = to.Id, Strength = strength, Type = type, Source = TieSource.Declared, RecordedAt = now, LastModified = now };

            var fading = Tie(gp, council, 4);
            var mindInterest = mind;
            await Factory.WithDbAsync(async db =>
            {
                db.RelationshipActors.AddRange(council, board, gp, mind, resident, hospital);
                db.RelationshipTies.AddRange(
                    Tie(council, board, 5),
                    Tie(board, gp, 4),
                    fading,
                    Tie(mind, gp, 1),
                    Tie(mind, board, 2),
                    Tie(council, mind, 4, TieType.Funds),
                    Tie(resident, mind, 3));
                return await db.SaveChangesAsync();
            });

            // The snapshot sees the GP–council tie at 4 and Northfield Mind in "monitor"; then the tie ends and Mind's interest rises.
            await Factory.WithDbAsync(async db =>
            {
                (await db.RelationshipActors.SingleAsync(a => a.Id == mindInterest.Id)).Interest = 2;
                return await db.SaveChangesAsync();
            });
            await using (var scope = Factory.Services.CreateAsyncScope())
            {
                var analysis = scope.ServiceProvider.GetRequiredService<RelationshipAnalysisService>();
                Snapshot = (await analysis.TakeSnapshotAsync("Spring map", ProcessContext.System("test"))).Id;
            }

            await Factory.WithDbAsync(async db =>
            {
                db.RelationshipTies.Remove(await db.RelationshipTies.SingleAsync(t => t.Id == fading.Id));
                (await db.RelationshipActors.SingleAsync(a => a.Id == mindInterest.Id)).Interest = 5;
                return await db.SaveChangesAsync();
            });
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
