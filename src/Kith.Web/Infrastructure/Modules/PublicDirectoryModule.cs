using Kith.Web.Api;
using Kith.Web.Directory;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The public directory: search and asset pages (Razor Pages under /assets), the JSON API and its OpenAPI document.</summary>
public static class PublicDirectoryModule
{
    /// <summary>The OpenAPI document's name; it is served at /openapi/v1.json.</summary>
    public const string OpenApiDocumentName = "v1";

    public static IServiceCollection AddPublicDirectory(this IServiceCollection services)
    {
        services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Kith API";
                document.Info.Description = "Open data from Kith's directory of community assets: local groups, activities, spaces and services.";
                return Task.CompletedTask;
            });
        });
        services.AddProblemDetails();
        services.AddSingleton<TaxonomyTermCodes>();
        // Generated serialisers first for the API's own answers; everything else (problem details) falls through to reflection.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, KithApiJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapPublicDirectory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapAssetsApi();
        return endpoints;
    }
}
