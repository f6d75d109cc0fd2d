using Kith.Core.Data;
using Kith.Core.Directory.Search;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The directory search index: one per node, built at start, kept current by following changes.</summary>
public static class SearchModule
{
    public static IServiceCollection AddKithSearch(this IServiceCollection services)
    {
        services.AddSingleton(provider => new AssetSearchIndex(provider.GetRequiredService<TimeProvider>()));

        // Startup steps run in registration order: this one is added after the demo seed.
        services.AddSingleton<IStartupStep, SearchIndexStartupStep>();
        services.AddHostedService<AssetIndexFollower>();
        return services;
    }
}

/// <summary>Builds the search index from the database before requests are served.</summary>
internal sealed partial class SearchIndexStartupStep(
    IServiceScopeFactory scopes,
    AssetSearchIndex index,
    ILogger<SearchIndexStartupStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var started = TimeProvider.System.GetTimestamp();
        await index.RebuildAsync(db, cancellationToken);
        LogBuilt(logger, index.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Count} assets in {Milliseconds:0} ms")]
    private static partial void LogBuilt(ILogger logger, int count, double milliseconds);
}

/// <summary>
/// Follows edits saved by any node (see <see cref="AssetIndexChangeFeed"/>): every few seconds asks
/// the database which assets changed and refreshes them, so a second node sees an edit within seconds.
/// </summary>
internal sealed partial class AssetIndexFollower(
    IServiceScopeFactory scopes,
    AssetSearchIndex index,
    TimeProvider clock,
    ILogger<AssetIndexFollower> logger) : BackgroundService
{
    /// <summary>How long between looks at the database.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.WhenBuilt.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var feed = new AssetIndexChangeFeed(index);
        using var timer = new PeriodicTimer(Interval, clock);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
                var refreshed = await feed.CatchUpAsync(db, stoppingToken);
                if (refreshed > 0)
                {
                    LogRefreshed(logger, refreshed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed look (database briefly away) must not stop the follower; the next look tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index followed {Count} changed assets")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index could not read changes; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
