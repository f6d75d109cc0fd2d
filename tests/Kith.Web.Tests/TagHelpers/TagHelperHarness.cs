using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp.Diffing;
using AngleSharp.Diffing.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;

namespace Kith.Web.Tests.TagHelpers;

/// <summary>
/// Runs tag helpers the way Razor does (Init on every helper, then Process; child content rendered
/// lazily with a copy of the parent's Items), without compiling a view.
/// </summary>
public static class TagHelperHarness
{
    public static ViewContext NewViewContext(ModelStateDictionary? modelState = null) => new()
    {
        HttpContext = new DefaultHttpContext(),
        RouteData = new RouteData(),
        ActionDescriptor = new ActionDescriptor(),
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState ?? new ModelStateDictionary()),
        Writer = TextWriter.Null,
    };

    public static ModelExpression For<T>(string name, T? value)
    {
        var explorer = new EmptyModelMetadataProvider().GetModelExplorerForType(typeof(T), value);
        return new ModelExpression(name, explorer);
    }

    public static Task<string> RenderAsync(Node node) => RenderAsync(node, new Dictionary<object, object>());

    private static async Task<string> RenderAsync(Node node, IDictionary<object, object> parentItems)
    {
        if (node.Html is not null)
        {
            return node.Html;
        }

        var items = new Dictionary<object, object>(parentItems);
        var attributes = new TagHelperAttributeList(node.Attributes.Select(a => new TagHelperAttribute(a.Key, a.Value)));
        var context = new TagHelperContext(node.Tag!, attributes, items, Guid.NewGuid().ToString("N"));
        foreach (var helper in node.Helpers)
        {
            helper.Init(context);
        }

        var output = new TagHelperOutput(node.Tag, new TagHelperAttributeList(attributes), async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            foreach (var child in node.Children)
            {
                content.AppendHtml(await RenderAsync(child, items));
            }

            return content;
        });

        if (node.Helpers.Count == 0)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        foreach (var helper in node.Helpers.OrderBy(h => h.Order))
        {
            await helper.ProcessAsync(context, output);
        }

        if (!output.IsContentModified && node.Helpers.Count > 0)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static async Task<string> RenderAsync(TagHelper helper, string tag, params Node[] children) =>
        await RenderAsync(Node.Of(tag, helper, children));

    /// <summary>Compares two pieces of HTML as DOM trees: attribute order, class order and whitespace do not matter.</summary>
    public static void AssertSameHtml(string expected, string actual)
    {
        var diffs = DiffBuilder.Compare(expected).WithTest(actual).WithOptions(o => o.AddDefaultOptions()).Build().ToList();
        Assert.True(diffs.Count == 0, $"HTML differs ({diffs.Count}):\n{string.Join("\n", diffs.Select(Describe))}\n--- expected\n{expected}\n--- actual\n{actual}");
    }

    private static string Describe(IDiff diff) => diff switch
    {
        NodeDiff n => $"{n.Result}: {n.Control.Path} '{n.Control.Node.TextContent.Trim()}' vs '{n.Test.Node.TextContent.Trim()}'",
        AttrDiff a => $"{a.Result}: {a.Control.Path} '{a.Control.Attribute.Value}' vs '{a.Test.Attribute.Value}'",
        MissingNodeDiff m => $"missing: {m.Control.Path}",
        MissingAttrDiff m => $"missing attribute: {m.Control.Path}",
        UnexpectedNodeDiff u => $"unexpected: {u.Test.Path}",
        UnexpectedAttrDiff u => $"unexpected attribute: {u.Test.Path}",
        _ => diff.ToString() ?? diff.GetType().Name,
    };
}

/// <summary>A node to render: an element with tag helpers and children, or raw HTML.</summary>
public sealed class Node
{
    public string? Tag { get; private init; }

    public string? Html { get; private init; }

    public IReadOnlyList<ITagHelper> Helpers { get; private init; } = [];

    public IReadOnlyDictionary<string, string> Attributes { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyList<Node> Children { get; private init; } = [];

    public static Node Of(string tag, ITagHelper? helper, params Node[] children) => new()
    {
        Tag = tag,
        Helpers = helper is null ? [] : [helper],
        Children = children,
    };

    public static Node Element(string tag, IReadOnlyDictionary<string, string> attributes, ITagHelper? helper, params Node[] children) => new()
    {
        Tag = tag,
        Attributes = attributes,
        Helpers = helper is null ? [] : [helper],
        Children = children,
    };

    public static Node Raw(string html) => new() { Html = html };
}

/// <summary>The upstream fixtures shipped in nhsuk-frontend's dist folder, found from the repository root.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> ComponentsDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kith.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Kith.Web", "node_modules", "nhsuk-frontend", "dist", "nhsuk", "components");
            }
        }

        throw new InvalidOperationException("Could not find Kith.sln above " + AppContext.BaseDirectory);
    });

    /// <summary>The HTML of the <paramref name="occurrence"/>th fixture called <paramref name="name"/> (several share a name).</summary>
    public static string Html(string component, string name, int occurrence = 0)
    {
        var path = Path.Combine(ComponentsDirectory.Value, component, "fixtures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var matches = document.RootElement.GetProperty("fixtures").EnumerateArray()
            .Where(f => f.GetProperty("name").GetString() == name)
            .ToList();
        Assert.True(matches.Count > occurrence, $"No fixture '{name}' (#{occurrence}) in {component}");
        return matches[occurrence].GetProperty("html").GetString()!;
    }
}
