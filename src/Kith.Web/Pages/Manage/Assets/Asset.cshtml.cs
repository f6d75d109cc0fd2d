using Kith.Core.Directory;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>One asset for its editors: its details, and the ways to change, archive or see its history.</summary>
public sealed class AssetModel(AssetService assets, JourneyDraftService drafts) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AssetDetailsVersion Asset { get; private set; } = null!;

    public IReadOnlyList<(string Label, string Value)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;
        var names = await assets.GetNamesAsync([asset.Details], cancellationToken);
        Rows = AssetFields.All.Select(f => (f.Label, f.Display(asset.Details, names))).ToList();
        return Page();
    }

    /// <summary>Starts an edit: a draft holding the details and the version they were read at, opened at check answers.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        var state = new AssetJourneyState(asset.AssetId, asset.Version, asset.Details) { Original = asset.Details };
        var draft = await drafts.CreateAsync(AssetDraftPageModel.EditorUserId(User), state.ToJson(), cancellationToken);
        return Redirect($"/manage/assets/drafts/{draft.Id}/check-answers");
    }
}
