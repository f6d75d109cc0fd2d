using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships;

/// <summary>The relationship map's hub: what the map is, how much is on it, and every page of it.</summary>
public sealed class IndexModel(RelationshipMapService map, ObservedTieService observed) : PageModel
{
    public MapCounts Counts { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Counts = await map.CountsAsync(cancellationToken);

    /// <summary>"Bring in Kith's own introductions now".</summary>
    public async Task<IActionResult> OnPostObserveAsync(CancellationToken cancellationToken)
    {
        var result = await observed.RecomputeAsync(User.GetProcessContext("brought in introductions from the hub"), cancellationToken);
        Notice = result.TiesCreated + result.TiesUpdated + result.TiesRemoved == 0
            ? "Kith's introductions are already on the map: nothing changed."
            : $"Brought in Kith's introductions: {result.TiesCreated} new \"refers to\" ties, {result.TiesUpdated} updated, {result.TiesRemoved} removed, and {result.ActorsCreated} new teams or community assets.";
        return RedirectToPage();
    }
}
