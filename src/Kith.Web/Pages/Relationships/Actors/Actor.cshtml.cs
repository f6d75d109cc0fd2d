using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Actors;

/// <summary>One actor: attributes, where power sits, agreement (for identifiable people), and every tie both ways.</summary>
public sealed class ActorModel(RelationshipMapService map, RelationshipAnalysisService analysis) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public AgreementInput Agreement { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ActorDetails Details { get; private set; } = null!;

    public RelationshipActor Actor => Details.Actor;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await analysis.RecordViewAsync("actor", User.GetProcessContext(), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken) =>
        ActAsync(() => map.ArchiveActorAsync(Id, Version, User.GetProcessContext(), cancellationToken), "Archived: the actor is off the map. Their ties are kept and come back if you restore them.", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ActAsync(() => map.RestoreActorAsync(Id, Version, User.GetProcessContext(), cancellationToken), "Restored: the actor is back on the map.", cancellationToken);

    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken cancellationToken)
    {
        DateOnly? on = null;
        ModelState.Clear();
        if (!Agreement.On.IsEmpty)
        {
            if (Agreement.On.TryGetDate(out var day))
            {
                on = day;
            }
            else
            {
                ModelState.AddModelError("Agreement.On", "The date they agreed must be a real date, like 31 3 2026, or left empty for today");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await map.RecordAgreementAsync(Id, Agreement.How, on, Version, User.GetProcessContext(), cancellationToken);
                Notice = "Agreement recorded: they are on the map now.";
                return Redirect($"/relationships/actors/{Id}");
            }
            catch (RelationshipValidationException e)
            {
                ModelState.AddProblems(e.Problems, "Agreement", "How");
            }
            catch (RelationshipConflictException)
            {
                return await ConflictAsync(cancellationToken);
            }
            catch (KeyNotFoundException)
            {
                return NotFound();
            }
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await map.WithdrawAgreementAsync(Id, Version, User.GetProcessContext("agreement to be on the map withdrawn"), cancellationToken);
            Notice = $"Agreement withdrawn: {deleted} {(deleted == 1 ? "tie" : "ties")} deleted and they are off the map. Their rows in past snapshots were deleted too.";
            return Redirect($"/relationships/actors/{Id}");
        }
        catch (RelationshipConflictException)
        {
            return await ConflictAsync(cancellationToken);
        }
        catch (RelationshipValidationException e)
        {
            ModelState.AddProblems(e.Problems, "Agreement", "How");
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The name of the actor at the other end of a tie.</summary>
    public (Guid Id, string Name) Other(RelationshipTie tie)
    {
        var id = tie.FromActorId == Id ? tie.ToActorId : tie.FromActorId;
        return (id, Details.Others.TryGetValue(id, out var other) ? other.Name : "(not on the map)");
    }

    private async Task<IActionResult> ActAsync(Func<Task> act, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await act();
            Notice = notice;
            return Redirect($"/relationships/actors/{Id}");
        }
        catch (RelationshipConflictException)
        {
            return await ConflictAsync(cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> ConflictAsync(CancellationToken cancellationToken)
    {
        ModelState.AddModelError("Agreement.How", "Someone changed this actor since you opened this page. Check it below, then try again");
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await map.DetailsAsync(Id, cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        ModelState.Remove(nameof(Version));
        Version = details.Actor.Version;
        return true;
    }
}

/// <summary>How and when an identifiable person agreed to be on the map.</summary>
public sealed class AgreementInput
{
    public string? How { get; set; }

    public DateInput On { get; set; } = new();
}
