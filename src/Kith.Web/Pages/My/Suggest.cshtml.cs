using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Suggestions;
using Kith.Web.Infrastructure;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.My;

/// <summary>The person suggests their own words for a goal (<c>?goal=ID</c>), a new goal (<c>?new=goal</c>) or a new strength (<c>?new=strength</c>).</summary>
public sealed class SuggestModel(KithDbContext db, SuggestionService suggestions) : MyPageModel
{
    protected override string RecordPart => "my-plan";

    [BindProperty(SupportsGet = true)]
    public Guid? Goal { get; set; }

    [BindProperty(SupportsGet = true, Name = "new")]
    public string? New { get; set; }

    [BindProperty]
    public string? Words { get; set; }

    public string? CurrentWords { get; private set; }

    public string Heading => Goal is not null ? "Your words for this goal" : New == "strength" ? "Something you are good at or love" : "A new goal, in your words";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Words = CurrentWords;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var target = Goal is not null ? SuggestionTarget.Goal : New == "strength" ? SuggestionTarget.NewStrength : SuggestionTarget.NewGoal;
        if (target == SuggestionTarget.Goal && string.Equals(Words?.Trim(), CurrentWords, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Words), "Change the words, or go back if you are happy with them");
        }
        else
        {
            var outcome = await suggestions.SuggestAsync(PersonId, target, Goal, null, Words, User.GetProcessContext(), cancellationToken);
            if (outcome.Succeeded)
            {
                return Redirect("/my/suggestions");
            }

            ModelState.AddModelError(nameof(Words), outcome.Error!);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Goal is { } goalId)
        {
            CurrentWords = await db.Goals.AsNoTracking().Where(g => g.Id == goalId && g.PersonId == PersonId).Select(g => g.Words).SingleOrDefaultAsync(cancellationToken);
            return CurrentWords is not null;
        }

        return New is "goal" or "strength";
    }
}
