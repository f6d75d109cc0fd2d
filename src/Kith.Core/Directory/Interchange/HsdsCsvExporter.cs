using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Writes the directory as an HSDS 3.0 tabular datapackage: datapackage.json and one CSV per table.
/// The output is deterministic (rows in id order, invariant formats, \n line ends, no timestamps),
/// so exporting, importing into an empty database and exporting again gives the same files. Only
/// what <see cref="HsdsCsvSource"/> reads back is written: services that are not archived, and the
/// organisations, locations and taxonomy terms they use. Two Kith columns ride along in
/// services.csv: <c>kind</c> and <c>how_to_get_involved</c>.
/// </summary>
public sealed class HsdsCsvExporter(KithDbContext db)
{
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        ["organizations"] = ["id", "name", "alternate_name", "description", "email", "website", "legal_status", "year_incorporated"],
        ["services"] = ["id", "organization_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age", "alert", "kind", "how_to_get_involved"],
        ["locations"] = ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude"],
        ["service_at_locations"] = ["id", "service_id", "location_id", "description"],
        ["addresses"] = ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"],
        ["phones"] = ["id", "location_id", "service_id", "contact_id", "number", "extension", "type", "description"],
        ["schedules"] = ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until", "count", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"],
        ["taxonomies"] = ["id", "name", "description", "uri", "version"],
        ["taxonomy_terms"] = ["id", "code", "name", "description", "parent_id", "taxonomy_id", "language", "term_uri"],
        ["attributes"] = ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
        ["contacts"] = ["id", "service_id", "name", "title", "department", "email"],
        ["languages"] = ["id", "service_id", "location_id", "name", "code", "note"],
        ["cost_options"] = ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"],
        ["service_areas"] = ["id", "service_id", "name", "description", "extent", "extent_type"],
        ["accessibility"] = ["id", "location_id", "description", "details", "url"],
    };

    /// <summary>Writes the datapackage into <paramref name="folder"/>, creating it; returns the number of services written.</summary>
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        System.IO.Directory.CreateDirectory(folder);
        var q = db.CommunityAssets.AsNoTracking().Where(a => a.ArchivedAt == null);
        var services = await q.ToListAsync(cancellationToken);
        services.Sort((a, b) => a.Id.CompareTo(b.Id));
        var serviceIds = services.Select(s => s.Id).ToHashSet();
        var sals = (await db.ServiceAtLocations.AsNoTracking().ToListAsync(cancellationToken)).Where(s => serviceIds.Contains(s.ServiceId)).OrderBy(s => s.Id).ToList();
        var locationIds = sals.Select(s => s.LocationId).ToHashSet();
        var salIds = sals.Select(s => s.Id).ToHashSet();
        var locations = (await db.Locations.AsNoTracking().ToListAsync(cancellationToken)).Where(l => locationIds.Contains(l.Id)).OrderBy(l => l.Id).ToList();
        var organizationIds = services.Select(s => s.OrganizationId).ToHashSet();
        var organizations = (await db.Organizations.AsNoTracking().ToListAsync(cancellationToken)).Where(o => organizationIds.Contains(o.Id)).OrderBy(o => o.Id).ToList();
        var contacts = (await db.Contacts.AsNoTracking().ToListAsync(cancellationToken)).Where(c => c.ServiceId is { } s && serviceIds.Contains(s)).OrderBy(c => c.Id).ToList();
        var contactIds = contacts.Select(c => c.Id).ToHashSet();
        var links = (await db.AssetTaxonomyTerms.AsNoTracking().ToListAsync(cancellationToken)).Where(t => serviceIds.Contains(t.ServiceId)).ToList();
        var termIds = links.Select(l => l.TaxonomyTermId).ToHashSet();
        var terms = (await db.TaxonomyTerms.AsNoTracking().ToListAsync(cancellationToken)).Where(t => termIds.Contains(t.Id)).OrderBy(t => t.Id).ToList();
        var taxonomyIds = terms.Where(t => t.TaxonomyId is not null).Select(t => t.TaxonomyId!.Value).ToHashSet();
        var taxonomies = (await db.Taxonomies.AsNoTracking().ToListAsync(cancellationToken)).Where(t => taxonomyIds.Contains(t.Id)).OrderBy(t => t.Id).ToList();
        bool Owned(Guid? service, Guid? location) => service is { } s ? serviceIds.Contains(s) : location is { } l && locationIds.Contains(l);
        var phones = (await db.Phones.AsNoTracking().ToListAsync(cancellationToken))
            .Where(p => p.ContactId is { } c ? contactIds.Contains(c) : Owned(p.ServiceId, p.LocationId)).OrderBy(p => p.Id).ToList();
        var schedules = (await db.Schedules.AsNoTracking().ToListAsync(cancellationToken))
            .Where(s => s.ServiceAtLocationId is { } sal ? salIds.Contains(sal) : Owned(s.ServiceId, s.LocationId)).OrderBy(s => s.Id).ToList();
        var languages = (await db.Languages.AsNoTracking().ToListAsync(cancellationToken)).Where(l => Owned(l.ServiceId, l.LocationId)).OrderBy(l => l.Id).ToList();
        var addresses = (await db.Addresses.AsNoTracking().ToListAsync(cancellationToken)).Where(a => locationIds.Contains(a.LocationId)).OrderBy(a => a.Id).ToList();
        var accessibility = (await db.AccessibilityFeatures.AsNoTracking().ToListAsync(cancellationToken)).Where(a => locationIds.Contains(a.LocationId)).OrderBy(a => a.Id).ToList();
        var costs = (await db.CostOptions.AsNoTracking().ToListAsync(cancellationToken)).Where(c => serviceIds.Contains(c.ServiceId)).OrderBy(c => c.Id).ToList();
        var areas = (await db.ServiceAreas.AsNoTracking().ToListAsync(cancellationToken)).Where(a => serviceIds.Contains(a.ServiceId)).OrderBy(a => a.Id).ToList();

        await WriteAsync(folder, "organizations", organizations.Select(o => new[] { Id(o.Id), o.Name, o.AlternateName, o.Description, o.Email, o.Website, o.LegalStatus, Int(o.YearIncorporated) }), cancellationToken);
        await WriteAsync(folder, "services", services.Select(s => new[]
        {
            Id(s.Id), Id(s.OrganizationId), s.Name, s.AlternateName, s.Description, s.Url, s.Email, Status(s.Status), s.InterpretationServices, s.ApplicationProcess,
            s.FeesDescription, s.EligibilityDescription, Int(s.MinimumAge), Int(s.MaximumAge), s.Alert, s.Kind.ToString(), s.HowToGetInvolved,
        }), cancellationToken);
        await WriteAsync(folder, "locations", locations.Select(l => new[]
        {
            Id(l.Id), l.LocationType.ToString().ToLowerInvariant(), l.Url, organizationIds.Contains(l.OrganizationId ?? Guid.Empty) ? Id(l.OrganizationId) : null,
            l.Name, l.AlternateName, l.Description, l.Transportation, Number(l.Latitude), Number(l.Longitude),
        }), cancellationToken);
        await WriteAsync(folder, "service_at_locations", sals.Select(s => new[] { Id(s.Id), Id(s.ServiceId), Id(s.LocationId), s.Description }), cancellationToken);
        await WriteAsync(folder, "addresses", addresses.Select(a => new[] { Id(a.Id), Id(a.LocationId), a.Attention, a.Address1, a.Address2, a.City, a.Region, a.StateProvince, a.PostalCode, a.Country, a.AddressType }), cancellationToken);
        await WriteAsync(folder, "phones", phones.Select(p => new[]
        {
            Id(p.Id), p.ContactId is null && p.ServiceId is null ? Id(p.LocationId) : null, p.ContactId is null ? Id(p.ServiceId) : null, Id(p.ContactId),
            p.Number, Int(p.Extension), p.Type, p.Description,
        }), cancellationToken);
        await WriteAsync(folder, "schedules", schedules.Select(s => new[]
        {
            Id(s.Id), s.ServiceAtLocationId is null ? Id(s.ServiceId) : null, s.ServiceAtLocationId is null && s.ServiceId is null ? Id(s.LocationId) : null, Id(s.ServiceAtLocationId),
            Date(s.ValidFrom), Date(s.ValidTo), Date(s.DtStart), s.Timezone, Date(s.Until), Int(s.Count), s.Freq, Int(s.Interval), s.ByDay, s.ByWeekNo, s.ByMonthDay, s.ByYearDay,
            s.Description, Time(s.OpensAt), Time(s.ClosesAt), s.ScheduleLink, s.AttendingType, s.Notes,
        }), cancellationToken);
        await WriteAsync(folder, "taxonomies", taxonomies.Select(t => new[] { Id(t.Id), t.Name, t.Description, t.Uri, t.Version }), cancellationToken);
        await WriteAsync(folder, "taxonomy_terms", terms.Select(t => new[]
        {
            Id(t.Id), t.Code, t.Name, t.Description, t.ParentId is { } p && termIds.Contains(p) ? Id(p) : null, Id(t.TaxonomyId), t.Language, t.TermUri,
        }), cancellationToken);
        await WriteAsync(folder, "attributes", links.OrderBy(l => l.ServiceId).ThenBy(l => l.TaxonomyTermId)
            .Select(l => new[] { Id(StableIds.From("attribute", Id(l.ServiceId)!, Id(l.TaxonomyTermId)!)), Id(l.ServiceId), Id(l.TaxonomyTermId), "service", "service" }), cancellationToken);
        await WriteAsync(folder, "contacts", contacts.Select(c => new[] { Id(c.Id), Id(c.ServiceId), c.Name, c.Title, c.Department, c.Email }), cancellationToken);
        await WriteAsync(folder, "languages", languages.Select(l => new[] { Id(l.Id), Id(l.ServiceId), l.ServiceId is null ? Id(l.LocationId) : null, l.Name, l.Code, l.Note }), cancellationToken);
        await WriteAsync(folder, "cost_options", costs.Select(c => new[] { Id(c.Id), Id(c.ServiceId), Date(c.ValidFrom), Date(c.ValidTo), c.Option, c.Currency, Decimal(c.Amount), c.AmountDescription }), cancellationToken);
        await WriteAsync(folder, "service_areas", areas.Select(a => new[] { Id(a.Id), Id(a.ServiceId), a.Name, a.Description, a.Extent, a.ExtentType }), cancellationToken);
        await WriteAsync(folder, "accessibility", accessibility.Select(a => new[] { Id(a.Id), Id(a.LocationId), a.Description ?? AccessibilityFeatureNames.Label(a.Feature), a.Details, a.Url }), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "datapackage.json"), DataPackage(), new UTF8Encoding(false), cancellationToken);
        return services.Count;
    }

    private static async Task WriteAsync(string folder, string table, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None };
        var stream = File.Create(Path.Combine(folder, table + ".csv"));
        await using (stream)
        {
            await using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
            csv.WriteRecord(Columns[table]);
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(v => v ?? string.Empty).ToArray());
            }

            await csv.FlushAsync(cancellationToken);
        }
    }

    private static string DataPackage()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", "kith-directory");
            json.WriteString("profile", "tabular-data-package");
            json.WriteString("title", "Kith directory, HSDS 3.0 tabular form");
            json.WriteStartArray("resources");
            foreach (var (table, columns) in Columns.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", table);
                json.WriteString("path", table + ".csv");
                json.WriteString("profile", "tabular-data-resource");
                json.WriteStartObject("schema");
                json.WriteStartArray("fields");
                foreach (var column in columns)
                {
                    json.WriteStartObject();
                    json.WriteString("name", column);
                    json.WriteString("type", "string");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("primaryKey", "id");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string? Id(Guid? id) => id?.ToString("D");

    private static string? Int(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? n) => n?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Decimal(decimal? n) => n?.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? t) => t?.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Status(AssetStatus status) => status switch
    {
        AssetStatus.TemporarilyClosed => "temporarily closed",
        _ => status.ToString().ToLowerInvariant(),
    };
}
