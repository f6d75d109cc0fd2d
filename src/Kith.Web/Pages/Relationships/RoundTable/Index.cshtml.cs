using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.RoundTable;

/// <summary>
/// "Who else needs to be round the table?": a GET form with a topic and the actors already invited (checkboxes, so it
/// works without JavaScript); the answer is <see cref="RoundTableAdvisor"/>'s suggestions with their reasons.
/// </summary>
public sealed class IndexModel(RelationshipInsightsService insights, RelationshipAnalysisService analysis) : PageModel
{
    public const int TopicLimit = 200;

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    /// <summary>Ids of the actors already invited.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Invited { get; set; } = [];

    /// <summary>Every actor on the map, for the invited list.</summary>
    public IReadOnlyList<RelationshipActor> Actors { get; private set; } = [];

    public int TieCount { get; private set; }

    public RoundTableAdvice? Advice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await analysis.RecordViewAsync("round-table", HttpContext.GetProcessContext(), cancellationToken);
        var asked = Request.Query.ContainsKey(nameof(Topic));
        var topic = Topic?.Trim() ?? string.Empty;
        if (asked && topic.Length == 0)
        {
            ModelState.AddModelError(nameof(Topic), "Enter a topic or decision, for example mental health in Northfield");
        }
        else if (topic.Length > TopicLimit)
        {
            ModelState.AddModelError(nameof(Topic), $"The topic must be {TopicLimit} characters or fewer");
        }

        var invited = new List<Guid>();
        foreach (var value in Invited.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Guid.TryParse(value, out var id))
            {
                invited.Add(id);
            }
            else
            {
                ModelState.AddModelError(nameof(Invited), "Select the actors already invited from the list");
                break;
            }
        }

        if (!ModelState.IsValid)
        {
            var map = await insights.ActorsAsync(cancellationToken);
            (Actors, TieCount) = (map.Actors, map.Ties.Count);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!asked)
        {
            var map = await insights.ActorsAsync(cancellationToken);
            (Actors, TieCount) = (map.Actors, map.Ties.Count);
            return Page();
        }

        var result = await insights.RoundTableAsync(topic, invited, cancellationToken);
        (Actors, TieCount, Advice) = (result.Map.Actors, result.Map.Ties.Count, result.Advice);
        return Page();
    }
}
