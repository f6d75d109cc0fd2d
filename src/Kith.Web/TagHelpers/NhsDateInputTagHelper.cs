using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-date-input asp-for="Input.StartDate" legend="..." /&gt;</c> for a <see cref="DateInput"/>:
/// a fieldset with day, month and year boxes named <c>X.Day</c>, <c>X.Month</c>, <c>X.Year</c>.
/// The day box's id is the field id (so the error summary's link lands on it); month and year are
/// <c>X_Month</c> and <c>X_Year</c>. An error on <c>X</c> marks all three boxes; an error on
/// <c>X.Month</c> (say) marks only that box.
/// </summary>
[HtmlTargetElement("nhs-date-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper : NhsFieldTagHelper
{
    private static readonly (string Part, string Label, int Width)[] Parts = [("Day", "Day", 2), ("Month", "Month", 2), ("Year", "Year", 4)];

    public string Legend { get; set; } = string.Empty;

    public string? LegendClass { get; set; }

    public bool IsPageHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var model = For.Model as DateInput;
        var wholeError = ErrorMessage;
        var partErrors = Parts.ToDictionary(p => p.Part, p => NhsMarkup.FirstError(ViewContext, $"{FieldName}.{p.Part}"), StringComparer.Ordinal);
        var error = wholeError ?? partErrors.Values.FirstOrDefault(e => e is not null);

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("nhsuk-fieldset");
        fieldset.Attributes["role"] = "group";
        if (DescribedBy(error) is { } describedBy)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        fieldset.InnerHtml.AppendHtml(NhsMarkup.Legend(Legend, LegendClass, IsPageHeading));
        var hintAndError = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        AppendHintAndError(hintAndError, error);
        fieldset.InnerHtml.AppendHtml(hintAndError);

        var inputs = new TagBuilder("div");
        inputs.AddCssClass("nhsuk-date-input");
        inputs.Attributes["id"] = FieldId + "-date-input";
        foreach (var (part, label, width) in Parts)
        {
            var partName = $"{FieldName}.{part}";
            var partId = part == "Day" ? FieldId : NhsMarkup.IdFor(partName);
            var partHasError = wholeError is not null || partErrors[part] is not null;

            var item = new TagBuilder("div");
            item.AddCssClass("nhsuk-date-input__item");
            var group = new TagBuilder("div");
            group.Attributes["class"] = partHasError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";
            var partLabel = new TagBuilder("label");
            partLabel.AddCssClass("nhsuk-label nhsuk-date-input__label");
            partLabel.Attributes["for"] = partId;
            partLabel.InnerHtml.Append(label);
            group.InnerHtml.AppendHtml(partLabel);

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.Attributes["class"] = NhsMarkup.Classes("nhsuk-input", partHasError ? "nhsuk-input--error" : null, $"nhsuk-input--width-{width}", "nhsuk-date-input__input");
            input.Attributes["id"] = partId;
            input.Attributes["name"] = partName;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            var value = PartValue(partName, part, model);
            if (!string.IsNullOrEmpty(value))
            {
                input.Attributes["value"] = value;
            }

            group.InnerHtml.AppendHtml(input);
            item.InnerHtml.AppendHtml(group);
            inputs.InnerHtml.AppendHtml(item);
        }

        fieldset.InnerHtml.AppendHtml(inputs);
        RenderFormGroup(output, error, fieldset);
    }

    private string? PartValue(string partName, string part, DateInput? model)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(partName, out var entry) && entry.RawValue is not null)
        {
            return entry.AttemptedValue;
        }

        return part switch
        {
            "Day" => model?.Day,
            "Month" => model?.Month,
            _ => model?.Year,
        };
    }
}
