using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;
using Kith.Web.Infrastructure;
using Kith.Web.Pages.Relationships.TiesReport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Power;

/// <summary>The power/interest grid now, each actor's desired position, and (with <c>?Since=snapshotId</c>) who moved quarter since a snapshot.</summary>
public sealed class IndexModel(RelationshipInsightsService insights, RelationshipAnalysisService analysis) : PageModel
{
    /// <summary>The snapshot to compare with; empty for none.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    public IReadOnlyList<RelationshipSnapshot> Snapshots { get; private set; } = [];

    public PowerResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await analysis.RecordViewAsync("power", HttpContext.GetProcessContext(), cancellationToken);
        Snapshots = await insights.SnapshotsAsync(cancellationToken);
        var since = InsightsText.ReadSnapshot(Since, Snapshots, nameof(Since), ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Result = await insights.PowerAsync(since, cancellationToken);
        return Page();
    }
}
