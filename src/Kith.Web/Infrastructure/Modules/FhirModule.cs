using Kith.Core.Connections.Referrals;
using Kith.Web.Fhir;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// FHIR R4 interoperability under <c>/fhir</c> (ADR 21): referrers' OAuth2 clients, referrals received as
/// ServiceRequest and their Tasks, and the export for a person who agreed to share.
/// </summary>
public static class FhirModule
{
    public static IServiceCollection AddKithFhir(this IServiceCollection services)
    {
        services.AddScoped<ReferrerClientService>();
        services.AddScoped<ReferralService>();
        return services;
    }

    public static IEndpointRouteBuilder MapKithFhir(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFhirApi();
        return endpoints;
    }
}
