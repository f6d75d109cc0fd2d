using Kith.Core.Data;
using Kith.Core.Directory;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Directory;

/// <summary>Loads one asset with everything its public page and its JSON show.</summary>
public static class AssetDetails
{
    /// <summary>The asset with its organisation, locations, contacts, schedules and terms; null when there is no such asset. Archived assets are returned: callers decide.</summary>
    public static Task<CommunityAsset?> LoadAsync(KithDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CommunityAssets.AsNoTracking().AsSplitQuery()
            .Include(a => a.Organization)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location!).ThenInclude(l => l.Addresses)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location!).ThenInclude(l => l.Accessibility)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location!).ThenInclude(l => l.Languages)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location!).ThenInclude(l => l.Phones)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
            .Include(a => a.Contacts).ThenInclude(c => c.Phones)
            .Include(a => a.Phones)
            .Include(a => a.Schedules)
            .Include(a => a.ServiceAreas)
            .Include(a => a.CostOptions)
            .Include(a => a.Languages)
            .Include(a => a.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Every schedule of the asset: its own, then those for each place it runs at (not the places' own opening hours).</summary>
    public static IEnumerable<Schedule> AllSchedules(CommunityAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Schedules
            .Concat(asset.ServiceAtLocations.SelectMany(s => s.Schedules))
            .DistinctBy(s => s.Id);
    }
}
