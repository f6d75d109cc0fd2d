using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Relationships.Actors;

/// <summary>Adds an actor to the map.</summary>
public sealed class NewModel(RelationshipMapService map) : ActorFormModel(map)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadLinksAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Check();
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var actor = await Map.CreateActorAsync(Input, User.GetProcessContext(), cancellationToken);
                return Redirect($"/relationships/actors/{actor.Id}");
            }
            catch (RelationshipValidationException e)
            {
                ModelState.AddProblems(e.Problems);
            }
        }

        await LoadLinksAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
