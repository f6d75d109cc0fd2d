using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Web.People;
using Kith.Web.People.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Records;

/// <summary>Changes a person's details. A save from a version someone else has changed shows both versions and keeps the editor's.</summary>
public sealed class DetailsModel(PersonService people, KithDbContext db) : PersonPageModel, IDetailsFormPage
{
    protected override string RecordPart => "details";

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Set after a conflict: their saved details and what the editor sent.</summary>
    public PersonSaveResult? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == PersonId, cancellationToken);
        Input = DetailsForm.From(PersonDetails.From(person));
        Version = person.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var versionUnreadable = ModelState[nameof(Version)]?.Errors.Count > 0;
        ModelState.Clear();
        var details = Input.ToDetails(ModelState, nameof(Input))!;
        if (ModelState.ErrorCount > 0)
        {
            return Bad(StatusCodes.Status400BadRequest);
        }

        var result = await people.UpdateAsync(PersonId, versionUnreadable ? -1 : Version, details, Actor, cancellationToken);
        switch (result.Status)
        {
            case PersonSaveStatus.Saved:
                return Redirect($"/people/{PersonId}");
            case PersonSaveStatus.Conflict:
                Conflict = result;
                Version = result.CurrentVersion;
                ModelState.AddModelError(nameof(Input) + "." + nameof(DetailsForm.Name), $"Someone else changed these details since you opened this page (it is now at version {result.CurrentVersion}). Your changes are still below: compare them with the saved version, then save again");
                return Bad(StatusCodes.Status409Conflict);
            case PersonSaveStatus.NotFound:
                return NotFound();
            default:
                DetailsForm.AddErrors(ModelState, nameof(Input), result.Errors);
                return Bad(StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Bad(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
