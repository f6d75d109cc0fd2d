using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-table caption="..."&gt;&lt;thead&gt;...&lt;/thead&gt;&lt;tbody&gt;...&lt;/tbody&gt;&lt;/nhs-table&gt;</c>:
/// writes the NHS.UK classes onto the child <c>thead</c>, <c>tbody</c>, <c>tr</c>, <c>th</c> and <c>td</c>,
/// scopes header cells (<c>col</c> in the head, <c>row</c> in the body) and, when <c>responsive</c>,
/// adds the ARIA roles and the per-cell column heading that small screens show.
/// </summary>
[HtmlTargetElement("nhs-table")]
public sealed class NhsTableTagHelper : TagHelper
{
    public string? Caption { get; set; }

    /// <summary>Extra classes for the caption, e.g. <c>nhsuk-table__caption--m</c>.</summary>
    public string? CaptionClass { get; set; }

    public bool Responsive { get; set; }

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(TableState)] = new TableState(Responsive);
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = await output.GetChildContentAsync();
        output.TagName = "table";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes("nhsuk-table", Responsive ? "nhsuk-table--responsive" : null, output.Attributes["class"]?.Value?.ToString()));
        if (Responsive)
        {
            output.Attributes.SetAttribute("role", "table");
        }

        var content = new HtmlContentBuilder();
        if (!string.IsNullOrEmpty(Caption))
        {
            content.AppendHtml(NhsMarkup.Element("caption", NhsMarkup.Classes("nhsuk-table__caption", CaptionClass), Caption));
        }

        content.AppendHtml(rows);
        output.Content.SetHtmlContent(content);
    }
}

/// <summary>Shared by a table's parts while it renders.</summary>
public sealed class TableState(bool responsive)
{
    public bool Responsive { get; } = responsive;

    /// <summary>The column headings' HTML, in order, for the responsive per-cell headings.</summary>
    public List<string> Headers { get; } = [];
}

internal sealed class TableSection(bool isHead)
{
    public bool IsHead { get; } = isHead;
}

internal sealed class TableRow
{
    public int Column { get; set; }
}

[HtmlTargetElement("thead", ParentTag = "nhs-table")]
[HtmlTargetElement("tbody", ParentTag = "nhs-table")]
public sealed class NhsTableSectionTagHelper : TagHelper
{
    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(TableSection)] = new TableSection(context.TagName == "thead");
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Items[typeof(TableState)] is not TableState table)
        {
            return;
        }

        var isHead = context.TagName == "thead";
        output.Attributes.SetAttribute("class", NhsMarkup.Classes(isHead ? "nhsuk-table__head" : "nhsuk-table__body", output.Attributes["class"]?.Value?.ToString()));
        if (isHead && table.Responsive)
        {
            output.Attributes.SetAttribute("role", "rowgroup");
        }
    }
}

[HtmlTargetElement("tr", ParentTag = "thead")]
[HtmlTargetElement("tr", ParentTag = "tbody")]
public sealed class NhsTableRowTagHelper : TagHelper
{
    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(TableRow)] = new TableRow();
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(TableState), out var found) || found is not TableState table || !context.Items.ContainsKey(typeof(TableSection)))
        {
            return;
        }

        output.Attributes.SetAttribute("class", NhsMarkup.Classes("nhsuk-table__row", output.Attributes["class"]?.Value?.ToString()));
        if (table.Responsive)
        {
            output.Attributes.SetAttribute("role", "row");
        }
    }
}

[HtmlTargetElement("th", ParentTag = "tr")]
[HtmlTargetElement("td", ParentTag = "tr")]
public sealed class NhsTableCellTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(TableState), out var found) || found is not TableState table
            || !context.Items.TryGetValue(typeof(TableSection), out var foundSection) || foundSection is not TableSection section
            || !context.Items.TryGetValue(typeof(TableRow), out var foundRow) || foundRow is not TableRow row)
        {
            return;
        }

        var column = row.Column++;
        var isHeader = context.TagName == "th";
        output.Attributes.SetAttribute("class", NhsMarkup.Classes(isHeader ? "nhsuk-table__header" : "nhsuk-table__cell", output.Attributes["class"]?.Value?.ToString()));
        if (isHeader && !output.Attributes.ContainsName("scope"))
        {
            output.Attributes.SetAttribute("scope", section.IsHead ? "col" : "row");
        }

        var content = await output.GetChildContentAsync();
        if (section.IsHead)
        {
            table.Headers.Add(content.GetContent().Trim());
            if (table.Responsive)
            {
                output.Attributes.SetAttribute("role", "columnheader");
            }

            return;
        }

        if (!table.Responsive)
        {
            return;
        }

        output.Attributes.SetAttribute("role", isHeader ? "rowheader" : "cell");
        if (column < table.Headers.Count)
        {
            var heading = new HtmlContentBuilder()
                .AppendHtml("<span class=\"nhsuk-table__heading\" aria-hidden=\"true\">")
                .AppendHtml(table.Headers[column])
                .AppendHtml(" </span>");
            output.PreContent.SetHtmlContent(heading);
        }
    }
}
