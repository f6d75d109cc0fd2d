using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Connections.Referrals;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Referrals;

/// <summary>
/// One referral: while under review, the records it might be (confirm one, or make a new record); once the person is
/// known, the suggested community assets to connect them with, which makes the draft connection the referrer's Task follows.
/// Every candidate record shown is audited as a read of it.
/// </summary>
public sealed class ReferralModel(ReferralService referrals, ConnectionMatcher matcher, PersonAccessService access) : PageModel
{
    public const string NewRecord = "new";

    public ReferralView Referral { get; private set; } = null!;

    public IReadOnlyList<ReferralCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? AssetId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        Guid? personId = null;
        if (Choice != NewRecord)
        {
            if (!Guid.TryParse(Choice, out var chosen))
            {
                return await InvalidAsync(id, nameof(Choice), "Select the record this referral is for, or make a new record", cancellationToken);
            }

            personId = chosen;
        }

        ReviewOutcome outcome;
        try
        {
            outcome = await referrals.ResolveAsync(id, Version, personId, User.GetProcessContext(), cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return await InvalidAsync(id, nameof(Choice), "That record no longer exists. Select another, or make a new record", cancellationToken);
        }

        if (outcome == ReviewOutcome.NotFound)
        {
            return NotFound();
        }

        Notice = outcome == ReviewOutcome.Resolved
            ? "Saved. Now choose a community group or activity with the person."
            : "Someone else checked this referral first; this is what they decided.";
        return Redirect($"/admin/referrals/{id}");
    }

    public async Task<IActionResult> OnPostConnectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(AssetId, out var assetId))
        {
            return await InvalidAsync(id, nameof(AssetId), "Select a community group or activity", cancellationToken);
        }

        if (!Enum.TryParse<ConnectionKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            return await InvalidAsync(id, nameof(Kind), "Select how the person will be connected", cancellationToken);
        }

        Guid? connectionId;
        try
        {
            connectionId = await referrals.ConnectAsync(id, assetId, kind, User.GetProcessContext(), cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return await InvalidAsync(id, nameof(AssetId), "That community group or activity is no longer listed. Select another", cancellationToken);
        }

        Notice = connectionId is null
            ? "This referral was already connected, so nothing changed."
            : "The connection is made. The referrer sees it as a draft until the person is introduced.";
        return Redirect($"/admin/referrals/{id}");
    }

    private async Task<IActionResult> InvalidAsync(Guid id, string field, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(id, cancellationToken);
        if (referral is null)
        {
            return false;
        }

        Referral = referral;
        Version = referral.Version;
        var context = User.GetProcessContext();
        if (referral.Stage == ReferralStage.NeedsReview)
        {
            Candidates = await referrals.CandidatesAsync(id, cancellationToken);
            foreach (var candidate in Candidates)
            {
                await access.AddEventAsync(candidate.PersonId, AuditActions.Viewed, "referral-review", context, cancellationToken);
            }
        }
        else if (referral.Stage == ReferralStage.AwaitingConnection && referral.PersonId is { } personId)
        {
            Suggestions = (await matcher.SuggestAsync(personId, context, 10, ReadAudit.Write, cancellationToken))?.Suggestions ?? [];
        }

        return true;
    }
}
