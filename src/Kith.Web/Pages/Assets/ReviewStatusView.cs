using Kith.Core.Directory;
using Kith.Core.Directory.Freshness;
using Kith.Core.Directory.Search;

namespace Kith.Web.Pages.Assets;

/// <summary>
/// What <c>_ReviewStatus.cshtml</c> shows about how fresh a listing is: "Not checked since ..." when its review is
/// overdue (ADR 0016), otherwise the stale warning or "Last checked" on the asset page and "Last checked" in results.
/// </summary>
/// <param name="AddedOn">UK date the listing was added, when known.</param>
/// <param name="IsStale">Not checked within <see cref="DetailsModel.StaleAfter"/> (the asset page only).</param>
/// <param name="InResults">A result card (one short line) rather than the asset page.</param>
public sealed record ReviewStatusView(DateOnly? LastVerifiedOn, DateOnly? AddedOn, bool IsOverdue, bool IsStale, bool InResults)
{
    public static ReviewStatusView For(CommunityAsset asset, bool isStale)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new(asset.LastVerifiedOn, ListingReviewService.UkDate(asset.CreatedAt), ListingReviewService.StillOverdue(asset.LastVerifiedOn, asset.ReviewOverdueSince) is not null, isStale, InResults: false);
    }

    public static ReviewStatusView For(AssetHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new(hit.LastVerifiedOn, hit.CreatedAt is { } added ? ListingReviewService.UkDate(added) : null, hit.ReviewOverdueSince is not null, IsStale: false, InResults: true);
    }
}
