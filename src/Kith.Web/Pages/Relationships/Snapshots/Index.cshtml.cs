using Kith.Core.Relationships;
using Kith.Web.Infrastructure;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Snapshots;

/// <summary>The map's snapshots, newest first, and "take a snapshot now".</summary>
public sealed class IndexModel(RelationshipAnalysisService analysis, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SnapshotInput Input { get; set; } = new();

    public List<RelationshipSnapshot> Snapshots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Snapshots = await analysis.SnapshotsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var label = Input.Label?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            ModelState.AddModelError("Input.Label", "Enter a label for the snapshot, for example Spring 2026");
        }
        else if (label.Length > RelationshipSnapshot.LabelLimit)
        {
            ModelState.AddModelError("Input.Label", $"The label must be {RelationshipSnapshot.LabelLimit} characters or fewer");
        }

        DateOnly? on = null;
        if (!Input.On.IsEmpty)
        {
            if (!Input.On.TryGetDate(out var day))
            {
                ModelState.AddModelError("Input.On", "The date must be a real date, like 31 3 2026, or left empty for today");
            }
            else if (day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            {
                ModelState.AddModelError("Input.On", "The date must be today or in the past");
            }
            else
            {
                on = day;
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            Snapshots = await analysis.SnapshotsAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var snapshot = await analysis.TakeSnapshotAsync(label!, User.GetProcessContext(), on, cancellationToken);
        return Redirect($"/relationships/snapshots/{snapshot.Id}");
    }
}

public sealed class SnapshotInput
{
    public string? Label { get; set; }

    public DateInput On { get; set; } = new();
}
