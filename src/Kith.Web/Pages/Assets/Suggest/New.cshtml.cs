using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Assets.Suggest;

/// <summary>"Tell us about a group or place", for anyone: a proposed new asset, sent to the moderation queue.</summary>
public sealed class NewModel(ModerationService moderation, SubmissionRateLimiter limiter) : SuggestPageModel(limiter)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsRobot)
        {
            return Sent(withEmail: false);
        }

        var values = Input.ToValues();
        ProposalValidation.Validate(values, ModelState, nameof(Input), isNew: true);
        if (!FinishChecks())
        {
            return Page();
        }

        await moderation.ProposeNewAsync(values, Contact, HttpContext.GetProcessContext(), cancellationToken);
        return Sent(withEmail: !string.IsNullOrWhiteSpace(Proposer.Email));
    }
}
