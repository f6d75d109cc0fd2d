using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.Pages.Assets.Suggest;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Moderation;

/// <summary>
/// "Edit, then accept": the listing as it is now with the suggested changes over it, for the moderator
/// to adjust and save. A save made since the form was opened is never overwritten.
/// </summary>
public sealed class EditModel(ModerationService moderation) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    /// <summary>The asset version the form was filled from; null for a new asset.</summary>
    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ProposalReview Review { get; private set; } = null!;

    public bool IsNew => Review.Proposal.Kind == ProposalKind.New;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Review.Proposal.Status != ProposalStatus.Pending || !IsNew && Review.Asset is not { IsArchived: false })
        {
            return Redirect($"/manage/moderation/{Id}");
        }

        Input = ProposalInput.From(Review.StartingValues);
        Version = Review.Asset?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var values = Input.ToValues();
        if (!IsNew)
        {
            values = values with { OrganisationName = null };
        }

        ProposalValidation.Validate(values, ModelState, nameof(Input), IsNew);
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await moderation.AcceptEditedAsync(Id, values, Version, User.GetProcessContext(), assetId => AccountLinks.Absolute(HttpContext, $"/assets/{assetId}"), cancellationToken);
                Notice = "Accepted with your changes." + (Review.Proposal.ProposerEmail is null ? string.Empty : " We have emailed the person who suggested it.");
                return Redirect("/manage/moderation");
            }
            catch (AssetConflictException)
            {
                ModelState.AddModelError("Input.Name", "Someone changed this listing since you opened this page. Check the listing now, then make your changes again");
                await LoadAsync(cancellationToken);
                ModelState.Remove(nameof(Version));
                Version = Review.Asset?.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
            catch (InvalidOperationException exception)
            {
                ModelState.AddModelError("Input.Name", exception.Message.TrimEnd('.'));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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
