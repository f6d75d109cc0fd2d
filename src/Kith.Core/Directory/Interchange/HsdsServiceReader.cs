using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Turns one HSDS 3.0 / ORUK 3.0 service object into a <see cref="ParsedService"/>, or says what is
/// wrong with it. Unknown fields are ignored; numbers may come as numbers or as numeric strings (as
/// they do from CSV); every text field is held to <see cref="ImportLimits"/>.
/// </summary>
public static class HsdsServiceReader
{
    /// <summary>Reads the service, or returns null and the reasons it cannot be taken.</summary>
    public static ParsedService? Read(JsonElement service, string where, string sourceKey, out IReadOnlyList<string> problems)
    {
        var row = new Row(where);
        var parsed = row.Service(service, sourceKey);
        problems = row.Problems;
        return row.Problems.Count == 0 ? parsed : null;
    }

    /// <summary>
    /// SHA-256 of a canonical form of a JSON value: properties in ordinal order, nulls and the
    /// <paramref name="skip"/> properties of the top object left out, no spaces. The same content
    /// always hashes the same, however the source laid it out.
    /// </summary>
    internal static string HashOf(JsonElement element, params string[] skip)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer, skip);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, string[] skip)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null && !skip.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer, []);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, []);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private sealed class Row(string where)
    {
        public List<string> Problems { get; } = [];

        public ParsedService? Service(JsonElement e, string sourceKey)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Problems.Add($"expected a service object in {{ }}, found {Describe(e.ValueKind)}.");
                return null;
            }

            var id = Id(e, "id", required: true);
            var name = Text(e, "name", ImportLimits.NameLength, required: true);
            var status = Status(e);
            var organization = Organization(e);
            if (Problems.Count > 0 || id is null || name is null || organization is null)
            {
                return null;
            }

            var asset = new CommunityAsset
            {
                Id = Guid.TryParse(id, out var guid) ? guid : Guid.Empty,
                Name = name,
                AlternateName = Text(e, "alternate_name"),
                Description = Text(e, "description"),
                Url = Text(e, "url", ImportLimits.UrlLength),
                Email = Text(e, "email", ImportLimits.UrlLength),
                Status = status,
                InterpretationServices = Text(e, "interpretation_services"),
                ApplicationProcess = Text(e, "application_process"),
                FeesDescription = Text(e, "fees_description"),
                EligibilityDescription = Text(e, "eligibility_description"),
                MinimumAge = Int(e, "minimum_age"),
                MaximumAge = Int(e, "maximum_age"),
                Alert = Text(e, "alert"),
                Kind = Kind(e),
                HowToGetInvolved = Text(e, "how_to_get_involved"),
                Source = RecordSource.Import,
                SourceId = id,
                SourceKey = sourceKey,
            };
            var parsed = new ParsedService
            {
                Where = where,
                SourceId = id,
                Hash = HashOf(e, "last_modified"),
                Asset = asset,
                Organization = organization,
            };
            parsed.Phones.AddRange(Items(e, "phones", Phone));
            parsed.Schedules.AddRange(Items(e, "schedules", Schedule));
            parsed.CostOptions.AddRange(Items(e, "cost_options", CostOption));
            parsed.Languages.AddRange(Items(e, "languages", Language).OfType<Language>());
            parsed.ServiceAreas.AddRange(Items(e, "service_areas", ServiceArea));
            foreach (var (contact, phones) in Items(e, "contacts", Contact))
            {
                contact.Phones.AddRange(phones);
                parsed.Contacts.Add(contact);
            }

            parsed.ServiceAtLocations.AddRange(Items(e, "service_at_locations", ServiceAtLocation).OfType<ParsedServiceAtLocation>());
            foreach (var term in Items(e, "attributes", Attribute).OfType<ParsedTerm>())
            {
                // Kith's own vocabularies (kind and introductions) carry fields, not stored terms.
                if (Guid.TryParse(term.SourceId, out var termId) && OpenReferral.KithVocabularies.KindOf(termId) is { } kind)
                {
                    asset.Kind = kind;
                }
                else if (Guid.TryParse(term.SourceId, out termId) && OpenReferral.KithVocabularies.PolicyOf(termId) is { } policy)
                {
                    asset.IntroductionPolicy = policy;
                }
                else
                {
                    parsed.Terms.Add(term);
                }
            }
            return Problems.Count == 0 ? parsed : null;
        }

        private ParsedOrganization? Organization(JsonElement e)
        {
            if (e.TryGetProperty("organization", out var o) && o.ValueKind == JsonValueKind.Object)
            {
                var id = Id(o, "id", required: true, path: "organization.id");
                var name = Text(o, "name", ImportLimits.NameLength, required: true, path: "organization.name");
                if (id is null || name is null)
                {
                    return null;
                }

                var organization = new Organization
                {
                    Id = Guid.TryParse(id, out var guid) ? guid : Guid.Empty,
                    Name = name,
                    AlternateName = Text(o, "alternate_name", path: "organization.alternate_name"),
                    Description = Text(o, "description", path: "organization.description"),
                    Email = Text(o, "email", ImportLimits.UrlLength, path: "organization.email"),
                    Website = Text(o, "website", ImportLimits.UrlLength, path: "organization.website"),
                    LegalStatus = Text(o, "legal_status", path: "organization.legal_status"),
                    YearIncorporated = Int(o, "year_incorporated", "organization.year_incorporated"),
                    SourceId = id,
                };
                var hash = StableIds.Hash(string.Join('\u001f', organization.Name, organization.AlternateName, organization.Description,
                    organization.Email, organization.Website, organization.LegalStatus, organization.YearIncorporated?.ToString(CultureInfo.InvariantCulture)));
                organization.ImportHash = hash;
                return new ParsedOrganization { SourceId = id, Organization = organization, Hash = hash, Where = where };
            }

            var reference = Id(e, "organization_id", required: false);
            if (reference is not null)
            {
                return new ParsedOrganization { SourceId = reference, Where = where };
            }

            if (Problems.Count == 0)
            {
                Problems.Add("organization is missing: Kith needs the organisation that runs each service. Give an organization object with an id and a name, or an organization_id.");
            }

            return null;
        }

        private ParsedServiceAtLocation? ServiceAtLocation(JsonElement e, string path)
        {
            ParsedLocation? location = null;
            if (e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                location = Location(l, path + ".location");
            }
            else if (Id(e, "location_id", required: false, path: path + ".location_id") is { } reference)
            {
                location = new ParsedLocation { SourceId = reference };
            }
            else
            {
                Problems.Add($"{path} has no location: give a location object or a location_id.");
            }

            if (location is null)
            {
                return null;
            }

            var sal = new ParsedServiceAtLocation
            {
                FeedId = Guid.TryParse(Id(e, "id", required: false, path: path + ".id"), out var id) ? id : null,
                Description = Text(e, "description", path: path + ".description"),
                Location = location,
            };
            sal.Schedules.AddRange(Items(e, "schedules", Schedule, path));
            return sal;
        }

        private ParsedLocation? Location(JsonElement e, string path)
        {
            var id = Id(e, "id", required: true, path: path + ".id");
            if (id is null)
            {
                return null;
            }

            var type = Text(e, "location_type", 50, path: path + ".location_type")?.ToLowerInvariant() switch
            {
                null or "physical" => LocationType.Physical,
                "postal" => LocationType.Postal,
                "virtual" => LocationType.Virtual,
                var other => Bad<LocationType>($"{path}.location_type is \"{other}\": use physical, postal or virtual."),
            };
            var location = new Location
            {
                Id = Guid.TryParse(id, out var guid) ? guid : Guid.Empty,
                LocationType = type,
                Url = Text(e, "url", ImportLimits.UrlLength, path: path + ".url"),
                Name = Text(e, "name", ImportLimits.NameLength, path: path + ".name"),
                AlternateName = Text(e, "alternate_name", path: path + ".alternate_name"),
                Description = Text(e, "description", path: path + ".description"),
                Transportation = Text(e, "transportation", path: path + ".transportation"),
                Latitude = Number(e, "latitude", path + ".latitude"),
                Longitude = Number(e, "longitude", path + ".longitude"),
                SourceId = id,
            };
            var hash = HashOf(e);
            location.ImportHash = hash;
            var parsed = new ParsedLocation { SourceId = id, Location = location, Hash = hash };
            parsed.Addresses.AddRange(Items(e, "addresses", Address, path));
            parsed.Accessibility.AddRange(Items(e, "accessibility", Accessibility, path).OfType<Accessibility>());
            parsed.Phones.AddRange(Items(e, "phones", Phone, path));
            parsed.Languages.AddRange(Items(e, "languages", Language, path).OfType<Language>());
            parsed.Schedules.AddRange(Items(e, "schedules", Schedule, path));
            return parsed;
        }

        private Address Address(JsonElement e, string path) => new()
        {
            Id = FeedId(e, path),
            AddressType = Text(e, "address_type", 50, path: path + ".address_type") ?? "physical",
            Attention = Text(e, "attention", path: path + ".attention"),
            Address1 = Text(e, "address_1", ImportLimits.NameLength, path: path + ".address_1") ?? string.Empty,
            Address2 = Text(e, "address_2", ImportLimits.NameLength, path: path + ".address_2"),
            City = Text(e, "city", ImportLimits.NameLength, path: path + ".city") ?? string.Empty,
            Region = Text(e, "region", ImportLimits.NameLength, path: path + ".region"),
            StateProvince = Text(e, "state_province", ImportLimits.NameLength, path: path + ".state_province") ?? string.Empty,
            PostalCode = Text(e, "postal_code", 50, path: path + ".postal_code") ?? string.Empty,
            Country = Text(e, "country", 10, path: path + ".country") ?? "GB",
        };

        private Accessibility? Accessibility(JsonElement e, string path)
        {
            var description = Text(e, "description", path: path + ".description");
            var details = Text(e, "details", path: path + ".details");
            var feature = AccessibilityText.Match(description) ?? AccessibilityText.Match(details);
            return feature is null
                ? null
                : new Accessibility { Id = FeedId(e, path), Feature = feature.Value, Description = description, Details = details, Url = Text(e, "url", ImportLimits.UrlLength, path: path + ".url") };
        }

        private Phone Phone(JsonElement e, string path) => new()
        {
            Id = FeedId(e, path),
            Number = Text(e, "number", 100, required: true, path: path + ".number") ?? string.Empty,
            Extension = Int(e, "extension", path + ".extension"),
            Type = Text(e, "type", 50, path: path + ".type"),
            Description = Text(e, "description", path: path + ".description"),
        };

        private Schedule Schedule(JsonElement e, string path)
        {
            var timezone = e.TryGetProperty("timezone", out var tz) && tz.ValueKind == JsonValueKind.String && TimeZoneInfo.TryFindSystemTimeZoneById(tz.GetString()!, out _)
                ? tz.GetString()!
                : "Europe/London";
            return new Schedule
            {
                Id = FeedId(e, path),
                ValidFrom = Date(e, "valid_from", path),
                ValidTo = Date(e, "valid_to", path),
                DtStart = Date(e, "dtstart", path),
                Timezone = timezone,
                Until = Date(e, "until", path),
                Count = Int(e, "count", path + ".count"),
                Freq = Text(e, "freq", 20, path: path + ".freq")?.ToUpperInvariant(),
                Interval = Int(e, "interval", path + ".interval"),
                ByDay = Text(e, "byday", 200, path: path + ".byday"),
                ByWeekNo = Text(e, "byweekno", 200, path: path + ".byweekno"),
                ByMonthDay = Text(e, "bymonthday", 200, path: path + ".bymonthday"),
                ByYearDay = Text(e, "byyearday", 200, path: path + ".byyearday"),
                OpensAt = Time(e, "opens_at", path),
                ClosesAt = Time(e, "closes_at", path),
                Description = Text(e, "description", path: path + ".description"),
                ScheduleLink = Text(e, "schedule_link", ImportLimits.UrlLength, path: path + ".schedule_link"),
                AttendingType = Text(e, "attending_type", path: path + ".attending_type"),
                Notes = Text(e, "notes", path: path + ".notes"),
            };
        }

        private CostOption CostOption(JsonElement e, string path) => new()
        {
            Id = FeedId(e, path),
            ValidFrom = Date(e, "valid_from", path),
            ValidTo = Date(e, "valid_to", path),
            Option = Text(e, "option", path: path + ".option"),
            Currency = Text(e, "currency", 10, path: path + ".currency")?.ToUpperInvariant(),
            Amount = Decimal(e, "amount", path + ".amount"),
            AmountDescription = Text(e, "amount_description", path: path + ".amount_description"),
        };

        /// <summary>A language by name, or by its code when the feed gives only that; one with neither is left out.</summary>
        private Language? Language(JsonElement e, string path)
        {
            var name = Text(e, "name", ImportLimits.NameLength, path: path + ".name");
            var code = Text(e, "code", 20, path: path + ".code");
            return name is null && code is null
                ? null
                : new Language { Id = FeedId(e, path), Name = name ?? code!, Code = code, Note = Text(e, "note", path: path + ".note") };
        }

        private ServiceArea ServiceArea(JsonElement e, string path) => new()
        {
            Id = FeedId(e, path),
            Name = Text(e, "name", path: path + ".name"),
            Description = Text(e, "description", path: path + ".description"),
            Extent = Text(e, "extent", ImportLimits.ExtentLength, path: path + ".extent"),
            ExtentType = Text(e, "extent_type", 50, path: path + ".extent_type"),
        };

        private (Contact Contact, List<Phone> Phones) Contact(JsonElement e, string path) => (new Contact
        {
            Id = FeedId(e, path),
            Name = Text(e, "name", ImportLimits.NameLength, path: path + ".name"),
            Title = Text(e, "title", ImportLimits.NameLength, path: path + ".title"),
            Department = Text(e, "department", ImportLimits.NameLength, path: path + ".department"),
            Email = Text(e, "email", ImportLimits.UrlLength, path: path + ".email"),
        }, Items(e, "phones", Phone, path).ToList());

        private ParsedTerm? Attribute(JsonElement e, string path)
        {
            if (e.TryGetProperty("taxonomy_term", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                var id = Id(t, "id", required: true, path: path + ".taxonomy_term.id");
                var name = Text(t, "name", ImportLimits.NameLength, required: true, path: path + ".taxonomy_term.name");
                if (id is null || name is null)
                {
                    return null;
                }

                Taxonomy? taxonomy = null;
                string? taxonomyId = null;
                if (t.TryGetProperty("taxonomy_detail", out var d) && d.ValueKind == JsonValueKind.Object)
                {
                    taxonomyId = Id(d, "id", required: false, path: path + ".taxonomy_term.taxonomy_detail.id");
                    var taxonomyName = Text(d, "name", ImportLimits.NameLength, path: path + ".taxonomy_term.taxonomy_detail.name");
                    if (taxonomyId is not null && taxonomyName is not null)
                    {
                        taxonomy = new Taxonomy
                        {
                            Id = Guid.TryParse(taxonomyId, out var tid) ? tid : Guid.Empty,
                            Name = taxonomyName,
                            Description = Text(d, "description", path: path + ".taxonomy_term.taxonomy_detail.description") ?? string.Empty,
                            Uri = Text(d, "uri", ImportLimits.UrlLength, path: path + ".taxonomy_term.taxonomy_detail.uri"),
                            Version = Text(d, "version", 100, path: path + ".taxonomy_term.taxonomy_detail.version"),
                            SourceId = taxonomyId,
                        };
                    }
                }

                taxonomyId ??= Id(t, "taxonomy_id", required: false, path: path + ".taxonomy_term.taxonomy_id");
                return new ParsedTerm
                {
                    SourceId = id,
                    Term = new TaxonomyTerm
                    {
                        Id = Guid.TryParse(id, out var guid) ? guid : Guid.Empty,
                        Code = Text(t, "code", 200, path: path + ".taxonomy_term.code"),
                        Name = name,
                        Description = Text(t, "description", path: path + ".taxonomy_term.description") ?? string.Empty,
                        Language = Text(t, "language", 20, path: path + ".taxonomy_term.language"),
                        TermUri = Text(t, "term_uri", ImportLimits.UrlLength, path: path + ".taxonomy_term.term_uri"),
                        SourceId = id,
                    },
                    ParentSourceId = Id(t, "parent_id", required: false, path: path + ".taxonomy_term.parent_id"),
                    Taxonomy = taxonomy,
                    TaxonomySourceId = taxonomyId,
                };
            }

            var reference = Id(e, "taxonomy_term_id", required: false, path: path + ".taxonomy_term_id");
            return reference is null ? null : new ParsedTerm { SourceId = reference };
        }

        private IEnumerable<T> Items<T>(JsonElement e, string name, Func<JsonElement, string, T> read, string? parent = null)
        {
            var path = parent is null ? name : $"{parent}.{name}";
            if (!e.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                Problems.Add($"{path} must be a list in [ ], found {Describe(list.ValueKind)}.");
                return [];
            }

            var items = new List<T>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problems.Add($"{itemPath} must be an object in {{ }}, found {Describe(item.ValueKind)}.");
                    continue;
                }

                items.Add(read(item, itemPath));
            }

            return items;
        }

        private Guid FeedId(JsonElement e, string path) =>
            Guid.TryParse(Id(e, "id", required: false, path: path + ".id"), out var id) ? id : Guid.Empty;

        private string? Id(JsonElement e, string name, bool required, string? path = null)
        {
            path ??= name;
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problems.Add($"{path} is missing: every record needs an id that stays the same between imports.");
                }

                return null;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (text is null)
            {
                Problems.Add($"{path} must be text, found {Describe(value.ValueKind)}.");
                return null;
            }

            if (text.Length == 0)
            {
                if (required)
                {
                    Problems.Add($"{path} is empty: every record needs an id that stays the same between imports.");
                }

                return null;
            }

            if (text.Length > ImportLimits.IdLength)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path} is {text.Length:N0} characters long; the most Kith takes for an id is {ImportLimits.IdLength:N0}."));
                return null;
            }

            return text;
        }

        private string? Text(JsonElement e, string name, int limit = ImportLimits.TextLength, bool required = false, string? path = null)
        {
            path ??= name;
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problems.Add($"{path} is missing: it is required.");
                }

                return null;
            }

            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                Problems.Add($"{path} must be text, found {Describe(value.ValueKind)}.");
                return null;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText();
            if (text.Length > limit)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{path} is {text.Length:N0} characters long; the most Kith takes is {limit:N0}. Shorten it, or move long text to a web page and give its address."));
                return null;
            }

            if (text.Length == 0)
            {
                if (required)
                {
                    Problems.Add($"{path} is empty: it is required.");
                }

                return null;
            }

            return text;
        }

        private int? Int(JsonElement e, string name, string? path = null)
        {
            path ??= name;
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
            {
                return n;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                var s = value.GetString()!.Trim();
                if (s.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
                {
                    return n;
                }
            }

            Problems.Add($"{path} must be a whole number, found {Shown(value)}.");
            return null;
        }

        private double? Number(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n))
            {
                return n;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                var s = value.GetString()!.Trim();
                if (s.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out n))
                {
                    return n;
                }
            }

            Problems.Add($"{path} must be a number, found {Shown(value)}.");
            return null;
        }

        private decimal? Decimal(JsonElement e, string name, string path)
        {
            var n = Number(e, name, path);
            return n is null ? null : (decimal)n.Value;
        }

        private DateOnly? Date(JsonElement e, string name, string parent)
        {
            var text = Text(e, name, 40, path: $"{parent}.{name}");
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
            {
                return DateOnly.FromDateTime(instant);
            }

            Problems.Add($"{parent}.{name} is \"{Short(text)}\": give a date as YYYY-MM-DD.");
            return null;
        }

        private TimeOnly? Time(JsonElement e, string name, string parent)
        {
            var text = Text(e, name, 40, path: $"{parent}.{name}");
            if (text is null)
            {
                return null;
            }

            string[] formats = ["HH:mm:ss", "HH:mm", "H:mm", "HH:mm:ssK", "HH:mm:ss.FFFFFFF"];
            if (TimeOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            Problems.Add($"{parent}.{name} is \"{Short(text)}\": give a time as HH:MM or HH:MM:SS, on the 24-hour clock.");
            return null;
        }

        private AssetStatus Status(JsonElement e)
        {
            var text = Text(e, "status", 50, required: true);
            return text?.ToLowerInvariant().Replace('_', ' ') switch
            {
                null => AssetStatus.Active,
                "active" => AssetStatus.Active,
                "inactive" => AssetStatus.Inactive,
                "defunct" => AssetStatus.Defunct,
                "temporarily closed" => AssetStatus.TemporarilyClosed,
                var other => Bad<AssetStatus>($"status is \"{Short(other)}\": use active, inactive, defunct or temporarily closed."),
            };
        }

        private AssetKind Kind(JsonElement e)
        {
            var text = Text(e, "kind", 50);
            if (text is null)
            {
                return AssetKind.Institution;
            }

            return Enum.TryParse<AssetKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : Bad<AssetKind>($"kind is \"{Short(text)}\": use {string.Join(", ", Enum.GetNames<AssetKind>())}.");
        }

        private T Bad<T>(string problem)
            where T : struct
        {
            Problems.Add(problem);
            return default;
        }

        private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "...";

        private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"\"{Short(value.GetString()!)}\"" : Describe(value.ValueKind);

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true or false",
            _ => "nothing",
        };
    }
}

/// <summary>Finds Kith's typed accessibility feature in HSDS accessibility text.</summary>
internal static class AccessibilityText
{
    private static readonly (string Words, AccessibilityFeature Feature)[] Keywords =
    [
        ("changing places", AccessibilityFeature.ChangingPlaces),
        ("hearing loop", AccessibilityFeature.HearingLoop),
        ("induction loop", AccessibilityFeature.HearingLoop),
        ("step-free", AccessibilityFeature.StepFreeAccess),
        ("step free", AccessibilityFeature.StepFreeAccess),
        ("wheelchair", AccessibilityFeature.StepFreeAccess),
        ("accessible toilet", AccessibilityFeature.AccessibleToilet),
        ("blue badge", AccessibilityFeature.BlueBadgeParking),
        ("disabled parking", AccessibilityFeature.BlueBadgeParking),
        ("quiet", AccessibilityFeature.QuietSpace),
        ("sign language", AccessibilityFeature.BritishSignLanguage),
        ("bsl", AccessibilityFeature.BritishSignLanguage),
        ("large print", AccessibilityFeature.LargePrint),
        ("assistance dog", AccessibilityFeature.AssistanceDogsWelcome),
        ("guide dog", AccessibilityFeature.AssistanceDogsWelcome),
    ];

    public static AccessibilityFeature? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var feature in Enum.GetValues<AccessibilityFeature>())
        {
            if (string.Equals(AccessibilityFeatureNames.Label(feature), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(feature.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return feature;
            }
        }

        foreach (var (words, feature) in Keywords)
        {
            if (text.Contains(words, StringComparison.OrdinalIgnoreCase))
            {
                return feature;
            }
        }

        return null;
    }
}
