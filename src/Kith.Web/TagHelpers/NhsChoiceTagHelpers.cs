using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// The fieldset shared by radios and checkboxes: legend, hint, error message and the items, which
/// the child <c>nhs-radio</c> / <c>nhs-checkbox</c> elements render through a shared <see cref="ChoiceState"/>.
/// The first item's id is the field id; later items get <c>-2</c>, <c>-3</c>, ... as upstream does.
/// </summary>
public abstract class NhsChoicesTagHelper : NhsFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    /// <summary>Extra classes for the legend, e.g. <c>nhsuk-fieldset__legend--l</c>.</summary>
    public string? LegendClass { get; set; }

    public bool IsPageHeading { get; set; }

    public bool Small { get; set; }

    /// <summary>"radios" or "checkboxes": the upstream class prefix and input type.</summary>
    private protected abstract string Kind { get; }

    private protected virtual string? ModifierClasses => null;

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Init(context);
        context.Items[typeof(ChoiceState)] = new ChoiceState(Kind, FieldId, FieldName, new HashSet<string>(CurrentValues(), StringComparer.OrdinalIgnoreCase));
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var items = await output.GetChildContentAsync();
        var error = ErrorMessage;

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("nhsuk-fieldset");
        if (DescribedBy(error) is { } describedBy)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        fieldset.InnerHtml.AppendHtml(NhsMarkup.Legend(Legend, LegendClass, IsPageHeading));
        var hintAndError = new HtmlContentBuilder();
        AppendHintAndError(hintAndError, error);
        fieldset.InnerHtml.AppendHtml(hintAndError);

        var list = new TagBuilder("div");
        list.Attributes["class"] = NhsMarkup.Classes($"nhsuk-{Kind}", Small ? $"nhsuk-{Kind}--small" : null, ModifierClasses);
        list.Attributes["data-module"] = $"nhsuk-{Kind}";
        list.InnerHtml.AppendHtml(items);
        fieldset.InnerHtml.AppendHtml(list);

        RenderFormGroup(output, error, fieldset);
    }
}

/// <summary>
/// <c>&lt;nhs-radios asp-for="Input.Cost" legend="..."&gt;&lt;nhs-radio value="Free" label="Free" /&gt;&lt;/nhs-radios&gt;</c>.
/// Works with strings, enums (value is the enum name) and booleans ("true"/"false").
/// </summary>
[HtmlTargetElement("nhs-radios", Attributes = "asp-for")]
[RestrictChildren("nhs-radio")]
public sealed class NhsRadiosTagHelper : NhsChoicesTagHelper
{
    public bool Inline { get; set; }

    private protected override string Kind => "radios";

    private protected override string? ModifierClasses => Inline ? "nhsuk-radios--inline" : null;
}

/// <summary>
/// <c>&lt;nhs-checkboxes asp-for="Input.Tags" legend="..."&gt;&lt;nhs-checkbox value="a" label="A" /&gt;&lt;/nhs-checkboxes&gt;</c>;
/// <c>asp-for</c> is a collection (strings or enums); items in it are checked. Posting none binds an empty collection.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", Attributes = "asp-for")]
[RestrictChildren("nhs-checkbox")]
public sealed class NhsCheckboxesTagHelper : NhsChoicesTagHelper
{
    private protected override string Kind => "checkboxes";
}

/// <summary>One radio of an <c>nhs-radios</c>.</summary>
[HtmlTargetElement("nhs-radio", ParentTag = "nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadioTagHelper : NhsChoiceItemTagHelper;

/// <summary>One checkbox of an <c>nhs-checkboxes</c>.</summary>
[HtmlTargetElement("nhs-checkbox", ParentTag = "nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxTagHelper : NhsChoiceItemTagHelper;

public abstract class NhsChoiceItemTagHelper : TagHelper
{
    public string Value { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(ChoiceState), out var found) || found is not ChoiceState state)
        {
            throw new InvalidOperationException("nhs-radio and nhs-checkbox must be inside nhs-radios or nhs-checkboxes.");
        }

        var id = state.NextId();
        var kind = state.Kind;
        var item = new TagBuilder("div");
        item.AddCssClass($"nhsuk-{kind}__item");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["class"] = $"nhsuk-{kind}__input";
        input.Attributes["id"] = id;
        input.Attributes["name"] = state.Name;
        input.Attributes["type"] = kind == "radios" ? "radio" : "checkbox";
        input.Attributes["value"] = Value;
        if (state.Values.Contains(Value))
        {
            input.Attributes["checked"] = "checked";
        }

        var hintId = id + "-item-hint";
        if (!string.IsNullOrEmpty(Hint))
        {
            input.Attributes["aria-describedby"] = hintId;
        }

        item.InnerHtml.AppendHtml(input);
        var label = new TagBuilder("label");
        label.AddCssClass($"nhsuk-label nhsuk-{kind}__label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        item.InnerHtml.AppendHtml(label);
        if (!string.IsNullOrEmpty(Hint))
        {
            item.InnerHtml.AppendHtml(NhsMarkup.Hint(hintId, Hint, $"nhsuk-{kind}__hint"));
        }

        output.TagName = null;
        output.Content.SetHtmlContent(item);
    }
}

/// <summary>Passed from the radios or checkboxes to their items while they render.</summary>
public sealed class ChoiceState(string kind, string fieldId, string name, IReadOnlySet<string> values)
{
    private int count;

    public string Kind { get; } = kind;

    public string Name { get; } = name;

    /// <summary>Current values, compared without regard to case (so "True" matches "true").</summary>
    public IReadOnlySet<string> Values { get; } = values;

    public string NextId()
    {
        count++;
        return count == 1 ? fieldId : $"{fieldId}-{count}";
    }
}
