using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.OpenReferral;

/// <summary>
/// What Kith publishes as Open Referral and how a page of it is read: only active assets that are not
/// archived, each page's graph in one set of split queries (no query per record), read without tracking.
/// </summary>
public static class OrukData
{
    /// <summary>The services Kith publishes: active and not archived.</summary>
    public static IQueryable<CommunityAsset> PublishedServices(KithDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CommunityAssets.AsNoTracking().Where(a => a.Status == AssetStatus.Active && a.ArchivedAt == null);
    }

    /// <summary>The service_at_locations of published services.</summary>
    public static IQueryable<ServiceAtLocation> PublishedServiceAtLocations(KithDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ServiceAtLocations.AsNoTracking()
            .Where(s => s.Service!.Status == AssetStatus.Active && s.Service.ArchivedAt == null);
    }

    /// <summary>Organisations that run at least one published service; the others are not published.</summary>
    public static IQueryable<Organization> PublishedOrganizations(KithDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organizations.AsNoTracking()
            .Where(o => o.Assets.Any(a => a.Status == AssetStatus.Active && a.ArchivedAt == null));
    }

    /// <summary>A writer that knows every taxonomy term, Kith's own vocabularies included.</summary>
    public static async Task<OrukWriter> CreateWriterAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        var terms = await AllTermsAsync(db, cancellationToken);
        return new OrukWriter(terms.ToDictionary(t => t.Id));
    }

    /// <summary>Every taxonomy, stored and Kith's own, sorted by id.</summary>
    public static async Task<List<Taxonomy>> AllTaxonomiesAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Taxonomies.AsNoTracking().ToListAsync(cancellationToken);
        return [.. stored.Concat(KithVocabularies.Taxonomies).OrderBy(t => t.Id, IdOrder.Instance)];
    }

    /// <summary>Every taxonomy term, stored and Kith's own, with its taxonomy, sorted by id.</summary>
    public static async Task<List<TaxonomyTerm>> AllTermsAsync(KithDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).ToListAsync(cancellationToken);
        return [.. stored.Concat(KithVocabularies.Terms).OrderBy(t => t.Id, IdOrder.Instance)];
    }

    /// <summary>The services with these ids, in the order given, with what <paramref name="shape"/> needs loaded.</summary>
    public static async Task<List<CommunityAsset>> LoadServicesAsync(
        KithDbContext db, IReadOnlyList<Guid> ids, ServiceShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var query = db.CommunityAssets.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id));
        query = shape switch
        {
            ServiceShape.Minimal => query,
            ServiceShape.List => query.Include(a => a.Organization),
            _ => WithGraph(query, shape == ServiceShape.Full),
        };
        return InOrder(ids, await query.ToListAsync(cancellationToken), a => a.Id);
    }

    /// <summary>The service_at_locations with these ids, in the order given, with their service and location (and everything nested when <paramref name="full"/>).</summary>
    public static async Task<List<ServiceAtLocation>> LoadServiceAtLocationsAsync(
        KithDbContext db, IReadOnlyList<Guid> ids, bool full, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var query = db.ServiceAtLocations.AsNoTracking().AsSplitQuery().Where(s => EF.Parameter(ids).Contains(s.Id))
            .Include(s => s.Service).ThenInclude(a => a!.Organization)
            .Include(s => s.Location);
        var rows = full
            ? await query
                .Include(s => s.Schedules)
                .Include(s => s.Location).ThenInclude(l => l!.Addresses)
                .Include(s => s.Location).ThenInclude(l => l!.Accessibility)
                .Include(s => s.Location).ThenInclude(l => l!.Languages)
                .Include(s => s.Location).ThenInclude(l => l!.Phones)
                .Include(s => s.Location).ThenInclude(l => l!.Schedules)
                .Include(s => s.Service).ThenInclude(a => a!.Phones)
                .Include(s => s.Service).ThenInclude(a => a!.Schedules)
                .Include(s => s.Service).ThenInclude(a => a!.ServiceAreas)
                .Include(s => s.Service).ThenInclude(a => a!.Languages)
                .Include(s => s.Service).ThenInclude(a => a!.CostOptions)
                .Include(s => s.Service).ThenInclude(a => a!.Contacts).ThenInclude(c => c.Phones)
                .Include(s => s.Service).ThenInclude(a => a!.TaxonomyTerms)
                .ToListAsync(cancellationToken)
            : await query.ToListAsync(cancellationToken);
        return InOrder(ids, rows, s => s.Id);
    }

    /// <summary>Organisations with their phones and contacts.</summary>
    public static async Task<List<Organization>> LoadOrganizationsAsync(
        KithDbContext db, IReadOnlyList<Guid> ids, bool full, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var query = db.Organizations.AsNoTracking().AsSplitQuery().Where(o => EF.Parameter(ids).Contains(o.Id));
        if (full)
        {
            query = query.Include(o => o.Phones).Include(o => o.Contacts).ThenInclude(c => c.Phones);
        }

        return InOrder(ids, await query.ToListAsync(cancellationToken), o => o.Id);
    }

    /// <summary>The rows in the order of <paramref name="ids"/>; an id with no row is skipped.</summary>
    private static List<T> InOrder<T>(IReadOnlyList<Guid> ids, List<T> rows, Func<T, Guid> id)
    {
        var byId = rows.ToDictionary(id);
        return [.. ids.Where(byId.ContainsKey).Select(i => byId[i])];
    }

    /// <summary>Every collection a full service writes, as split queries.</summary>
    private static IQueryable<CommunityAsset> WithGraph(IQueryable<CommunityAsset> query, bool withLocations)
    {
        var graph = query.AsSplitQuery()
            .Include(a => a.Organization)
            .Include(a => a.Phones)
            .Include(a => a.Schedules)
            .Include(a => a.ServiceAreas)
            .Include(a => a.Languages)
            .Include(a => a.CostOptions)
            .Include(a => a.Contacts).ThenInclude(c => c.Phones)
            .Include(a => a.TaxonomyTerms);
        return withLocations
            ? graph
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Accessibility)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Languages)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Phones)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Schedules)
            : graph;
    }
}
