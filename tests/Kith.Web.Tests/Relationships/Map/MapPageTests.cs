using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Relationships.Map;

/// <summary>/relationships/map without JavaScript: the filters, the table alternative, the ego view and who may see it.</summary>
public sealed class MapPageTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static List<string> Column(IDocument page, string caption, int column) =>
        page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == caption)
            .QuerySelectorAll("tbody tr").Select(r => CellText(r.QuerySelectorAll("td")[column])).ToList();

    /// <summary>A cell's text without the column heading the responsive table repeats in it for small screens.</summary>
    private static string CellText(IElement cell) =>
        string.Concat(cell.ChildNodes.Where(n => n is not IElement e || !e.ClassList.Contains("nhsuk-table__heading")).Select(n => n.TextContent)).Trim();

    [Fact]
    public async Task A_manager_sees_the_table_alternative_with_the_actors_and_ties_on_the_map()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync("/relationships/map");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var actors = Column(page, "Actors", 0);
        Assert.Equal(5, actors.Count);
        Assert.Contains("Northfield Health Centre", actors);
        Assert.Contains("Central Library", actors);
        Assert.DoesNotContain("Sam Notyet", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("social care", Column(page, "Actors", 2)[actors.IndexOf("Adult Social Care Team")]);
        Assert.Equal(3, Column(page, "Ties", 0).Count);
        var referral = page.QuerySelectorAll("table").Last().QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Refers to", StringComparison.Ordinal));
        Assert.Equal(["Hillside Food Bank", "Adult Social Care Team", "Refers to", "2", "One way"], referral.QuerySelectorAll("td").Select(CellText));

        // Highest degree first: the food bank and the team have two ties each; the library none.
        Assert.Equal("Central Library", actors[^1]);
        var link = page.QuerySelector($"a[href='/relationships/actors/{fixture.CareTeam.Id:D}']");
        Assert.NotNull(link);

        // The drawing's data is there for the script, and the drawing starts hidden (shown by JavaScript).
        Assert.NotNull(page.QuerySelector("script#relationship-map-data[type='application/json']"));
        Assert.True(page.QuerySelector("#relationship-map-section")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("a[href='#relationship-map-table']"));
    }

    [Fact]
    public async Task The_page_filters_with_the_same_parameters_and_keeps_them_in_the_form()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var page = await ParseAsync(await client.GetAsync("/relationships/map?types=trusts&types=works-with&minStrength=4&size=betweenness&colour=kind"));

        Assert.Equal(["Works with", "Trusts"], Column(page, "Ties", 2).Order(StringComparer.Ordinal).Reverse());
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Types'][value='trusts']")!).IsChecked);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Types'][value='funds']")!).IsChecked);
        Assert.Equal("4", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("select[name='MinStrength']")!).Value);
        Assert.Equal("betweenness", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("select[name='Size']")!).Value);
        Assert.Contains("People others route through", page.QuerySelectorAll("table").First().QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_boxes_show_the_map_as_it_stood_then()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var page = await ParseAsync(await client.GetAsync("/relationships/map?On.Day=30&On.Month=6&On.Year=2024"));

        Assert.Contains("Funds", Column(page, "Ties", 2));
        Assert.Contains("30 June 2024", page.QuerySelector("#relationship-map-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("30", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='On.Day']")!.Value);
    }

    [Fact]
    public async Task Bad_filters_come_back_as_a_400_with_an_error_summary_and_what_was_typed()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync("/relationships/map?minStrength=9&On.Day=31&On.Month=2&On.Year=2026&types=hugs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        var summary = page.QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.Contains("Minimum strength must be a whole number from 1 to 5", summary, StringComparison.Ordinal);
        Assert.Contains("The date the map shows must be a real date, like 31 3 2026", summary, StringComparison.Ordinal);
        Assert.Contains("Choose tie types from the list", summary, StringComparison.Ordinal);
        Assert.Equal("31", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='On.Day']")!.Value);
        Assert.Equal("2", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='On.Month']")!.Value);
        Assert.Empty(page.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task The_ego_view_lists_the_actors_within_the_steps_chosen_with_how_far_each_is()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var one = await ParseAsync(await client.GetAsync($"/relationships/map?ego={fixture.HealthCentre.Id}&steps=1"));
        var two = await ParseAsync(await client.GetAsync($"/relationships/map?ego={fixture.HealthCentre.Id}&steps=2"));

        Assert.Equal(["Northfield Health Centre", "Hillside Food Bank"], Column(one, "Actors", 0));
        Assert.Equal(["Northfield Health Centre", "Hillside Food Bank", "Adult Social Care Team"], Column(two, "Actors", 0));
        Assert.Equal(["0", "1", "2"], Column(two, "Actors", 4));
        Assert.Contains("Around Northfield Health Centre, 2 steps", two.QuerySelector("h2.nhsuk-heading-m")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fixture.HealthCentre.Id.ToString("D"), two.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form input[name='ego']")!.Value);
        Assert.Equal("/relationships/map", two.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to the whole map").GetAttribute("href"));
    }

    [Fact]
    public async Task An_ego_view_of_an_actor_not_on_the_map_says_so()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var response = await client.GetAsync($"/relationships/map?ego={fixture.NotAgreed.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That actor is not on the map with these filters", (await ParseAsync(response)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_leaves_no_ties_says_how_to_widen_it()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);

        var page = await ParseAsync(await client.GetAsync("/relationships/map?types=funds&minStrength=5"));

        Assert.Equal("No ties match these filters", page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).Single(t => t.StartsWith("No ties", StringComparison.Ordinal)));
        var advice = page.Body!.TextContent;
        Assert.Contains("tick more types of tie", advice, StringComparison.Ordinal);
        Assert.Contains("lower the weakest tie to show", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("choose all sectors", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioner_is_refused_the_map()
    {
        using var client = await fixture.SignedInAsync(fixture.Practitioner);

        var response = await client.GetAsync("/relationships/map");

        Assert.Equal("/account/access-denied", response.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.DoesNotContain("Northfield Health Centre", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_look_at_the_page_records_one_viewed_event()
    {
        using var client = await fixture.SignedInAsync(fixture.Manager);
        Task<int> CountAsync() => fixture.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.EntityType == RelationshipAnalysisService.ViewedEntityType && e.EntityId == "map" && e.UserId == fixture.Manager.Id));
        var before = await CountAsync();

        await client.GetStringAsync("/relationships/map?size=closeness");

        Assert.Equal(before + 1, await CountAsync());
    }
}
