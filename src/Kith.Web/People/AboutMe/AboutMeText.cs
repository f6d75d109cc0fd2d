using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kith.Web.People.AboutMe;

/// <summary>Shows typed text as paragraphs (blank lines) and line breaks, HTML-encoded, without inline styles.</summary>
public static class AboutMeText
{
    public static IHtmlContent Paragraphs(string? text, string? cssClass = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var html = new StringBuilder();
        var classAttribute = cssClass is null ? string.Empty : $" class=\"{HtmlEncoder.Default.Encode(cssClass)}\"";
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p").Append(classAttribute).Append('>');
            html.AppendJoin("<br>", paragraph.Split('\n').Select(line => HtmlEncoder.Default.Encode(line)));
            html.Append("</p>");
        }

        return new HtmlString(html.ToString());
    }
}
