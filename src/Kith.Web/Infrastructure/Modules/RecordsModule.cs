using Kith.Core.People.Records;
using Kith.Web.People.Records;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>People's records: adding people, their details, the caseload, closing, break-glass and the people API.</summary>
public static class RecordsModule
{
    public static IServiceCollection AddKithRecords(this IServiceCollection services)
    {
        services.AddScoped<PersonService>();
        services.AddScoped<BreakGlassService>();
        services.AddScoped<CaseloadQuery>();
        return services;
    }
}

/// <summary>Maps the people API (see <see cref="PeopleApi"/>).</summary>
public static class RecordsEndpoints
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        PeopleApi.Map(endpoints);
        return endpoints;
    }
}
