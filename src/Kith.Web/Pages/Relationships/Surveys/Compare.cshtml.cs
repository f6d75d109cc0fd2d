using Kith.Core.Relationships.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Surveys;

/// <summary>A round against its previous round (or ?with=id): response, ties named, mean strength, ties new, gone, stronger, weaker, energy.</summary>
public sealed class CompareModel(RelationshipSurveyService surveys) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "with")]
    public Guid? With { get; set; }

    public SurveyRoundDetail Detail { get; private set; } = null!;

    public SurveyComparison? Comparison { get; private set; }

    public IReadOnlyList<(Guid Id, string Title)> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await surveys.ReadAsync(Id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        Others = await surveys.OtherRoundsAsync(Id, cancellationToken);
        if (With is { } with && Others.All(o => o.Id != with))
        {
            ModelState.AddModelError("with", "Choose a round from the list to compare with");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Comparison = await surveys.CompareAsync(Id, With, cancellationToken);
        return Page();
    }

    public static string Rate(int? rate) => rate is { } r ? $"{r}%" : "Not sent";

    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "None named";
}
