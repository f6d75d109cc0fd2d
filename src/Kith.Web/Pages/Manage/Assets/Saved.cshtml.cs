using Kith.Core.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>Confirms an add or an edit, with the way to the public page.</summary>
public sealed class SavedModel(AssetService assets) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery]
    public bool Added { get; set; }

    public AssetDetailsVersion Asset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;
        return Page();
    }
}
