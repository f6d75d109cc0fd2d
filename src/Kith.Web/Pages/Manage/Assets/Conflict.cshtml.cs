using Kith.Web.Infrastructure;
using Kith.Core.Directory;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>
/// Shown when someone else saved the asset while this editor was changing it: their saved version
/// beside this editor's changes, field by field, and a choice to keep theirs or put these changes on top.
/// </summary>
public sealed class ConflictModel(JourneyDraftService drafts, AssetService assets) : AssetDraftPageModel(drafts)
{
    public sealed record Row(string Label, string Theirs, string Yours, bool YouChanged);

    public AssetDetailsVersion Current { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<AssetRevision> NewerRevisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } result)
        {
            return result;
        }

        if (Current.Version == State.BaseVersion)
        {
            return Redirect(CheckAnswersUrl);
        }

        await BuildRowsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Discards this editor's changes and shows the saved asset.</summary>
    public async Task<IActionResult> OnPostKeepTheirsAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } result)
        {
            return result;
        }

        await DeleteDraftAsync(cancellationToken);
        return Redirect($"/manage/assets/{State.AssetId}");
    }

    /// <summary>Saves this editor's changed fields over the newer version, keeping the other editor's changes elsewhere.</summary>
    public async Task<IActionResult> OnPostApplyMineAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } result)
        {
            return result;
        }

        var merged = AssetFields.Merge(State.Original ?? State.Details, Current.Details, State.Details);
        State = new AssetJourneyState(Current.AssetId, Current.Version, merged) { Original = Current.Details, Answered = State.Answered };
        await SaveDraftAsync(cancellationToken);
        try
        {
            var saved = await assets.UpdateAsync(Current.AssetId, Current.Version, merged, User.GetProcessContext(), cancellationToken);
            await DeleteDraftAsync(cancellationToken);
            return Redirect($"/manage/assets/{saved.AssetId}/saved");
        }
        catch (AssetConflictException)
        {
            return Redirect($"/manage/assets/drafts/{DraftId}/conflict");
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadDraftAsync(cancellationToken) || State.AssetId is not { } id || await assets.GetDetailsAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Current = current;
        return null;
    }

    private async Task BuildRowsAsync(CancellationToken cancellationToken)
    {
        var original = State.Original ?? State.Details;
        var names = await assets.GetNamesAsync([Current.Details, State.Details, original], cancellationToken);
        var yourChanges = AssetFields.Changed(original, State.Details);
        var differences = AssetFields.Changed(Current.Details, State.Details);
        Rows = AssetFields.All
            .Where(f => differences.Contains(f.Label) || yourChanges.Contains(f.Label))
            .Select(f => new Row(f.Label, f.Display(Current.Details, names), f.Display(State.Details, names), yourChanges.Contains(f.Label)))
            .ToList();
        NewerRevisions = (await assets.GetRevisionsAsync(Current.AssetId, cancellationToken)).Where(r => r.Version > (State.BaseVersion ?? 0)).ToList();
    }
}
