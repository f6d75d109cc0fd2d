using Kith.Core.Data;
using Kith.Core.Platform.Notifications;
using Kith.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Notifications;

/// <summary>How the outbox is emptied. Bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the dispatcher in this process. Turn off on nodes that should not send.</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often the outbox is checked for messages that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most messages handled in one pass.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait after the first failure; it doubles after each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is held by one dispatcher before another may try it (a crash mid-send).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Hands due outbox messages to the <see cref="INotificationSender"/>: marks them sent, or records the
/// failure and tries again later with a doubling wait. Each message is claimed first (its
/// <see cref="OutboxMessage.NextAttemptAt"/> moved forward with a conditional update), so several web
/// nodes can run this against one database without sending a message twice at once. Logs carry
/// message ids only: never recipients, subjects or bodies.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    INotificationSender sender,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : PeriodicBackgroundService(clock)
{
    protected override TimeSpan FirstDelay => TimeSpan.Zero;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override bool Enabled => options.Value.DispatchEnabled;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => DispatchDueAsync(stoppingToken);

    protected override void OnPassFailed(Exception exception) => LogPassFailed(logger, exception);

    /// <summary>One pass: sends every message due now, up to the batch size.</summary>
    /// <returns>How many messages were handed on successfully.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in due)
        {
            var seen = message.NextAttemptAt;
            var claimedUntil = Clock.GetUtcNow().UtcDateTime + settings.ClaimTimeout;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            message.Attempts++;
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.SentAt = Clock.GetUtcNow().UtcDateTime;
                message.NextAttemptAt = null;
                message.LastError = null;
                sent++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any delivery failure is recorded on the message and retried.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var wait = Backoff(message.Attempts, settings);
                message.NextAttemptAt = Clock.GetUtcNow().UtcDateTime + wait;
                message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 1000);
                LogSendFailed(logger, message.Id, message.Attempts, wait, exception.GetType().Name);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>The wait after the given number of failed attempts: first backoff, doubling, capped.</summary>
    public static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(settings.FirstBackoff.Ticks * factor, settings.MaxBackoff.Ticks));
        return wait;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent (attempt {Attempts}, {ErrorType}); trying again in {Wait}")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, int attempts, TimeSpan wait, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; trying again at the next interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
