using System.Net;
using System.Xml.Linq;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.Relationships.Map;

/// <summary>The map page's downloads: CSV of actors and ties, and GraphML, of what the filters show.</summary>
public sealed class MapDownloadTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    /// <summary>A small reader for the CSV the page writes (quoted cells, doubled quotes).</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    [Fact]
    public async Task The_actors_csv_holds_every_actor_shown_with_their_figures()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync("/relationships/map?handler=ActorsCsv&size=betweenness");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("relationship-map-actors.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["id", "name", "kind", "sector", "area", "community", "degree", "strength", "betweenness", "closeness", "eigenvector", "distance"], rows[0]);
        Assert.Equal(6, rows.Count);
        var team = rows.Single(r => r[0] == fixture.CareTeam.Id.ToString("D"));
        Assert.Equal(["Adult Social Care Team", "team", "social care", "Northfield"], team[1..5]);
        Assert.Equal(["2", "7", "2"], team[6..9]);
        Assert.DoesNotContain(rows, r => r[1] == "Sam Notyet");
    }

    [Fact]
    public async Task The_ties_csv_of_an_ego_view_holds_only_its_ties()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var text = await client.GetStringAsync($"/relationships/map?handler=TiesCsv&ego={fixture.HealthCentre.Id}&steps=2");

        var rows = ParseCsv(text);
        Assert.Equal(["id", "from_id", "from", "to_id", "to", "type", "direction", "strength", "since", "until", "source"], rows[0]);
        Assert.Equal(3, rows.Count);
        var referral = rows.Single(r => r[5] == "refers-to");
        Assert.Equal(["Hillside Food Bank", "Adult Social Care Team"], new[] { referral[2], referral[4] });
        Assert.Equal(["one-way", "2"], referral[6..8]);
        Assert.Equal("mutual", rows.Single(r => r[5] == "works-with")[6]);
    }

    [Fact]
    public async Task The_graphml_parses_back_into_the_filtered_network()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync("/relationships/map?handler=GraphMl&types=works-with,trusts");

        Assert.Equal("relationship-map.graphml", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graph = xml.Root!.Element(g + "graph")!;
        Assert.Equal("directed", graph.Attribute("edgedefault")!.Value);
        var nodes = graph.Elements(g + "node").ToList();
        Assert.Equal(5, nodes.Count);
        var team = nodes.Single(n => n.Attribute("id")!.Value == fixture.CareTeam.Id.ToString("D"));
        Assert.Equal("Adult Social Care Team", team.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "name").Value);
        var edges = graph.Elements(g + "edge").ToList();
        Assert.Equal(2, edges.Count);
        Assert.All(edges, e => Assert.Equal("false", e.Attribute("directed")!.Value));
        var trust = edges.Single(e => e.Elements(g + "data").Any(d => d.Value == "trusts"));
        Assert.Equal("5", trust.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "weight").Value);
        Assert.Equal(fixture.CareTeam.Id.ToString("D"), trust.Attribute("source")!.Value);
    }

    [Fact]
    public async Task A_download_with_a_bad_filter_shows_the_page_with_the_error_instead()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync("/relationships/map?handler=ActorsCsv&minStrength=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Minimum strength must be a whole number from 1 to 5", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioner_cannot_download()
    {
        using var client = await fixture.SignedInAsync(fixture.Practitioner);

        var response = await client.GetAsync("/relationships/map?handler=TiesCsv");

        Assert.Equal("/account/access-denied", response.RequestMessage?.RequestUri?.AbsolutePath);
    }
}
