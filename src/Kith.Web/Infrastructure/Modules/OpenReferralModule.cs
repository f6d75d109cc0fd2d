using Kith.Web.OpenReferral;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// The Open Referral UK 3.0 read API under <c>/oruk</c> (ADR 13): the directory's published services,
/// organisations, taxonomies and service_at_locations, open to anyone, for other directories to read.
/// </summary>
public static class OpenReferralModule
{
    public static IServiceCollection AddOpenReferral(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOpenReferral(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrukApi();
        return endpoints;
    }
}
