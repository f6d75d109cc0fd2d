using Kith.Core.People.Strengths;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>Adds a strength in the person's own words.</summary>
public sealed class NewModel(StrengthService strengths) : StrengthPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Check(ModelState))
        {
            return Page();
        }

        var result = await strengths.AddAsync(PersonId, Input.Category!.Value, Input.Words, Input.NamedBy!.Value, Input.NamedByName, Actor.ActorName, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"Input.{field}", message);
            }

            return Page();
        }

        TempData["Notice"] = "Strength added";
        return Redirect($"/people/{PersonId}/strengths");
    }
}
