using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Strengths;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>Changes one strength; a change made from an out-of-date copy shows the saved words and keeps what was typed.</summary>
public sealed class EditModel(StrengthService strengths, KithDbContext db) : StrengthPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid StrengthId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The strength as saved now, when someone else changed it first.</summary>
    public Strength? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var strength = await LoadAsync(cancellationToken);
        if (strength is null)
        {
            return NotFound();
        }

        Version = strength.Version;
        Input = StrengthForm.From(strength);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Check(ModelState))
        {
            return Page();
        }

        var result = await strengths.ChangeAsync(PersonId, StrengthId, Version, Input.Category!.Value, Input.Words, Input.NamedBy!.Value, Input.NamedByName, Actor, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Strength changed";
            return Redirect($"/people/{PersonId}/strengths");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!result.Conflict)
        {
            return Page();
        }

        Conflict = await LoadAsync(cancellationToken);
        if (Conflict is null)
        {
            return NotFound();
        }

        Version = Conflict.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, "Someone else changed this strength while you were working. Check the saved words below, then save again to keep your changes.");
        return Page();
    }

    private Task<Strength?> LoadAsync(CancellationToken cancellationToken) =>
        db.Strengths.AsNoTracking().SingleOrDefaultAsync(s => s.Id == StrengthId && s.PersonId == PersonId && s.RemovedAt == null, cancellationToken);
}
