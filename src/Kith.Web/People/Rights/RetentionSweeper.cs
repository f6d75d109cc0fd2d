using Kith.Core.People.Erasure;
using Kith.Web.Infrastructure;

namespace Kith.Web.People.Rights;

/// <summary>
/// Once a day, erases the records closed longer ago than the administrator's retention setting (each leaves a
/// tombstone in the audit trail). Does nothing while no retention is set. Safe on several nodes at once: a record
/// already erased by another node is simply not found.
/// </summary>
public sealed partial class RetentionSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionSweeper> logger) : PeriodicBackgroundService(clock)
{
    /// <summary>How long after start-up the first sweep runs, then every <see cref="SweepInterval"/>.</summary>
    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);

    protected override TimeSpan FirstDelay => FirstSweepAfter;

    protected override TimeSpan Interval => SweepInterval;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => SweepOnceAsync(stoppingToken);

    protected override void OnPassFailed(Exception exception) => LogFailed(exception);

    /// <summary>One sweep; failures are logged and retried tomorrow.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var erased = await scope.ServiceProvider.GetRequiredService<PersonRetentionService>().EraseExpiredAsync(cancellationToken);
            if (erased > 0)
            {
                LogErased(erased);
            }

            return erased;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Count} closed records")]
    private partial void LogErased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again tomorrow")]
    private partial void LogFailed(Exception exception);
}
