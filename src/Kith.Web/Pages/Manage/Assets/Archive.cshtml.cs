using Kith.Web.Infrastructure;
using Kith.Core.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>Archives an asset (with a reason) or, on the restore route, brings it back. Nothing is deleted.</summary>
public abstract class ArchiveOrRestoreModel(AssetService assets) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version the editor saw, so archiving a version they have not seen is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public AssetDetailsVersion Asset { get; private set; } = null!;

    protected abstract bool Archiving { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        if (asset.IsArchived == Archiving)
        {
            return Redirect($"/manage/assets/{Id}");
        }

        Asset = asset;
        Version = asset.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetDetailsAsync(Id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;

        // The hidden field must show the Version property (refreshed below after a conflict), not
        // what was posted; a missing or tampered value is treated as a version the editor has not seen.
        var versionUnreadable = ModelState[nameof(Version)]?.Errors.Count > 0;
        ModelState.Remove(nameof(Version));
        var reason = Reason?.Trim();
        if (Archiving && string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are archiving it");
        }
        else if (reason?.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 500 characters or fewer");
        }

        if (ModelState.ErrorCount == 0 && (versionUnreadable || asset.Version != Version))
        {
            ModelState.AddModelError(nameof(Reason), "Someone else changed this asset since you opened this page. Check the latest details, then try again");
            Version = asset.Version;
        }

        if (ModelState.ErrorCount > 0)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var context = User.GetProcessContext(reason);
        try
        {
            if (Archiving)
            {
                await assets.ArchiveAsync(Id, Version, reason!, context, cancellationToken);
            }
            else
            {
                await assets.RestoreAsync(Id, Version, reason, context, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is AssetConflictException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Reason), "Someone else changed this asset since you opened this page. Check the latest details, then try again");
            Asset = (await assets.GetDetailsAsync(Id, cancellationToken))!;
            Version = Asset.Version;
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        return Redirect($"/manage/assets/{Id}");
    }
}

public sealed class ArchiveModel(AssetService assets) : ArchiveOrRestoreModel(assets)
{
    protected override bool Archiving => true;
}
