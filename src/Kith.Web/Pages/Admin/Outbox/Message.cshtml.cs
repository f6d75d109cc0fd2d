using System.Text.RegularExpressions;
using Kith.Core.Platform.Notifications;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Outbox;

/// <summary>One outbox message in full, so an administrator can read it (and, in development, follow its links).</summary>
public partial class MessageModel(NotificationService notifications, INotificationSender sender, TimeProvider clock) : PageModel
{
    /// <summary>UTC now, for the page's "can it be retried" test.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>False when no email or text service is set up, so nothing leaves the outbox.</summary>
    public bool Delivers => sender.Delivers;

    public OutboxMessage Message { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>True when the message waits to be tried again: it is not sent and no dispatcher holds it now.</summary>
    public bool CanRetry(DateTime now) => Message.SentAt is null && Message.Attempts > 0 && !(Message.ClaimedAt is not null && Message.NextAttemptAt > now);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await notifications.ReadAsync(id, HttpContext.GetProcessContext("read in the outbox"), cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        Message = message;
        return Page();
    }

    /// <summary>Makes the message due now, so the dispatcher tries it at its next pass (within seconds).</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await notifications.RetryNowAsync(id, User.GetProcessContext("retry now in the outbox"), cancellationToken);
        if (outcome == RetryOutcome.NotFound)
        {
            return NotFound();
        }

        Notice = outcome switch
        {
            RetryOutcome.Queued => "Kith will try to send this message again within a few seconds. Refresh this page to see how it went.",
            RetryOutcome.AlreadySent => "This message was already sent, so it was not sent again.",
            _ => "Kith is sending this message now. Refresh this page to see how it went.",
        };
        return Redirect($"/admin/outbox/{id}");
    }

    /// <summary>Splits a body into text and http(s) links, so links can be rendered as anchors with the text still encoded.</summary>
    public static IEnumerable<(string Text, bool IsLink)> Segments(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var last = 0;
        foreach (Match match in LinkPattern().Matches(body))
        {
            if (match.Index > last)
            {
                yield return (body[last..match.Index], false);
            }

            yield return (match.Value, true);
            last = match.Index + match.Length;
        }

        if (last < body.Length)
        {
            yield return (body[last..], false);
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
