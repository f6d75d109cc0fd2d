using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Relationships.Ties;

/// <summary>Adds a tie from one actor (?from=) to another, declared by the editor.</summary>
public sealed class NewModel(RelationshipMapService map) : TieFormModel(map)
{
    [FromQuery(Name = "from")]
    public Guid FromId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Read(FromId, Input.ToActorId ?? Guid.Empty) is { } values)
        {
            try
            {
                await Map.CreateTieAsync(values, User.GetProcessContext(), cancellationToken);
                return Redirect($"/relationships/actors/{FromId}");
            }
            catch (RelationshipValidationException e)
            {
                ModelState.AddProblems(e.Problems, fallbackField: "Type");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await Map.ActorAsync(FromId, cancellationToken) is not { ArchivedAt: null } from)
        {
            return false;
        }

        From = from;
        await LoadChoicesAsync(cancellationToken);
        return true;
    }
}
