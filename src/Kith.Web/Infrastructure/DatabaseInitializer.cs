using Kith.Core.Data;
using Kith.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure;

/// <summary>
/// Runs before the server takes requests: creates and migrates the database, seeds the demo area
/// into an empty database when configured to, and builds the in-process search index.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, database.Value, cancellationToken);
        foreach (var step in services.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }

        LogReady(logger, database.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the database if needed and applies every migration of the configured provider.</summary>
    public static async Task MigrateAsync(IServiceProvider services, DatabaseOptions database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsPostgres)
        {
            SqliteDatabase.Prepare(database.ConnectionString ?? SqliteDatabase.DefaultConnectionString);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string provider);
}

/// <summary>Work each module does once the database is migrated and before requests are served.</summary>
public interface IStartupStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
