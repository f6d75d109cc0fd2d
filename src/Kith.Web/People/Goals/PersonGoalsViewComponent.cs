using Kith.Core.People.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.Goals;

/// <summary>The record page's goals: active goals and the actions coming up.</summary>
public sealed class PersonGoalsViewComponent(GoalService goalService) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var goals = await goalService.ListAsync(personId, HttpContext.RequestAborted);
        var upcoming = await goalService.UpcomingActionsAsync(personId, HttpContext.RequestAborted);
        return View(new PersonGoalsView(personId, goals.Where(g => g.Goal.Status == Kith.Core.People.GoalStatus.Active).ToList(), upcoming.Take(5).ToList()));
    }
}

/// <summary>What the record page shows about goals.</summary>
public sealed record PersonGoalsView(Guid PersonId, IReadOnlyList<GoalView> ActiveGoals, IReadOnlyList<UpcomingAction> UpcomingActions);
