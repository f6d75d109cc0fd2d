using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>Adds a strength in the person's own words.</summary>
public sealed class NewModel(StrengthService strengths) : PersonPageModel
{
    protected override string RecordPart => "strengths";

    [BindProperty]
    public StrengthForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Category is null)
        {
            ModelState.AddModelError("Input.Category", "Choose the kind of strength");
        }

        if (Input.NamedBy is null)
        {
            ModelState.AddModelError("Input.NamedBy", "Choose who named it");
        }

        foreach (var (field, message) in StrengthService.Validate(Input.Words))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (ModelState.ErrorCount > 0)
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

    public sealed class StrengthForm
    {
        public StrengthCategory? Category { get; set; }

        public string? Words { get; set; }

        public NamedBy? NamedBy { get; set; }

        public string? NamedByName { get; set; }
    }
}
