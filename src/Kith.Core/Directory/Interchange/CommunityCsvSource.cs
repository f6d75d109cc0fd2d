using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using Kith.Core.Platform.Postcodes;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Reads the simple spreadsheet a community mapping workshop fills in: one row per asset, plain
/// column headings (see docs/guides/publishers/csv-layout.md and docs/templates/community-assets.csv).
/// Each row becomes an HSDS service for <see cref="HsdsServiceReader"/>; postcodes are placed on the
/// map through the postcode directory. Headings are matched without regard to case, spaces or
/// punctuation, so "Day and times", "day_and_times" and "DAY AND TIMES" are the same column.
/// </summary>
public static partial class CommunityCsvSource
{
    /// <summary>The columns, in the template's order.</summary>
    public static readonly string[] Columns =
    [
        "id", "name", "what it is", "kind", "organisation", "address", "town", "postcode", "online link",
        "day and times", "cost", "who it's for", "minimum age", "maximum age", "how to get involved",
        "contact name", "phone", "email", "website",
    ];

    public static async IAsyncEnumerable<SourceItem> ReadFileAsync(string path, PostcodeService postcodes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postcodes);
        if (!File.Exists(path))
        {
            throw new SourceReadException($"There is no file at {path}. Give the path of the spreadsheet saved as CSV.");
        }

        var stream = File.OpenRead(path);
        await using (stream)
        {
            var options = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true, IncludeValuesInExceptions = false };
            await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
            string[] header;
            try
            {
                await csv.ReadHeaderAsync(cancellationToken);
                header = [.. csv.Headers.Select(Key)];
            }
            catch (CsvFormatException e)
            {
                throw new SourceReadException($"The file could not be read as CSV: {e.Message.Split('\n')[0]} Save the spreadsheet as CSV (comma separated) and try again.", e);
            }

            if (!header.Contains("name"))
            {
                throw new SourceReadException("The first line has no \"name\" column. Start from the template, docs/templates/community-assets.csv, and keep its first line of headings.");
            }

            while (true)
            {
                Dictionary<string, string>? row = null;
                string? error = null;
                try
                {
                    if (!await csv.ReadAsync(cancellationToken))
                    {
                        break;
                    }

                    row = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
                    {
                        var value = csv.GetString(i)?.Trim();
                        if (!string.IsNullOrEmpty(value))
                        {
                            row[header[i]] = value;
                        }
                    }
                }
                catch (CsvFormatException e)
                {
                    error = $"the row could not be read: {e.Message.Split('\n')[0]}";
                }

                var where = string.Create(CultureInfo.InvariantCulture, $"line {csv.LineNumber}");
                if (error is not null)
                {
                    yield return SourceItem.Broken(where, error);
                    break;
                }

                if (row!.Count == 0)
                {
                    continue;
                }

                var (service, problem) = await ToServiceAsync(row, postcodes, cancellationToken);
                yield return problem is null ? new SourceItem(where, JsonSerializer.SerializeToElement(service)) : SourceItem.Broken(where, problem, row.GetValueOrDefault("id"));
            }
        }
    }

    private static async Task<(JsonObject? Service, string? Problem)> ToServiceAsync(Dictionary<string, string> row, PostcodeService postcodes, CancellationToken cancellationToken)
    {
        string? Get(string column) => row.TryGetValue(Key(column), out var value) ? value : null;
        var name = Get("name");
        if (name is null)
        {
            return (null, "the name is empty: give the asset's name, as people know it.");
        }

        var organisation = Get("organisation") ?? Get("organization");
        if (organisation is null)
        {
            return (null, "the organisation is empty: give the group or organisation that runs it (its own name again is fine for an informal group).");
        }

        string? kind = null;
        if (Get("kind") is { } kindText)
        {
            kind = KindOf(kindText);
            if (kind is null)
            {
                return (null, $"kind \"{kindText}\" is not one Kith knows: use group, service, place, economic or culture (or leave it empty).");
            }
        }

        var postcode = Get("postcode");
        var id = Get("id") ?? $"{name}|{postcode ?? Get("address") ?? string.Empty}".ToLowerInvariant();
        var service = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["status"] = "active",
            ["description"] = Get("what it is"),
            ["kind"] = kind,
            ["eligibility_description"] = Get("who it's for"),
            ["minimum_age"] = Get("minimum age"),
            ["maximum_age"] = Get("maximum age"),
            ["how_to_get_involved"] = Get("how to get involved"),
            ["email"] = Get("email"),
            ["url"] = Get("website"),
            ["organization"] = new JsonObject { ["id"] = organisation.ToLowerInvariant(), ["name"] = organisation },
        };
        if (Get("phone") is { } phone)
        {
            service["phones"] = new JsonArray(new JsonObject { ["number"] = phone, ["type"] = "voice" });
        }

        if (Get("contact name") is { } contact)
        {
            service["contacts"] = new JsonArray(new JsonObject { ["name"] = contact, ["email"] = Get("email") });
        }

        if (Get("cost") is { } cost)
        {
            service["cost_options"] = new JsonArray(Cost(cost));
        }

        if (Get("day and times") is { } times)
        {
            service["schedules"] = new JsonArray([.. Schedules(times)]);
        }

        var locations = new JsonArray();
        if (Get("address") is { } address || postcode is not null)
        {
            var found = postcode is null ? null : await postcodes.LookupAsync(postcode, cancellationToken);
            if (postcode is not null && found is { Found: false })
            {
                return (null, $"the postcode \"{postcode}\" is not in Kith's postcode directory: check it, or leave it empty and give the town.");
            }

            var location = new JsonObject
            {
                ["id"] = $"{Get("address")}|{postcode}".ToLowerInvariant(),
                ["location_type"] = "physical",
                ["name"] = Get("address"),
                ["latitude"] = found?.Point?.Latitude,
                ["longitude"] = found?.Point?.Longitude,
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["address_1"] = Get("address") ?? string.Empty,
                    ["city"] = Get("town") ?? string.Empty,
                    ["state_province"] = string.Empty,
                    ["postal_code"] = found?.Display ?? postcode ?? string.Empty,
                    ["country"] = "GB",
                    ["address_type"] = "physical",
                }),
            };
            locations.Add(new JsonObject { ["location"] = location });
        }

        if (Get("online link") is { } link)
        {
            locations.Add(new JsonObject
            {
                ["location"] = new JsonObject { ["id"] = link.ToLowerInvariant(), ["location_type"] = "virtual", ["name"] = "Online", ["url"] = link },
            });
        }

        service["service_at_locations"] = locations;
        return (service, null);
    }

    private static JsonObject Cost(string text)
    {
        if (text.Equals("free", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["option"] = "Free", ["amount"] = 0, ["currency"] = "GBP" };
        }

        var match = MoneyPattern().Match(text);
        return match.Success && decimal.TryParse(match.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? new JsonObject { ["amount"] = amount, ["currency"] = "GBP", ["amount_description"] = text }
            : new JsonObject { ["amount_description"] = text };
    }

    /// <summary>"Tuesdays 10:00-12:00; Fri 2pm-4pm" as weekly schedules; text Kith cannot read stays as the description.</summary>
    private static IEnumerable<JsonObject> Schedules(string text)
    {
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var days = DayPattern().Matches(part).Select(m => m.Groups[1].Value[..2].ToUpperInvariant() switch
            {
                "MO" => "MO", "TU" => "TU", "WE" => "WE", "TH" => "TH", "FR" => "FR", "SA" => "SA", "SU" => "SU", _ => null,
            }).OfType<string>().Distinct().ToList();
            var times = TimePattern().Match(part);
            var schedule = new JsonObject { ["description"] = part };
            if (days.Count > 0 && times.Success && Time(times.Groups[1].Value) is { } opens && Time(times.Groups[2].Value) is { } closes)
            {
                schedule["freq"] = "WEEKLY";
                schedule["byday"] = string.Join(',', days);
                schedule["opens_at"] = opens;
                schedule["closes_at"] = closes;
            }

            yield return schedule;
        }
    }

    private static string? Time(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('.', ':');
        var pm = t.EndsWith("pm", StringComparison.Ordinal);
        var am = t.EndsWith("am", StringComparison.Ordinal);
        t = t.TrimEnd('a', 'p', 'm').Trim();
        var parts = t.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
        {
            return null;
        }

        var minute = 0;
        if (parts.Length > 1 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59))
        {
            return null;
        }

        if (pm && hour < 12)
        {
            hour += 12;
        }
        else if (am && hour == 12)
        {
            hour = 0;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}");
    }

    private static string? KindOf(string text) => Key(text) switch
    {
        "group" or "club" or "association" or "informalgroup" => nameof(AssetKind.Association),
        "service" or "institution" or "organisation" or "organization" => nameof(AssetKind.Institution),
        "place" or "space" or "physical" or "building" or "park" or "hall" => nameof(AssetKind.Physical),
        "economic" or "business" or "localbusiness" or "timebank" => nameof(AssetKind.Economic),
        "culture" or "cultural" or "heritage" => nameof(AssetKind.Cultural),
        _ => null,
    };

    /// <summary>A heading or word with case, spaces and punctuation taken out.</summary>
    private static string Key(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"£?\s*(\d+(?:\.\d{1,2})?)")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)\s*(?:-|–|to)\s*(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
