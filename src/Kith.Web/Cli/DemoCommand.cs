using System.CommandLine;
using Kith.Core.Directory.Demo;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.Extensions.Options;

namespace Kith.Web.Cli;

/// <summary><c>kith demo seed</c>: fills an empty database with the fictional Ashworth Vale demo area.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Command("seed", "Fill an empty database with the fictional demo area and create one demo account per role.");
        seed.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoAreaSeeder>();
            if (await seeder.HasAssetsAsync(cancellationToken))
            {
                await Console.Error.WriteLineAsync(
                    "This database already has community assets, so the demo area was not added: it would mix fictional and real records. " +
                    "Point Database:ConnectionString at a new, empty database to try the demo.");
                return 1;
            }

            var password = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Password;
            var result = await seeder.SeedAsync(new DemoSeedOptions(password), cancellationToken);
            DemoModule.PrintCredentials(result);
            return 0;
        });

        return new Command("demo", "The fictional demo area.") { seed };
    }
}
