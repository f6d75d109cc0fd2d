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
            _ => query,
        };
        var services = InOrder(ids, await query.ToListAsync(cancellationToken), a => a.Id);
        if (shape is ServiceShape.Full or ServiceShape.FullWithoutLocations)
        {
            await LoadGraphAsync(db, services, shape == ServiceShape.Full, cancellationToken);
        }

        return services;
    }

    /// <summary>
    /// Fills in everything a full service writes, one flat query per table for the whole page (no Include
    /// graph: EF's split-query shaper cost more than the rows themselves). Each location is read once
    /// and shared by the services at it.
    /// </summary>
    private static async Task LoadGraphAsync(KithDbContext db, List<CommunityAsset> services, bool withLocations, CancellationToken cancellationToken)
    {
        var ids = services.Select(s => s.Id).ToList();
        var byId = services.ToDictionary(s => s.Id);
        var organizationIds = services.Select(s => s.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(organizationIds).Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var service in services)
        {
            service.Organization = organizations.GetValueOrDefault(service.OrganizationId);
        }

        foreach (var phone in await db.Phones.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(cancellationToken))
        {
            byId[phone.ServiceId!.Value].Phones.Add(phone);
        }

        foreach (var schedule in await db.Schedules.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(cancellationToken))
        {
            byId[schedule.ServiceId!.Value].Schedules.Add(schedule);
        }

        foreach (var area in await db.ServiceAreas.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(cancellationToken))
        {
            byId[area.ServiceId].ServiceAreas.Add(area);
        }

        foreach (var language in await db.Languages.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(cancellationToken))
        {
            byId[language.ServiceId!.Value].Languages.Add(language);
        }

        foreach (var cost in await db.CostOptions.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(cancellationToken))
        {
            byId[cost.ServiceId].CostOptions.Add(cost);
        }

        foreach (var term in await db.AssetTaxonomyTerms.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(cancellationToken))
        {
            byId[term.ServiceId].TaxonomyTerms.Add(term);
        }

        var contacts = await db.Contacts.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var contact in contacts.Values)
        {
            byId[contact.ServiceId!.Value].Contacts.Add(contact);
        }

        var contactIds = contacts.Keys.ToList();
        if (contactIds.Count > 0)
        {
            foreach (var phone in await db.Phones.AsNoTracking().Where(x => x.ContactId != null && EF.Parameter(contactIds).Contains(x.ContactId.Value)).ToListAsync(cancellationToken))
            {
                contacts[phone.ContactId!.Value].Phones.Add(phone);
            }
        }

        if (withLocations)
        {
            await LoadLocationsAsync(db, ids, byId, cancellationToken);
        }
    }

    private static async Task LoadLocationsAsync(KithDbContext db, List<Guid> ids, Dictionary<Guid, CommunityAsset> byId, CancellationToken cancellationToken)
    {
        var links = await db.ServiceAtLocations.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (links.Count == 0)
        {
            return;
        }

        var linkIds = links.Keys.ToList();
        foreach (var schedule in await db.Schedules.AsNoTracking().Where(x => x.ServiceAtLocationId != null && EF.Parameter(linkIds).Contains(x.ServiceAtLocationId.Value)).ToListAsync(cancellationToken))
        {
            links[schedule.ServiceAtLocationId!.Value].Schedules.Add(schedule);
        }

        var locationIds = links.Values.Select(s => s.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(x => EF.Parameter(locationIds).Contains(x.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        foreach (var address in await db.Addresses.AsNoTracking().Where(x => EF.Parameter(locationIds).Contains(x.LocationId)).ToListAsync(cancellationToken))
        {
            locations[address.LocationId].Addresses.Add(address);
        }

        foreach (var feature in await db.AccessibilityFeatures.AsNoTracking().Where(x => EF.Parameter(locationIds).Contains(x.LocationId)).ToListAsync(cancellationToken))
        {
            locations[feature.LocationId].Accessibility.Add(feature);
        }

        foreach (var language in await db.Languages.AsNoTracking().Where(x => x.LocationId != null && EF.Parameter(locationIds).Contains(x.LocationId.Value)).ToListAsync(cancellationToken))
        {
            locations[language.LocationId!.Value].Languages.Add(language);
        }

        foreach (var phone in await db.Phones.AsNoTracking().Where(x => x.LocationId != null && EF.Parameter(locationIds).Contains(x.LocationId.Value)).ToListAsync(cancellationToken))
        {
            locations[phone.LocationId!.Value].Phones.Add(phone);
        }

        foreach (var schedule in await db.Schedules.AsNoTracking().Where(x => x.LocationId != null && EF.Parameter(locationIds).Contains(x.LocationId.Value)).ToListAsync(cancellationToken))
        {
            locations[schedule.LocationId!.Value].Schedules.Add(schedule);
        }

        foreach (var link in links.Values)
        {
            var service = byId[link.ServiceId];
            link.Service = service;
            link.Location = locations.GetValueOrDefault(link.LocationId);
            service.ServiceAtLocations.Add(link);
        }
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
}
