using Kith.Core.Platform.Accounts;
using Kith.Core.Relationships;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The relationship map: the managers' policy over Pages/Relationships and the analysis service every part uses.</summary>
public static class RelationshipsModule
{
    /// <summary>Managers and administrators: the map holds staff members' ties, so practitioners do not see it.</summary>
    public const string MapPolicy = "kith:relationship-map";

    public static IServiceCollection AddKithRelationships(this IServiceCollection services)
    {
        services.AddScoped<RelationshipAnalysisService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(MapPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(KithRoles.Manager, KithRoles.Administrator));

        // PostConfigure: AddRazorPages, called after the modules, resets the conventions.
        services.PostConfigure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Relationships", MapPolicy));
        return services;
    }
}
