using System.CommandLine;
using Kith.Web.Infrastructure;

namespace Kith.Web.Cli;

/// <summary>
/// The command line of the one executable. With no verb (or <c>serve</c>) it runs the web server;
/// otherwise each verb builds the same services and does one job.
/// </summary>
public static class KithCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            var serveArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
            var app = KithWebApp.Build(KithWebApp.CreateBuilder(serveArgs));
            await app.RunAsync();
            return 0;
        }

        var root = new RootCommand("Kith: asset-based health and care. Run with no verb to serve the web app.");
        root.Subcommands.Add(new Command("serve", "Run the web server (the default)."));
        foreach (var command in CliVerbs.All())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Builds the app's services without starting the server or the startup steps, and migrates the database.</summary>
    internal static async Task<WebApplication> BuildForCommandAsync(CancellationToken cancellationToken)
    {
        var builder = KithWebApp.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var database = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        await DatabaseInitializer.MigrateAsync(app.Services, database, cancellationToken);
        return app;
    }
}
