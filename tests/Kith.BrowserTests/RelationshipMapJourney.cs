using Kith.BrowserTests.Infrastructure;
using Kith.Core.Relationships;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A manager opens the relationship map: the drawing renders, selecting an actor shows their details as text, the
/// ego view of one actor draws only their neighbourhood, the drawing downloads as PNG and SVG, and the table
/// alternative is there throughout. Axe finds no serious or critical violations, and the CSP blocks nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RelationshipMapJourney(BrowserFixture fixture)
{
    private const string ManagerEmail = "manager@demo.kith.invalid";

    private static RelationshipActor Actor(string name, ActorKind kind, string sector) => new()
    {
        Name = name, Kind = kind, Sector = sector, Area = "Northfield", CreatedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow,
    };

    private static RelationshipTie Tie(RelationshipActor from, RelationshipActor to, TieType type, int strength, bool directed) => new()
    {
        FromActorId = from.Id, ToActorId = to.Id, Type = type, Strength = strength, IsDirected = directed,
        Source = TieSource.Declared, RecordedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_manager_explores_the_map_an_ego_view_and_downloads_the_drawing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var surgery = Actor($"Brookside Surgery {suffix}", ActorKind.Organisation, "health");
        var pantry = Actor($"Community Pantry & Larder <{suffix}>", ActorKind.CommunityGroup, "voluntary and community");
        var team = Actor($"Early Help Team {suffix}", ActorKind.Team, "social care");
        var garden = Actor($"Canal Garden {suffix}", ActorKind.CommunityAsset, "voluntary and community");
        await fixture.WithDbAsync(db =>
        {
            db.RelationshipActors.AddRange(surgery, pantry, team, garden);
            db.RelationshipTies.AddRange(
                Tie(surgery, pantry, TieType.RefersTo, 4, directed: true),
                Tie(pantry, team, TieType.WorksWith, 3, directed: false),
                Tie(team, garden, TieType.Trusts, 5, directed: false));
            return db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the shared test machine can be slow; nothing here should take long on its own
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add($"{message.Text} ({message.Location})");
            }
        };
        await page.SignInStaffAsync(ManagerEmail, BrowserFixture.DemoPassword);

        // The whole map: drawn, with the table alternative below it.
        await page.GotoAsync("/relationships/map");
        await page.Locator("#relationship-map[data-ready='true']").WaitForAsync();
        Assert.True(await page.Locator("#relationship-map canvas").CountAsync() > 0);
        var drawn = await page.EvaluateAsync<int>("() => window.kithRelationshipMap.nodes().length");
        Assert.True(drawn >= 4, $"{drawn} nodes drawn");
        Assert.True(await page.Locator("#relationship-map-table").IsVisibleAsync());
        Assert.Contains(surgery.Name, await page.Locator("#relationship-map-table").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Selecting a circle shows who it is as text, with a link to their page.
        await page.EvaluateAsync("id => window.kithRelationshipMap.getElementById(id).emit('tap')", team.Id.ToString("D"));
        var panel = page.Locator("#relationship-map-selection");
        await Assertions.Expect(panel).ToContainTextAsync(team.Name);
        await Assertions.Expect(panel).ToContainTextAsync("social care");
        Assert.Equal($"/relationships/actors/{team.Id:D}", await panel.GetByRole(AriaRole.Link).GetAttributeAsync("href"));

        // The ego view of the surgery at two steps, from the table (the keyboard path).
        await page.Locator("#relationship-map-table").GetByRole(AriaRole.Link, new() { Name = $"Around them ({surgery.Name})" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"ego={surgery.Id:D}", StringComparison.OrdinalIgnoreCase));
        await page.GetByRole(AriaRole.Radio, new() { Name = "2 steps: and their ties' ties" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the map" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("steps=2", StringComparison.OrdinalIgnoreCase));
        await page.Locator("#relationship-map[data-ready='true']").WaitForAsync();
        Assert.Equal(3, await page.EvaluateAsync<int>("() => window.kithRelationshipMap.nodes().length"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Around {surgery.Name}, 2 steps" })).ToBeVisibleAsync();
        Assert.DoesNotContain(garden.Name, await page.Locator("#relationship-map-table").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // The drawing downloads as PNG and as SVG.
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the drawing as PNG" }).ClickAsync());
        Assert.Equal("relationship-map.png", png.SuggestedFilename);
        await using (var stream = await png.CreateReadStreamAsync())
        {
            var signature = new byte[8];
            await stream.ReadExactlyAsync(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var svg = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the drawing as SVG" }).ClickAsync());
        Assert.Equal("relationship-map.svg", svg.SuggestedFilename);
        await using (var stream = await svg.CreateReadStreamAsync())
        using (var reader = new StreamReader(stream))
        {
            // Our own SVG export: a well-formed XML document of the ego view as drawn, names escaped.
            var text = await reader.ReadToEndAsync();
            Assert.True(text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<svg", StringComparison.Ordinal), text[..Math.Min(80, text.Length)]);
            Assert.Contains(surgery.Name, text, StringComparison.Ordinal);
            Assert.Contains($"Community Pantry &amp; Larder &lt;{suffix}&gt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain(garden.Name, text, StringComparison.Ordinal);
            var document = System.Xml.Linq.XDocument.Parse(text);
            System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", document.Root!.Name);
            Assert.NotNull(document.Root.Attribute("viewBox"));
            Assert.False(string.IsNullOrWhiteSpace(document.Root.Element(ns + "title")?.Value));
            Assert.Equal(3, document.Descendants(ns + "circle").Count());
            Assert.Contains(document.Descendants(ns + "text"), t => t.Value == pantry.Name);
            var lines = document.Descendants(ns + "line").ToList();
            Assert.Equal(2, lines.Count);
            Assert.Single(lines, l => l.Attribute("stroke-dasharray") is not null); // the surgery refers to the pantry: one way
        }

        Assert.Empty(blocked);
    }
}
