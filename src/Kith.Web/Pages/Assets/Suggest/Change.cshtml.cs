using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Assets.Suggest;

/// <summary>"Suggest a change" to a listing, for anyone: the current values to change, sent to the moderation queue.</summary>
public sealed class ChangeModel(AssetService assets, ModerationService moderation, SubmissionRateLimiter limiter) : SuggestPageModel(limiter)
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version the form showed, so moderators can tell what the person changed.</summary>
    [BindProperty]
    public int Version { get; set; }

    public string AssetName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { IsArchived: false } asset)
        {
            return NotFound();
        }

        AssetName = asset.Details.Name;
        Version = asset.Version;
        Input = ProposalInput.From(ProposedValues.FromDetails(asset.Details));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { IsArchived: false } asset)
        {
            return NotFound();
        }

        AssetName = asset.Details.Name;
        if (IsRobot)
        {
            return Sent(withEmail: false);
        }

        var shown = asset.Version == Version || await assets.GetRevisionAsync(Id, Version, cancellationToken) is not { } revision
            ? asset.Details
            : AssetDetails.FromJson(revision.Snapshot);
        var values = Input.ToValues() with { OrganisationName = null };
        ProposalValidation.Validate(values, ModelState, nameof(Input), isNew: false, unchanged: ProposedValues.FromDetails(shown));
        if (!FinishChecks())
        {
            return Page();
        }

        await moderation.ProposeEditAsync(Id, Version, values, Contact, HttpContext.GetProcessContext(), cancellationToken);
        return Sent(withEmail: !string.IsNullOrWhiteSpace(Proposer.Email));
    }
}
