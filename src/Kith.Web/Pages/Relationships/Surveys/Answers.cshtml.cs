using Kith.Core.Relationships.Surveys;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Surveys;

/// <summary>
/// The personal answers of a round (energy, notes), for the people named when the round was set up only. Anyone else gets
/// 403 with who can see them. Each look is one "viewed" audit event.
/// </summary>
public sealed class AnswersModel(RelationshipSurveyService surveys) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public SurveyRoundDetail Detail { get; private set; } = null!;

    /// <summary>Null when the account is not a named viewer.</summary>
    public IReadOnlyList<RespondentAnswers>? Answers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await surveys.ReadAsync(Id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        Answers = await surveys.AnswersAsync(Id, HttpContext.GetProcessContext(), cancellationToken);
        if (Answers is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
