using Kith.Core.People.Consents;
using Kith.Core.People.Erasure;
using Kith.Core.People.Export;
using Kith.Web.People.Rights;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The person's rights over their record: consent, the subject-access export, erasure and retention.</summary>
public static class PersonRightsModule
{
    public static IServiceCollection AddKithPersonRights(this IServiceCollection services)
    {
        services.AddScoped<ConsentService>();
        services.AddScoped<SubjectAccessExport>();
        services.AddScoped<PersonErasureService>();
        services.AddScoped<PersonRetentionService>();
        services.AddHostedService<RetentionSweeper>();
        return services;
    }
}
