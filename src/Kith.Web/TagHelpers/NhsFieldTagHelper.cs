using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// What every NHS.UK form field shares: the bound expression, its name and id as ASP.NET Core writes
/// them, the hint, and the error message read from ModelState.
/// </summary>
public abstract class NhsFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Hint text shown under the label or legend (plain text, encoded).</summary>
    public string? Hint { get; set; }

    /// <summary>Notes where this field is on the page, so the error summary lists errors in page order.</summary>
    public override void Init(TagHelperContext context)
    {
        FieldOrder.For(ViewContext.HttpContext).Add(FieldName);
    }

    /// <summary>The field's name, e.g. <c>Input.Name</c>.</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The field's id, e.g. <c>Input_Name</c>: the target of the error summary's link.</summary>
    protected string FieldId => NhsMarkup.IdFor(FieldName);

    protected string HintId => FieldId + "-hint";

    protected string ErrorId => FieldId + "-error";

    /// <summary>The first ModelState error for this field, or null.</summary>
    protected string? ErrorMessage => NhsMarkup.FirstError(ViewContext, FieldName);

    /// <summary>What was typed (when the form is being shown again) or else the model's value, as text.</summary>
    protected string? CurrentValue()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.AttemptedValue;
        }

        return NhsMarkup.Format(For.Model);
    }

    /// <summary>Every current value of a field bound to a collection (checkboxes), or the single value.</summary>
    protected IReadOnlyCollection<string> CurrentValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => many,
                string one => [one],
                _ => [entry.AttemptedValue ?? string.Empty],
            };
        }

        return For.Model switch
        {
            null => [],
            string one => [one],
            IEnumerable many => many.Cast<object?>().Select(NhsMarkup.Format).OfType<string>().ToList(),
            var one => [NhsMarkup.Format(one) ?? string.Empty],
        };
    }

    /// <summary>The ids for aria-describedby: hint and error when present, or null.</summary>
    protected string? DescribedBy(string? error)
    {
        var ids = new List<string>(2);
        if (!string.IsNullOrEmpty(Hint))
        {
            ids.Add(HintId);
        }

        if (error is not null)
        {
            ids.Add(ErrorId);
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>Appends hint and error message in the design system's order (hint first).</summary>
    protected void AppendHintAndError(HtmlContentBuilder content, string? error)
    {
        if (!string.IsNullOrEmpty(Hint))
        {
            content.AppendHtml(NhsMarkup.Hint(HintId, Hint));
        }

        if (error is not null)
        {
            content.AppendHtml(NhsMarkup.ErrorMessage(ErrorId, error));
        }
    }

    /// <summary>Turns the tag helper's element into the form group div.</summary>
    protected static void RenderFormGroup(TagHelperOutput output, string? error, IHtmlContent content)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(content);
    }
}

/// <summary>Builders for the small pieces of NHS.UK markup that several components share.</summary>
public static class NhsMarkup
{
    public static string IdFor(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_");

    public static string? FirstError(ViewContext viewContext, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        if (!viewContext.ViewData.ModelState.TryGetValue(fieldName, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }

        return MessageOf(entry.Errors[0]);
    }

    /// <summary>An error's message; an exception's message is never shown to the person.</summary>
    public static string MessageOf(Microsoft.AspNetCore.Mvc.ModelBinding.ModelError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;
    }

    /// <summary>A value as form text: invariant culture for numbers and dates, names for enums.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static TagBuilder Hint(string id, string text, string? extraClass = null)
    {
        var hint = new TagBuilder("div");
        hint.AddCssClass(extraClass is null ? "nhsuk-hint" : "nhsuk-hint " + extraClass);
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static TagBuilder ErrorMessage(string id, string text)
    {
        var message = new TagBuilder("span");
        message.AddCssClass("nhsuk-error-message");
        message.Attributes["id"] = id;
        message.InnerHtml.AppendHtml(VisuallyHidden("Error: "));
        message.InnerHtml.Append(text);
        return message;
    }

    public static TagBuilder VisuallyHidden(string text)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("nhsuk-u-visually-hidden");
        span.InnerHtml.Append(text);
        return span;
    }

    /// <summary>A label; as the page heading it is wrapped in <c>h1.nhsuk-label-wrapper</c>.</summary>
    public static IHtmlContent Label(string forId, string text, string? labelClass, bool isPageHeading)
    {
        var label = new TagBuilder("label");
        label.AddCssClass(string.IsNullOrWhiteSpace(labelClass) ? "nhsuk-label" : "nhsuk-label " + labelClass);
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }

        var heading = new TagBuilder("h1");
        heading.AddCssClass("nhsuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    /// <summary>A legend; as the page heading its text is in <c>h1.nhsuk-fieldset__heading</c>.</summary>
    public static TagBuilder Legend(string text, string? legendClass, bool isPageHeading)
    {
        var legend = new TagBuilder("legend");
        legend.AddCssClass(string.IsNullOrWhiteSpace(legendClass) ? "nhsuk-fieldset__legend" : "nhsuk-fieldset__legend " + legendClass);
        if (isPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("nhsuk-fieldset__heading");
            heading.InnerHtml.Append(text);
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(text);
        }

        return legend;
    }

    /// <summary>An element with a class and encoded text.</summary>
    public static TagBuilder Element(string tag, string? cssClass, string? text = null)
    {
        var element = new TagBuilder(tag);
        if (!string.IsNullOrEmpty(cssClass))
        {
            element.AddCssClass(cssClass);
        }

        if (text is not null)
        {
            element.InnerHtml.Append(text);
        }

        return element;
    }

    /// <summary>Joins CSS classes, skipping empty ones.</summary>
    public static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)));
}
