using Kith.Core.People.Concerns;
using Kith.Core.People.Goals;
using Kith.Core.People.Instruments;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Goals (with attainment scaling and actions), concerns, outcome instruments and check-ins of a person's record.</summary>
public static class GoalsModule
{
    public static IServiceCollection AddKithGoals(this IServiceCollection services)
    {
        services.AddScoped<GoalService>();
        services.AddScoped<ConcernService>();
        services.AddScoped<InstrumentCatalogue>();
        services.AddScoped<CheckInService>();
        services.AddSingleton<IStartupStep, BuiltInInstrumentsStartupStep>();
        return services;
    }
}

/// <summary>At start, loads the built-in instruments (ONS4, ONS loneliness) that are missing or at another version.</summary>
internal sealed class BuiltInInstrumentsStartupStep(IServiceScopeFactory scopes) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InstrumentCatalogue>().LoadBuiltInsAsync(cancellationToken);
    }
}
