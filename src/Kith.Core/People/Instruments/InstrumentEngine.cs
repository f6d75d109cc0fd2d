using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kith.Core.People.Instruments;

/// <summary>The result of parsing a definition: the instrument, or the errors (each with its JSON path).</summary>
public sealed record InstrumentParseResult(Instrument? Instrument, IReadOnlyList<InstrumentError> Errors)
{
    public bool IsValid => Instrument is not null;
}

/// <summary>
/// Reads instrument definitions (JSON, see docs/instruments.md) and scores answers against them.
/// Pure: no database, no clock.
/// </summary>
public static class InstrumentEngine
{
    /// <summary>Longest key (matches the InstrumentDefinition column).</summary>
    public const int KeyLimit = 50;

    private const string BuiltInPrefix = "Kith.Core.People.Instruments.BuiltIn.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The definitions shipped with Kith (ONS4, ONS loneliness UCLA-3, ONS direct loneliness question), as JSON.</summary>
    public static IReadOnlyList<string> BuiltInDefinitions()
    {
        var assembly = typeof(InstrumentEngine).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            })
            .ToList();
    }

    /// <summary>Parses and validates a definition; never throws for bad input.</summary>
    public static InstrumentParseResult Parse(string json)
    {
        Dto.Definition? dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto.Definition>(json ?? string.Empty, Json);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            var what = exception.Message.Split(" Path:", 2)[0];
            return Fail(new InstrumentError(where, $"is not valid JSON for a definition: {what}"));
        }

        if (dto is null)
        {
            return Fail(new InstrumentError("$", "is empty: expected an object with key, name, version, licence, mayBeShipped, items and scoring"));
        }

        var errors = new List<InstrumentError>();
        Required(dto.Key, "$.key", errors);
        if (dto.Key is { Length: > 0 } key && (key.Length > KeyLimit || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            errors.Add(new("$.key", $"must be lower-case letters, digits and hyphens, at most {KeyLimit} characters"));
        }

        Required(dto.Name, "$.name", errors);
        Required(dto.Version, "$.version", errors);
        Required(dto.Licence, "$.licence", errors);
        if (dto.MayBeShipped is null)
        {
            errors.Add(new("$.mayBeShipped", "is missing: say true or false"));
        }

        var items = new List<InstrumentItem>();
        if (dto.Items is not { Count: > 0 })
        {
            errors.Add(new("$.items", "must list at least one item"));
        }
        else
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < dto.Items.Count; i++)
            {
                var path = $"$.items[{i}]";
                var item = dto.Items[i];
                if (item is null)
                {
                    errors.Add(new(path, "is empty"));
                    continue;
                }

                var before = errors.Count;
                Required(item.Key, path + ".key", errors);
                if (item.Key is { Length: > 0 } && !keys.Add(item.Key))
                {
                    errors.Add(new(path + ".key", $"'{item.Key}' is used by an earlier item"));
                }

                Required(item.Text, path + ".text", errors);
                InstrumentScale? scale = null;
                List<InstrumentOption>? options = null;
                if ((item.Options is null) == (item.Scale is null))
                {
                    errors.Add(new(path, "must have either options or scale (not both, not neither)"));
                }
                else if (item.Options is not null)
                {
                    if (item.Options.Count < 2)
                    {
                        errors.Add(new(path + ".options", "must list at least two options"));
                    }

                    options = [];
                    for (var o = 0; o < item.Options.Count; o++)
                    {
                        var option = item.Options[o];
                        var optionPath = $"{path}.options[{o}]";
                        if (option?.Value is null)
                        {
                            errors.Add(new(optionPath + ".value", "is missing: give a whole number"));
                        }
                        else if (options.Any(x => x.Value == option.Value))
                        {
                            errors.Add(new(optionPath + ".value", $"{option.Value} is used by an earlier option"));
                        }

                        Required(option?.Label, optionPath + ".label", errors);
                        if (option?.Value is { } value && option.Label is { Length: > 0 } label)
                        {
                            options.Add(new(value, label));
                        }
                    }
                }
                else
                {
                    var s = item.Scale!;
                    if (s.Min is null)
                    {
                        errors.Add(new(path + ".scale.min", "is missing: give a whole number"));
                    }

                    if (s.Max is null)
                    {
                        errors.Add(new(path + ".scale.max", "is missing: give a whole number"));
                    }

                    if (s.Min is { } min && s.Max is { } max && max <= min)
                    {
                        errors.Add(new(path + ".scale.max", $"must be greater than min ({min})"));
                    }
                    else if (s.Min is { } min2 && s.Max is { } max2 && max2 - min2 > 100)
                    {
                        errors.Add(new(path + ".scale", "may span at most 100 points"));
                    }

                    Required(s.MinLabel, path + ".scale.minLabel", errors);
                    Required(s.MaxLabel, path + ".scale.maxLabel", errors);
                    if (errors.Count == before)
                    {
                        scale = new(s.Min!.Value, s.Max!.Value, s.MinLabel!, s.MaxLabel!);
                    }
                }

                if (errors.Count == before)
                {
                    items.Add(new(item.Key!, item.Text!, options, scale, item.ReverseCoded ?? false, item.LowerIsBetter ?? false));
                }
            }
        }

        InstrumentScoring? scoring = null;
        if (dto.Scoring is null)
        {
            errors.Add(new("$.scoring", "is missing: give method \"separate\" or \"sum\""));
        }
        else
        {
            var method = dto.Scoring.Method switch
            {
                "separate" => ScoringMethod.Separate,
                "sum" => (ScoringMethod?)ScoringMethod.Sum,
                _ => null,
            };
            if (method is null)
            {
                errors.Add(new("$.scoring.method", $"must be \"separate\" or \"sum\" (not \"{dto.Scoring.Method}\")"));
            }

            var bands = new List<ScoreBand>();
            if (method == ScoringMethod.Separate && (dto.Scoring.Total is not null || dto.Scoring.Bands is { Count: > 0 }))
            {
                errors.Add(new("$.scoring", "a \"separate\" instrument has no total or bands: remove them or use \"sum\""));
            }

            if (method == ScoringMethod.Sum)
            {
                var expectedMin = items.Sum(i => i.Min);
                var expectedMax = items.Sum(i => i.Max);
                if (dto.Scoring.Total is not { Min: not null, Max: not null } total)
                {
                    errors.Add(new("$.scoring.total", "is missing: a summed instrument states its range, {\"min\": ..., \"max\": ...}"));
                }
                else if (errors.Count == 0 && (total.Min != expectedMin || total.Max != expectedMax))
                {
                    errors.Add(new("$.scoring.total", $"says {total.Min} to {total.Max} but the items add up to {expectedMin} to {expectedMax}"));
                }

                for (var b = 0; b < (dto.Scoring.Bands?.Count ?? 0); b++)
                {
                    var band = dto.Scoring.Bands![b];
                    var bandPath = $"$.scoring.bands[{b}]";
                    if (band?.Min is null || band.Max is null || band.Max < band.Min)
                    {
                        errors.Add(new(bandPath, "needs min and max whole numbers with min no more than max"));
                        continue;
                    }

                    Required(band.Label, bandPath + ".label", errors);
                    if (band.Min < expectedMin || band.Max > expectedMax)
                    {
                        errors.Add(new(bandPath, $"{band.Min} to {band.Max} falls outside the total's range {expectedMin} to {expectedMax}"));
                    }
                    else if (bands.Any(x => band.Min <= x.Max && x.Min <= band.Max))
                    {
                        errors.Add(new(bandPath, "overlaps an earlier band"));
                    }
                    else if (band.Label is { Length: > 0 })
                    {
                        bands.Add(new(band.Min.Value, band.Max.Value, band.Label));
                    }
                }
            }

            if (method is { } m)
            {
                scoring = new(m, dto.Scoring.Total?.Min, dto.Scoring.Total?.Max, bands);
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        return new(new Instrument(dto.Key!, dto.Name!, dto.Version!, dto.Licence!, dto.MayBeShipped!.Value, items, scoring!), []);
    }

    /// <summary>
    /// Checks each answer (every item answered, a whole number in range, one of the options) and scores them:
    /// per-item values with reverse coding applied where flagged, and a total (and band) only for summed instruments.
    /// Answers for keys the instrument does not have are errors.
    /// </summary>
    public static InstrumentScore Score(Instrument instrument, IReadOnlyDictionary<string, int?> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<InstrumentError>();
        var scores = new List<ItemScore>();
        foreach (var item in instrument.Items)
        {
            if (!answers.TryGetValue(item.Key, out var answer) || answer is null)
            {
                errors.Add(new(item.Key, "is missing: choose an answer"));
                continue;
            }

            var value = answer.Value;
            if (item.Scale is { } scale && (value < scale.Min || value > scale.Max))
            {
                errors.Add(new(item.Key, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {scale.Min} to {scale.Max}")));
                continue;
            }

            if (item.Options is { } options && options.All(o => o.Value != value))
            {
                errors.Add(new(item.Key, "must be one of the answers offered"));
                continue;
            }

            var scored = item.ReverseCoded ? item.Min + item.Max - value : value;
            scores.Add(new(item.Key, value, scored, item.LowerIsBetter));
        }

        foreach (var key in answers.Keys.Where(k => instrument.Items.All(i => i.Key != k)))
        {
            errors.Add(new(key, "is not an item of this instrument"));
        }

        if (errors.Count > 0)
        {
            return new(errors, [], null, null);
        }

        if (instrument.Scoring.Method != ScoringMethod.Sum)
        {
            return new([], scores, null, null);
        }

        var total = scores.Sum(s => s.Scored);
        var band = instrument.Scoring.Bands.FirstOrDefault(b => total >= b.Min && total <= b.Max)?.Label;
        return new([], scores, total, band);
    }

    /// <summary>Parses text typed or posted for an item: a whole number, or null when it is not one.</summary>
    public static int? ParseAnswer(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static InstrumentParseResult Fail(InstrumentError error) => new(null, [error]);

    private static void Required(string? value, string path, List<InstrumentError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, "is missing or empty"));
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1812", Justification = "Created by System.Text.Json.")]
    private static class Dto
    {
        internal sealed class Definition
        {
            [JsonPropertyName("$schema")]
            public string? Schema { get; set; }

            public string? Key { get; set; }

            public string? Name { get; set; }

            public string? Version { get; set; }

            public string? Licence { get; set; }

            public bool? MayBeShipped { get; set; }

            public List<Item?>? Items { get; set; }

            public Scoring? Scoring { get; set; }
        }

        internal sealed class Item
        {
            public string? Key { get; set; }

            public string? Text { get; set; }

            public List<Option?>? Options { get; set; }

            public Scale? Scale { get; set; }

            public bool? ReverseCoded { get; set; }

            public bool? LowerIsBetter { get; set; }
        }

        internal sealed class Option
        {
            public int? Value { get; set; }

            public string? Label { get; set; }
        }

        internal sealed class Scale
        {
            public int? Min { get; set; }

            public int? Max { get; set; }

            public string? MinLabel { get; set; }

            public string? MaxLabel { get; set; }
        }

        internal sealed class Scoring
        {
            public string? Method { get; set; }

            public Range? Total { get; set; }

            public List<Band?>? Bands { get; set; }
        }

        internal sealed class Range
        {
            public int? Min { get; set; }

            public int? Max { get; set; }
        }

        internal sealed class Band
        {
            public int? Min { get; set; }

            public int? Max { get; set; }

            public string? Label { get; set; }
        }
    }
}
