using System.Globalization;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Surveys;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kith.Web.Pages.Survey;

/// <summary>Which page of the survey is shown.</summary>
public enum SurveyPage
{
    /// <summary>What is shown and to whom; agree or decline.</summary>
    About,

    /// <summary>Nothing saved; a polite goodbye.</summary>
    Declined,

    /// <summary>The roster: who they work with, go to for advice, share information with.</summary>
    Choose,

    /// <summary>Strength, energy and a note for each actor chosen.</summary>
    Details,

    /// <summary>Check the answers before saving.</summary>
    Check,

    /// <summary>Saved: thank you.</summary>
    Saved,
}

/// <summary>
/// The respondent's pages behind the emailed link (ADR 25). No account: the token in the address is the only key, found by its
/// hash. Opening it changes nothing; one POST at the end saves everything (agreement and ties), after a check-answers page. The
/// answers travel between the pages in the form, so nothing is half-saved. Rate-limited per address, never cached, indexed
/// or passed on as a referrer. An unknown token gets one 404 naming nothing; a closed round 410.
/// </summary>
[AllowAnonymous]
public sealed class RespondModel(RelationshipSurveyService surveys, ReviewLinkRateLimiter limiter, IOptions<RelationshipMapOptions> options) : PageModel
{
    public RespondentView View { get; private set; } = RespondentView.Unknown;

    public SurveyPage Shown { get; private set; } = SurveyPage.About;

    public bool TooManyRequests { get; private set; }

    public int RetentionMonths => options.Value.StaffTieRetentionMonths;

    /// <summary>Where the forms post: this page.</summary>
    public string Action => Request.Path;

    [BindProperty]
    public string? Step { get; set; }

    /// <summary>"yes" or "no".</summary>
    [BindProperty]
    public string? Agreed { get; set; }

    /// <summary>"{actor id:N}:{TieType}" for each box ticked.</summary>
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    /// <summary>By actor id (N format): "1" to "5".</summary>
    [BindProperty]
    public Dictionary<string, string?> Strength { get; set; } = [];

    /// <summary>By actor id (N format): a <see cref="TieEnergy"/> name.</summary>
    [BindProperty]
    public Dictionary<string, string?> Energy { get; set; } = [];

    /// <summary>By actor id (N format).</summary>
    [BindProperty]
    public Dictionary<string, string?> Note { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The actors chosen, in roster order, with the questions that name them.</summary>
    public IReadOnlyList<(RosterEntry Actor, IReadOnlyList<TieType> Types)> ChosenActors { get; private set; } = [];

    /// <summary>Whether the details page (strength or energy) is asked.</summary>
    public bool AsksDetails => View.Round is { } round && (round.AsksStrength || round.AsksEnergy);

    public static string Key(Guid actorId) => actorId.ToString("N", CultureInfo.InvariantCulture);

    public static string ChoiceValue(Guid actorId, TieType type) => $"{Key(actorId)}:{type}";

    public bool IsChosen(Guid actorId, TieType type) => Chosen.Contains(ChoiceValue(actorId, type), StringComparer.OrdinalIgnoreCase);

    public string? Value(Dictionary<string, string?> values, Guid actorId) => values.GetValueOrDefault(Key(actorId));

    public static string EnergyWords(TieEnergy energy) => energy switch
    {
        TieEnergy.Draining => "It drains my energy",
        TieEnergy.Neutral => "It makes no difference to my energy",
        _ => "It gives me energy",
    };

    public static string StrengthWords(int strength) => strength switch
    {
        1 => "1 (weak)",
        5 => "5 (strong)",
        _ => strength.ToString(CultureInfo.InvariantCulture),
    };

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Protect();
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        View = await surveys.ReadByTokenAsync(token, cancellationToken);
        Shown = Request.Query.ContainsKey("saved") && View.AnsweredAt is not null ? SurveyPage.Saved : SurveyPage.About;
        return Show(null);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Protect();
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        View = await surveys.ReadByTokenAsync(token, cancellationToken);
        if (View.State != SurveyLinkState.Open)
        {
            ModelState.Clear();
            return Show(null);
        }

        ModelState.Clear();
        switch (Step)
        {
            case "agree":
                return Agree();
            case "choose":
                return AfterChoose();
            case "details":
                return AfterDetails();
            case "back-choose":
                return Render(SurveyPage.Choose);
            case "back-details":
                return Render(SurveyPage.Details);
            case "save":
                return await SaveAsync(token, cancellationToken);
            default:
                return Render(SurveyPage.About);
        }
    }

    private IActionResult Agree()
    {
        if (Agreed == "no")
        {
            return Render(SurveyPage.Declined);
        }

        if (Agreed != "yes")
        {
            ModelState.AddModelError(nameof(Agreed), "Choose yes if you agree to your answers being used as this page describes, or no if you do not want to take part");
            return Render(SurveyPage.About, StatusCodes.Status400BadRequest);
        }

        // A returning respondent starts from the answers they saved.
        if (View.Answers is { Count: > 0 } saved && Version == 0)
        {
            Chosen = saved.SelectMany(a => a.Types.Select(t => ChoiceValue(a.ActorId, t))).ToList();
            Strength = saved.Where(a => a.Strength is not null).ToDictionary(a => Key(a.ActorId), a => (string?)a.Strength!.Value.ToString(CultureInfo.InvariantCulture));
            Energy = saved.Where(a => a.Energy is not null).ToDictionary(a => Key(a.ActorId), a => (string?)a.Energy!.Value.ToString());
            Note = saved.Where(a => a.Note is not null).ToDictionary(a => Key(a.ActorId), a => a.Note);
        }

        Version = View.Version;
        return Render(SurveyPage.Choose);
    }

    private IActionResult AfterChoose()
    {
        if (!Agreed.IsYes())
        {
            return Render(SurveyPage.About, StatusCodes.Status400BadRequest, "Start again from the first page and say whether you agree.");
        }

        if (ReadAnswers(out _, checkDetails: false) is { Count: > 0 } problems)
        {
            AddProblems(problems);
            return Render(SurveyPage.Choose, StatusCodes.Status400BadRequest);
        }

        return Render(AsksDetails && ChosenActorsFromForm().Count > 0 ? SurveyPage.Details : SurveyPage.Check);
    }

    private IActionResult AfterDetails()
    {
        if (!Agreed.IsYes())
        {
            return Render(SurveyPage.About, StatusCodes.Status400BadRequest, "Start again from the first page and say whether you agree.");
        }

        if (ReadAnswers(out _, checkDetails: false) is { Count: > 0 } chooseProblems)
        {
            AddProblems(chooseProblems);
            return Render(SurveyPage.Choose, StatusCodes.Status400BadRequest);
        }

        if (ReadAnswers(out _, checkDetails: true) is { Count: > 0 } problems)
        {
            AddProblems(problems);
            return Render(SurveyPage.Details, StatusCodes.Status400BadRequest);
        }

        return Render(SurveyPage.Check);
    }

    private async Task<IActionResult> SaveAsync(string token, CancellationToken cancellationToken)
    {
        if (!Agreed.IsYes())
        {
            return Render(SurveyPage.About, StatusCodes.Status400BadRequest, "Start again from the first page and say whether you agree.");
        }

        var problems = ReadAnswers(out var answers, checkDetails: true);
        if (problems.Count > 0)
        {
            AddProblems(problems);
            return Render(problems.Any(p => p.Field == nameof(Chosen)) ? SurveyPage.Choose : SurveyPage.Details, StatusCodes.Status400BadRequest);
        }

        var result = await surveys.SubmitAsync(token, agreed: true, answers, Version, cancellationToken);
        switch (result.Outcome)
        {
            case SubmitOutcome.Saved:
                return Redirect($"{Request.Path}?saved=1");
            case SubmitOutcome.Conflict:
                AddProblems(result.Problems);
                View = await surveys.ReadByTokenAsync(token, cancellationToken);
                Chosen = [];
                Version = 0;
                Agree();
                return Render(SurveyPage.Choose, StatusCodes.Status409Conflict);
            case SubmitOutcome.Invalid:
                AddProblems(result.Problems);
                return Render(result.Problems.Any(p => p.Field == nameof(Chosen)) ? SurveyPage.Choose : SurveyPage.Details, StatusCodes.Status400BadRequest);
            default:
                ModelState.Clear();
                View = await surveys.ReadByTokenAsync(token, cancellationToken);
                return Show(null);
        }
    }

    /// <summary>Reads the form into answers; problems (keyed by this page's field names) when a choice or detail is wrong.</summary>
    private List<SurveyProblem> ReadAnswers(out List<SurveyAnswer> answers, bool checkDetails)
    {
        answers = [];
        var round = View.Round!;
        var roster = View.Roster!.Select(r => r.ActorId).ToHashSet();
        var chosen = new Dictionary<Guid, List<TieType>>();
        foreach (var value in Chosen)
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var actorId) || !Enum.TryParse<TieType>(parts[1], out var type)
                || !Enum.IsDefined(type) || !round.Questions.Contains(type) || !roster.Contains(actorId))
            {
                return [new SurveyProblem(nameof(Chosen), "One of the names you chose is not on this survey's list. Choose again from the list on this page")];
            }

            if (!chosen.TryGetValue(actorId, out var types))
            {
                chosen[actorId] = types = [];
            }

            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        // In the order of the page, so the error summary follows the page.
        var problems = new List<SurveyProblem>();
        foreach (var actorId in View.Roster!.Select(r => r.ActorId).Where(chosen.ContainsKey))
        {
            var types = chosen[actorId];
            int? strength = null;
            TieEnergy? energy = null;
            var key = Key(actorId);
            if (round.AsksStrength)
            {
                if (int.TryParse(Strength.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5)
                {
                    strength = s;
                }
                else if (checkDetails)
                {
                    problems.Add(new($"Strength[{key}]", $"Choose how strong your relationship with {NameOf(actorId)} is, from 1 (weak) to 5 (strong)"));
                }
            }

            if (round.AsksEnergy)
            {
                if (Enum.TryParse<TieEnergy>(Energy.GetValueOrDefault(key), out var e) && Enum.IsDefined(e) && !int.TryParse(Energy.GetValueOrDefault(key), out _))
                {
                    energy = e;
                }
                else if (checkDetails)
                {
                    problems.Add(new($"Energy[{key}]", $"Choose how working with {NameOf(actorId)} affects your energy"));
                }
            }

            var note = Note.GetValueOrDefault(key)?.Trim();
            if (checkDetails && note is { Length: > RelationshipTie.NotesLimit })
            {
                problems.Add(new($"Note[{key}]", $"The note about {NameOf(actorId)} must be {RelationshipTie.NotesLimit} characters or fewer; it has {note.Length}"));
            }

            answers.Add(new SurveyAnswer(actorId, types, strength, energy, string.IsNullOrEmpty(note) ? null : note));
        }

        return problems;
    }

    private string NameOf(Guid actorId) => View.Roster!.FirstOrDefault(r => r.ActorId == actorId)?.Name ?? "them";

    private List<(RosterEntry Actor, IReadOnlyList<TieType> Types)> ChosenActorsFromForm() =>
        View.Roster!
            .Select(a => (Actor: a, Types: (IReadOnlyList<TieType>)View.Round!.Questions.Where(t => IsChosen(a.ActorId, t)).ToList()))
            .Where(a => a.Types.Count > 0)
            .ToList();

    private void AddProblems(IEnumerable<SurveyProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
    }

    private PageResult Render(SurveyPage page, int? status = null, string? error = null)
    {
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Shown = page;
        ChosenActors = ChosenActorsFromForm();
        if (page == SurveyPage.Details && ChosenActors.Count == 0)
        {
            Shown = SurveyPage.Choose;
        }

        return Show(status);
    }

    private PageResult Show(int? status)
    {
        Response.StatusCode = status ?? View.State switch
        {
            SurveyLinkState.Unknown => StatusCodes.Status404NotFound,
            SurveyLinkState.Closed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private void Protect()
    {
        // The token must not leave in a Referer; the security headers keep a policy a page has set.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private PageResult Limited()
    {
        TooManyRequests = true;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)ReviewLinkRateLimiter.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Page();
    }
}

internal static class AgreedExtensions
{
    public static bool IsYes(this string? agreed) => agreed == "yes";
}
