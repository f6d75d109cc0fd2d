using Kith.Core.Relationships;
using Kith.Core.Relationships.Surveys;
using Kith.Web.Infrastructure;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Surveys;

/// <summary>Sets up a survey round as a draft: title, topic, questions, closing date, roster, recipients and named viewers.</summary>
public sealed class NewModel(RelationshipSurveyService surveys, TimeProvider clock) : PageModel
{
    public const string AskWorksWith = "WorksWith";
    public const string AskAdvice = "Advice";
    public const string AskSharesInformation = "SharesInformation";
    public const string AskStrength = "Strength";
    public const string AskEnergy = "Energy";

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Topic { get; set; }

    /// <summary>The naming questions asked.</summary>
    [BindProperty]
    public List<string> Questions { get; set; } = [];

    /// <summary>Strength and energy.</summary>
    [BindProperty]
    public List<string> Details { get; set; } = [];

    [BindProperty]
    public DateInput ClosesOn { get; set; } = new();

    /// <summary>"everyone" or "chosen".</summary>
    [BindProperty]
    public string? RosterChoice { get; set; }

    [BindProperty]
    public List<string> Roster { get; set; } = [];

    [BindProperty]
    public List<string> Recipients { get; set; } = [];

    [BindProperty]
    public List<string> Viewers { get; set; } = [];

    public IReadOnlyList<RelationshipActor> Actors { get; private set; } = [];

    public IReadOnlyList<(string UserId, string Name, string Role)> PossibleViewers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Questions = [AskWorksWith, AskAdvice];
        Details = [AskStrength, AskEnergy];
        RosterChoice = "everyone";
        ClosesOn = DateInput.FromDate(UkDate.Today(clock).AddDays(21));
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (RosterChoice is not ("everyone" or "chosen"))
        {
            ModelState.AddModelError(nameof(RosterChoice), "Choose who respondents may name: everyone on the map, or the actors you choose");
        }

        var input = Input();
        foreach (var problem in await surveys.CheckAsync(input, cancellationToken))
        {
            if (problem.Field == "Roster" && RosterChoice != "chosen")
            {
                continue;
            }

            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var id = await surveys.CreateAsync(input, HttpContext.GetProcessContext(), cancellationToken: cancellationToken);
                return Redirect($"/relationships/surveys/{id}");
            }
            catch (SurveyRefusedException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private NewSurveyRound Input() => new(
        Title,
        Topic,
        Questions.Contains(AskWorksWith),
        Questions.Contains(AskAdvice),
        Questions.Contains(AskSharesInformation),
        Details.Contains(AskStrength),
        Details.Contains(AskEnergy),
        ClosesOn.TryGetDate(out var closes) ? closes : null,
        RosterChoice != "chosen",
        Ids(Roster),
        Ids(Recipients),
        Viewers.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList());

    private static List<Guid> Ids(IEnumerable<string> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Distinct().ToList();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Actors = await surveys.CurrentActorsAsync(cancellationToken);
        PossibleViewers = await surveys.PossibleViewersAsync(cancellationToken);
    }
}
