using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-input asp-for="Input.Name" label="Name" /&gt;</c>: form group with label, hint, error
/// message and a text input holding what was typed or the model's value.
/// </summary>
[HtmlTargetElement("nhs-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : NhsFieldTagHelper
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "text", "email", "tel", "number", "search", "password", "url" };

    public string Label { get; set; } = string.Empty;

    /// <summary>text (default), email, tel, number, search, password or url.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>Extra classes for the input, e.g. <c>nhsuk-input--width-10</c>.</summary>
    public string? InputClass { get; set; }

    /// <summary>Extra classes for the label, e.g. <c>nhsuk-label--l</c>.</summary>
    public string? LabelClass { get; set; }

    public bool IsPageHeading { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>Sets the spellcheck attribute when given; leaves it out otherwise.</summary>
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Types.Contains(Type))
        {
            throw new InvalidOperationException($"nhs-input type '{Type}' is not supported; use one of {string.Join(", ", Types)}.");
        }

        var error = ErrorMessage;
        var content = new HtmlContentBuilder();
        content.AppendHtml(NhsMarkup.Label(FieldId, Label, LabelClass, IsPageHeading));
        AppendHintAndError(content, error);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["class"] = NhsMarkup.Classes("nhsuk-input", error is null ? null : "nhsuk-input--error", InputClass);
        input.Attributes["id"] = FieldId;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        var value = Type == "password" ? null : CurrentValue();
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }

        if (Spellcheck is { } spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        if (DescribedBy(error) is { } describedBy)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (!string.IsNullOrEmpty(Inputmode))
        {
            input.Attributes["inputmode"] = Inputmode;
        }

        content.AppendHtml(input);
        RenderFormGroup(output, error, content);
    }
}

/// <summary><c>&lt;nhs-textarea asp-for="..." label="..." /&gt;</c>: form group with a textarea.</summary>
[HtmlTargetElement("nhs-textarea", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper : NhsFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public int Rows { get; set; } = 5;

    public string? LabelClass { get; set; }

    public bool IsPageHeading { get; set; }

    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var error = ErrorMessage;
        var content = new HtmlContentBuilder();
        content.AppendHtml(NhsMarkup.Label(FieldId, Label, LabelClass, IsPageHeading));
        AppendHintAndError(content, error);

        var textarea = new TagBuilder("textarea");
        textarea.Attributes["class"] = NhsMarkup.Classes("nhsuk-textarea", error is null ? null : "nhsuk-textarea--error");
        textarea.Attributes["id"] = FieldId;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (DescribedBy(error) is { } describedBy)
        {
            textarea.Attributes["aria-describedby"] = describedBy;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            textarea.Attributes["autocomplete"] = Autocomplete;
        }

        // A newline after the start tag keeps a value that itself starts with a newline intact.
        var value = CurrentValue();
        if (!string.IsNullOrEmpty(value))
        {
            textarea.InnerHtml.AppendLine();
            textarea.InnerHtml.Append(value);
        }

        content.AppendHtml(textarea);
        RenderFormGroup(output, error, content);
    }
}

/// <summary>
/// <c>&lt;nhs-select asp-for="..." label="..."&gt;&lt;option value="a"&gt;A&lt;/option&gt;&lt;/nhs-select&gt;</c>:
/// form group with a select; the option whose value equals the current value is selected.
/// </summary>
[HtmlTargetElement("nhs-select", Attributes = "asp-for")]
public sealed class NhsSelectTagHelper : NhsFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public string? LabelClass { get; set; }

    public bool IsPageHeading { get; set; }

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Init(context);
        context.Items[typeof(NhsSelectTagHelper)] = new SelectState(CurrentValue());
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = await output.GetChildContentAsync();
        var error = ErrorMessage;
        var content = new HtmlContentBuilder();
        content.AppendHtml(NhsMarkup.Label(FieldId, Label, LabelClass, IsPageHeading));
        AppendHintAndError(content, error);

        var select = new TagBuilder("select");
        select.Attributes["class"] = NhsMarkup.Classes("nhsuk-select", error is null ? null : "nhsuk-select--error");
        select.Attributes["id"] = FieldId;
        select.Attributes["name"] = FieldName;
        if (DescribedBy(error) is { } describedBy)
        {
            select.Attributes["aria-describedby"] = describedBy;
        }

        select.InnerHtml.AppendHtml(options);
        content.AppendHtml(select);
        RenderFormGroup(output, error, content);
    }

    internal sealed record SelectState(string? Value);
}

/// <summary>Marks the <c>option</c> of an <c>nhs-select</c> whose value is the field's current value as selected.</summary>
[HtmlTargetElement("option", ParentTag = "nhs-select")]
public sealed class NhsSelectOptionTagHelper : TagHelper
{
    public string? Value { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var value = Value;
        if (value is null)
        {
            value = (await output.GetChildContentAsync()).GetContent();
        }
        else
        {
            output.Attributes.SetAttribute("value", value);
        }

        if (context.Items.TryGetValue(typeof(NhsSelectTagHelper), out var state)
            && state is NhsSelectTagHelper.SelectState { Value: { } current }
            && string.Equals(current, value, StringComparison.OrdinalIgnoreCase)
            && !output.Attributes.ContainsName("selected"))
        {
            output.Attributes.Add(new TagHelperAttribute("selected", null, HtmlAttributeValueStyle.Minimized));
        }
    }
}
