using Kith.Core.Connections.Referrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Referrals;

/// <summary>Referrals received from other systems that still need staff: a review of who the person is, or a community asset to choose.</summary>
public sealed class IndexModel(ReferralService referrals) : PageModel
{
    public IReadOnlyList<ReferralView> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await referrals.WaitingAsync(cancellationToken);

    public static (string Text, string Colour) StageTag(ReferralStage stage) => stage switch
    {
        ReferralStage.NeedsReview => ("Check who this is", "orange"),
        ReferralStage.AwaitingConnection => ("Choose a group", "blue"),
        _ => ("Connected", "green"),
    };
}
