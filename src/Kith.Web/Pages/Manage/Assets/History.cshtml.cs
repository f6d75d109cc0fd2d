using Kith.Core.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>Every saved version of an asset: when, who, what changed and why.</summary>
public sealed class HistoryModel(AssetService assets) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AssetDetailsVersion Asset { get; private set; } = null!;

    public IReadOnlyList<AssetRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;
        Revisions = await assets.GetRevisionsAsync(Id, cancellationToken);
        return Page();
    }
}
