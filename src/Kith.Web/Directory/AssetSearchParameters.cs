using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Directory;

/// <summary>
/// The search parameters exactly as they arrived in the query string, before any checking. Shared by
/// the results page and the JSON API so both accept the same URLs; <see cref="AssetSearchQuery"/>
/// turns them into criteria or plain-words errors. Parameter names are case-insensitive.
/// </summary>
public sealed record AssetSearchParameters
{
    /// <summary>Every parameter the search understands, as written in URLs.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["q", "postcode", "lat", "lon", "radius", "kind", "what", "who", "age", "access", "free", "day", "time", "mode", "page", "per_page"];

    [FromQuery(Name = "q"), Description("Search terms, up to 200 characters, matched against names, descriptions and activities.")]
    public string? Q { get; init; }

    [FromQuery(Name = "postcode"), Description("A full postcode (AV1 2AB) or a postcode district (AV1). Results are sorted nearest first.")]
    public string? Postcode { get; init; }

    [FromQuery(Name = "lat"), Description("Latitude in WGS84 degrees, -90 to 90. Give with lon; used only when there is no postcode.")]
    public string? Lat { get; init; }

    [FromQuery(Name = "lon"), Description("Longitude in WGS84 degrees, -180 to 180. Give with lat; used only when there is no postcode.")]
    public string? Lon { get; init; }

    [FromQuery(Name = "radius"), Description("Only results within this many kilometres of the postcode or location: 1 to 200.")]
    public string? Radius { get; init; }

    [FromQuery(Name = "kind"), Description("Kind of asset; repeat for more than one: association, institution, physical, economic, cultural.")]
    public string[]? Kind { get; init; }

    [FromQuery(Name = "what"), Description("A 'What' taxonomy term id or code; repeat for more than one. Matches any of them.")]
    public string[]? What { get; init; }

    [FromQuery(Name = "who"), Description("A 'Who' taxonomy term id or code; repeat for more than one. Matches any of them.")]
    public string[]? Who { get; init; }

    [FromQuery(Name = "age"), Description("The age of the person taking part, in whole years, 0 to 120.")]
    public string? Age { get; init; }

    [FromQuery(Name = "access"), Description("Accessibility features every result must have; repeat for more than one, e.g. step-free-access, hearing-loop.")]
    public string[]? Access { get; init; }

    [FromQuery(Name = "free"), Description("true for free assets only.")]
    public string? Free { get; init; }

    [FromQuery(Name = "day"), Description("Only assets that run on this day: monday to sunday.")]
    public string? Day { get; init; }

    [FromQuery(Name = "time"), Description("With day: only assets running at this local (UK) time, 24-hour HH:mm.")]
    public string? Time { get; init; }

    [FromQuery(Name = "mode"), Description("in-person or online; leave out for either.")]
    public string? Mode { get; init; }

    [FromQuery(Name = "page"), Description("Page number, from 1. A page past the last one is empty, not an error.")]
    public string? Page { get; init; }

    [FromQuery(Name = "per_page"), Description("Results per page, 1 to 100 (20 if left out).")]
    public string? PerPage { get; init; }

    /// <summary>Reads the parameters from a query string; for a single-valued parameter given twice, the values are joined with commas.</summary>
    public static AssetSearchParameters FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new AssetSearchParameters
        {
            Q = Single(query, "q"),
            Postcode = Single(query, "postcode"),
            Lat = Single(query, "lat"),
            Lon = Single(query, "lon"),
            Radius = Single(query, "radius"),
            Kind = Many(query, "kind"),
            What = Many(query, "what"),
            Who = Many(query, "who"),
            Age = Single(query, "age"),
            Access = Many(query, "access"),
            Free = Single(query, "free"),
            Day = Single(query, "day"),
            Time = Single(query, "time"),
            Mode = Single(query, "mode"),
            Page = Single(query, "page"),
            PerPage = Single(query, "per_page"),
        };
    }

    /// <summary>The query-string names that are not search parameters, in the order given.</summary>
    public static IReadOnlyList<string> UnknownNames(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Keys.Where(key => !Names.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The single-valued parameters given more than once (page=1&amp;page=2), which cannot be used.</summary>
    public static IReadOnlyList<string> RepeatedNames(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string[] repeatable = ["kind", "what", "who", "access"];
        return query
            .Where(pair => pair.Value.Count > 1
                && Names.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)
                && !repeatable.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            .Select(pair => pair.Key.ToLowerInvariant())
            .ToList();
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static string[]? Many(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.Where(v => v is not null).Select(v => v!).ToArray() : null;
}
