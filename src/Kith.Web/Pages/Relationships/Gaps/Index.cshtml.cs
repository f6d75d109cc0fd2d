using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;
using Kith.Web.Infrastructure;
using Kith.Web.Pages.Relationships.TiesReport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Gaps;

/// <summary>Isolated actors and teams, and single points of failure: bridges, articulation points and brokers. A GET form filters by tie type.</summary>
public sealed class IndexModel(RelationshipInsightsService insights, RelationshipAnalysisService analysis) : PageModel
{
    /// <summary>Tie type names (<see cref="TieType"/>) to keep; none for all.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Types { get; set; } = [];

    public GapsResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await analysis.RecordViewAsync("gaps", HttpContext.GetProcessContext(), cancellationToken);
        var types = InsightsText.ReadTieTypes(Types, nameof(Types), ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await insights.GapsAsync(new MapFilter(Types: types), cancellationToken);
        return Page();
    }
}
