using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Goals;
using Kith.Web.People;
using Kith.Web.People.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Goals;

/// <summary>Adds a goal in the person's own words.</summary>
public sealed class NewModel(GoalService goalService, KithDbContext db) : PersonPageModel
{
    protected override string RecordPart => "goals";

    [BindProperty]
    public GoalInput Input { get; set; } = new() { Status = GoalStatus.Active, UsesAttainmentScale = false };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var details = Input.ToDetails(ModelState);
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        db.Actor = Actor;
        var goal = await goalService.CreateAsync(PersonId, details, cancellationToken);
        return Redirect($"/people/{PersonId}/goals/{goal.Id}");
    }
}
