using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Moderation;

/// <summary>
/// One proposal beside the asset as it is now, with accept, edit then accept, and decline. Reading it
/// shows the proposer's contact details, so each read is audited.
/// </summary>
public sealed class ProposalModel(ModerationService moderation) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ProposalReview Review { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await moderation.AcceptAsync(Id, User.GetProcessContext(), ListingLink, cancellationToken);
            return Done(Review.Proposal.Kind == ProposalKind.New ? "Accepted. The new listing is in the directory." : "Accepted. The listing is updated.");
        }
        catch (ProposalClashException)
        {
            return await Refused("Someone has changed the same details since this was suggested. Use \"Edit, then accept\" to choose what to keep", StatusCodes.Status409Conflict, cancellationToken);
        }
        catch (AssetConflictException)
        {
            return await Refused("Someone changed this listing while you were looking at it. Check the details again below", StatusCodes.Status409Conflict, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return await Refused(exception.Message.TrimEnd('.'), StatusCodes.Status409Conflict, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are declining it");
        }
        else if (reason.Length > DirectoryProposal.ReasonLimit)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        }

        if (ModelState.ErrorCount > 0)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        try
        {
            await moderation.DeclineAsync(Id, reason!, User.GetProcessContext(), cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return await Refused(exception.Message.TrimEnd('.'), StatusCodes.Status409Conflict, cancellationToken);
        }

        return Done("Declined.");
    }

    private Uri ListingLink(Guid assetId) => AccountLinks.Absolute(HttpContext, $"/assets/{assetId}");

    private RedirectResult Done(string message)
    {
        Notice = Review.Proposal.ProposerEmail is null ? message : message + " We have emailed the person who suggested it.";
        return Redirect("/manage/moderation");
    }

    private async Task<IActionResult> Refused(string message, int status, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.AddModelError("decide", message);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await moderation.ReviewAsync(Id, User.GetProcessContext(), cancellationToken) is not { } review)
        {
            return false;
        }

        Review = review;
        return true;
    }
}
