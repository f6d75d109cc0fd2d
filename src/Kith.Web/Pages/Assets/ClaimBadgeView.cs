using Kith.Core.Directory;
using Kith.Core.Directory.Search;

namespace Kith.Web.Pages.Assets;

/// <summary>
/// What <c>_ClaimBadge.cshtml</c> needs: the asset, and on the asset page its organisation (read with the
/// page, so the badge is exact there). In search results the badge asks <c>ClaimedListings</c>.
/// </summary>
/// <param name="OnAssetPage">True on the asset page: the badge explains itself, and the page's stewardship links follow it.</param>
public sealed record ClaimBadgeView(Guid AssetId, Organization? Organization, bool OnAssetPage)
{
    public static ClaimBadgeView For(CommunityAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new(asset.Id, asset.Organization, OnAssetPage: true);
    }

    public static ClaimBadgeView For(AssetHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new(hit.AssetId, null, OnAssetPage: false);
    }
}
