using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kith.Web.TagHelpers;

/// <summary>
/// <c>&lt;nhs-error-summary /&gt;</c>: lists every ModelState error, each linking to its field
/// (<c>#Input_Name</c>); an error not tied to a field (empty key) is listed without a link.
/// Renders nothing when the model state is valid.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public string Title { get; set; } = "There is a problem";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(NhsMarkup.Element("h2", "nhsuk-error-summary__heading", Title));
        var body = NhsMarkup.Element("div", "nhsuk-error-summary__body");
        body.InnerHtml.AppendHtml(new ErrorList(modelState, FieldOrder.For(ViewContext.HttpContext)));
        alert.InnerHtml.AppendHtml(body);
        output.Content.SetHtmlContent(alert);
    }

    /// <summary>
    /// The list of errors, built when the page is written out rather than when the summary is reached:
    /// Razor buffers the page, so by then every field below the summary has said where it is, and the
    /// errors are listed in the order the fields appear. Errors for fields not on the page come last.
    /// </summary>
    private sealed class ErrorList(ModelStateDictionary modelState, FieldOrder order) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var errors = modelState
                .Where(entry => entry.Value is { Errors.Count: > 0 })
                .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, Message: NhsMarkup.MessageOf(error))))
                .Distinct()
                .Select((error, index) => (error.Key, error.Message, Position: order.PositionOf(error.Key), index))
                .OrderBy(e => e.Position)
                .ThenBy(e => e.index);

            var list = NhsMarkup.Element("ul", "nhsuk-list nhsuk-error-summary__list");
            foreach (var (key, message, _, _) in errors)
            {
                var item = new TagBuilder("li");
                if (string.IsNullOrEmpty(key))
                {
                    item.InnerHtml.Append(message);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + TargetId(key);
                    link.InnerHtml.Append(message);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }

            list.WriteTo(writer, encoder);
        }
    }

    /// <summary>The id of the field an error belongs to; a date's day box carries the date's own id.</summary>
    private static string TargetId(string key) =>
        NhsMarkup.IdFor(key.EndsWith(".Day", StringComparison.Ordinal) ? key[..^".Day".Length] : key);
}

/// <summary>The order in which form fields were rendered on this request, for the error summary.</summary>
public sealed class FieldOrder
{
    private readonly List<string> names = [];

    public static FieldOrder For(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items[typeof(FieldOrder)] is not FieldOrder order)
        {
            order = new FieldOrder();
            httpContext.Items[typeof(FieldOrder)] = order;
        }

        return order;
    }

    public void Add(string fieldName)
    {
        if (!names.Contains(fieldName, StringComparer.Ordinal))
        {
            names.Add(fieldName);
        }
    }

    /// <summary>Where the field owning <paramref name="key"/> (itself, or the field it is part of) was rendered; int.MaxValue when it was not.</summary>
    public int PositionOf(string key)
    {
        var best = int.MaxValue;
        var bestLength = -1;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var owns = string.Equals(key, name, StringComparison.Ordinal)
                || (key.StartsWith(name, StringComparison.Ordinal) && key.Length > name.Length && key[name.Length] is '.' or '[');
            if (owns && name.Length > bestLength)
            {
                best = i;
                bestLength = name.Length;
            }
        }

        return best;
    }
}
