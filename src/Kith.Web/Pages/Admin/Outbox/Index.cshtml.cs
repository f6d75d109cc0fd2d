using Kith.Core.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Outbox;

/// <summary>The notification outbox: what was queued, and whether it has gone.</summary>
public class IndexModel(NotificationService notifications, INotificationSender sender) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public OutboxPage Messages { get; private set; } = new([], 0);

    public int PageCount => Math.Max(1, (Messages.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1)
        {
            return RedirectToPage(new { page = 1 });
        }

        Messages = await notifications.ListAsync(PageNumber, PageSize, cancellationToken);
        if (PageNumber > PageCount)
        {
            return RedirectToPage(new { page = PageCount });
        }

        return Page();
    }

    /// <summary>False when no email or text service is set up, so nothing leaves the outbox.</summary>
    public bool Delivers => sender.Delivers;

    public static (string Text, string Colour) Status(OutboxSummary message, bool delivers)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.SentAt is not null)
        {
            return delivers ? ("Sent", "green") : ("Kept here, not sent", "yellow");
        }

        if (!message.Failing)
        {
            return ("Waiting", "grey");
        }

        var attempts = message.Attempts == 1 ? "1 attempt" : $"{message.Attempts} attempts";
        return message.NextAttemptAt is { } next
            ? ($"Failing ({attempts}), next try {Kith.Web.Infrastructure.Modules.UkTime.Format(next)}", "red")
            : ($"Failing ({attempts})", "red");
    }
}
