using Kith.Core.Relationships.Surveys;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Surveys;

/// <summary>The survey rounds: status, how many were sent and answered, the response rate.</summary>
public sealed class IndexModel(RelationshipSurveyService surveys) : PageModel
{
    public IReadOnlyList<SurveyRoundSummary> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await surveys.ListAsync(cancellationToken);

    public static string StatusWords(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "Not sent yet",
        SurveyStatus.Open => "Open",
        _ => "Closed",
    };

    public static string StatusColour(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "grey",
        SurveyStatus.Open => "green",
        _ => "blue",
    };
}
