using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kith.Core.Directory.OpenReferral;

/// <summary>How much of a service to write.</summary>
public enum ServiceShape
{
    /// <summary>Just what a harvester needs to see what changed: id, name, status and last_modified.</summary>
    Minimal,

    /// <summary>The one-to-one fields and the organisation (compiled/service_list.json).</summary>
    List,

    /// <summary>Everything, nested (compiled/service.json).</summary>
    Full,

    /// <summary>Everything but its service_at_locations: the service inside a service_at_location.</summary>
    FullWithoutLocations,
}

/// <summary>
/// Writes Kith's directory as Open Referral UK 3.0 (HSDS 3.0 with the UK profile) JSON, straight to a
/// <see cref="Utf8JsonWriter"/>. Deterministic: properties in the order of the HSDS schemas, every
/// collection sorted by id, invariant culture, ISO 8601 dates. Empty optional fields are left out:
/// no nulls, no empty strings, no empty arrays. Thread-safe once built.
/// </summary>
/// <param name="terms">Every taxonomy term a service may carry, with its <see cref="TaxonomyTerm.Taxonomy"/> loaded where it has one.</param>
public sealed class OrukWriter(IReadOnlyDictionary<Guid, TaxonomyTerm> terms)
{
    private const string AllDays = "MO,TU,WE,TH,FR,SA,SU";

    /// <summary>Points on the polygon that stands in for a circular service area.</summary>
    private const int CirclePoints = 32;

    public void WriteService(Utf8JsonWriter writer, CommunityAsset asset, ServiceShape shape)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(asset);
        writer.WriteStartObject();
        WriteId(writer, "id", asset.Id);
        if (shape == ServiceShape.Minimal)
        {
            writer.WriteString("name", asset.Name);
            writer.WriteString("status", OrukVocabulary.Status(asset.Status));
            writer.WriteString("last_modified", OrukVocabulary.Instant(asset.LastModified));
            writer.WriteEndObject();
            return;
        }

        WriteId(writer, "organization_id", asset.OrganizationId);
        writer.WriteString("name", asset.Name);
        Text(writer, "alternate_name", asset.AlternateName);
        Text(writer, "description", asset.Description);
        Web(writer, "url", asset.Url);
        Email(writer, "email", asset.Email);
        writer.WriteString("status", OrukVocabulary.Status(asset.Status));
        Text(writer, "interpretation_services", asset.InterpretationServices);
        Text(writer, "application_process", asset.ApplicationProcess);
        Text(writer, "fees_description", asset.FeesDescription);
        Text(writer, "fees", asset.FeesDescription);
        Text(writer, "eligibility_description", asset.EligibilityDescription);
        Number(writer, "minimum_age", asset.MinimumAge);
        Number(writer, "maximum_age", asset.MaximumAge);
        if (asset.LastVerifiedOn is { } verified)
        {
            writer.WriteString("assured_date", OrukVocabulary.Date(verified));
        }

        Text(writer, "alert", asset.Alert);
        writer.WriteString("last_modified", OrukVocabulary.Instant(asset.LastModified));
        if (shape == ServiceShape.List)
        {
            if (asset.Organization is { } listed)
            {
                writer.WritePropertyName("organization");
                WriteOrganizationSummary(writer, listed);
            }

            writer.WriteEndObject();
            return;
        }

        Array(writer, "phones", asset.Phones, p => p.Id, WritePhone);
        Array(writer, "schedules", asset.Schedules, s => s.Id, WriteSchedule);
        Array(writer, "service_areas", asset.ServiceAreas, a => a.Id, WriteServiceArea);
        if (shape == ServiceShape.Full)
        {
            Array(writer, "service_at_locations", asset.ServiceAtLocations, s => s.Id, WriteServiceAtLocationInService);
        }

        Array(writer, "languages", asset.Languages, l => l.Id, WriteLanguage);
        if (asset.Organization is { } organization)
        {
            writer.WritePropertyName("organization");
            WriteOrganizationSummary(writer, organization);
        }

        Array(writer, "cost_options", asset.CostOptions, c => c.Id, WriteCostOption);
        Array(writer, "contacts", asset.Contacts, c => c.Id, WriteContact);
        WriteServiceAttributes(writer, asset);
        writer.WriteEndObject();
    }

    /// <summary>An organisation's one-to-one fields (compiled/organization_list.json).</summary>
    public void WriteOrganizationSummary(Utf8JsonWriter writer, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(organization);
        writer.WriteStartObject();
        WriteOrganizationFields(writer, organization);
        writer.WriteEndObject();
    }

    /// <summary>A full organisation (compiled/organization.json), with its services in the shape given.</summary>
    public void WriteOrganization(Utf8JsonWriter writer, Organization organization, IEnumerable<CommunityAsset> services, ServiceShape serviceShape)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(services);
        writer.WriteStartObject();
        WriteOrganizationFields(writer, organization);
        Array(writer, "phones", organization.Phones, p => p.Id, WritePhone);
        Array(writer, "contacts", organization.Contacts, c => c.Id, WriteContact);
        Array(writer, "services", services.ToList(), s => s.Id, (w, s) => WriteService(w, s, serviceShape));
        writer.WriteEndObject();
    }

    /// <summary>A service_at_location: the list shape (compiled/service_at_location_list.json) or the full one (compiled/service_at_location.json).</summary>
    /// <remarks>Needs <see cref="ServiceAtLocation.Service"/> (with its organisation) and <see cref="ServiceAtLocation.Location"/> loaded.</remarks>
    public void WriteServiceAtLocation(Utf8JsonWriter writer, ServiceAtLocation serviceAtLocation, bool full)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(serviceAtLocation);
        writer.WriteStartObject();
        WriteId(writer, "id", serviceAtLocation.Id);
        WriteId(writer, "service_id", serviceAtLocation.ServiceId);
        WriteId(writer, "location_id", serviceAtLocation.LocationId);
        Text(writer, "description", serviceAtLocation.Description);
        if (full)
        {
            Array(writer, "schedules", serviceAtLocation.Schedules, s => s.Id, WriteSchedule);
        }

        if (serviceAtLocation.Location is { } location)
        {
            writer.WritePropertyName("location");
            WriteLocation(writer, location, full);
        }

        if (serviceAtLocation.Service is { } service)
        {
            writer.WritePropertyName("service");
            WriteService(writer, service, full ? ServiceShape.FullWithoutLocations : ServiceShape.List);
        }

        writer.WriteEndObject();
    }

    public static void WriteTaxonomy(Utf8JsonWriter writer, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(taxonomy);
        writer.WriteStartObject();
        WriteId(writer, "id", taxonomy.Id);
        writer.WriteString("name", taxonomy.Name);
        writer.WriteString("description", Required(taxonomy.Description, taxonomy.Name));
        Web(writer, "uri", taxonomy.Uri);
        Text(writer, "version", taxonomy.Version);
        writer.WriteEndObject();
    }

    /// <summary>A taxonomy term; <c>taxonomy</c> (the taxonomy's name) is written when <see cref="TaxonomyTerm.Taxonomy"/> is loaded.</summary>
    public static void WriteTaxonomyTerm(Utf8JsonWriter writer, TaxonomyTerm term)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(term);
        writer.WriteStartObject();
        WriteId(writer, "id", term.Id);
        Text(writer, "code", term.Code);
        writer.WriteString("name", term.Name);
        writer.WriteString("description", Required(term.Description, term.Name));
        if (term.ParentId is { } parent)
        {
            WriteId(writer, "parent_id", parent);
        }

        Text(writer, "taxonomy", term.Taxonomy?.Name);
        Text(writer, "language", term.Language);
        if (term.TaxonomyId is { } taxonomy)
        {
            WriteId(writer, "taxonomy_id", taxonomy);
        }

        Web(writer, "term_uri", term.TermUri);
        writer.WriteEndObject();
    }

    private static void WriteOrganizationFields(Utf8JsonWriter writer, Organization organization)
    {
        WriteId(writer, "id", organization.Id);
        writer.WriteString("name", organization.Name);
        Text(writer, "alternate_name", organization.AlternateName);
        writer.WriteString("description", Required(organization.Description, organization.Name));
        Email(writer, "email", organization.Email);
        Web(writer, "website", organization.Website);
        Text(writer, "legal_status", organization.LegalStatus);
        Number(writer, "year_incorporated", organization.YearIncorporated);
    }

    private void WriteServiceAtLocationInService(Utf8JsonWriter writer, ServiceAtLocation serviceAtLocation)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", serviceAtLocation.Id);
        WriteId(writer, "service_id", serviceAtLocation.ServiceId);
        WriteId(writer, "location_id", serviceAtLocation.LocationId);
        Text(writer, "description", serviceAtLocation.Description);
        Array(writer, "schedules", serviceAtLocation.Schedules, s => s.Id, WriteSchedule);
        if (serviceAtLocation.Location is { } location)
        {
            writer.WritePropertyName("location");
            WriteLocation(writer, location, full: true);
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, Location location, bool full)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", location.Id);
        writer.WriteString("location_type", OrukVocabulary.LocationType(location.LocationType));
        Web(writer, "url", location.Url);
        if (location.OrganizationId is { } organization)
        {
            WriteId(writer, "organization_id", organization);
        }

        Text(writer, "name", location.Name);
        Text(writer, "alternate_name", location.AlternateName);
        Text(writer, "description", location.Description);
        Text(writer, "transportation", location.Transportation);
        if (location is { Latitude: { } latitude, Longitude: { } longitude })
        {
            writer.WriteNumber("latitude", latitude);
            writer.WriteNumber("longitude", longitude);
        }

        if (full)
        {
            Array(writer, "languages", location.Languages, l => l.Id, WriteLanguage);
            Array(writer, "addresses", location.Addresses, a => a.Id, WriteAddress);
            Array(writer, "accessibility", location.Accessibility, a => a.Id, WriteAccessibility);
            Array(writer, "phones", location.Phones, p => p.Id, WritePhone);
            Array(writer, "schedules", location.Schedules, s => s.Id, WriteSchedule);
        }

        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, Address address)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", address.Id);
        WriteId(writer, "location_id", address.LocationId);
        Text(writer, "attention", address.Attention);
        writer.WriteString("address_1", address.Address1);
        Text(writer, "address_2", address.Address2);
        writer.WriteString("city", address.City);
        Text(writer, "region", address.Region);
        writer.WriteString("state_province", address.StateProvince);
        writer.WriteString("postal_code", address.PostalCode);
        writer.WriteString("country", string.IsNullOrWhiteSpace(address.Country) ? "GB" : address.Country);
        writer.WriteString("address_type", OrukVocabulary.AddressType(address.AddressType));
        writer.WriteEndObject();
    }

    private static void WriteAccessibility(Utf8JsonWriter writer, Accessibility accessibility)
    {
        var label = AccessibilityFeatureNames.Label(accessibility.Feature);
        writer.WriteStartObject();
        WriteId(writer, "id", accessibility.Id);
        WriteId(writer, "location_id", accessibility.LocationId);
        writer.WriteString("description", string.IsNullOrWhiteSpace(accessibility.Description) ? label : accessibility.Description);
        Text(writer, "details", accessibility.Details);
        Web(writer, "url", accessibility.Url);
        writer.WriteString("accessibility", label);
        writer.WriteEndObject();
    }

    private static void WritePhone(Utf8JsonWriter writer, Phone phone)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", phone.Id);
        OptionalId(writer, "location_id", phone.LocationId);
        OptionalId(writer, "service_id", phone.ServiceId);
        OptionalId(writer, "organization_id", phone.OrganizationId);
        OptionalId(writer, "contact_id", phone.ContactId);
        writer.WriteString("number", phone.Number);
        Number(writer, "extension", phone.Extension);
        Text(writer, "type", phone.Type);
        Text(writer, "description", phone.Description);
        writer.WriteEndObject();
    }

    private static void WriteContact(Utf8JsonWriter writer, Contact contact)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", contact.Id);
        OptionalId(writer, "organization_id", contact.OrganizationId);
        OptionalId(writer, "service_id", contact.ServiceId);
        Text(writer, "name", contact.Name);
        Text(writer, "title", contact.Title);
        Text(writer, "department", contact.Department);
        Email(writer, "email", contact.Email);
        Array(writer, "phones", contact.Phones, p => p.Id, WritePhone);
        writer.WriteEndObject();
    }

    private static void WriteLanguage(Utf8JsonWriter writer, Language language)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", language.Id);
        OptionalId(writer, "service_id", language.ServiceId);
        OptionalId(writer, "location_id", language.LocationId);
        Text(writer, "name", language.Name);
        Text(writer, "code", language.Code);
        Text(writer, "note", language.Note);
        writer.WriteEndObject();
    }

    private static void WriteCostOption(Utf8JsonWriter writer, CostOption cost)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", cost.Id);
        WriteId(writer, "service_id", cost.ServiceId);
        if (cost.ValidFrom is { } from)
        {
            writer.WriteString("valid_from", OrukVocabulary.Date(from));
        }

        if (cost.ValidTo is { } to)
        {
            writer.WriteString("valid_to", OrukVocabulary.Date(to));
        }

        Text(writer, "option", cost.Option);
        Text(writer, "currency", cost.Currency);
        if (cost.Amount is { } amount)
        {
            writer.WriteNumber("amount", amount);
        }

        Text(writer, "amount_description", cost.AmountDescription);
        writer.WriteEndObject();
    }

    private static void WriteServiceArea(Utf8JsonWriter writer, ServiceArea area)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", area.Id);
        WriteId(writer, "service_id", area.ServiceId);
        Text(writer, "name", area.Name);
        Text(writer, "description", area.Description);
        if (!string.IsNullOrWhiteSpace(area.Extent))
        {
            writer.WriteString("extent", area.Extent);
            writer.WriteString("extent_type", string.IsNullOrWhiteSpace(area.ExtentType) ? "geojson" : area.ExtentType);
        }
        else if (area is { CentreLatitude: { } latitude, CentreLongitude: { } longitude, RadiusMetres: > 0 and { } radius })
        {
            writer.WriteString("extent", CirclePolygon(latitude, longitude, radius));
            writer.WriteString("extent_type", "geojson");
        }

        writer.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter writer, Schedule schedule)
    {
        writer.WriteStartObject();
        WriteId(writer, "id", schedule.Id);
        OptionalId(writer, "service_id", schedule.ServiceId);
        OptionalId(writer, "location_id", schedule.LocationId);
        OptionalId(writer, "service_at_location_id", schedule.ServiceAtLocationId);
        OptionalDate(writer, "valid_from", schedule.ValidFrom);
        OptionalDate(writer, "valid_to", schedule.ValidTo);
        OptionalDate(writer, "dtstart", schedule.DtStart);
        OptionalDate(writer, "until", schedule.Until);
        Number(writer, "count", schedule.Count);

        // The UK profile allows WEEKLY and MONTHLY only. Every day, or some days, every day of the
        // week is the same rule said weekly; any other frequency is left to the description.
        var freq = schedule.Freq?.Trim().ToUpperInvariant();
        var byDay = schedule.ByDay;
        if (freq == "DAILY" && schedule.Interval is null or 1)
        {
            freq = "WEEKLY";
            byDay = string.IsNullOrWhiteSpace(byDay) ? AllDays : byDay;
        }

        if (freq is "WEEKLY" or "MONTHLY")
        {
            writer.WriteString("freq", freq);
            Number(writer, "interval", schedule.Interval);
            Text(writer, "byday", byDay);
            Text(writer, "byweekno", schedule.ByWeekNo);
            Text(writer, "bymonthday", schedule.ByMonthDay);
            Text(writer, "byyearday", schedule.ByYearDay);
        }

        Text(writer, "description", schedule.Description);
        if (schedule.OpensAt is { } opens)
        {
            writer.WriteString("opens_at", OrukVocabulary.Time(opens));
        }

        if (schedule.ClosesAt is { } closes)
        {
            writer.WriteString("closes_at", OrukVocabulary.Time(closes));
        }

        Web(writer, "schedule_link", schedule.ScheduleLink);
        Text(writer, "attending_type", schedule.AttendingType);
        Text(writer, "notes", schedule.Notes);
        writer.WriteEndObject();
    }

    /// <summary>The service's taxonomy terms, then its Kith kind and introduction policy, as attributes sorted by id.</summary>
    private void WriteServiceAttributes(Utf8JsonWriter writer, CommunityAsset asset)
    {
        var attributes = new List<(Guid Id, TaxonomyTerm Term)>(asset.TaxonomyTerms.Count + 2);
        foreach (var link in asset.TaxonomyTerms)
        {
            if (terms.TryGetValue(link.TaxonomyTermId, out var term))
            {
                attributes.Add((OrukVocabulary.DerivedId(asset.Id, "attribute/" + OrukVocabulary.Id(term.Id)), term));
            }
        }

        foreach (var term in new[] { KithVocabularies.KindTerm(asset.Kind), KithVocabularies.PolicyTerm(asset.IntroductionPolicy) })
        {
            attributes.Add((OrukVocabulary.DerivedId(asset.Id, "attribute/" + OrukVocabulary.Id(term.Id)), term));
        }

        attributes.Sort((a, b) => IdOrder.Instance.Compare(a.Id, b.Id));
        writer.WriteStartArray("attributes");
        foreach (var (id, term) in attributes)
        {
            writer.WriteStartObject();
            WriteId(writer, "id", id);
            WriteId(writer, "link_id", asset.Id);
            WriteId(writer, "taxonomy_term_id", term.Id);
            writer.WriteString("link_type", "service");
            writer.WriteString("link_entity", "service");
            writer.WritePropertyName("taxonomy_term");
            WriteTaxonomyTerm(writer, term);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Array<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> items, Func<T, Guid> id, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        if (items.Count == 1)
        {
            write(writer, items[0]);
        }
        else
        {
            var sorted = items.ToArray();
            System.Array.Sort(sorted, (a, b) => IdOrder.Instance.Compare(id(a), id(b)));
            foreach (var item in sorted)
            {
                write(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteId(Utf8JsonWriter writer, string name, Guid id)
    {
        Span<char> text = stackalloc char[36];
        id.TryFormat(text, out _, "D");
        writer.WriteString(name, text);
    }

    private static void OptionalId(Utf8JsonWriter writer, string name, Guid? id)
    {
        if (id is { } value)
        {
            WriteId(writer, name, value);
        }
    }

    private static void OptionalDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            writer.WriteString(name, OrukVocabulary.Date(value));
        }
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void Web(Utf8JsonWriter writer, string name, string? value)
    {
        if (OrukVocabulary.IsWebAddress(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void Email(Utf8JsonWriter writer, string name, string? value)
    {
        if (OrukVocabulary.IsEmailAddress(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A field the schema requires: the value, or a stand-in when Kith has none.</summary>
    private static string Required(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    /// <summary>A circle as a GeoJSON polygon of <see cref="CirclePoints"/> points, to six decimal places (about 10 cm).</summary>
    internal static string CirclePolygon(double latitude, double longitude, double radiusMetres)
    {
        var builder = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        var angular = radiusMetres / Search.GeoMath.EarthRadiusMetres;
        var lat1 = latitude * Math.PI / 180;
        var lon1 = longitude * Math.PI / 180;
        for (var i = 0; i <= CirclePoints; i++)
        {
            var bearing = 2 * Math.PI * (i % CirclePoints) / CirclePoints;
            var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing)));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1), Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('[')
                .Append((lon2 * 180 / Math.PI).ToString("0.######", CultureInfo.InvariantCulture))
                .Append(',')
                .Append((lat2 * 180 / Math.PI).ToString("0.######", CultureInfo.InvariantCulture))
                .Append(']');
        }

        return builder.Append("]]}").ToString();
    }
}

/// <summary>
/// Ids in the order of their text (as PostgreSQL sorts uuid and SQLite sorts the text Kith stores),
/// so collections written in memory and pages read from the database agree.
/// </summary>
public sealed class IdOrder : IComparer<Guid>
{
    public static readonly IdOrder Instance = new();

    public int Compare(Guid x, Guid y)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        x.TryWriteBytes(a, bigEndian: true, out _);
        y.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }
}
