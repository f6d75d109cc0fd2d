using System.Globalization;
using Kith.Core.Directory.Search;
using Microsoft.Extensions.Primitives;

namespace Kith.Web.OpenReferral;

/// <summary>
/// The query parameters of the Open Referral UK API, read and checked. Each bad value gives a message,
/// keyed by the parameter's name, that says what to send instead.
/// </summary>
public sealed class OrukParameters
{
    /// <summary>Results per page when per_page is not given.</summary>
    public const int DefaultPerPage = 50;

    /// <summary>The largest page; a bigger per_page is served as this many (format=ndjson has no pages).</summary>
    public const int MaxPerPage = 1_000;

    /// <summary>How far from a postcode to look when proximity is not given, in metres.</summary>
    public const int DefaultProximityMetres = 10_000;

    /// <summary>The widest proximity served, in metres; a bigger one is served as this.</summary>
    public const int MaxProximityMetres = (int)(AssetSearchCriteria.MaxRadiusKm * 1000);

    /// <summary>The longest search text read.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Parameters of the service and service_at_location lists.</summary>
    public static readonly IReadOnlyList<string> ServiceNames =
    [
        "search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after",
        "minimal", "full", "postcode", "proximity", "minimum_age", "maximum_age", "day", "start_time", "end_time",
    ];

    /// <summary>Parameters of the organisation list.</summary>
    public static readonly IReadOnlyList<string> OrganizationNames = ["search", "page", "per_page", "format", "full", "full_service", "modified_after"];

    /// <summary>Parameters of the taxonomy list.</summary>
    public static readonly IReadOnlyList<string> TaxonomyNames = ["page", "per_page", "format"];

    /// <summary>Parameters of the taxonomy term list.</summary>
    public static readonly IReadOnlyList<string> TaxonomyTermNames = ["page", "per_page", "format", "taxonomy_id", "parent_id"];

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["TU"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["WE"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["TH"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["FR"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["SA"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["SU"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    private OrukParameters()
    {
    }

    public string? Search { get; private set; }

    public int Page { get; private set; } = 1;

    public int PerPage { get; private set; } = DefaultPerPage;

    /// <summary>True when per_page was more than <see cref="MaxPerPage"/> and was cut down to it.</summary>
    public bool PerPageClamped { get; private set; }

    public bool Ndjson { get; private set; }

    public Guid? TaxonomyTermId { get; private set; }

    public Guid? TaxonomyId { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime? ModifiedAfter { get; private set; }

    public bool Minimal { get; private set; }

    public bool Full { get; private set; }

    public bool FullService { get; private set; }

    public string? Postcode { get; private set; }

    public int? ProximityMetres { get; private set; }

    public int? MinimumAge { get; private set; }

    public int? MaximumAge { get; private set; }

    /// <summary>The RFC 5545 two-letter code of the day asked for.</summary>
    public string? DayCode { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    public bool IsValid => errors.Count == 0;

    public IDictionary<string, string[]> Errors => errors;

    /// <summary>True when the result needs the search index: free text or a place.</summary>
    public bool UsesIndex => Search is not null || Postcode is not null;

    /// <summary>Records what is wrong with a parameter; the first message for a parameter stands.</summary>
    public void AddError(string name, string message) => errors.TryAdd(name, [message]);

    public static OrukParameters Read(IQueryCollection query, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(known);
        var result = new OrukParameters();
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name))
            {
                result.AddError(name, $"This list does not take '{name}'. Remove it, or use one of: {string.Join(", ", known)}.");
            }
            else if (values.Count > 1)
            {
                result.AddError(name, $"Give '{name}' once; it was given {values.Count} times.");
            }
        }

        result.Search = Text(query, "search");
        if (result.Search is { Length: > MaxSearchLength })
        {
            result.AddError("search", string.Create(CultureInfo.InvariantCulture, $"Search for at most {MaxSearchLength} characters."));
        }

        result.Page = result.Integer(query, "page", 1, 1, int.MaxValue, "a page number: 1 or more") ?? 1;
        var perPage = result.Integer(query, "per_page", DefaultPerPage, 1, int.MaxValue, string.Create(CultureInfo.InvariantCulture, $"how many results a page holds: 1 to {MaxPerPage}")) ?? DefaultPerPage;
        result.PerPageClamped = perPage > MaxPerPage;
        result.PerPage = Math.Min(perPage, MaxPerPage);
        result.Ndjson = result.Format(query);
        result.TaxonomyTermId = result.Id(query, "taxonomy_term_id");
        result.TaxonomyId = result.Id(query, "taxonomy_id");
        result.OrganizationId = result.Id(query, "organization_id");
        result.ParentId = result.Id(query, "parent_id");
        result.ModifiedAfter = result.Instant(query, "modified_after");
        result.Minimal = result.Flag(query, "minimal");
        result.Full = result.Flag(query, "full");
        result.FullService = result.Flag(query, "full_service");
        if (result.Minimal && result.Full)
        {
            result.AddError("minimal", "Ask for minimal or full, not both.");
        }

        result.Postcode = Text(query, "postcode");
        var proximity = result.Integer(query, "proximity", null, 1, int.MaxValue, "a distance in whole metres from the postcode, 1 or more");
        if (proximity is not null && result.Postcode is null && !result.errors.ContainsKey("proximity"))
        {
            result.AddError("proximity", "Proximity is measured from a postcode: give a postcode too, e.g. postcode=AV1 2AB&proximity=2000.");
        }

        result.ProximityMetres = proximity is null ? null : Math.Min(proximity.Value, MaxProximityMetres);
        result.MinimumAge = result.Age(query, "minimum_age", Math.Ceiling);
        result.MaximumAge = result.Age(query, "maximum_age", Math.Floor);
        if (Text(query, "day") is { } day)
        {
            if (Days.TryGetValue(day, out var found))
            {
                result.DayCode = CodeOf(found);
            }
            else
            {
                result.AddError("day", $"'{day}' is not a day. Give the day's two-letter code (MO, TU, WE, TH, FR, SA, SU) or its name, e.g. day=TU or day=tuesday.");
            }
        }

        result.StartTime = result.TimeOfDay(query, "start_time");
        result.EndTime = result.TimeOfDay(query, "end_time");
        if (result is { StartTime: { } start, EndTime: { } end } && end < start)
        {
            result.AddError("end_time", "end_time is before start_time: give an end time at or after the start time.");
        }

        return result;
    }

    /// <summary>The RFC 5545 code of a day: MO, TU, ...</summary>
    public static string CodeOf(DayOfWeek day) => RfcDayCodes[(int)day];

    private static readonly string[] RfcDayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query.TryGetValue(name, out StringValues values) ? values.ToString().Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private int? Integer(IQueryCollection query, string name, int? fallback, int minimum, int maximum, string expected)
    {
        if (Text(query, name) is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number < minimum)
            {
                AddError(name, $"'{text}' is too small for {name}: give {expected}.");
                return fallback;
            }

            return (int)Math.Min(number, maximum);
        }

        if (text.All(char.IsAsciiDigit))
        {
            return maximum;
        }

        AddError(name, $"'{text}' is not a whole number: give {expected}, e.g. {name}={Math.Max(minimum, 1)}.");
        return fallback;
    }

    private bool Format(IQueryCollection query)
    {
        switch (Text(query, "format")?.ToLowerInvariant())
        {
            case null or "json":
                return false;
            case "ndjson":
                return true;
            default:
                AddError("format", "Give format=json (the default: pages) or format=ndjson (every result, one JSON object a line, no pages).");
                return false;
        }
    }

    private Guid? Id(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        AddError(name, $"'{text}' is not an id. Give a UUID, e.g. {name}=6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001.");
        return null;
    }

    private DateTime? Instant(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant.UtcDateTime;
        }

        AddError(name, $"'{text}' is not a date and time. Give an ISO 8601 date or date and time, e.g. {name}=2026-11-01 or {name}=2026-11-01T09:30:00Z.");
        return null;
    }

    private bool Flag(IQueryCollection query, string name)
    {
        switch (Text(query, name)?.ToLowerInvariant())
        {
            case null or "false" or "0":
                return false;
            case "true" or "1":
                return true;
            default:
                AddError(name, $"Give {name}=true or {name}=false.");
                return false;
        }
    }

    private int? Age(IQueryCollection query, string name, Func<double, double> round)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var age) && age is >= 0 and <= 150)
        {
            return (int)round(age);
        }

        AddError(name, $"'{text}' is not an age. Give an age in years from 0 to 150, e.g. {name}=18.");
        return null;
    }

    private TimeOnly? TimeOfDay(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        AddError(name, $"'{text}' is not a time of day. Give a 24-hour UK time as HH:MM, e.g. {name}=09:30.");
        return null;
    }
}
