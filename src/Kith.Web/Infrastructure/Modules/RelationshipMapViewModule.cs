using Kith.Web.Api;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The relationship map's picture: the map cache, the JSON API under /api/relationships and the map page's downloads.</summary>
public static class RelationshipMapViewModule
{
    public static IServiceCollection AddKithRelationshipMapView(this IServiceCollection services)
    {
        services.AddOptions<RelationshipMapCacheOptions>().BindConfiguration(RelationshipMapCacheOptions.Section)
            .Validate(o => o.ChangeCheckInterval >= TimeSpan.Zero && o.Lifetime > TimeSpan.Zero && o.MaxEntries > 0,
                "RelationshipMap:ChangeCheckInterval must not be negative, and Lifetime and MaxEntries must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RelationshipMapCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapKithRelationshipMapView(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRelationshipMapApi();
        return endpoints;
    }
}
