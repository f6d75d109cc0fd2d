using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kith.Web.Pages.Api;

/// <summary>The browsable API reference: every operation in the generated OpenAPI document, rendered on the server.</summary>
public class IndexModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var provider = HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(PublicDirectoryModule.OpenApiDocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "Kith API";
        Description = document.Info?.Description;
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new ApiOperation(
                    method.Method.ToUpperInvariant(),
                    path,
                    operation.OperationId,
                    operation.Summary,
                    operation.Description,
                    (operation.Parameters ?? []).Select(p => new ApiParameter(
                        p.Name ?? string.Empty,
                        p.In?.ToString().ToLowerInvariant() ?? string.Empty,
                        p.Required,
                        SchemaType(p.Schema),
                        p.Description)).ToList(),
                    (operation.Responses ?? []).Select(r => new ApiResponse(
                        r.Key,
                        r.Value.Description,
                        (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Keys.ToList())).ToList()));
            }
        }

        Operations = operations;
    }

    private static string SchemaType(IOpenApiSchema? schema)
    {
        if (schema?.Type is not { } type)
        {
            return "string";
        }

        var name = (type & ~JsonSchemaType.Null).ToString().ToLowerInvariant();
        return name == "array" && schema.Items?.Type is { } itemType
            ? $"array of {(itemType & ~JsonSchemaType.Null).ToString().ToLowerInvariant()}, repeatable"
            : name;
    }
}

public sealed record ApiOperation(
    string Method, string Path, string? OperationId, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<ApiResponse> Responses);

/// <param name="In">query, path or header.</param>
public sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Description);

public sealed record ApiResponse(string StatusCode, string? Description, IReadOnlyList<string> ContentTypes);
