using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Web.People.Strengths;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Network;

/// <summary>Changes or ends one tie; a stale change shows both versions and keeps what was typed.</summary>
public sealed class TieModel(NetworkService network, KithDbContext db) : TiePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid TieId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The tie as saved now, when someone else changed it first.</summary>
    public NetworkTie? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var tie = await LoadAsync(cancellationToken);
        if (tie is null)
        {
            return NotFound();
        }

        Version = tie.Version;
        Input = new TieInput
        {
            Name = tie.Name,
            Relationship = tie.Relationship,
            To = tie.To,
            CommunityAssetId = tie.CommunityAssetId,
            IsFormal = tie.IsFormal,
            Strength = tie.Strength,
            Valence = tie.Valence,
            Direction = tie.Direction,
            Frequency = tie.Frequency,
            CouldHelpWith = tie.CouldHelpWith,
        };
        await FindAssetsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Request.Form.ContainsKey("find"))
        {
            ModelState.Clear();
            await FindAssetsAsync(cancellationToken);
            return Page();
        }

        AddErrors(NetworkService.Validate(Input));
        if (ModelState.ErrorCount > 0)
        {
            await FindAssetsAsync(cancellationToken);
            return Page();
        }

        var result = await network.ChangeAsync(PersonId, TieId, Version, Input, Actor, cancellationToken);
        return await AfterAsync(result, "Tie changed", cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await network.EndAsync(PersonId, TieId, Version, DateOnly.FromDateTime(DateTime.UtcNow), Actor, cancellationToken);
        return await AfterAsync(result, "Tie ended", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(SaveResult result, string notice, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/people/{PersonId}/network");
        }

        Conflict = await LoadAsync(cancellationToken);
        if (Conflict is null)
        {
            return NotFound();
        }

        Version = Conflict.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, "Someone else changed or ended this tie while you were working. Check the saved version below, then save again to keep your changes.");
        await FindAssetsAsync(cancellationToken);
        return Page();
    }

    private Task<NetworkTie?> LoadAsync(CancellationToken cancellationToken) =>
        db.NetworkTies.AsNoTracking().SingleOrDefaultAsync(t => t.Id == TieId && t.PersonId == PersonId, cancellationToken);
}
