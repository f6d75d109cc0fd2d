using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;
using Kith.Web.Infrastructure;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.TiesReport;

/// <summary>
/// Strongest and weakest ties between organisations and between sectors, and the ties that faded since a snapshot.
/// A GET form filters by tie type and the day ties hold on; a bad filter re-renders with 400 and the message.
/// </summary>
public sealed class IndexModel(RelationshipInsightsService insights, RelationshipAnalysisService analysis, TimeProvider clock) : PageModel
{
    /// <summary>Tie type names (<see cref="TieType"/>) to keep; none for all.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Types { get; set; } = [];

    /// <summary>The day the ties must hold on; empty for today.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput On { get; set; } = new();

    /// <summary>The snapshot to compare with; empty for the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    public TiesReportResult? Result { get; private set; }

    public IReadOnlyList<RelationshipSnapshot> Snapshots { get; private set; } = [];

    public bool IsFiltered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await analysis.RecordViewAsync("ties-report", HttpContext.GetProcessContext(), cancellationToken);
        Snapshots = await insights.SnapshotsAsync(cancellationToken);
        var types = InsightsText.ReadTieTypes(Types, nameof(Types), ModelState);
        var on = UkDate.Read(On, "On", "the date", required: false, notAfter: null, ModelState);
        var since = InsightsText.ReadSnapshot(Since, Snapshots, nameof(Since), ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        IsFiltered = types.Count > 0 || on is not null;
        Result = await insights.TiesReportAsync(new MapFilter(On: on ?? UkDate.Today(clock), Types: types), since, cancellationToken);
        return Page();
    }
}
