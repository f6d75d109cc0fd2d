using System.Text.RegularExpressions;
using Kith.Core.Platform.Notifications;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Outbox;

/// <summary>One outbox message in full, so an administrator can read it (and, in development, follow its links).</summary>
public partial class MessageModel(NotificationService notifications, INotificationSender sender) : PageModel
{
    /// <summary>False when no email or text service is set up, so nothing leaves the outbox.</summary>
    public bool Delivers => sender.Delivers;

    public OutboxMessage Message { get; private set; } = null!;

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
