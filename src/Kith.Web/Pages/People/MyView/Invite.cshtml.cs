using Kith.Core.Data;
using Kith.Core.People.MyView;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.MyView;

/// <summary>Invites the person to see their own plan: an email with a one-time link, valid 7 days, to choose a password.</summary>
public sealed class InviteModel(KithDbContext db, PersonInvitationService invitations) : PersonPageModel
{
    protected override string RecordPart => "invite";

    public string? Email { get; private set; }

    public bool HasPassword { get; private set; }

    [TempData]
    public string? Sent { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.InviteAsync(PersonId, AccountLinks.Absolute(HttpContext, AcceptInvitationPath), Actor, cancellationToken);
        if (outcome.Succeeded)
        {
            Sent = "yes";
            return RedirectToPage();
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Where the link in the invitation email goes.</summary>
    public const string AcceptInvitationPath = "/account/accept-invitation";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => new { p.Email, p.UserId }).SingleAsync(cancellationToken);
        Email = person.Email;
        HasPassword = person.UserId is not null
            && await db.Users.AnyAsync(u => u.Id == person.UserId && u.PasswordHash != null, cancellationToken);
    }
}
