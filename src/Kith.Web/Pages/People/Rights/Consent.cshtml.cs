using Kith.Core.People;
using Kith.Core.People.Consents;
using Kith.Web.People;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Rights;

/// <summary>What the person agreed to share and with whom: record consent, withdraw it with a note.</summary>
public sealed class ConsentModel(ConsentService consents, TimeProvider clock) : PersonPageModel
{
    protected override string RecordPart => "consent";

    public IReadOnlyList<Consent> Consents { get; private set; } = [];

    [BindProperty]
    public ConsentScope? Scope { get; set; }

    [BindProperty]
    public string? OrganisationName { get; set; }

    [BindProperty]
    public DateInput AgreedOn { get; set; } = new();

    [BindProperty]
    public ConsentMethod? How { get; set; }

    [BindProperty]
    public Guid? ConsentId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AgreedOn = DateInput.FromDate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Consents = await consents.ListAsync(PersonId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Scope is null)
        {
            ModelState.AddModelError(nameof(Scope), "Choose what they agreed to share");
        }

        if (Scope == ConsentScope.NamedOrganisation && string.IsNullOrWhiteSpace(OrganisationName))
        {
            ModelState.AddModelError(nameof(OrganisationName), "Enter the name of the organisation they agreed to share with");
        }

        if (How is null)
        {
            ModelState.AddModelError(nameof(How), "Choose how they agreed");
        }

        if (!AgreedOn.TryGetDate(out var agreedOn))
        {
            ModelState.AddModelError(nameof(AgreedOn), "Enter the date they agreed, for example 3 12 2026");
        }

        if (ModelState.IsValid)
        {
            var outcome = await consents.RecordAsync(PersonId, Scope!.Value, OrganisationName, null, agreedOn, How!.Value, Actor, cancellationToken);
            if (outcome.Succeeded)
            {
                Done = "Consent recorded.";
                return RedirectToPage();
            }

            ModelState.AddModelError(outcome.Error!.Contains("organisation", StringComparison.Ordinal) ? nameof(OrganisationName) : nameof(AgreedOn), outcome.Error);
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "Write why it was withdrawn, for example \"said so on the phone\"");
            return await ShowAsync(cancellationToken);
        }

        var outcome = ConsentId is null
            ? ConsentOutcome.Failed("Choose the consent to withdraw")
            : await consents.WithdrawAsync(PersonId, ConsentId.Value, Note, Actor, cancellationToken);
        if (outcome.Succeeded)
        {
            Done = "Consent withdrawn. It stopped counting straight away.";
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(Note), outcome.Error!);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Consents = await consents.ListAsync(PersonId, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
