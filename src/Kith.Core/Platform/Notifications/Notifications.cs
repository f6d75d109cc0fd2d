namespace Kith.Core.Platform.Notifications;

/// <summary>An email or text message waiting to be sent, or already sent. The outbox is durable.</summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public NotificationChannel Channel { get; set; }

    /// <summary>Email address or phone number.</summary>
    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>UTC instant it was queued.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant a sender handed it on, or null while it waits.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>
    /// UTC instant from which the dispatcher may (re)try it; null once sent. A dispatcher claims a
    /// message by moving this forward, so two web nodes never send the same message at once.
    /// </summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>How many times a sender was asked to deliver it.</summary>
    public int Attempts { get; set; }

    /// <summary>The last delivery failure (exception type and message), or null.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// What caused the message, e.g. <c>listing-review:{asset id}:2</c>, or null for a message that
    /// stands alone. Unique: the outbox holds at most one message per event, so an event that is
    /// handled twice still sends one message.
    /// </summary>
    public string? EventKey { get; set; }

    /// <summary>
    /// UTC instant a dispatcher claimed it for the attempt under way, or null between attempts. Still
    /// set when a dispatcher finds the message due again means the last attempt stopped without an
    /// outcome (a crash mid-send): the sender is asked whether it went before it is sent again.
    /// </summary>
    public DateTime? ClaimedAt { get; set; }

    /// <summary>
    /// The key that names this message to a provider (GOV.UK Notify's reference, the SMTP
    /// Message-Id): the message id, one per event because <see cref="EventKey"/> is unique.
    /// </summary>
    public string IdempotencyKey => Id.ToString("N");
}

public enum NotificationChannel
{
    Email,
    Sms,
}

/// <summary>Hands queued messages on to whatever delivers them (GOV.UK Notify, SMTP, or nothing).</summary>
public interface INotificationSender
{
    /// <summary>Delivers one message. Throws when delivery fails so the outbox keeps it for a retry.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>False when "sent" only means "handed on to nothing": the outbox is the end of the road.</summary>
    bool Delivers => true;

    /// <summary>
    /// Whether an earlier attempt that stopped without an outcome (the process ended mid-send) did
    /// reach the provider, found by <see cref="OutboxMessage.IdempotencyKey"/>. The dispatcher asks
    /// before sending such a message again. False when the provider cannot be asked.
    /// </summary>
    Task<bool> WasDeliveredAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>
/// Keeps messages in the outbox and delivers nothing: the development and demo setting. Messages
/// are visible to administrators on the outbox page.
/// </summary>
public sealed class OutboxOnlyNotificationSender : INotificationSender
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public bool Delivers => false;
}
