using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Assets.Suggest;

/// <summary>
/// What the public suggestion forms share: the fields, the optional contact, the honeypot and the
/// per-address limit. No account is needed.
/// </summary>
public abstract class SuggestPageModel(SubmissionRateLimiter limiter) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    [BindProperty]
    public ProposerInput Proposer { get; set; } = new();

    /// <summary>The honeypot: hidden from people, so anything in it was typed by a robot.</summary>
    [BindProperty(Name = ProposalValidation.HoneypotField)]
    public string? Honeypot { get; set; }

    protected bool IsRobot => !string.IsNullOrEmpty(Honeypot);

    /// <summary>Checks the contact fields and the limit after the page's own checks; false means show the form again.</summary>
    protected bool FinishChecks()
    {
        ProposalValidation.ValidateProposer(Proposer, ModelState, nameof(Proposer));
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        if (!limiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ProposalInput.Name)}", ProposalValidation.TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return false;
        }

        return true;
    }

    protected ProposerContact Contact => new(Proposer.Name, Proposer.Email);

    /// <summary>Where every sent suggestion ends, robots' included, so a robot cannot tell it was caught.</summary>
    protected IActionResult Sent(bool withEmail) => RedirectToPage("/Assets/Suggest/Sent", new { email = withEmail ? "yes" : null });
}
