using Kith.Web.TagHelpers;
using static Kith.Web.Tests.TagHelpers.TagHelperHarness;

namespace Kith.Web.Tests.TagHelpers;

/// <summary>Our content tag helpers render what nhsuk-frontend 10.6.1's fixtures render for the same options.</summary>
public class ContentComponentConformanceTests
{
    private static Node Row(string key, string valueHtml, string? changeLabel = null) =>
        Node.Of("nhs-summary-row", new NhsSummaryRowTagHelper { Key = key, ChangeHref = changeLabel is null ? null : "#/change", ChangeLabel = changeLabel }, Node.Raw(valueHtml));

    [Fact]
    public async Task Summary_list_with_change_links_matches_the_fixture()
    {
        var html = await RenderAsync(new NhsSummaryListTagHelper(), "nhs-summary-list",
            Row("Name", "Karen Francis", "name"),
            Row("Date of birth", "15 March 1984", "date of birth"),
            Row("Contact information", "73 Roman Rd<br>\nLeeds<br>\nLS2 5ZN", "contact information"),
            Row("Contact details", "<p>07700 900362</p>\n<p>karen.francis@example.com</p>", "contact details"));

        AssertSameHtml(Fixtures.Html("summary-list", "with actions"), html);
    }

    [Fact]
    public async Task Summary_list_without_border_matches_the_fixture()
    {
        var html = await RenderAsync(new NhsSummaryListTagHelper { NoBorder = true }, "nhs-summary-list",
            Row("Name", "Karen Francis"),
            Row("Date of birth", "15 March 1984"),
            Row("Contact information", "73 Roman Rd<br>\nLeeds<br>\nLS2 5ZN"),
            Row("Contact details", "<p>07700 900362</p>\n<p>karen.francis@example.com</p>"));

        AssertSameHtml(Fixtures.Html("summary-list", "without border"), html);
    }

    private const string CareHeading = "Introduction to care and support";
    private const string CareDescription = "A quick guide for people who have care and support needs and their carers";

    [Fact]
    public async Task Cards_match_the_fixtures()
    {
        AssertSameHtml(
            Fixtures.Html("card", "basic with heading link"),
            await RenderAsync(new NhsCardTagHelper { Href = "#", Heading = CareHeading, HeadingLevel = 3, HeadingClass = "nhsuk-heading-m", Description = CareDescription }, "nhs-card"));
        AssertSameHtml(
            Fixtures.Html("card", "clickable"),
            await RenderAsync(new NhsCardTagHelper { Href = "#", Heading = CareHeading, HeadingClass = "nhsuk-heading-m", Description = CareDescription, Clickable = true }, "nhs-card"));
        AssertSameHtml(
            Fixtures.Html("card", "primary (with chevron and description)"),
            await RenderAsync(new NhsCardTagHelper { Href = "#", Heading = CareHeading, HeadingClass = "nhsuk-heading-m", Description = CareDescription, Clickable = true, Variant = "primary" }, "nhs-card"));
        AssertSameHtml(
            Fixtures.Html("card", "feature"),
            await RenderAsync(new NhsCardTagHelper { Heading = "Feature card heading", Description = "Feature card description.", Variant = "feature" }, "nhs-card"));
        AssertSameHtml(
            Fixtures.Html("card", "default"),
            await RenderAsync(new NhsCardTagHelper { Heading = "If you need help now, but it's not an emergency" }, "nhs-card",
                Node.Raw("<p class=\"nhsuk-card__description\">Go to <a href=\"#\">NHS 111 online</a> or <a href=\"#\">call 111</a>.</p>")));
    }

    [Theory]
    [InlineData(0, null, "Active")]
    [InlineData(1, "white", "In progress")]
    [InlineData(2, "grey", "Inactive")]
    public async Task Tag_matches_the_fixture(int occurrence, string? colour, string text)
    {
        AssertSameHtml(Fixtures.Html("tag", "default", occurrence), await RenderAsync(new NhsTagTagHelper { Colour = colour }, "nhs-tag", Node.Raw(text)));
    }

    [Theory]
    [InlineData("numbered", 2)]
    [InlineData("numbered first page", 1)]
    [InlineData("numbered last page", 3)]
    public async Task Pagination_matches_the_numbered_fixtures(string fixture, int page)
    {
        var pagination = new NhsPaginationTagHelper { Page = page, PageCount = 3, HrefTemplate = "#/section/{0}" };

        AssertSameHtml(Fixtures.Html("pagination", fixture), await RenderAsync(pagination, "nhs-pagination"));
    }

    [Fact]
    public async Task Details_match_the_fixtures()
    {
        AssertSameHtml(
            Fixtures.Html("details", "default"),
            await RenderAsync(new NhsDetailsTagHelper { Summary = "How to find your NHS number" }, "nhs-details",
                Node.Raw("You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you.")));
        AssertSameHtml(
            Fixtures.Html("details", "expander"),
            await RenderAsync(new NhsDetailsTagHelper { Summary = "Opening times", Expander = true }, "nhs-details",
                Node.Raw("We are open 9am to 6pm, Monday to Saturday.")));
    }

    [Fact]
    public async Task Inset_text_and_warning_callout_match_the_fixtures()
    {
        AssertSameHtml(
            Fixtures.Html("inset-text", "with HTML"),
            await RenderAsync(new NhsInsetTextTagHelper(), "nhs-inset-text",
                Node.Raw("<p>You can report any suspected side effect using the <a href=\"#\">Yellow Card safety scheme</a>.</p>")));
        AssertSameHtml(
            Fixtures.Html("warning-callout", "with HTML"),
            await RenderAsync(new NhsWarningCalloutTagHelper { Heading = "Important" }, "nhs-warning-callout",
                Node.Raw("<p class=\"nhsuk-card__description\">Stay away from school, nursery or work until all the spots have crusted over. This is usually 5 days after the spots first appeared.</p>")));
    }

    [Fact]
    public async Task Back_link_matches_the_fixture()
    {
        AssertSameHtml(Fixtures.Html("back-link", "default"), await RenderAsync(new NhsBackLinkTagHelper { Href = "#" }, "nhs-back-link"));
    }

    private static Node[] ImpetigoRows()
    {
        static Node Th(string text) => Node.Of("th", new NhsTableCellTagHelper(), Node.Raw(text));
        static Node Td(string text) => Node.Of("td", new NhsTableCellTagHelper(), Node.Raw(text));
        static Node Tr(params Node[] cells) => Node.Of("tr", new NhsTableRowTagHelper(), cells);
        return
        [
            Node.Of("thead", new NhsTableSectionTagHelper(), Tr(Th("Skin symptoms"), Th("Possible cause"))),
            Node.Of("tbody", new NhsTableSectionTagHelper(),
                Tr(Th("Blisters on lips or around the mouth"), Td("Cold sores")),
                Tr(Th("Itchy, dry, cracked, sore"), Td("Eczema")),
                Tr(Th("Itchy blisters"), Td("Shingles, chickenpox"))),
        ];
    }

    [Fact]
    public async Task Table_matches_the_fixture()
    {
        var table = new NhsTableTagHelper { Caption = "Impetigo can look similar to other skin conditions", CaptionClass = "nhsuk-table__caption--m" };

        AssertSameHtml(Fixtures.Html("tables", "default", 0), await RenderAsync(table, "nhs-table", ImpetigoRows()));
    }

    [Fact]
    public async Task Responsive_table_matches_the_fixture()
    {
        var table = new NhsTableTagHelper { Caption = "Impetigo can look similar to other skin conditions", CaptionClass = "nhsuk-table__caption--m", Responsive = true };

        AssertSameHtml(Fixtures.Html("tables", "default", 4), await RenderAsync(table, "nhs-table", ImpetigoRows()));
    }
}
