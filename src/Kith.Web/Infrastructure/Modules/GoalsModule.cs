using Kith.Core.People.Goals;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Goals (with attainment scaling and actions), concerns, outcome instruments and check-ins of a person's record.</summary>
public static class GoalsModule
{
    public static IServiceCollection AddKithGoals(this IServiceCollection services)
    {
        services.AddScoped<GoalService>();
        services.AddScoped<Kith.Core.People.Concerns.ConcernService>();
        return services;
    }
}
