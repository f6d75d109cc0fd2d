using Kith.Core.Platform.Notifications;
using MailKit.Net.Smtp;
using MimeKit;

namespace Kith.Web.Notifications;

/// <summary>
/// Delivers outbox emails to an SMTP server with MailKit, one connection per message. The Message-Id
/// is built from the message's idempotency key, so a message sent again after an unrecorded attempt
/// carries the same Message-Id and receiving systems that deduplicate by it show it once. SMTP gives
/// no way to ask whether a message arrived, so <see cref="INotificationSender.WasDeliveredAsync"/>
/// keeps its default (false). Text messages are refused.
/// </summary>
public sealed class SmtpNotificationSender(SmtpOptions settings) : INotificationSender
{
    private readonly MailboxAddress from = MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException("Notifications:Smtp:From is not set."));

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != NotificationChannel.Email)
        {
            throw new InvalidOperationException($"SMTP cannot send a {message.Channel} message; use GOV.UK Notify for texts.");
        }

        using var mail = Compose(message);
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await smtp.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await smtp.SendAsync(mail, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The email as it goes on the wire: plain text, UTF-8, with a Message-Id from the idempotency key.</summary>
    public MimeMessage Compose(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.IdempotencyKey}@{from.Domain}",
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        return mail;
    }
}
