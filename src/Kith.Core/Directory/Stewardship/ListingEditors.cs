using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Stewardship;

/// <summary>
/// Which listings one editor may change. Administrators and practitioners (the directory's stewards) may
/// change every listing; a community editor only the listings of organisations whose claim on them was
/// approved for their account (ADR 0015).
/// </summary>
public sealed class ListingScope
{
    private readonly HashSet<Guid>? organizationIds;

    private ListingScope(HashSet<Guid>? organizationIds) => this.organizationIds = organizationIds;

    /// <summary>Every listing.</summary>
    public static ListingScope Everything { get; } = new(null);

    /// <summary>True when the scope is not limited to some organisations.</summary>
    public bool IsEverything => organizationIds is null;

    /// <summary>The organisations whose listings are in scope; null for <see cref="Everything"/>.</summary>
    public IReadOnlyCollection<Guid>? OrganizationIds => organizationIds;

    public static ListingScope FromOrganizations(IEnumerable<Guid> ids) => new([.. ids]);

    /// <summary>True when a listing run by this organisation is in scope; a listing with no organisation is only in <see cref="Everything"/>.</summary>
    public bool Covers(Guid? organizationId) => organizationIds is null || organizationId is { } id && organizationIds.Contains(id);
}

/// <summary>Works out an editor's <see cref="ListingScope"/> and answers whether a listing or a proposal is in it. Scoped.</summary>
public sealed class ListingEditors(KithDbContext db)
{
    /// <summary>The roles whose holders may change every listing.</summary>
    public static readonly IReadOnlyList<string> DirectoryWide = [KithRoles.Administrator, KithRoles.Practitioner];

    /// <summary>
    /// The scope of an account holding <paramref name="roles"/>: everything for <see cref="DirectoryWide"/>
    /// roles; otherwise the organisations it holds an approved claim on, or that name it as their claimant.
    /// </summary>
    public async Task<ListingScope> GetScopeAsync(string userId, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Any(r => DirectoryWide.Contains(r, StringComparer.Ordinal)))
        {
            return ListingScope.Everything;
        }

        var claimed = await db.Set<ListingClaim>().AsNoTracking()
            .Where(c => c.ClaimantUserId == userId && c.Status == ClaimStatus.Approved)
            .Select(c => c.OrganizationId)
            .ToListAsync(cancellationToken);
        var named = await db.Organizations.AsNoTracking().Where(o => o.ClaimedByUserId == userId).Select(o => o.Id).ToListAsync(cancellationToken);
        return ListingScope.FromOrganizations(claimed.Concat(named));
    }

    /// <summary>True when the asset exists and is in scope.</summary>
    public async Task<bool> CoversAssetAsync(ListingScope scope, Guid assetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var asset = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == assetId).Select(a => new { a.OrganizationId }).SingleOrDefaultAsync(cancellationToken);
        return asset is not null && scope.Covers(asset.OrganizationId);
    }

    /// <summary>
    /// True when the proposal exists and is in scope: a suggested change to a listing in scope. A proposed
    /// new listing names no organisation, so only <see cref="ListingScope.Everything"/> covers it.
    /// </summary>
    public async Task<bool> CoversProposalAsync(ListingScope scope, Guid proposalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var proposal = await db.Set<DirectoryProposal>().AsNoTracking().Where(p => p.Id == proposalId).Select(p => new { p.AssetId }).SingleOrDefaultAsync(cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        return scope.IsEverything || proposal.AssetId is { } assetId && await CoversAssetAsync(scope, assetId, cancellationToken);
    }
}
