using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Relationships.Actors;

/// <summary>Changes an actor. A save made by someone else since the page was opened is never overwritten.</summary>
public sealed class EditModel(RelationshipMapService map) : ActorFormModel(map)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public RelationshipActor Actor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await Map.ActorAsync(Id, cancellationToken) is not { } actor)
        {
            return NotFound();
        }

        Actor = actor;
        Input = ActorValues.From(actor);
        Version = actor.Version;
        await LoadLinksAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await Map.ActorAsync(Id, cancellationToken) is not { } actor)
        {
            return NotFound();
        }

        Actor = actor;
        Check();
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await Map.UpdateActorAsync(Id, Input, Version, User.GetProcessContext(), cancellationToken);
                return Redirect($"/relationships/actors/{Id}");
            }
            catch (RelationshipValidationException e)
            {
                ModelState.AddProblems(e.Problems);
            }
            catch (RelationshipConflictException)
            {
                ModelState.AddModelError("Input.Name", "Someone changed this actor since you opened this page. Your changes are still below: check the actor's page in a new tab, then save again");
                ModelState.Remove(nameof(Version));
                Version = actor.Version;
                await LoadLinksAsync(cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        await LoadLinksAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
