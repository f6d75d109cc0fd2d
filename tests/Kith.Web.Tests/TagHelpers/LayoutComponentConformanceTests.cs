using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Kith.Web.TagHelpers;
using static Kith.Web.Tests.TagHelpers.TagHelperHarness;

namespace Kith.Web.Tests.TagHelpers;

public partial class LayoutComponentConformanceTests
{
    [GeneratedRegex("""<svg class="nhsuk-header__logo".*?</svg>""", RegexOptions.Singleline)]
    private static partial Regex NhsLogo();

    [GeneratedRegex("<search .*?</search>", RegexOptions.Singleline)]
    private static partial Regex HeaderSearch();

    /// <summary>
    /// Intentional differences from upstream: Kith is not an NHS service, so there is no NHS logo (and
    /// the home link's label does not start with "NHS"); Kith's search is on its pages, not in the header.
    /// </summary>
    [Fact]
    public async Task Header_with_service_name_account_and_navigation_matches_the_fixture_without_logo_or_search()
    {
        var expected = HeaderSearch().Replace(NhsLogo().Replace(Fixtures.Html("header", "with service name, search, account, navigation"), string.Empty), string.Empty)
            .Replace("aria-label=\"NHS Search patient directory homepage\"", "aria-label=\"Search patient directory homepage\"", StringComparison.Ordinal);

        var html = await RenderAsync(new NhsHeaderTagHelper { ServiceName = "Search patient directory", ServiceHref = "#" }, "nhs-header",
            Node.Of("nhs-header-account-item", new NhsHeaderAccountItemTagHelper { Icon = true }, Node.Raw("Florence Nightingale")),
            Node.Of("nhs-header-account-item", new NhsHeaderAccountItemTagHelper { Action = "#" }, Node.Raw("Log out")),
            Node.Of("nhs-header-nav-item", new NhsHeaderNavItemTagHelper { Href = "#" }, Node.Raw("Home")),
            Node.Of("nhs-header-nav-item", new NhsHeaderNavItemTagHelper { Href = "#" }, Node.Raw("Patient list")),
            Node.Of("nhs-header-nav-item", new NhsHeaderNavItemTagHelper { Href = "#" }, Node.Raw("Advanced search")),
            Node.Of("nhs-header-nav-item", new NhsHeaderNavItemTagHelper { Href = "#" }, Node.Raw("Help guides")));

        AssertSameHtml(expected, html);
    }

    [Fact]
    public async Task Header_sign_in_link_matches_the_logged_out_account_markup()
    {
        var html = await RenderAsync(new NhsHeaderTagHelper { ServiceName = "Kith" }, "nhs-header",
            Node.Of("nhs-header-account-item", new NhsHeaderAccountItemTagHelper { Href = "#" }, Node.Raw("Log in")));

        static string Account(string header) => new HtmlParser().ParseDocument(header).QuerySelector("nav.nhsuk-header__account")!.OuterHtml;
        AssertSameHtml(Account(Fixtures.Html("header", "with account (logged out)")), Account(html));
    }

    [Fact]
    public async Task Footer_matches_the_fixture()
    {
        var html = await RenderAsync(new NhsFooterTagHelper { Copyright = "© NHS England" }, "nhs-footer",
            Node.Of("nhs-footer-link", new NhsFooterLinkTagHelper { Href = "#" }, Node.Raw("Accessibility statement")),
            Node.Of("nhs-footer-link", new NhsFooterLinkTagHelper { Href = "#" }, Node.Raw("Contact us")),
            Node.Of("nhs-footer-link", new NhsFooterLinkTagHelper { Href = "#" }, Node.Raw("Cookies")),
            Node.Of("nhs-footer-link", new NhsFooterLinkTagHelper { Href = "#" }, Node.Raw("Privacy policy")),
            Node.Of("nhs-footer-link", new NhsFooterLinkTagHelper { Href = "#" }, Node.Raw("Terms and conditions")));

        AssertSameHtml(Fixtures.Html("footer", "default"), html);
    }

    [Fact]
    public async Task The_current_navigation_item_is_marked_for_screen_readers_and_without_colour()
    {
        var html = await RenderAsync(new NhsHeaderTagHelper { ServiceName = "Kith" }, "nhs-header",
            Node.Of("nhs-header-nav-item", new NhsHeaderNavItemTagHelper { Href = "/assets", Current = true }, Node.Raw("Find community assets")));

        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-header__navigation-item--current", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"nhsuk-header__navigation-item-current-fallback\">Find community assets</strong>", html, StringComparison.Ordinal);
    }
}
