using System.Globalization;
using Kith.Core.Directory.Interchange;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Feeds;

/// <summary>Registers a feed; its first pull runs at once (administrators).</summary>
public sealed class NewModel(DirectoryFeeds feeds) : PageModel
{
    [BindProperty]
    public FeedInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var hours = 0;
        if (!int.TryParse(Input.IntervalHours?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out hours))
        {
            hours = -1;
        }

        var result = await feeds.RegisterAsync(new FeedRegistration(Input.Name ?? string.Empty, Input.Url ?? string.Empty, Input.SourceKey, hours), User.GetProcessContext(), cancellationToken);
        if (result.Feed is null)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"Input.{field}", field == "IntervalHours" && hours < 0 ? "Enter the hours between pulls as a whole number, such as 24" : message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Notice"] = $"{result.Feed.Name} is registered. Its first pull starts within a minute.";
        return Redirect($"/admin/feeds/{result.Feed.Id}");
    }

    public sealed class FeedInput
    {
        public string? Name { get; set; }

        public string? Url { get; set; }

        public string? SourceKey { get; set; }

        public string? IntervalHours { get; set; } = "24";
    }
}
