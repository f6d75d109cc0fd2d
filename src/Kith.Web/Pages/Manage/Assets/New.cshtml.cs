using Kith.Core.Directory;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>The start of adding an asset: says what is needed, then starts a server-side draft.</summary>
public sealed class NewModel(JourneyDraftService drafts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var state = new AssetJourneyState(null, null, new AssetDetails());
        var draft = await drafts.CreateAsync(AssetDraftPageModel.EditorUserId(User), state.ToJson(), cancellationToken);
        return Redirect($"/manage/assets/drafts/{draft.Id}/{AssetSteps.All[0].Slug}");
    }
}
