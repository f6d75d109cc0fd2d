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
/// <see cref="OutboxMessage.NextAttemptAt"/> moved forward and <see cref="OutboxMessage.ClaimedAt"/>
/// set by one conditional update), so several web nodes can run this against one database without
/// sending a message twice; the outcome is written only while the claim holds, and a message tried
/// before is checked with the provider before it is sent again (ADR 19). Logs carry message ids only:
/// never recipients, subjects or bodies.
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
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in due)
        {
            if (await DispatchOneAsync(db, message, settings, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Claims one message, sends it unless an earlier attempt already reached the provider, and records the outcome.</summary>
    /// <returns>True when the message is now recorded as sent.</returns>
    private async Task<bool> DispatchOneAsync(KithDbContext db, OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        // Claim: only the dispatcher whose conditional update matches the NextAttemptAt it read may go on.
        // Whole microseconds, so the instant reads back equal on PostgreSQL as on SQLite.
        var claimedAt = WholeMicroseconds(Clock.GetUtcNow().UtcDateTime);
        var seen = message.NextAttemptAt;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == seen)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, claimedAt + settings.ClaimTimeout)
                    .SetProperty(m => m.ClaimedAt, claimedAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var tried = message.Attempts > 0;
        message.Attempts++;
        string? error = null;
        var delivered = false;
        try
        {
            // A send must end while the claim holds, or a second dispatcher could take the message over.
            using var limit = new CancellationTokenSource(settings.ClaimTimeout / 2, Clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);

            // A message tried before may have reached the provider although the attempt was not recorded
            // (a crash or a time-out after the provider accepted it): ask first, by the idempotency key.
            delivered = tried && await sender.WasDeliveredAsync(message, linked.Token);
            if (delivered)
            {
                LogFoundDelivered(logger, message.Id);
            }
            else
            {
                await sender.SendAsync(message, linked.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any delivery failure is recorded on the message and retried.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = Truncate($"{exception.GetType().Name}: {exception.Message}", 1000);
            LogSendFailed(logger, message.Id, message.Attempts, Backoff(message.Attempts, settings), exception.GetType().Name);
        }

        // Record the outcome only while this dispatcher still holds the claim (ClaimedAt is its token).
        var now = Clock.GetUtcNow().UtcDateTime;
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedAt == claimedAt && m.SentAt == null);
        int recorded;
        if (error is null)
        {
            recorded = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                    .SetProperty(m => m.ClaimedAt, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
        }
        else
        {
            var next = now + Backoff(message.Attempts, settings);
            recorded = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.ClaimedAt, (DateTime?)null).SetProperty(m => m.LastError, error),
                CancellationToken.None);
        }

        if (recorded != 1)
        {
            LogClaimLost(logger, message.Id);
        }

        return error is null && recorded == 1;
    }

    private static DateTime WholeMicroseconds(DateTime instant) => new(instant.Ticks - (instant.Ticks % 10), DateTimeKind.Utc);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} had already reached the provider on an earlier attempt; recorded as sent without sending again")]
    private static partial void LogFoundDelivered(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: the claim ran out before the outcome was recorded; another dispatcher has it")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; trying again at the next interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
