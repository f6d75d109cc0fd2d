using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Concerns;
using Kith.Web.People;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.People.Concerns;

/// <summary>Adds a concern (route .../concerns/new) or changes one, refusing a stale change with both versions shown.</summary>
public sealed class ConcernModel(ConcernService concerns, KithDbContext db, TimeProvider clock) : PersonPageModel
{
    protected override string RecordPart => "concerns";

    /// <summary>"new", or the concern's id.</summary>
    [FromRoute]
    public string ConcernId { get; set; } = string.Empty;

    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public bool IsNew => ConcernId == "new";

    public Concern? Existing { get; private set; }

    public Concern? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } c)
        {
            Input = new() { Area = c.Area, Description = c.Description, Status = c.Status, WhoIsHelping = c.WhoIsHelping, RaisedOn = DateInput.FromDate(c.RaisedOn) };
            Version = c.Version;
        }
        else
        {
            Input.RaisedOn = DateInput.FromDate(UkDate.Today(clock));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Input.Area is null)
        {
            ModelState.AddModelError("Input.Area", "Choose what the concern is about");
        }

        var description = Input.Description?.Trim() ?? string.Empty;
        if (description.Length == 0)
        {
            ModelState.AddModelError("Input.Description", "Describe the concern");
        }
        else if (description.Length > Concern.TextLimit)
        {
            ModelState.AddModelError("Input.Description", $"The description must be {Concern.TextLimit} characters or fewer (it is {description.Length})");
        }

        if (Input.WhoIsHelping?.Trim().Length > ConcernService.WhoLimit)
        {
            ModelState.AddModelError("Input.WhoIsHelping", $"Who is helping must be {ConcernService.WhoLimit} characters or fewer");
        }

        var raisedOn = UkDate.Read(Input.RaisedOn, "Input.RaisedOn", "the date it was raised", required: true, UkDate.Today(clock), ModelState);
        if (!ModelState.IsValid)
        {
            return Status(StatusCodes.Status400BadRequest);
        }

        var details = new ConcernDetails(Input.Area!.Value, description, Input.Status, Input.WhoIsHelping, raisedOn!.Value);
        db.Actor = Actor;
        if (Existing is null)
        {
            await concerns.CreateAsync(PersonId, details, cancellationToken);
            return Redirect($"/people/{PersonId}/concerns");
        }

        try
        {
            await concerns.UpdateAsync(PersonId, Existing.Id, details, Version, cancellationToken);
        }
        catch (ConcernConflictException conflict)
        {
            Conflict = conflict.Current;
            ModelState.Remove(nameof(Version));
            Version = conflict.Current.Version;
            ModelState.AddModelError("Input.Description", "Someone else changed this concern since you opened it. Compare the two versions, then save again to keep yours");
            return Status(StatusCodes.Status409Conflict);
        }

        return Redirect($"/people/{PersonId}/concerns");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            return true;
        }

        if (!Guid.TryParse(ConcernId, out var id))
        {
            return false;
        }

        Existing = await concerns.GetAsync(PersonId, id, cancellationToken);
        return Existing is not null;
    }

    private PageResult Status(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }
}

/// <summary>A concern as posted.</summary>
public sealed class ConcernInput
{
    public ConcernArea? Area { get; set; }

    public string? Description { get; set; }

    public ConcernStatus Status { get; set; }

    public string? WhoIsHelping { get; set; }

    public DateInput RaisedOn { get; set; } = new();
}
