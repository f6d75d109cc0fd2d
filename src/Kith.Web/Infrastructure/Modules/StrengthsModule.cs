using Kith.Core.People.Strengths;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>A person's strengths and personal network (ecomap).</summary>
public static class StrengthsModule
{
    public static IServiceCollection AddKithStrengths(this IServiceCollection services)
    {
        services.AddScoped<StrengthService>();
        services.AddScoped<NetworkService>();
        return services;
    }
}
