using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary><c>&lt;nhs-summary-list&gt;</c> of <c>nhs-summary-row</c>s; <c>no-border</c> removes all row borders.</summary>
[HtmlTargetElement("nhs-summary-list")]
[RestrictChildren("nhs-summary-row")]
public sealed class NhsSummaryListTagHelper : TagHelper
{
    public bool NoBorder { get; set; }

    /// <summary>Leaves out the border under the last row only.</summary>
    public bool NoLastRowBorder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes(
            "nhsuk-summary-list",
            NoBorder ? "nhsuk-summary-list--no-border" : null,
            NoLastRowBorder && !NoBorder ? "nhsuk-summary-list--no-last-row-border" : null));
    }
}

/// <summary>
/// <c>&lt;nhs-summary-row key="Name" change-href="..." change-label="name"&gt;value&lt;/nhs-summary-row&gt;</c>.
/// The child content is the value (HTML allowed, so encode user data as Razor does by default).
/// The "Change" link carries the visually hidden <c>change-label</c> so it makes sense out of context.
/// </summary>
[HtmlTargetElement("nhs-summary-row", ParentTag = "nhs-summary-list")]
public sealed class NhsSummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = string.Empty;

    public string? ChangeHref { get; set; }

    public string? ChangeLabel { get; set; }

    /// <summary>The action's visible text; "Change" by default.</summary>
    public string ChangeText { get; set; } = "Change";

    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var value = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes("nhsuk-summary-list__row", NoBorder ? "nhsuk-summary-list__row--no-border" : null));

        var content = new HtmlContentBuilder();
        content.AppendHtml(NhsMarkup.Element("dt", "nhsuk-summary-list__key", Key));
        var valueCell = NhsMarkup.Element("dd", "nhsuk-summary-list__value");
        valueCell.InnerHtml.AppendHtml(value);
        content.AppendHtml(valueCell);
        if (ChangeHref is not null)
        {
            var actions = NhsMarkup.Element("dd", "nhsuk-summary-list__actions");
            var link = NhsMarkup.Element("a", "nhsuk-link", ChangeText);
            link.Attributes["href"] = ChangeHref;
            if (!string.IsNullOrEmpty(ChangeLabel))
            {
                link.InnerHtml.AppendHtml(NhsMarkup.VisuallyHidden(" " + ChangeLabel));
            }

            actions.InnerHtml.AppendHtml(link);
            content.AppendHtml(actions);
        }

        output.Content.SetHtmlContent(content);
    }
}

/// <summary>
/// <c>&lt;nhs-card heading="..." href="..."&gt;child content&lt;/nhs-card&gt;</c>. <c>variant</c> is
/// feature, primary (clickable, with a chevron) or secondary; <c>heading-class</c> sizes the heading
/// (e.g. <c>nhsuk-heading-m</c>). Child content follows the description inside the card's content.
/// </summary>
[HtmlTargetElement("nhs-card")]
public sealed class NhsCardTagHelper : TagHelper
{
    private static readonly HashSet<string> Variants = new(StringComparer.Ordinal) { "feature", "primary", "secondary" };

    public string? Heading { get; set; }

    public string? Href { get; set; }

    public int HeadingLevel { get; set; } = 2;

    public string? HeadingClass { get; set; }

    public bool Clickable { get; set; }

    public string? Description { get; set; }

    public string? Variant { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Variant is not null && !Variants.Contains(Variant))
        {
            throw new InvalidOperationException($"nhs-card variant '{Variant}' is not one of {string.Join(", ", Variants)}.");
        }

        if (HeadingLevel is < 1 or > 6)
        {
            throw new InvalidOperationException("nhs-card heading-level must be between 1 and 6.");
        }

        var child = await output.GetChildContentAsync();
        var clickable = Href is not null && (Clickable || Variant == "primary");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes(
            "nhsuk-card",
            clickable ? "nhsuk-card--clickable" : null,
            Variant is null ? null : "nhsuk-card--" + Variant,
            output.Attributes["class"]?.Value?.ToString()));

        var inner = NhsMarkup.Element("div", "nhsuk-card__content");
        if (Heading is not null)
        {
            var heading = NhsMarkup.Element("h" + HeadingLevel.ToString(CultureInfo.InvariantCulture), NhsMarkup.Classes("nhsuk-card__heading", HeadingClass));
            if (Href is not null)
            {
                var link = NhsMarkup.Element("a", "nhsuk-card__link", Heading);
                link.Attributes["href"] = Href;
                heading.InnerHtml.AppendHtml(link);
            }
            else
            {
                heading.InnerHtml.Append(Heading);
            }

            inner.InnerHtml.AppendHtml(heading);
        }

        if (Description is not null)
        {
            inner.InnerHtml.AppendHtml(NhsMarkup.Element("p", "nhsuk-card__description", Description));
        }

        inner.InnerHtml.AppendHtml(child);
        if (Variant == "primary")
        {
            inner.InnerHtml.AppendHtml(NhsIcons.ChevronRightCircle);
        }

        output.Content.SetHtmlContent(inner);
    }
}

/// <summary><c>&lt;nhs-tag colour="green"&gt;Free&lt;/nhs-tag&gt;</c>.</summary>
[HtmlTargetElement("nhs-tag")]
public sealed class NhsTagTagHelper : TagHelper
{
    private static readonly HashSet<string> Colours = new(StringComparer.Ordinal)
    {
        "white", "grey", "green", "aqua-green", "blue", "purple", "pink", "red", "orange", "yellow",
    };

    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Colour is not null && !Colours.Contains(Colour))
        {
            throw new InvalidOperationException($"nhs-tag colour '{Colour}' is not one of {string.Join(", ", Colours)}.");
        }

        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes("nhsuk-tag", Colour is null ? null : "nhsuk-tag--" + Colour));
    }
}

/// <summary><c>&lt;nhs-details summary="..."&gt;child&lt;/nhs-details&gt;</c>; <c>expander</c> gives the boxed style; <c>open</c> starts it open.</summary>
[HtmlTargetElement("nhs-details")]
public sealed class NhsDetailsTagHelper : TagHelper
{
    public string Summary { get; set; } = string.Empty;

    public bool Expander { get; set; }

    public bool Open { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var child = await output.GetChildContentAsync();
        output.TagName = "details";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes("nhsuk-details", Expander ? "nhsuk-expander" : null));
        if (Open)
        {
            output.Attributes.Add(new TagHelperAttribute("open", null, HtmlAttributeValueStyle.Minimized));
        }

        var summary = NhsMarkup.Element("summary", "nhsuk-details__summary");
        summary.InnerHtml.AppendHtml(NhsMarkup.Element("span", "nhsuk-details__summary-text", Summary));
        var text = NhsMarkup.Element("div", "nhsuk-details__text");
        text.InnerHtml.AppendHtml(child);
        output.Content.SetHtmlContent(new HtmlContentBuilder().AppendHtml(summary).AppendHtml(text));
    }
}

/// <summary><c>&lt;nhs-inset-text&gt;&lt;p&gt;...&lt;/p&gt;&lt;/nhs-inset-text&gt;</c>: child content is the body (write the paragraphs).</summary>
[HtmlTargetElement("nhs-inset-text")]
public sealed class NhsInsetTextTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var child = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-inset-text");
        output.Content.SetHtmlContent(new HtmlContentBuilder().AppendHtml(NhsMarkup.VisuallyHidden("Information: ")).AppendHtml(child));
    }
}

/// <summary>
/// <c>&lt;nhs-warning-callout heading="Important"&gt;&lt;p&gt;...&lt;/p&gt;&lt;/nhs-warning-callout&gt;</c>:
/// in nhsuk-frontend 10 the warning callout is the warning card.
/// </summary>
[HtmlTargetElement("nhs-warning-callout")]
public sealed class NhsWarningCalloutTagHelper : TagHelper
{
    public string? Heading { get; set; }

    public int HeadingLevel { get; set; } = 3;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var child = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-card nhsuk-card--warning");
        var inner = NhsMarkup.Element("div", "nhsuk-card__content");
        if (!string.IsNullOrEmpty(Heading))
        {
            inner.InnerHtml.AppendHtml(NhsMarkup.Element("h" + Math.Clamp(HeadingLevel, 1, 6).ToString(CultureInfo.InvariantCulture), "nhsuk-card__heading", Heading));
        }

        inner.InnerHtml.AppendHtml(child);
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary><c>&lt;nhs-back-link href="..." /&gt;</c>; <c>text</c> defaults to "Back".</summary>
[HtmlTargetElement("nhs-back-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsBackLinkTagHelper : TagHelper
{
    public string Href { get; set; } = string.Empty;

    public string Text { get; set; } = "Back";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-back-link");
        output.Attributes.SetAttribute("href", Href);
        output.Content.SetContent(Text);
    }
}

/// <summary>
/// <c>&lt;nhs-pagination page="2" page-count="9" href-template="/assets?q=walk&amp;page={0}" /&gt;</c>:
/// numbered pages with previous and next links. Shows the first and last pages, the current page and
/// one either side, with an ellipsis for each gap. Renders nothing for a single page.
/// </summary>
[HtmlTargetElement("nhs-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsPaginationTagHelper : TagHelper
{
    /// <summary>The current page, from 1.</summary>
    public int Page { get; set; } = 1;

    public int PageCount { get; set; }

    /// <summary>A URL with <c>{0}</c> where the page number goes.</summary>
    public string HrefTemplate { get; set; } = "?page={0}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var page = Math.Clamp(Page, 1, PageCount);
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-pagination nhsuk-pagination--numbered");
        output.Attributes.SetAttribute("role", "navigation");
        output.Attributes.SetAttribute("aria-label", "Pagination");

        var content = new HtmlContentBuilder();
        if (page > 1)
        {
            content.AppendHtml(Direction("previous", "Previous", Href(page - 1), NhsIcons.ArrowLeft, iconFirst: true));
        }

        var list = NhsMarkup.Element("ul", "nhsuk-pagination__list");
        int? last = null;
        foreach (var number in Numbers(page, PageCount))
        {
            if (last is { } previous && number > previous + 1)
            {
                var ellipsis = NhsMarkup.Element("li", "nhsuk-pagination__item nhsuk-pagination__item--ellipsis");
                ellipsis.InnerHtml.AppendHtml("&ctdot;");
                list.InnerHtml.AppendHtml(ellipsis);
            }

            var current = number == page;
            var item = NhsMarkup.Element("li", NhsMarkup.Classes("nhsuk-pagination__item", current ? "nhsuk-pagination__item--current" : null));
            var link = NhsMarkup.Element("a", "nhsuk-pagination__link", number.ToString(CultureInfo.InvariantCulture));
            link.Attributes["href"] = Href(number);
            link.Attributes["aria-label"] = $"Page {number.ToString(CultureInfo.InvariantCulture)}";
            if (current)
            {
                link.Attributes["aria-current"] = "page";
            }

            item.InnerHtml.AppendHtml(link);
            list.InnerHtml.AppendHtml(item);
            last = number;
        }

        content.AppendHtml(list);
        if (page < PageCount)
        {
            content.AppendHtml(Direction("next", "Next", Href(page + 1), NhsIcons.ArrowRight, iconFirst: false));
        }

        output.Content.SetHtmlContent(content);
    }

    /// <summary>The page numbers to show, in order: first, current and neighbours, last.</summary>
    public static IEnumerable<int> Numbers(int page, int pageCount) =>
        new[] { 1, page - 1, page, page + 1, pageCount }.Where(n => n >= 1 && n <= pageCount).Distinct().Order();

    private string Href(int number) => string.Format(CultureInfo.InvariantCulture, HrefTemplate, number);

    private static TagBuilder Direction(string rel, string text, string href, IHtmlContent icon, bool iconFirst)
    {
        var link = NhsMarkup.Element("a", "nhsuk-pagination__" + rel);
        link.Attributes["href"] = href;
        link.Attributes["rel"] = rel == "previous" ? "prev" : "next";
        var title = NhsMarkup.Element("span", "nhsuk-pagination__title", text);
        title.InnerHtml.AppendHtml(NhsMarkup.VisuallyHidden(" page"));
        if (iconFirst)
        {
            link.InnerHtml.AppendHtml(icon);
        }

        link.InnerHtml.AppendHtml(title);
        if (!iconFirst)
        {
            link.InnerHtml.AppendHtml(icon);
        }

        return link;
    }
}

/// <summary>The inline SVG icons nhsuk-frontend 10 uses, copied from its templates.</summary>
public static class NhsIcons
{
    public static readonly IHtmlContent ArrowLeft = Icon("arrow-left", "M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z");

    public static readonly IHtmlContent ArrowRight = Icon("arrow-right", "m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z");

    public static readonly IHtmlContent ChevronRightCircle = Icon("chevron-right-circle", "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-.3 5.8a1 1 0 1 0-1.5 1.4l2.9 2.8-2.9 2.8a1 1 0 0 0 1.5 1.4l3.5-3.5c.4-.4.4-1 0-1.4Z");

    public static readonly IHtmlContent User = Icon("user", "M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z");

    public static IHtmlContent Icon(string name, string path) => new HtmlString(
        $"<svg class=\"nhsuk-icon nhsuk-icon--{name}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" focusable=\"false\" aria-hidden=\"true\"><path d=\"{path}\"/></svg>");
}
