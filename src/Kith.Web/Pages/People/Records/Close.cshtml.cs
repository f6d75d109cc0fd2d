using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Web.People;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Records;

/// <summary>Closes a record (the service stopped working with the person) or, on the reopen route, opens it again.</summary>
public abstract class CloseOrReopenModel(PersonService people, KithDbContext db) : PersonPageModel
{
    protected override string RecordPart => Closing ? "close" : "reopen";

    protected abstract bool Closing { get; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DateInput ClosedOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((Person.ClosedOn is null) != Closing)
        {
            return Redirect($"/people/{PersonId}");
        }

        Version = await db.People.Where(p => p.Id == PersonId).Select(p => p.Version).SingleAsync(cancellationToken);
        ClosedOn = DateInput.FromDate(DateOnly.FromDateTime(DateTime.UtcNow));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var version = ModelState[nameof(Version)]?.Errors.Count > 0 ? -1 : Version;
        ModelState.Clear();
        PersonSaveResult result;
        if (Closing)
        {
            if (!ClosedOn.TryGetDate(out var date))
            {
                ModelState.AddModelError(nameof(ClosedOn), "Enter the date the service stopped working with them, like 27 3 2026");
                return Bad(StatusCodes.Status400BadRequest);
            }

            result = await people.CloseAsync(PersonId, version, date, Actor, cancellationToken);
        }
        else
        {
            result = await people.ReopenAsync(PersonId, version, Actor, cancellationToken);
        }

        switch (result.Status)
        {
            case PersonSaveStatus.Saved:
                return Redirect($"/people/{PersonId}");
            case PersonSaveStatus.Conflict:
                Version = result.CurrentVersion;
                ModelState.AddModelError(Closing ? nameof(ClosedOn) : nameof(Version), "Someone else changed this record since you opened this page. Check the record, then try again");
                return Bad(StatusCodes.Status409Conflict);
            default:
                foreach (var (_, message) in result.Errors)
                {
                    ModelState.AddModelError(nameof(ClosedOn), message);
                }

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

public sealed class CloseModel(PersonService people, KithDbContext db) : CloseOrReopenModel(people, db)
{
    protected override bool Closing => true;
}

public sealed class ReopenModel(PersonService people, KithDbContext db) : CloseOrReopenModel(people, db)
{
    protected override bool Closing => false;
}
