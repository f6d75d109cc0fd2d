using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Goals;
using Kith.Web.People;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.People.Goals;

/// <summary>
/// One goal: change its words and scale (refused with a conflict view, keeping what was typed, when someone
/// else saved first), rate progress on the scale, add actions and mark them done.
/// </summary>
public sealed class GoalModel(GoalService goalService, KithDbContext db, TimeProvider clock) : PersonPageModel
{
    protected override string RecordPart => "goals";

    [FromRoute]
    public Guid GoalId { get; set; }

    [BindProperty]
    public GoalInput Input { get; set; } = new();

    /// <summary>The goal's version the editor saw.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    public GoalView Goal { get; private set; } = null!;

    /// <summary>Set when the save was refused because someone else saved first: the goal as they left it.</summary>
    public Goal? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = GoalInput.From(Goal.Goal);
        Version = Goal.Goal.Version;
        Rating.RatedOn = DateInput.FromDate(UkDate.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ClearOther(nameof(Input));
        var details = Input.ToDetails(ModelState);
        if (!ModelState.IsValid)
        {
            return Status(StatusCodes.Status400BadRequest);
        }

        db.Actor = Actor;
        try
        {
            await goalService.UpdateAsync(PersonId, GoalId, details, Version, cancellationToken);
        }
        catch (GoalConflictException conflict)
        {
            Conflict = conflict.Current;
            ModelState.Remove(nameof(Version));
            Version = conflict.Current.Version;
            await LoadAsync(cancellationToken);
            ModelState.AddModelError("Input.Words", "Someone else changed this goal since you opened it. Compare the two versions below, then save again to keep yours");
            return Status(StatusCodes.Status409Conflict);
        }

        return Redirect($"/people/{PersonId}/goals/{GoalId}");
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ClearOther(nameof(Rating));
        ResetInput();
        if (!Goal.Goal.UsesAttainmentScale)
        {
            ModelState.AddModelError("Rating.Score", "This goal does not use the attainment scale. Change the goal to use it first");
        }

        var score = Kith.Core.People.Instruments.InstrumentEngine.ParseAnswer(Rating.Score);
        if (score is null or < GoalService.MinScore or > GoalService.MaxScore)
        {
            ModelState.AddModelError("Rating.Score", "Choose a score from −2 to +2");
        }

        var ratedOn = UkDate.Read(Rating.RatedOn, "Rating.RatedOn", "the date of the rating", required: true, UkDate.Today(clock), ModelState);
        if (Rating.Note?.Trim().Length > GoalService.ShortTextLimit)
        {
            ModelState.AddModelError("Rating.Note", $"The note must be {GoalService.ShortTextLimit} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Status(StatusCodes.Status400BadRequest);
        }

        db.Actor = Actor;
        await goalService.RateAsync(PersonId, GoalId, score!.Value, ratedOn!.Value, Rating.Note, User.Identity?.Name ?? "Staff", cancellationToken);
        return Redirect($"/people/{PersonId}/goals/{GoalId}#progress");
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ClearOther(nameof(NewAction));
        ResetInput();
        var what = NewAction.What?.Trim();
        if (string.IsNullOrEmpty(what))
        {
            ModelState.AddModelError("NewAction.What", "Enter what will be done");
        }
        else if (what.Length > GoalService.ShortTextLimit)
        {
            ModelState.AddModelError("NewAction.What", $"The action must be {GoalService.ShortTextLimit} characters or fewer");
        }

        if (NewAction.Owner is null)
        {
            ModelState.AddModelError("NewAction.Owner", "Choose who will do it");
        }

        if (NewAction.OwnerName?.Trim().Length > GoalService.ShortTextLimit)
        {
            ModelState.AddModelError("NewAction.OwnerName", $"The name must be {GoalService.ShortTextLimit} characters or fewer");
        }

        var due = UkDate.Read(NewAction.DueOn, "NewAction.DueOn", "the date it is due", required: false, null, ModelState);
        if (!ModelState.IsValid)
        {
            return Status(StatusCodes.Status400BadRequest);
        }

        db.Actor = Actor;
        await goalService.AddActionAsync(PersonId, GoalId, what!, NewAction.Owner!.Value, NewAction.OwnerName, due, cancellationToken: cancellationToken);
        return Redirect($"/people/{PersonId}/goals/{GoalId}#actions");
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid actionId, bool done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Goal.Actions.All(a => a.Id != actionId))
        {
            return NotFound();
        }

        db.Actor = Actor;
        await goalService.MarkActionDoneAsync(PersonId, actionId, done ? UkDate.Today(clock) : null, cancellationToken);
        return Redirect($"/people/{PersonId}/goals/{GoalId}#actions");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var goal = await goalService.GetAsync(PersonId, GoalId, cancellationToken);
        if (goal is null)
        {
            return false;
        }

        Goal = goal;
        return true;
    }

    /// <summary>Only the posted form's fields count: the other forms on the page are not validated.</summary>
    private void ClearOther(string keep)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(keep, StringComparison.Ordinal) && k != nameof(Version)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private void ResetInput()
    {
        Input = GoalInput.From(Goal.Goal);
        Version = Goal.Goal.Version;
        ModelState.Remove(nameof(Version));
    }

    private PageResult Status(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }
}

/// <summary>A rating on the scale as posted.</summary>
public sealed class RatingInput
{
    /// <summary>"-2" to "2".</summary>
    public string? Score { get; set; }

    public DateInput RatedOn { get; set; } = new();

    public string? Note { get; set; }
}

/// <summary>A new action as posted.</summary>
public sealed class ActionInput
{
    public string? What { get; set; }

    public ActionOwner? Owner { get; set; }

    public string? OwnerName { get; set; }

    public DateInput DueOn { get; set; } = new();
}
