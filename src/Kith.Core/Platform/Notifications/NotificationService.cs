using Kith.Core.Data;

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

    /// <summary>Adds an email to the outbox without saving: the caller's next save commits it.</summary>
    /// <exception cref="ArgumentException">When the recipient, subject or body is empty, or the subject too long.</exception>
    public OutboxMessage AddEmail(string recipient, string subject, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (subject.Length > MaxSubjectLength)
        {
            throw new ArgumentException($"A subject can be at most {MaxSubjectLength} characters.", nameof(subject));
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
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Adds an email to the outbox and saves it (with anything else pending on the context).</summary>
    public async Task<OutboxMessage> QueueEmailAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        var message = AddEmail(recipient, subject, body);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }
}
