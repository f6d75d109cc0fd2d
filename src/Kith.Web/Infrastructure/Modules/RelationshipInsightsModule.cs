using Kith.Core.Relationships.Insights;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// The pages that answer the managers' questions about the relationship map: /relationships/ties-report, /gaps,
/// /round-table and /power. They live under Pages/Relationships, so <see cref="RelationshipsModule.MapPolicy"/> covers them.
/// </summary>
public static class RelationshipInsightsModule
{
    public static IServiceCollection AddKithRelationshipInsights(this IServiceCollection services)
    {
        services.AddScoped<RelationshipInsightsService>();
        return services;
    }
}
