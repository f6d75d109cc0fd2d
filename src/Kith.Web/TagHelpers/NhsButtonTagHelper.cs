using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-button&gt;Save&lt;/nhs-button&gt;</c>: a submit button, or with <c>href</c> a link styled
/// as a button. <c>variant</c> is secondary, secondary-solid, reverse, warning or login.
/// </summary>
[HtmlTargetElement("nhs-button")]
public sealed class NhsButtonTagHelper : TagHelper
{
    private static readonly HashSet<string> Variants = new(StringComparer.Ordinal) { "secondary", "secondary-solid", "reverse", "warning", "login" };

    /// <summary>submit (default), button or reset; ignored for a link button.</summary>
    public string Type { get; set; } = "submit";

    public string? Href { get; set; }

    public string? Variant { get; set; }

    public bool Small { get; set; }

    public bool? PreventDoubleClick { get; set; }

    public string? Name { get; set; }

    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Variant is not null && !Variants.Contains(Variant))
        {
            throw new InvalidOperationException($"nhs-button variant '{Variant}' is not one of {string.Join(", ", Variants)}.");
        }

        var classes = NhsMarkup.Classes("nhsuk-button", Variant is null ? null : "nhsuk-button--" + Variant, Small ? "nhsuk-button--small" : null);
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", NhsMarkup.Classes(classes, output.Attributes["class"]?.Value?.ToString()));
        output.Attributes.SetAttribute("data-module", "nhsuk-button");
        if (PreventDoubleClick is { } prevent)
        {
            output.Attributes.SetAttribute("data-prevent-double-click", prevent ? "true" : "false");
        }

        if (Href is not null)
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", Href);
            output.Attributes.SetAttribute("role", "button");
            output.Attributes.SetAttribute("draggable", "false");
            return;
        }

        output.TagName = "button";
        output.Attributes.SetAttribute("type", Type);
        if (Name is not null)
        {
            output.Attributes.SetAttribute("name", Name);
        }

        if (Value is not null)
        {
            output.Attributes.SetAttribute("value", Value);
        }
    }
}
