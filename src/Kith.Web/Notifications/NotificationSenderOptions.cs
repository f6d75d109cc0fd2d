using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Kith.Web.Notifications;

/// <summary>Which <see cref="Kith.Core.Platform.Notifications.INotificationSender"/> delivers the outbox.</summary>
public enum NotificationSenderKind
{
    /// <summary>Nothing leaves the outbox; administrators read messages at <c>/admin/outbox</c>. The default.</summary>
    Outbox,

    /// <summary>GOV.UK Notify, through its API (section <c>Notifications:GovukNotify</c>).</summary>
    GovukNotify,

    /// <summary>An SMTP server (section <c>Notifications:Smtp</c>). Email only.</summary>
    Smtp,
}

/// <summary>How outgoing messages are delivered. Bound from the <c>Notifications</c> section.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary><c>Outbox</c> (the default), <c>GovukNotify</c> or <c>Smtp</c>.</summary>
    public NotificationSenderKind Sender { get; set; } = NotificationSenderKind.Outbox;

    public GovukNotifyOptions GovukNotify { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>What is missing for the chosen sender, in words an operator can act on; empty when nothing is.</summary>
    public IEnumerable<string> Problems()
    {
        switch (Sender)
        {
            case NotificationSenderKind.GovukNotify:
                if (string.IsNullOrWhiteSpace(GovukNotify.ApiKey) || GovukNotify.ApiKey.Length < 74 || GovukNotify.ApiKey.Contains(' ', StringComparison.Ordinal))
                {
                    yield return "Notifications:GovukNotify:ApiKey must be a GOV.UK Notify API key (the whole key, with its name, service id and secret).";
                }

                if (!Guid.TryParse(GovukNotify.EmailTemplateId, out _))
                {
                    yield return "Notifications:GovukNotify:EmailTemplateId must be the id of a GOV.UK Notify email template with ((subject)) and ((body)) placeholders.";
                }

                if (!string.IsNullOrEmpty(GovukNotify.SmsTemplateId) && !Guid.TryParse(GovukNotify.SmsTemplateId, out _))
                {
                    yield return "Notifications:GovukNotify:SmsTemplateId must be the id of a GOV.UK Notify text message template with a ((body)) placeholder, or empty.";
                }

                if (GovukNotify.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                {
                    yield return "Notifications:GovukNotify:BaseUrl must be an absolute http(s) address.";
                }

                break;
            case NotificationSenderKind.Smtp:
                if (string.IsNullOrWhiteSpace(Smtp.Host))
                {
                    yield return "Notifications:Smtp:Host must name the SMTP server.";
                }

                if (Smtp.Port is < 1 or > 65535)
                {
                    yield return "Notifications:Smtp:Port must be between 1 and 65535.";
                }

                if (!MimeKit.MailboxAddress.TryParse(Smtp.From, out _))
                {
                    yield return "Notifications:Smtp:From must be an email address, e.g. \"Kith <kith@example.org>\".";
                }

                if (string.IsNullOrEmpty(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password))
                {
                    yield return "Notifications:Smtp:UserName and Notifications:Smtp:Password must be set together, or both left empty.";
                }

                break;
        }
    }
}

/// <summary>
/// GOV.UK Notify settings. Kith writes each message itself, so Notify needs one email template whose
/// subject is <c>((subject))</c> and whose body is <c>((body))</c> (and, for texts, a text template
/// whose body is <c>((body))</c>).
/// </summary>
public sealed class GovukNotifyOptions
{
    /// <summary>The API key: a secret, so set it in the environment or a secret store, never in a committed file. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The id (a GUID) of the email template with <c>((subject))</c> and <c>((body))</c>.</summary>
    public string? EmailTemplateId { get; set; }

    /// <summary>The id (a GUID) of the text message template with <c>((body))</c>; empty when Kith sends no texts.</summary>
    public string? SmsTemplateId { get; set; }

    /// <summary>The id of a reply-to address set up in Notify, or empty for the service's default.</summary>
    public string? EmailReplyToId { get; set; }

    /// <summary>The Notify API address; change it only for a test double.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk/");
}

/// <summary>SMTP settings.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless set.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (the default: refuse a server that cannot encrypt), <c>SslOnConnect</c> (port
    /// 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c>, or <c>None</c> (only for a relay on the same machine).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Empty for a server that needs no sign-in.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret, like <see cref="GovukNotifyOptions.ApiKey"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Kith &lt;kith@example.org&gt;</c>; its domain also ends each Message-Id.</summary>
    public string? From { get; set; }

    /// <summary>How long one connection or command may take before the attempt fails and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses to start with incomplete settings for the chosen sender, naming each missing setting (never its value).</summary>
internal sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Prepend($"Notifications settings are incomplete for Notifications:Sender = {options.Sender} (see docs/guides/administrators.md, \"Sending email and text messages\")."));
    }
}
