using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Ties;

/// <summary>Changes or deletes a declared or survey tie; observed ties are Kith's own count and change only with it.</summary>
public sealed class EditModel(RelationshipMapService map) : TieFormModel(map)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public RelationshipTie Tie { get; private set; } = null!;

    public override bool IsChange => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = TieInput.From(Tie);
        Version = Tie.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.ToActorId = Tie.ToActorId;
        if (Read(Tie.FromActorId, Tie.ToActorId) is { } values)
        {
            try
            {
                await Map.UpdateTieAsync(Id, values, Version, User.GetProcessContext(), cancellationToken);
                return Redirect($"/relationships/actors/{Tie.FromActorId}");
            }
            catch (RelationshipValidationException e)
            {
                ModelState.AddProblems(e.Problems, fallbackField: "Type");
            }
            catch (RelationshipConflictException)
            {
                return Conflict409();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await Map.DeleteTieAsync(Id, Version, User.GetProcessContext(), cancellationToken);
            return Redirect($"/relationships/actors/{Tie.FromActorId}");
        }
        catch (RelationshipConflictException)
        {
            Input = TieInput.From(Tie);
            return Conflict409();
        }
    }

    private PageResult Conflict409()
    {
        ModelState.AddModelError("Input.Type", "Someone changed this tie since you opened this page. What you typed is still below: check the tie, then save again");
        ModelState.Remove(nameof(Version));
        Version = Tie.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await Map.TieAsync(Id, cancellationToken) is not { Source: not TieSource.Observed } tie
            || await Map.ActorAsync(tie.FromActorId, cancellationToken) is not { } from)
        {
            return false;
        }

        Tie = tie;
        From = from;
        ToName = (await Map.ActorAsync(tie.ToActorId, cancellationToken))?.Name;
        return true;
    }
}
