using Kith.Core.People.Strengths;
using Kith.Web.People.Strengths;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Network;

/// <summary>Adds a tie to the person's network.</summary>
public sealed class NewTieModel(NetworkService network) : TiePageModel
{
    public void OnGet()
    {
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

        await network.AddAsync(PersonId, Input, Actor, cancellationToken);
        TempData["Notice"] = "Tie added";
        return Redirect($"/people/{PersonId}/network");
    }
}
