using Kith.Core.Directory.Demo;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The fictional demo area: seeded into an empty database on first start (see <see cref="DemoOptions"/>).</summary>
public static class DemoModule
{
    /// <summary>Register before any other startup step: the search index must be built after the seed.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoAreaSeeder>();
        services.AddSingleton<IStartupStep, DemoSeedStartupStep>();
        return services;
    }

    /// <summary>Prints the demo accounts to the console, once. They are not personal data, and are never logged or stored in plain text.</summary>
    internal static void PrintCredentials(DemoSeedResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"Seeded the demo area {DemoAreaSeeder.AreaName}: {result.Organizations} organisations, {result.Assets} community assets, {result.Postcodes} postcodes.");
        Console.WriteLine("Demo accounts (fictional data only; these passwords are shown once and not stored):");
        foreach (var credential in result.Credentials)
        {
            Console.WriteLine($"  {credential.Role,-16} {credential.Email,-34} {credential.Password}");
        }

        Console.WriteLine($"Try searching near the demo postcode {DemoAreaSeeder.DemoPostcode}.");
        Console.WriteLine();
    }
}

/// <summary>Seeds the demo area when <see cref="DemoOptions.SeedOnEmptyDatabase"/> is on and the directory is empty.</summary>
internal sealed partial class DemoSeedStartupStep(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    ILogger<DemoSeedStartupStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnEmptyDatabase)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoAreaSeeder>();
        if (await seeder.HasAssetsAsync(cancellationToken))
        {
            return;
        }

        var result = await seeder.SeedAsync(new DemoSeedOptions(options.Value.Password), cancellationToken);
        LogSeeded(logger, result.Assets, result.Organizations);
        DemoModule.PrintCredentials(result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo area: {Assets} assets from {Organizations} organisations")]
    private static partial void LogSeeded(ILogger logger, int assets, int organizations);
}
