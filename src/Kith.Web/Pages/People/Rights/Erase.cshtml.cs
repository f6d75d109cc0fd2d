using System.ComponentModel.DataAnnotations;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Erasure;
using Kith.Core.Platform.Accounts;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Rights;

/// <summary>Erases the whole record (managers and administrators only): typed name to confirm, reason required.</summary>
public sealed class EraseModel(KithDbContext db, PersonErasureService erasure, PersonAccessService access) : PersonPageModel
{
    public const int ReasonLimit = 500;

    protected override string RecordPart => "erase";

    [BindProperty]
    public string? ConfirmName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Write why the record is being erased, for example \"they asked us to erase it\"")]
    [StringLength(ReasonLimit, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? Reason { get; set; }

    public bool Erased { get; private set; }

    public string FullName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MayErase)
        {
            return await RefuseAsync(cancellationToken);
        }

        FullName = Person.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayErase)
        {
            return await RefuseAsync(cancellationToken);
        }

        FullName = Person.Name;
        var name = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        if (!string.Equals(ConfirmName?.Trim(), name.Trim(), StringComparison.CurrentCultureIgnoreCase))
        {
            ModelState.AddModelError(nameof(ConfirmName), $"Type their full name, {name}, exactly to confirm");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await erasure.EraseAsync(PersonId, Actor, Reason!.Trim(), cancellationToken);
        Erased = true;
        return Page();
    }

    private bool MayErase => User.IsInRole(KithRoles.Manager) || User.IsInRole(KithRoles.Administrator);

    private async Task<IActionResult> RefuseAsync(CancellationToken cancellationToken)
    {
        await access.RecordRefusedAsync(PersonId, RecordPart, Actor, cancellationToken);
        return StatusCode(StatusCodes.Status403Forbidden);
    }
}
