using Kith.Web.Infrastructure;
using Kith.Core.Directory;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>Every answer on one page with links to change each, then the save that adds or updates the asset.</summary>
public sealed class CheckAnswersModel(JourneyDraftService drafts, AssetService assets) : AssetDraftPageModel(drafts)
{
    /// <summary>Why the change was made, for the history; editing only, optional.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<(string Label, string Value, string ChangeUrl)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadDraftAsync(cancellationToken))
        {
            return NotFound();
        }

        if (FirstMissingStep() is { } missing)
        {
            return Redirect(StepUrl(missing.Slug));
        }

        await BuildRowsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadDraftAsync(cancellationToken))
        {
            return NotFound();
        }

        if (FirstMissingStep() is { } missing)
        {
            return Redirect(StepUrl(missing.Slug));
        }

        if (Reason?.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 500 characters or fewer");
            await BuildRowsAsync(cancellationToken);
            return Invalid();
        }

        var context = User.GetProcessContext(string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
        try
        {
            var saved = State.AssetId is { } id
                ? await assets.UpdateAsync(id, State.BaseVersion ?? 0, State.Details, context, cancellationToken)
                : await assets.CreateAsync(State.Details, context, cancellationToken);
            await DeleteDraftAsync(cancellationToken);
            return Redirect($"/manage/assets/{saved.AssetId}/saved{(State.IsEdit ? string.Empty : "?added=true")}");
        }
        catch (AssetConflictException)
        {
            return Redirect($"/manage/assets/drafts/{DraftId}/conflict");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    private AssetSteps.Step? FirstMissingStep() =>
        State.IsEdit ? null : AssetSteps.All.FirstOrDefault(s => s.Required && !State.Answered.Contains(s.Slug, StringComparer.Ordinal));

    private async Task BuildRowsAsync(CancellationToken cancellationToken)
    {
        var names = await assets.GetNamesAsync([State.Details], cancellationToken);
        Rows = AssetFields.All
            .Where(f => State.Details.InPerson || f.Label is not ("Address" or "Accessibility"))
            .Where(f => State.Details.Online || f.Label is not "Online link")
            .Select(f => (f.Label, f.Display(State.Details, names), StepUrl(AssetSteps.ForField(f.Label).Slug, fromCheck: true)))
            .ToList();
    }
}
