using System.Security.Claims;
using Kith.Core.Connections.Introductions;
using Kith.Core.Directory.Stewardship;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Introductions;

/// <summary>
/// A group's inbox: introductions to the assets of the organisations this account has claimed (ADR 20). Directory-wide roles
/// see no more here than their own claims: practitioners follow their introductions from the person's record.
/// </summary>
public sealed class IndexModel(IntroductionService introductions, ListingEditors editors) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await introductions.InboxAsync(await OrganizationsAsync(User, editors, cancellationToken), cancellationToken);
    }

    /// <summary>The organisations whose introductions this account may see: those it holds an approved claim on, or is named claimant of.</summary>
    public static async Task<IReadOnlyCollection<Guid>> OrganizationsAsync(ClaimsPrincipal user, ListingEditors editors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(editors);
        var scope = await editors.GetScopeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, [], cancellationToken);
        return scope.OrganizationIds ?? [];
    }
}
