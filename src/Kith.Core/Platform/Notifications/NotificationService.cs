using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Platform.Notifications;

/// <summary>
/// Queues emails in the durable outbox; the web app's outbox dispatcher hands them to the
/// configured <see cref="INotificationSender"/> and retries failures.
/// </summary>
/// <remarks>
/// Two ways in. <see cref="AddEmail"/> only adds the message to the context, so it is committed by
/// the caller's own <c>SaveChangesAsync</c> together with the change that caused it (or not at all):
/// use it when the email belongs to a change. <see cref="QueueEmailAsync"/> adds and saves at once:
/// use it when the email is the only thing to record. Because the context is shared within a
/// request, <see cref="QueueEmailAsync"/> also saves whatever else the caller left pending.
/// </remarks>
public sealed class NotificationService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The longest subject kept; longer subjects are refused.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest event key kept; longer keys are refused.</summary>
    public const int MaxEventKeyLength = 200;

    /// <summary>Adds an email to the outbox without saving: the caller's next save commits it.</summary>
    /// <param name="eventKey">
    /// What caused the email (see <see cref="OutboxMessage.EventKey"/>), or null. When the outbox
    /// already holds a message for this event, nothing is added and that message is returned. Two
    /// requests racing with one key both pass this check; the unique index then refuses the second
    /// save with a <see cref="DbUpdateException"/>, so still one message is sent.
    /// </param>
    /// <exception cref="ArgumentException">When the recipient, subject or body is empty, or the subject or event key too long.</exception>
    public OutboxMessage AddEmail(string recipient, string subject, string body, string? eventKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (subject.Length > MaxSubjectLength)
        {
            throw new ArgumentException($"A subject can be at most {MaxSubjectLength} characters.", nameof(subject));
        }

        if (eventKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
            if (eventKey.Length > MaxEventKeyLength)
            {
                throw new ArgumentException($"An event key can be at most {MaxEventKeyLength} characters.", nameof(eventKey));
            }

            var existing = db.OutboxMessages.Local.FirstOrDefault(m => m.EventKey == eventKey)
                ?? db.OutboxMessages.FirstOrDefault(m => m.EventKey == eventKey);
            if (existing is not null)
            {
                return existing;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = recipient.Trim(),
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
            EventKey = eventKey,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Adds an email to the outbox and saves it (with anything else pending on the context).</summary>
    public async Task<OutboxMessage> QueueEmailAsync(string recipient, string subject, string body, CancellationToken cancellationToken, string? eventKey = null)
    {
        var message = AddEmail(recipient, subject, body, eventKey);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>One page of the outbox, newest first, without message bodies.</summary>
    /// <param name="page">1-based page number; pages past the end are empty.</param>
    public async Task<OutboxPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await db.OutboxMessages.CountAsync(cancellationToken);
        var items = await db.OutboxMessages
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new OutboxSummary(m.Id, m.Channel, m.Recipient, m.Subject, m.CreatedAt, m.SentAt, m.Attempts, m.LastError != null, m.NextAttemptAt))
            .ToListAsync(cancellationToken);
        return new OutboxPage(items, total);
    }

    /// <summary>
    /// One message with its body, for an administrator. Reading a message is written to the audit
    /// trail: bodies hold personal data and may hold sign-in links.
    /// </summary>
    /// <returns>The message, or null when there is none with this id.</returns>
    public async Task<OutboxMessage?> ReadAsync(Guid id, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = AuditActions.Viewed,
            EntityType = nameof(OutboxMessage),
            EntityId = message.Id.ToString(),
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>
    /// Makes a waiting (usually failing) message due now, for an administrator who knows the
    /// provider is back. A sent message is never made due again, and one being sent is left alone.
    /// The request is written to the audit trail.
    /// </summary>
    public async Task<RetryOutcome> RetryNowAsync(Guid id, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && m.ClaimedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (rows == 0)
        {
            var state = await db.OutboxMessages.Where(m => m.Id == id).Select(m => new { m.SentAt }).SingleOrDefaultAsync(cancellationToken);
            return state is null ? RetryOutcome.NotFound : state.SentAt is null ? RetryOutcome.Sending : RetryOutcome.AlreadySent;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = now,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = RetryAction,
            EntityType = nameof(OutboxMessage),
            EntityId = id.ToString(),
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RetryOutcome.Queued;
    }

    /// <summary>The audit action written when an administrator asks for a message to be tried again now.</summary>
    public const string RetryAction = "retry-requested";
}

/// <summary>What "retry now" did.</summary>
public enum RetryOutcome
{
    /// <summary>The message is due now; the dispatcher takes it at its next pass.</summary>
    Queued,

    /// <summary>There is no message with this id.</summary>
    NotFound,

    /// <summary>The message was already sent: it is not sent again.</summary>
    AlreadySent,

    /// <summary>A dispatcher is sending it at this moment.</summary>
    Sending,
}

/// <summary>A page of the outbox and how many messages it holds in all.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxSummary> Items, int Total);

/// <summary>An outbox message without its body.</summary>
/// <param name="CreatedAt">UTC instant it was queued.</param>
/// <param name="SentAt">UTC instant it was handed on, or null.</param>
/// <param name="Failing">True when the last attempt to send it failed.</param>
/// <param name="NextAttemptAt">UTC instant of the next try, or null once sent.</param>
public sealed record OutboxSummary(
    Guid Id, NotificationChannel Channel, string Recipient, string Subject, DateTime CreatedAt, DateTime? SentAt, int Attempts, bool Failing,
    DateTime? NextAttemptAt = null);
