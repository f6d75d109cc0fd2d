using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Freshness;
using Kith.Core.Directory.Schedules;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssetDetails = Kith.Web.Directory.AssetDetails;

namespace Kith.Web.Pages.Review;

/// <summary>
/// The "still correct" link from a review reminder. Anyone with the link may use it; no account is needed.
/// Opening the link (GET) changes nothing, so email scanners that fetch links confirm nothing; only the
/// button (POST, with antiforgery) confirms. Rate-limited per address.
/// </summary>
public sealed class IndexModel(ListingReviewService reviews, KithDbContext db, ReviewLinkRateLimiter limiter) : PageModel
{
    /// <summary>Who a confirmation is recorded as when no one is signed in.</summary>
    public const string AnonymousActor = "someone using the link in a review reminder";

    public ReviewLinkCheck Check { get; private set; } = ReviewLinkCheck.Unknown;

    /// <summary>The listing, loaded only while the link works.</summary>
    public CommunityAsset? Asset { get; private set; }

    public IReadOnlyList<string> Times { get; private set; } = [];

    public bool TooManyRequests { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        Check = await reviews.CheckAsync(token, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        var actor = User.Identity?.IsAuthenticated == true ? User.GetProcessContext() : new Core.Platform.Audit.ProcessContext(null, AnonymousActor);
        Check = await reviews.ConfirmAsync(token, actor, cancellationToken);
        if (Check.State == ReviewLinkState.Valid)
        {
            // The link is now used: showing it again says thank you, and a refresh posts nothing.
            return RedirectToPage(new { token });
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (Check is { State: ReviewLinkState.Valid, AssetId: { } id })
        {
            Asset = await AssetDetails.LoadAsync(db, id, cancellationToken);
            if (Asset is null)
            {
                Check = ReviewLinkCheck.Unknown;
            }
            else
            {
                Times = AssetDetails.AllSchedules(Asset).Select(OpeningTimes.Describe).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            }
        }

        Response.StatusCode = Check.State switch
        {
            ReviewLinkState.Unknown => StatusCodes.Status404NotFound,
            ReviewLinkState.Expired or ReviewLinkState.NotListed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private PageResult Limited()
    {
        TooManyRequests = true;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)ReviewLinkRateLimiter.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
