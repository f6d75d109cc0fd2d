using System.Security.Claims;
using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Records;

/// <summary>Adds a person, worked with by one of the user's teams, and opens their record.</summary>
public sealed class NewModel(PersonService people, KithDbContext db) : PageModel, IDetailsFormPage
{
    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    [BindProperty]
    public Guid? TeamId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadTeamsAsync(cancellationToken);
        if (Teams.Count == 1)
        {
            TeamId = Teams[0].Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadTeamsAsync(cancellationToken);
        ModelState.Clear();
        var details = Input.ToDetails(ModelState, nameof(Input))!;
        if (TeamId is not { } teamId || Teams.All(t => t.Id != teamId))
        {
            ModelState.AddModelError(nameof(TeamId), Teams.Count == 0
                ? "You are not in a team yet. Ask your manager to add you to a team, then add the person"
                : "Select the team that will work with them");
        }

        var (_, errors) = people.Validate(details);
        DetailsForm.AddErrors(ModelState, nameof(Input), errors);
        if (ModelState.ErrorCount > 0)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var result = await people.CreateAsync(details, TeamId!.Value, User.GetProcessContext(), cancellationToken);
        if (!result.Succeeded)
        {
            DetailsForm.AddErrors(ModelState, nameof(Input), result.Errors);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        return Redirect($"/people/{result.PersonId}");
    }

    private async Task LoadTeamsAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var teams = await db.TeamMembers.Where(m => m.UserId == userId)
            .Join(db.Teams.Where(t => t.ArchivedAt == null), m => m.TeamId, t => t.Id, (m, t) => new { t.Id, t.Name })
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Teams = teams.Select(t => (t.Id, t.Name)).ToList();
    }
}
