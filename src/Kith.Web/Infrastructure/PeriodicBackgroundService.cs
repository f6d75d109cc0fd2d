namespace Kith.Web.Infrastructure;

/// <summary>
/// A background task that runs one pass <see cref="FirstDelay"/> after start-up and then every
/// <see cref="Interval"/>, on the injected clock, until the host stops. A pass that throws is handed to
/// <see cref="OnPassFailed"/> and the next tick tries again: a database that is briefly away must not stop
/// the task. Stopping the host ends the loop quietly, also during the first delay.
/// </summary>
/// <remarks>
/// The interval runs from tick to tick (<see cref="PeriodicTimer"/>); a pass longer than the interval
/// makes the next one start straight after it, never two at once.
/// </remarks>
public abstract class PeriodicBackgroundService(TimeProvider clock) : BackgroundService
{
    /// <summary>The clock the loop waits on, for the passes to read too.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>The wait before the first pass; <see cref="TimeSpan.Zero"/> runs it at once.</summary>
    protected abstract TimeSpan FirstDelay { get; }

    /// <summary>The time between the start of one pass and the next; positive.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False to run no pass at all in this process (read once, at start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One pass of the work.</summary>
    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    /// <summary>Logs a pass that threw; the loop carries on.</summary>
    protected abstract void OnPassFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (FirstDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(FirstDelay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a failing pass; the next tick tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                OnPassFailed(exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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
}
