using System.Globalization;
using Kith.Core.Relationships;
using Kith.Web.TagHelpers;
using Microsoft.Extensions.Primitives;

namespace Kith.Web.Api;

/// <summary>What sets the size of each actor on the map and which figure the table shows.</summary>
public enum MapMetric
{
    Degree,
    Betweenness,
    Eigenvector,
    Strength,
    Closeness,
}

/// <summary>What sets the colour of each actor on the map.</summary>
public enum MapColour
{
    Community,
    Kind,
    None,
}

/// <summary>One parameter that cannot be used, and what to send instead.</summary>
public sealed record MapQueryError(string Parameter, string Message);

/// <summary>
/// The map's query string, parsed once for the page (<c>/relationships/map</c>) and the JSON API
/// (<c>/api/relationships/*</c>): the same names and values work in both. Names are case-insensitive; tie types and
/// sectors may be repeated or comma-separated. A value that cannot be used becomes an <see cref="Errors"/> entry whose
/// message says what to send; nothing is silently ignored.
/// </summary>
public sealed class RelationshipMapQuery
{
    public const string Types = "types";
    public const string Sector = "sector";
    public const string MinStrength = "minStrength";
    public const string On = "on";
    public const string Size = "size";
    public const string Colour = "colour";
    public const string Ego = "ego";
    public const string Steps = "steps";

    /// <summary>The page's day, month and year boxes for <see cref="On"/> (<c>&lt;nhs-date-input asp-for="On"&gt;</c>).</summary>
    public const string OnDay = "On.Day";
    public const string OnMonth = "On.Month";
    public const string OnYear = "On.Year";

    /// <summary>The parameters of <c>GET /api/relationships/graph</c>.</summary>
    public static readonly IReadOnlyList<string> GraphNames = [Types, Sector, MinStrength, On];

    /// <summary>The parameters of <c>GET /api/relationships/ego/{actorId}</c>.</summary>
    public static readonly IReadOnlyList<string> EgoNames = [Types, Sector, MinStrength, On, Steps];

    /// <summary>The parameters of the page (and its downloads).</summary>
    public static readonly IReadOnlyList<string> PageNames = [Types, Sector, MinStrength, On, OnDay, OnMonth, OnYear, Size, Colour, Ego, Steps, "handler"];

    private static readonly string TypeList = string.Join(", ", Enum.GetValues<TieType>().Select(ToParameterValue));

    private readonly List<MapQueryError> errors = [];

    private RelationshipMapQuery()
    {
    }

    public IReadOnlyList<TieType> TieTypes { get; private set; } = [];

    /// <summary>Sectors as sent, trimmed; empty for every sector.</summary>
    public IReadOnlyList<string> Sectors { get; private set; } = [];

    /// <summary>1–5.</summary>
    public int MinimumStrength { get; private set; } = 1;

    /// <summary>The day the map shows ties as they stood on; null for today.</summary>
    public DateOnly? OnDate { get; private set; }

    public MapMetric SizeBy { get; private set; } = MapMetric.Degree;

    public MapColour ColourBy { get; private set; } = MapColour.Community;

    /// <summary>The actor at the centre of an ego view; null for the whole map.</summary>
    public Guid? EgoActorId { get; private set; }

    /// <summary>1 or 2.</summary>
    public int EgoSteps { get; private set; } = 1;

    public IReadOnlyList<MapQueryError> Errors => errors;

    public bool IsValid => errors.Count == 0;

    /// <summary>Whether any filter narrows the map (so an empty result can say how to widen it).</summary>
    public bool IsFiltered => TieTypes.Count > 0 || Sectors.Count > 0 || MinimumStrength > 1 || OnDate is not null;

    public MapFilter ToFilter() => new(OnDate, TieTypes.Count == 0 ? null : TieTypes, Sectors.Count == 0 ? null : Sectors, MinimumStrength);

    /// <summary>"works-with", "seeks-advice-from": the value a tie type has in the query string.</summary>
    public static string ToParameterValue(TieType type) => type switch
    {
        TieType.WorksWith => "works-with",
        TieType.RefersTo => "refers-to",
        TieType.Funds => "funds",
        TieType.SharesInformationWith => "shares-information-with",
        TieType.Trusts => "trusts",
        TieType.SeeksAdviceFrom => "seeks-advice-from",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToParameterValue(MapMetric metric) => metric.ToString().ToLowerInvariant();

    public static string ToParameterValue(MapColour colour) => colour.ToString().ToLowerInvariant();

    /// <summary>The query's names that <paramref name="known"/> does not hold (ignoring case).</summary>
    public static IReadOnlyList<string> UnknownNames(IQueryCollection query, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(known);
        return query.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Parses the query string.</summary>
    /// <param name="forPage">True for the page: the date may come as day, month and year boxes and messages speak of the form.</param>
    public static RelationshipMapQuery Parse(IQueryCollection query, bool forPage)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = new RelationshipMapQuery();
        parsed.ParseTypes(Values(query, Types), forPage);
        parsed.Sectors = Values(query, Sector).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        parsed.ParseStrength(Single(query, MinStrength), forPage);
        parsed.ParseDate(query, forPage);
        parsed.ParseSteps(Single(query, Steps), forPage);
        parsed.ParseEgo(Single(query, Ego));
        parsed.SizeBy = ParseChoice(parsed, Single(query, Size), MapMetric.Degree, Size,
            forPage ? "Choose what sets the size of each circle" : $"Unknown size. Use one of: {string.Join(", ", Enum.GetValues<MapMetric>().Select(ToParameterValue))}.");
        parsed.ColourBy = ParseChoice(parsed, Single(query, Colour), MapColour.Community, Colour,
            forPage ? "Choose what sets the colour of each circle" : $"Unknown colour. Use one of: {string.Join(", ", Enum.GetValues<MapColour>().Select(ToParameterValue))}.");
        return parsed;
    }

    /// <summary>Adds an error found after parsing (an ego actor not on the map).</summary>
    public void AddError(string parameter, string message) => errors.Add(new MapQueryError(parameter, message));

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            : [];

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return null;
        }

        var text = values.LastOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return text?.Trim();
    }

    private static T ParseChoice<T>(RelationshipMapQuery parsed, string? text, T fallback, string parameter, string message)
        where T : struct, Enum
    {
        if (text is null)
        {
            return fallback;
        }

        if (!text.All(char.IsAsciiLetter) || !Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            parsed.AddError(parameter, message);
            return fallback;
        }

        return value;
    }

    private void ParseTypes(IEnumerable<string> values, bool forPage)
    {
        var types = new List<TieType>();
        foreach (var value in values)
        {
            var known = Enum.GetValues<TieType>().Cast<TieType?>().FirstOrDefault(t =>
                string.Equals(ToParameterValue(t!.Value), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Value.ToString(), value, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                AddError(Types, forPage
                    ? "Choose tie types from the list"
                    : $"Unknown tie type '{value}'. Use one or more of: {TypeList}.");
                continue;
            }

            if (!types.Contains(known.Value))
            {
                types.Add(known.Value);
            }
        }

        TieTypes = types;
    }

    private void ParseStrength(string? text, bool forPage)
    {
        if (text is null)
        {
            return;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var strength) || strength is < 1 or > 5)
        {
            AddError(MinStrength, forPage
                ? "Minimum strength must be a whole number from 1 to 5"
                : "minStrength must be a whole number from 1 (weak) to 5 (strong).");
            return;
        }

        MinimumStrength = strength;
    }

    private void ParseDate(IQueryCollection query, bool forPage)
    {
        var iso = Single(query, On);
        if (iso is not null)
        {
            if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                OnDate = date;
            }
            else
            {
                AddError(On, forPage
                    ? "The date the map shows must be a real date, like 31 3 2026"
                    : "on must be a date written YYYY-MM-DD, like 2026-03-31.");
            }

            return;
        }

        if (!forPage)
        {
            return;
        }

        var input = new DateInput { Day = Single(query, OnDay), Month = Single(query, OnMonth), Year = Single(query, OnYear) };
        if (input.IsEmpty)
        {
            return;
        }

        if (input.TryGetDate(out var typed))
        {
            OnDate = typed;
        }
        else
        {
            AddError(On, "The date the map shows must be a real date, like 31 3 2026");
        }
    }

    private void ParseSteps(string? text, bool forPage)
    {
        if (text is null)
        {
            return;
        }

        if (text is not ("1" or "2"))
        {
            AddError(Steps, forPage ? "Choose 1 or 2 steps from the actor" : "steps must be 1 or 2.");
            return;
        }

        EgoSteps = text == "1" ? 1 : 2;
    }

    private void ParseEgo(string? text)
    {
        if (text is null)
        {
            return;
        }

        if (!Guid.TryParse(text, out var id))
        {
            AddError(Ego, "The actor at the centre must be chosen from the table; that link is not one of them");
            return;
        }

        EgoActorId = id;
    }
}
