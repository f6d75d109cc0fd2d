using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-header service-name="Kith" service-href="/"&gt;</c> with <c>nhs-header-account-item</c> and
/// <c>nhs-header-nav-item</c> children. Follows nhsuk-frontend 10's header with one intentional
/// difference: Kith is not an NHS service, so the NHS logo is left out and the service name is the
/// home link on its own.
/// </summary>
[HtmlTargetElement("nhs-header")]
[RestrictChildren("nhs-header-account-item", "nhs-header-nav-item")]
public sealed class NhsHeaderTagHelper : TagHelper
{
    public string ServiceName { get; set; } = string.Empty;

    public string ServiceHref { get; set; } = "/";

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(HeaderState)] = new HeaderState();
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        await output.GetChildContentAsync();
        var state = (HeaderState)context.Items[typeof(HeaderState)];

        output.TagName = "header";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-header");
        output.Attributes.SetAttribute("data-module", "nhsuk-header");
        output.Attributes.SetAttribute("role", "banner");

        var container = NhsMarkup.Element("div", "nhsuk-header__container nhsuk-width-container");
        var service = NhsMarkup.Element("div", "nhsuk-header__service");
        var home = NhsMarkup.Element("a", "nhsuk-header__service-logo");
        home.Attributes["href"] = ServiceHref;
        home.Attributes["aria-label"] = $"{ServiceName} homepage";
        home.InnerHtml.AppendHtml(NhsMarkup.Element("span", "nhsuk-header__service-name", ServiceName));
        service.InnerHtml.AppendHtml(home);
        container.InnerHtml.AppendHtml(service);

        if (state.Account.Count > 0)
        {
            var account = NhsMarkup.Element("nav", "nhsuk-header__account");
            account.Attributes["aria-label"] = "Account";
            var list = NhsMarkup.Element("ul", "nhsuk-header__account-list");
            foreach (var item in state.Account)
            {
                list.InnerHtml.AppendHtml(item);
            }

            account.InnerHtml.AppendHtml(list);
            container.InnerHtml.AppendHtml(account);
        }

        var content = new HtmlContentBuilder().AppendHtml(container);
        if (state.Navigation.Count > 0)
        {
            var navigation = NhsMarkup.Element("nav", "nhsuk-header__navigation");
            navigation.Attributes["aria-label"] = "Menu";
            var navContainer = NhsMarkup.Element("div", "nhsuk-header__navigation-container nhsuk-width-container");
            var list = NhsMarkup.Element("ul", "nhsuk-header__navigation-list");
            foreach (var item in state.Navigation)
            {
                list.InnerHtml.AppendHtml(item);
            }

            // The "More" menu the header script shows when the links do not fit on one line.
            list.InnerHtml.AppendHtml(
                "<li class=\"nhsuk-header__menu\" hidden><button class=\"nhsuk-header__menu-toggle nhsuk-header__navigation-link\" " +
                "id=\"toggle-menu\" aria-expanded=\"false\"><span class=\"nhsuk-u-visually-hidden\">Browse </span>More</button></li>");
            navContainer.InnerHtml.AppendHtml(list);
            navigation.InnerHtml.AppendHtml(navContainer);
            content.AppendHtml(navigation);
        }

        output.Content.SetHtmlContent(content);
    }

    internal sealed class HeaderState
    {
        public List<IHtmlContent> Account { get; } = [];

        public List<IHtmlContent> Navigation { get; } = [];
    }
}

/// <summary>
/// An item in the header's account area: a link (<c>href</c>), a button that posts a form with an
/// antiforgery token (<c>action</c>), or plain text such as the signed-in person's name (with <c>icon</c>).
/// </summary>
[HtmlTargetElement("nhs-header-account-item", ParentTag = "nhs-header")]
public sealed class NhsHeaderAccountItemTagHelper(IAntiforgery? antiforgery = null) : TagHelper
{
    public string? Href { get; set; }

    public string? Action { get; set; }

    /// <summary>Shows the person icon before the text.</summary>
    public bool Icon { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var text = await output.GetChildContentAsync();
        output.SuppressOutput();

        var inner = new HtmlContentBuilder();
        if (Icon)
        {
            inner.AppendHtml(NhsIcons.User);
        }

        inner.AppendHtml(text);
        var item = NhsMarkup.Element("li", "nhsuk-header__account-item");
        if (Href is not null)
        {
            var link = NhsMarkup.Element("a", "nhsuk-header__account-link");
            link.Attributes["href"] = Href;
            link.InnerHtml.AppendHtml(inner);
            item.InnerHtml.AppendHtml(link);
        }
        else if (Action is not null)
        {
            var form = NhsMarkup.Element("form", "nhsuk-header__account-form");
            form.Attributes["action"] = Action;
            form.Attributes["method"] = "post";
            form.Attributes["novalidate"] = "novalidate";
            var button = NhsMarkup.Element("button", "nhsuk-header__account-button");
            button.InnerHtml.AppendHtml(inner);
            form.InnerHtml.AppendHtml(button);
            if (antiforgery is not null && ViewContext is not null)
            {
                form.InnerHtml.AppendHtml(antiforgery.GetHtml(ViewContext.HttpContext));
            }

            item.InnerHtml.AppendHtml(form);
        }
        else
        {
            item.InnerHtml.AppendHtml(inner);
        }

        ((NhsHeaderTagHelper.HeaderState)context.Items[typeof(NhsHeaderTagHelper.HeaderState)]).Account.Add(item);
    }
}

/// <summary>A link in the header's navigation; <c>current</c> marks the section the page is in.</summary>
[HtmlTargetElement("nhs-header-nav-item", ParentTag = "nhs-header")]
public sealed class NhsHeaderNavItemTagHelper : TagHelper
{
    public string Href { get; set; } = string.Empty;

    public bool Current { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var text = await output.GetChildContentAsync();
        output.SuppressOutput();

        var item = NhsMarkup.Element("li", NhsMarkup.Classes("nhsuk-header__navigation-item", Current ? "nhsuk-header__navigation-item--current" : null));
        var link = NhsMarkup.Element("a", "nhsuk-header__navigation-link");
        link.Attributes["href"] = Href;
        if (Current)
        {
            link.Attributes["aria-current"] = "page";
            var strong = NhsMarkup.Element("strong", "nhsuk-header__navigation-item-current-fallback");
            strong.InnerHtml.AppendHtml(text);
            link.InnerHtml.AppendHtml(strong);
        }
        else
        {
            link.InnerHtml.AppendHtml(text);
        }

        item.InnerHtml.AppendHtml(link);
        ((NhsHeaderTagHelper.HeaderState)context.Items[typeof(NhsHeaderTagHelper.HeaderState)]).Navigation.Add(item);
    }
}

/// <summary><c>&lt;nhs-footer copyright="..."&gt;&lt;nhs-footer-link href="/about"&gt;About&lt;/nhs-footer-link&gt;&lt;/nhs-footer&gt;</c>: the footer's support links.</summary>
[HtmlTargetElement("nhs-footer")]
[RestrictChildren("nhs-footer-link")]
public sealed class NhsFooterTagHelper : TagHelper
{
    public string? Copyright { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var links = await output.GetChildContentAsync();
        output.TagName = "footer";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-footer");
        output.Attributes.SetAttribute("role", "contentinfo");

        var meta = NhsMarkup.Element("div", "nhsuk-footer__meta");
        meta.InnerHtml.AppendHtml(NhsMarkup.Element("h2", "nhsuk-u-visually-hidden", "Support links"));
        var list = NhsMarkup.Element("ul", "nhsuk-footer__list");
        list.InnerHtml.AppendHtml(links);
        meta.InnerHtml.AppendHtml(list);
        if (!string.IsNullOrEmpty(Copyright))
        {
            meta.InnerHtml.AppendHtml(NhsMarkup.Element("p", "nhsuk-body-s", Copyright));
        }

        var container = NhsMarkup.Element("div", "nhsuk-width-container");
        container.InnerHtml.AppendHtml(meta);
        output.Content.SetHtmlContent(container);
    }
}

[HtmlTargetElement("nhs-footer-link", ParentTag = "nhs-footer")]
public sealed class NhsFooterLinkTagHelper : TagHelper
{
    public string Href { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = await output.GetChildContentAsync();
        output.TagName = "li";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-footer__list-item");
        var link = NhsMarkup.Element("a", "nhsuk-footer__list-item-link");
        link.Attributes["href"] = Href;
        link.InnerHtml.AppendHtml(text);
        output.Content.SetHtmlContent(link);
    }
}
