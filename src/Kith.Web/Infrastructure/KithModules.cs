using Kith.Web.Infrastructure.Modules;

namespace Kith.Web.Infrastructure;

/// <summary>Registers each module's services and endpoints. One line per module; the module owns the rest.</summary>
public static class KithModules
{
    public static IServiceCollection AddKithModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDemo(); // first: its startup step seeds before the search index is built
        services.AddKithAccounts(configuration);
        services.AddShell();
        services.AddPostcodes();
        services.AddKithSearch(); // after the demo seed: the index is built from what the seed wrote
        services.AddPublicDirectory();
        services.AddKithEditing();
        services.AddKithFreshness();
        services.AddKithPeople();
        services.AddKithRecords();
        services.AddKithGoals();
        services.AddKithMyView();
        services.AddKithAboutMe();
        services.AddKithStrengths();
        services.AddKithConnections();
        services.AddKithFollowUps();
        services.AddKithConnecting();
        services.AddKithIntroductions();
        services.AddKithJobs(configuration);
        services.AddOpenReferral();
        services.AddKithStewardship();
        services.AddKithFhir();
        services.AddKithRelationships();
        services.AddKithRelationshipMap(); // after AddDemo: its startup step seeds the demo map after the demo area
        services.AddKithRelationshipSurveys();
        services.AddKithRelationshipInsights();
        services.AddKithRelationshipMapView();
        return services;
    }

    public static IEndpointRouteBuilder MapKithEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicDirectory();
        endpoints.MapPeopleApi();
        endpoints.MapOpenReferral();
        endpoints.MapKithFhir();
        endpoints.MapKithRelationshipMapView();
        return endpoints;
    }
}
