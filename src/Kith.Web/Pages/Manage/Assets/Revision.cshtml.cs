using System.Text.Json;
using Kith.Core.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>One saved version of an asset, as it stood after that save.</summary>
public sealed class RevisionModel(AssetService assets) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int Version { get; set; }

    public AssetRevision Revision { get; private set; } = null!;

    public IReadOnlyList<(string Label, string Value)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assets.GetRevisionAsync(Id, Version, cancellationToken) is not { } revision)
        {
            return NotFound();
        }

        Revision = revision;
        AssetDetails details;
        try
        {
            details = AssetDetails.FromJson(revision.Snapshot);
        }
        catch (JsonException)
        {
            Rows = [("Snapshot", "This version was saved in a form Kith can no longer read.")];
            return Page();
        }

        var names = await assets.GetNamesAsync([details], cancellationToken);
        Rows = AssetFields.All.Select(f => (f.Label, f.Display(details, names))).ToList();
        return Page();
    }
}
