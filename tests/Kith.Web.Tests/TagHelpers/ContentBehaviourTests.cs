using AngleSharp.Html.Parser;
using Kith.Web.TagHelpers;
using static Kith.Web.Tests.TagHelpers.TagHelperHarness;

namespace Kith.Web.Tests.TagHelpers;

public class ContentBehaviourTests
{
    [Theory]
    [InlineData(1, 9, new[] { 1, 2, 9 })]
    [InlineData(5, 9, new[] { 1, 4, 5, 6, 9 })]
    [InlineData(9, 9, new[] { 1, 8, 9 })]
    [InlineData(2, 3, new[] { 1, 2, 3 })]
    public void Pagination_shows_first_last_and_the_pages_beside_the_current_one(int page, int count, int[] expected)
    {
        Assert.Equal(expected, NhsPaginationTagHelper.Numbers(page, count));
    }

    [Fact]
    public async Task Pagination_puts_an_ellipsis_in_each_gap_and_renders_nothing_for_one_page()
    {
        var html = await RenderAsync(new NhsPaginationTagHelper { Page = 5, PageCount = 9, HrefTemplate = "/assets?q=walk&page={0}" }, "nhs-pagination");
        var nav = new HtmlParser().ParseDocument(html).QuerySelector("nav")!;

        Assert.Equal(2, nav.QuerySelectorAll(".nhsuk-pagination__item--ellipsis").Length);
        Assert.Equal("/assets?q=walk&page=4", nav.QuerySelector(".nhsuk-pagination__previous")!.GetAttribute("href"));
        Assert.Equal("/assets?q=walk&page=6", nav.QuerySelector(".nhsuk-pagination__next")!.GetAttribute("href"));
        Assert.Equal(string.Empty, await RenderAsync(new NhsPaginationTagHelper { Page = 1, PageCount = 1 }, "nhs-pagination"));
    }

    [Fact]
    public async Task Summary_row_key_and_card_text_are_encoded()
    {
        var row = await RenderAsync(new NhsSummaryListTagHelper(), "nhs-summary-list",
            Node.Of("nhs-summary-row", new NhsSummaryRowTagHelper { Key = "<b>Key</b>", ChangeHref = "/x", ChangeLabel = "<i>name</i>" }, Node.Raw("value")));
        var card = await RenderAsync(new NhsCardTagHelper { Heading = "<script>", Description = "<em>d</em>", Href = "/a?b=1&c=2" }, "nhs-card");

        Assert.DoesNotContain("<b>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_colours_and_variants_are_refused_rather_than_rendered()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(new NhsTagTagHelper { Colour = "mauve" }, "nhs-tag"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(new NhsButtonTagHelper { Variant = "huge" }, "nhs-button"));
    }
}
