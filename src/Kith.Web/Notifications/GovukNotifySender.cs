using Kith.Core.Platform.Notifications;
using Notify.Client;

namespace Kith.Web.Notifications;

/// <summary>
/// Delivers outbox messages through GOV.UK Notify. Each message goes as the personalisation of one
/// generic template (<c>((subject))</c>, <c>((body))</c>), with the message's idempotency key as
/// Notify's <c>reference</c>, so a retry after an unrecorded attempt can ask Notify whether the
/// message already arrived.
/// </summary>
/// <remarks>
/// Notify's .NET client (6.0.0) takes no cancellation token, so a cancelled call stops being waited
/// for but may still reach Notify; the reference check on the next attempt covers that case.
/// </remarks>
public sealed class GovukNotifySender(GovukNotifyOptions settings) : INotificationSender
{
    private readonly NotificationClient client = new(settings.BaseUrl.ToString(), settings.ApiKey);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Channel)
        {
            case NotificationChannel.Email:
                var personalisation = new Dictionary<string, dynamic> { ["subject"] = message.Subject, ["body"] = message.Body };
                await client.SendEmailAsync(
                    message.Recipient, settings.EmailTemplateId, personalisation, message.IdempotencyKey,
                    string.IsNullOrWhiteSpace(settings.EmailReplyToId) ? null : settings.EmailReplyToId).WaitAsync(cancellationToken);
                break;
            case NotificationChannel.Sms:
                if (string.IsNullOrWhiteSpace(settings.SmsTemplateId))
                {
                    throw new InvalidOperationException("No GOV.UK Notify text message template is set (Notifications:GovukNotify:SmsTemplateId).");
                }

                await client.SendSmsAsync(
                    message.Recipient, settings.SmsTemplateId, new Dictionary<string, dynamic> { ["body"] = message.Body },
                    message.IdempotencyKey).WaitAsync(cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"GOV.UK Notify cannot send a {message.Channel} message.");
        }
    }

    /// <summary>True when Notify holds a notification with this message's reference, whatever its delivery status.</summary>
    public async Task<bool> WasDeliveredAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.Channel == NotificationChannel.Sms ? "sms" : "email";
        var found = await client.GetNotificationsAsync(templateType: type, reference: message.IdempotencyKey).WaitAsync(cancellationToken);
        return found?.notifications is { Count: > 0 };
    }
}
