using Kith.Core.People;
using Kith.Core.People.Consents;
using Kith.Web.Infrastructure;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.My;

/// <summary>The person's own consents: what they agreed to share, and withdrawing it themselves.</summary>
public sealed class ConsentModel(ConsentService consents) : MyPageModel
{
    protected override string RecordPart => "consent";

    public IReadOnlyList<Consent> Consents { get; private set; } = [];

    [BindProperty]
    public Guid? ConsentId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Consents = await consents.ListAsync(PersonId, cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        // Only their own consents: the service looks the consent up by their person id.
        var outcome = ConsentId is null
            ? ConsentOutcome.Failed("Choose what you want to stop sharing")
            : await consents.WithdrawAsync(PersonId, ConsentId.Value, Note, User.GetProcessContext(), cancellationToken);
        if (outcome.Succeeded)
        {
            Done = "Done. Kith stopped sharing this straight away. Your worker can see that you changed your mind.";
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, outcome.Error!);
        Consents = await consents.ListAsync(PersonId, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string Words(ConsentScope scope, string? organisation) => scope switch
    {
        ConsentScope.Team => "The teams working with you",
        ConsentScope.NamedOrganisation => organisation ?? "An organisation you named",
        ConsentScope.CommunityAssets => "Community groups and services we introduce you to",
        ConsentScope.ResearchAndEvaluation => "Research and evaluation, with nothing that names you",
        _ => scope.ToString(),
    };
}
