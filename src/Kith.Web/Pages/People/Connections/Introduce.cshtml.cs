using Kith.Core.Connections;
using Kith.Core.Connections.Introductions;
using Kith.Core.Data;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Connections;

/// <summary>What the practitioner fills in, over the steps; earlier steps' answers ride along in hidden fields.</summary>
public sealed class IntroduceInput
{
    /// <summary>The consent radio's value for "they have not agreed".</summary>
    public const string NotAgreed = "no";

    public const string FromPhone = "phone";

    public const string FromEmail = "email";

    public const string Typed = "typed";

    /// <summary>Which button was pressed: "consent", "share", "change" or "send".</summary>
    public string? Step { get; set; }

    /// <summary>An <see cref="IntroductionConsent"/> name, or <see cref="NotAgreed"/>.</summary>
    public string? Consent { get; set; }

    public string? Name { get; set; }

    /// <summary><see cref="FromPhone"/>, <see cref="FromEmail"/> or <see cref="Typed"/>.</summary>
    public string? ContactChoice { get; set; }

    public string? TypedContact { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// Introduces a person to a group, with their consent (ADR 20): step 1 records how they agreed (and goes no further without it),
/// step 2 what to share, step 3 shows exactly what the group will see; sending moves the connection to requested and queues
/// the email with the group's link. Only for an introduction in draft, to an asset that takes introductions and has an email.
/// </summary>
public sealed class IntroduceModel(KithDbContext db, IntroductionService introductions) : PersonPageModel
{
    protected override string RecordPart => ConnectionService.AuditPart;

    [FromRoute]
    public Guid ConnectionId { get; set; }

    [BindProperty]
    public IntroduceInput Input { get; set; } = new();

    /// <summary>1 consent, 2 what to share, 3 check and send.</summary>
    public int Step { get; private set; } = 1;

    public string AssetName { get; private set; } = string.Empty;

    /// <summary>Why this connection cannot be introduced, or null when it can.</summary>
    public string? Blocked { get; private set; }

    public string? RecordPhone { get; private set; }

    public string? RecordEmail { get; private set; }

    /// <summary>The contact the group will see, once chosen.</summary>
    public string? ContactShown => Input.ContactChoice switch
    {
        IntroduceInput.FromPhone => RecordPhone,
        IntroduceInput.FromEmail => RecordEmail,
        _ => Input.TypedContact?.Trim(),
    };

    public IntroductionConsent? Consent => Enum.TryParse<IntroductionConsent>(Input.Consent, out var c) && Enum.IsDefined(c) ? c : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Blocked is not null)
        {
            // A second click on "Send" finds the first one's introduction: go where the first went.
            if (Input.Step == "send" && await db.Introductions.AnyAsync(i => i.ConnectionId == ConnectionId, cancellationToken))
            {
                return Redirect($"/people/{PersonId}/connections/{ConnectionId}");
            }

            return Status(StatusCodes.Status409Conflict);
        }

        // Every step checks consent again: a post cannot skip it.
        if (Consent is null)
        {
            ModelState.AddModelError("Input.Consent", Input.Consent == IntroduceInput.NotAgreed
                ? $"You cannot introduce {Person.DisplayName} until they agree. Ask them first, or signpost them so they can go on their own"
                : $"Select how {Person.DisplayName} agreed to be introduced");
            Step = 1;
            return Status(StatusCodes.Status400BadRequest);
        }

        if (Input.Step == "consent")
        {
            Input.Name ??= Person.DisplayName;
            Step = 2;
            return Page();
        }

        if (Input.Step == "change" || !ValidShare())
        {
            Step = 2;
            return ModelState.IsValid ? Page() : Status(StatusCodes.Status400BadRequest);
        }

        if (Input.Step != "send")
        {
            Step = 3;
            return Page();
        }

        try
        {
            await introductions.IntroduceAsync(
                new IntroduceOptions(PersonId, ConnectionId, Consent, Input.Name!, ContactShown!, Input.Note), AccountLinks.Absolute(HttpContext, "/"), Actor, cancellationToken);
        }
        catch (IntroductionRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            Step = 3;
            return Status(StatusCodes.Status409Conflict);
        }

        return Redirect($"/people/{PersonId}/connections/{ConnectionId}");
    }

    private bool ValidShare()
    {
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter the name the group should use");
        }
        else if (Input.Name.Trim().Length > Introduction.NameLimit)
        {
            ModelState.AddModelError("Input.Name", $"The name must be {Introduction.NameLimit} characters or fewer");
        }

        if (Input.ContactChoice is not (IntroduceInput.FromPhone or IntroduceInput.FromEmail or IntroduceInput.Typed)
            || (Input.ContactChoice == IntroduceInput.FromPhone && RecordPhone is null) || (Input.ContactChoice == IntroduceInput.FromEmail && RecordEmail is null))
        {
            ModelState.AddModelError("Input.ContactChoice", "Select how the group can contact them");
        }
        else if (Input.ContactChoice == IntroduceInput.Typed && string.IsNullOrWhiteSpace(Input.TypedContact))
        {
            ModelState.AddModelError("Input.TypedContact", "Enter how the group can contact them, or choose a detail from their record");
        }
        else if (Input.TypedContact is { Length: > Introduction.ContactLimit })
        {
            ModelState.AddModelError("Input.TypedContact", $"How to contact them must be {Introduction.ContactLimit} characters or fewer");
        }

        if (Input.Note is { Length: > Introduction.NoteLimit })
        {
            ModelState.AddModelError("Input.Note", $"What they would like the group to know must be {Introduction.NoteLimit} characters or fewer");
        }

        return ModelState.IsValid;
    }

    private PageResult Status(int code)
    {
        var page = Page();
        page.StatusCode = code;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().Where(c => c.Id == ConnectionId && c.PersonId == PersonId)
            .Select(c => new { c.Kind, c.Status, c.CommunityAssetId }).SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return false;
        }

        var asset = await db.CommunityAssets.AsNoTracking().Include(a => a.Contacts).Include(a => a.Organization).SingleAsync(a => a.Id == connection.CommunityAssetId, cancellationToken);
        AssetName = asset.Name;
        Blocked = connection.Kind != ConnectionKind.Introduction
            ? $"This connection is a signpost: {Person.DisplayName} goes to {asset.Name} on their own, so the group is not contacted."
            : connection.Status != ConnectionStatus.Draft
                ? $"This connection is already {Connection.Describe(connection.Status)}, so there is no introduction to send."
                : IntroductionService.WhyNot(asset);
        var contact = await db.People.AsNoTracking().Where(p => p.Id == PersonId).Select(p => new { p.Phone, p.Email }).SingleAsync(cancellationToken);
        RecordPhone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim();
        RecordEmail = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email.Trim();
        return true;
    }
}
