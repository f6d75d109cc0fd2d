using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Reads the HSDS 3.0 tabular form (a datapackage folder of CSV files) and puts each service back
/// together as the nested HSDS object <see cref="HsdsServiceReader"/> reads. A child row belongs to
/// one owner: a phone to its contact, else its service, else its location; a schedule to its
/// service-at-location, else its service, else its location. Files Kith does not use (programs,
/// funding, metadata ...) are ignored.
/// </summary>
public static class HsdsCsvSource
{
    public static async IAsyncEnumerable<SourceItem> ReadFolderAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            throw new SourceReadException($"There is no folder at {folder}. Give the folder that holds services.csv.");
        }

        var tables = await Tables.LoadAsync(folder, cancellationToken);
        foreach (var item in tables.Services())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    private sealed class Tables
    {
        private readonly Dictionary<string, List<Dictionary<string, string>>> files = new(StringComparer.OrdinalIgnoreCase);

        public static async Task<Tables> LoadAsync(string folder, CancellationToken cancellationToken)
        {
            var tables = new Tables();
            if (Find(folder, "services") is null)
            {
                throw new SourceReadException($"{folder} has no services.csv. An HSDS datapackage folder holds services.csv, organizations.csv and the other tables.");
            }

            foreach (var name in new[] { "services", "organizations", "locations", "service_at_locations", "addresses", "phones", "schedules", "taxonomies", "taxonomy_terms", "attributes", "contacts", "languages", "cost_options", "service_areas", "accessibility" })
            {
                var path = Find(folder, name);
                tables.files[name] = path is null ? [] : await ReadAsync(path, cancellationToken);
            }

            return tables;
        }

        /// <summary>The file for a table, under its plural name or the singular some publishers use.</summary>
        private static string? Find(string folder, string table)
        {
            string[] names = table switch
            {
                "service_at_locations" => ["service_at_locations", "service_at_location"],
                "addresses" => ["addresses", "address"],
                "schedules" => ["schedules", "schedule"],
                "taxonomies" => ["taxonomies", "taxonomy"],
                "attributes" => ["attributes", "attribute"],
                _ => [table],
            };
            return names.Select(n => Path.Combine(folder, n + ".csv")).FirstOrDefault(File.Exists);
        }

        private static async Task<List<Dictionary<string, string>>> ReadAsync(string path, CancellationToken cancellationToken)
        {
            var rows = new List<Dictionary<string, string>>();
            var stream = File.OpenRead(path);
            await using (stream)
            {
                var options = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true, IncludeValuesInExceptions = false };
                await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
                try
                {
                    await csv.ReadHeaderAsync(cancellationToken);
                    var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                    while (await csv.ReadAsync(cancellationToken))
                    {
                        var row = new Dictionary<string, string>(StringComparer.Ordinal);
                        for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
                        {
                            var value = csv.GetString(i);
                            if (!string.IsNullOrEmpty(value))
                            {
                                row[header[i]] = value;
                            }
                        }

                        rows.Add(row);
                    }
                }
                catch (CsvFormatException e)
                {
                    throw new SourceReadException(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(path)} could not be read as CSV at line {csv.LineNumber}: {e.Message.Split('\n')[0]} Nothing from the folder was imported."), e);
                }
            }

            return rows;
        }

        private ILookup<string, Dictionary<string, string>> By(string table, string column) =>
            files[table].Where(r => r.ContainsKey(column)).ToLookup(r => r[column], StringComparer.Ordinal);

        public IEnumerable<SourceItem> Services()
        {
            var organizations = files["organizations"].Where(r => r.ContainsKey("id")).GroupBy(r => r["id"]).ToDictionary(g => g.Key, g => g.First());
            var locations = files["locations"].Where(r => r.ContainsKey("id")).GroupBy(r => r["id"]).ToDictionary(g => g.Key, g => g.First());
            var terms = files["taxonomy_terms"].Where(r => r.ContainsKey("id")).GroupBy(r => r["id"]).ToDictionary(g => g.Key, g => g.First());
            var taxonomies = files["taxonomies"].Where(r => r.ContainsKey("id")).GroupBy(r => r["id"]).ToDictionary(g => g.Key, g => g.First());
            var sals = By("service_at_locations", "service_id");
            var addresses = By("addresses", "location_id");
            var accessibility = By("accessibility", "location_id");
            var contacts = By("contacts", "service_id");
            var costs = By("cost_options", "service_id");
            var areas = By("service_areas", "service_id");
            var attributes = By("attributes", "link_id");

            var phones = files["phones"];
            var contactPhones = phones.Where(r => r.ContainsKey("contact_id")).ToLookup(r => r["contact_id"]);
            var servicePhones = phones.Where(r => !r.ContainsKey("contact_id") && r.ContainsKey("service_id")).ToLookup(r => r["service_id"]);
            var locationPhones = phones.Where(r => !r.ContainsKey("contact_id") && !r.ContainsKey("service_id") && r.ContainsKey("location_id")).ToLookup(r => r["location_id"]);
            var schedules = files["schedules"];
            var salSchedules = schedules.Where(r => r.ContainsKey("service_at_location_id")).ToLookup(r => r["service_at_location_id"]);
            var serviceSchedules = schedules.Where(r => !r.ContainsKey("service_at_location_id") && r.ContainsKey("service_id")).ToLookup(r => r["service_id"]);
            var locationSchedules = schedules.Where(r => !r.ContainsKey("service_at_location_id") && !r.ContainsKey("service_id") && r.ContainsKey("location_id")).ToLookup(r => r["location_id"]);
            var languages = files["languages"];
            var serviceLanguages = languages.Where(r => r.ContainsKey("service_id")).ToLookup(r => r["service_id"]);
            var locationLanguages = languages.Where(r => !r.ContainsKey("service_id") && r.ContainsKey("location_id")).ToLookup(r => r["location_id"]);

            JsonObject Location(string id)
            {
                if (!locations.TryGetValue(id, out var row))
                {
                    return new JsonObject();
                }

                var location = Object(row, "organization_id");
                location["addresses"] = List(addresses[id], "location_id");
                location["accessibility"] = List(accessibility[id], "location_id");
                location["phones"] = List(locationPhones[id], "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id");
                location["languages"] = List(locationLanguages[id], "location_id", "service_id", "phone_id");
                location["schedules"] = List(locationSchedules[id], "location_id", "service_id", "service_at_location_id");
                return location;
            }

            var number = 0;
            foreach (var row in files["services"])
            {
                number++;
                var where = string.Create(CultureInfo.InvariantCulture, $"services.csv row {number}");
                if (!row.TryGetValue("id", out var id))
                {
                    yield return SourceItem.Broken(where, "the id column is empty: every service needs an id that stays the same between imports.");
                    continue;
                }

                var service = Object(row, "organization_id", "program_id");
                if (row.TryGetValue("organization_id", out var organizationId))
                {
                    if (organizations.TryGetValue(organizationId, out var organization))
                    {
                        service["organization"] = Object(organization, "parent_organization_id");
                    }
                    else
                    {
                        service["organization_id"] = organizationId;
                    }
                }

                service["phones"] = List(servicePhones[id], "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id");
                service["schedules"] = List(serviceSchedules[id], "location_id", "service_id", "service_at_location_id");
                service["languages"] = List(serviceLanguages[id], "location_id", "service_id", "phone_id");
                service["cost_options"] = List(costs[id], "service_id");
                service["service_areas"] = List(areas[id], "service_id");
                var contactList = new JsonArray();
                foreach (var contact in contacts[id])
                {
                    var node = Object(contact, "organization_id", "service_id", "service_at_location_id", "location_id");
                    if (contact.TryGetValue("id", out var contactId))
                    {
                        node["phones"] = List(contactPhones[contactId], "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id");
                    }

                    contactList.Add(node);
                }

                service["contacts"] = contactList;
                var salList = new JsonArray();
                foreach (var sal in sals[id])
                {
                    var node = Object(sal, "service_id", "location_id");
                    if (sal.TryGetValue("location_id", out var locationId))
                    {
                        node["location"] = locations.ContainsKey(locationId) ? Location(locationId) : null;
                        node["location_id"] = locationId;
                    }

                    if (sal.TryGetValue("id", out var salId))
                    {
                        node["schedules"] = List(salSchedules[salId], "location_id", "service_id", "service_at_location_id");
                    }

                    salList.Add(node);
                }

                service["service_at_locations"] = salList;
                var attributeList = new JsonArray();
                foreach (var attribute in attributes[id])
                {
                    if (attribute.TryGetValue("link_entity", out var entity) && entity is not ("service" or "link_entity") || !attribute.TryGetValue("taxonomy_term_id", out var termId))
                    {
                        continue;
                    }

                    var node = new JsonObject();
                    if (terms.TryGetValue(termId, out var term))
                    {
                        var termNode = Object(term, "taxonomy_id");
                        if (term.TryGetValue("taxonomy_id", out var taxonomyId))
                        {
                            termNode["taxonomy_id"] = taxonomyId;
                            if (taxonomies.TryGetValue(taxonomyId, out var taxonomy))
                            {
                                termNode["taxonomy_detail"] = Object(taxonomy);
                            }
                        }

                        node["taxonomy_term"] = termNode;
                    }
                    else
                    {
                        node["taxonomy_term_id"] = termId;
                    }

                    attributeList.Add(node);
                }

                service["attributes"] = attributeList;
                yield return new SourceItem(where, JsonSerializer.SerializeToElement(service));
            }
        }

        private static JsonObject Object(Dictionary<string, string> row, params string[] skip)
        {
            var node = new JsonObject();
            foreach (var (column, value) in row)
            {
                if (!skip.Contains(column))
                {
                    node[column] = value;
                }
            }

            return node;
        }

        private static JsonArray List(IEnumerable<Dictionary<string, string>> rows, params string[] skip) => [.. rows.Select(r => (JsonNode)Object(r, skip))];
    }
}
