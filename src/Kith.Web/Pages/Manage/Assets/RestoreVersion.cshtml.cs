using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>Restores an earlier version of an asset, saved as a new version so the history keeps everything.</summary>
public sealed class RestoreVersionModel(RevisionRestoreService restore) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "version")]
    public int RevisionVersion { get; set; }

    /// <summary>The asset's latest version when the editor opened the page.</summary>
    [BindProperty]
    public int Current { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RevisionRestorePreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await restore.PreviewAsync(Id, RevisionVersion, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        Current = preview.Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await restore.PreviewAsync(Id, RevisionVersion, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        var reason = Reason?.Trim();
        if (reason?.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 500 characters or fewer");
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await restore.RestoreAsync(Id, RevisionVersion, Current, User.GetProcessContext(string.IsNullOrEmpty(reason) ? null : reason), cancellationToken);
                return Redirect($"/manage/assets/{Id}/history");
            }
            catch (AssetConflictException)
            {
                ModelState.AddModelError(nameof(Reason), "Someone else changed this asset since you opened this page. Check what restoring would change now, then try again");
                ModelState.Remove(nameof(Current));
                Current = preview.Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
