using Kith.Core.Directory.Interchange;
using Kith.Core.Platform.Jobs;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// The durable job runner over the BackgroundJobs table, and the directory import and feeds that
/// use it. Settings: Jobs:Enabled (default true), Jobs:PollSeconds (default 15),
/// Feeds:TimeoutSeconds (default 100).
/// </summary>
public static class JobsModule
{
    public static IServiceCollection AddKithJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<JobRunner>();
        services.AddScoped<DirectoryImporter>();
        services.AddScoped<HsdsCsvExporter>();
        services.AddScoped<DirectoryFeeds>();
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Feeds:TimeoutSeconds", 100));
        services.AddHttpClient<FeedPullHandler>(client =>
        {
            client.Timeout = timeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Kith-directory-feed/1.0");
        });
        services.AddScoped<IJobHandler>(provider => provider.GetRequiredService<FeedPullHandler>());
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService<JobRunnerService>();
        }

        return services;
    }
}

/// <summary>Every few seconds claims and runs the due jobs. Runs on every node; the claim keeps each attempt to one node.</summary>
internal sealed partial class JobRunnerService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<JobRunnerService> logger) : BackgroundService
{
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:PollSeconds", 15)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ran = await scope.ServiceProvider.GetRequiredService<JobRunner>().RunDueAsync(node, scopes, cancellationToken: stoppingToken);
                if (ran > 0)
                {
                    LogRan(logger, ran);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The runner must outlive a database that is briefly away.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran {Count} background jobs")]
    private static partial void LogRan(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job runner could not look for due jobs; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
