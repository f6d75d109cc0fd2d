using System.Globalization;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Directory;

/// <summary>A search parameter that could not be used, and what to do about it, in plain words.</summary>
/// <param name="Parameter">The query-string name, e.g. "radius".</param>
public sealed record AssetSearchError(string Parameter, string Message);

/// <summary>
/// What came of checking a search: typed criteria when every value was usable, otherwise the errors,
/// one per parameter. Shared by the results page and the JSON API.
/// </summary>
/// <param name="Notes">Things the searcher should know that are not errors, e.g. that a postcode district's centre was used.</param>
/// <param name="Place">The postcode lookup, when a postcode was given and found.</param>
public sealed record AssetSearchQuery(
    AssetSearchCriteria Criteria,
    IReadOnlyList<AssetSearchError> Errors,
    IReadOnlyList<string> Notes,
    PostcodeLookupResult? Place)
{
    /// <summary>The longest search text accepted, in characters.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The oldest age accepted, in whole years.</summary>
    public const int MaxAge = 120;

    public bool IsValid => Errors.Count == 0;

    /// <summary>Errors keyed by parameter, in the shape of a validation problem.</summary>
    public IDictionary<string, string[]> ErrorsByParameter() =>
        Errors.GroupBy(e => e.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>Accessibility features as written in URLs, e.g. "step-free-access".</summary>
    public static string ToParameterValue(AccessibilityFeature feature) => Kebab(feature.ToString());

    /// <summary>Asset kinds as written in URLs, e.g. "association".</summary>
    public static string ToParameterValue(AssetKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Attendance modes as written in URLs: "in-person" or "online".</summary>
    public static string ToParameterValue(AttendanceMode mode) => Kebab(mode.ToString());

    /// <summary>Checks every parameter. Never throws for bad input; looks up postcodes and taxonomy terms.</summary>
    /// <param name="repeated">Single-valued parameters the query string gave more than once (<see cref="AssetSearchParameters.RepeatedNames"/>).</param>
    /// <param name="termCodes">The app's copy of taxonomy terms; without it, terms are read from the database.</param>
    public static async Task<AssetSearchQuery> ParseAsync(
        AssetSearchParameters parameters, PostcodeService postcodes, KithDbContext db, CancellationToken cancellationToken, IReadOnlyList<string>? repeated = null,
        TaxonomyTermCodes? termCodes = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(postcodes);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new List<AssetSearchError>();
        var notes = new List<string>();
        void Fail(string parameter, string message) => errors.Add(new AssetSearchError(parameter, message));
        foreach (var name in repeated ?? [])
        {
            Fail(name, $"Give {name} only once");
        }

        if (errors.Count > 0)
        {
            return new AssetSearchQuery(new AssetSearchCriteria(), errors, notes, null);
        }

        var text = Blank(parameters.Q);
        if (text is not null && text.Length > MaxTextLength)
        {
            Fail("q", $"Search terms must be {MaxTextLength} characters or fewer");
        }

        GeoPoint? near = null;
        PostcodeLookupResult? place = null;
        var postcodeText = Blank(parameters.Postcode);
        if (postcodeText is not null)
        {
            place = await postcodes.LookupAsync(postcodeText, cancellationToken);
            switch (place.Match)
            {
                case PostcodeMatch.Malformed:
                    Fail("postcode", "Enter a full postcode, like AV1 2AB, or a postcode district, like AV1");
                    place = null;
                    break;
                case PostcodeMatch.NotFound:
                    Fail("postcode", $"We could not find {place.Display}. Check the postcode is right, or enter just the first part, like AV1");
                    place = null;
                    break;
                case PostcodeMatch.District:
                    near = place.Point;
                    var typed = postcodeText.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                    var district = place.Display.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                    notes.Add(string.Equals(typed, district, StringComparison.Ordinal)
                        ? $"Showing results near the centre of {place.Display}"
                        : $"We could not find {postcodeText.ToUpperInvariant()}, so these results are near the centre of {place.Display}");
                    break;
                default:
                    near = place.Point;
                    break;
            }
        }

        var lat = ParseCoordinate(parameters.Lat, "lat", "Latitude", 90, Fail);
        var lon = ParseCoordinate(parameters.Lon, "lon", "Longitude", 180, Fail);
        var latGiven = Blank(parameters.Lat) is not null;
        var lonGiven = Blank(parameters.Lon) is not null;
        if (latGiven != lonGiven)
        {
            Fail(latGiven ? "lon" : "lat", "Give both latitude and longitude, or neither");
        }
        else if (postcodeText is null && lat is not null && lon is not null)
        {
            near = new GeoPoint(lat.Value, lon.Value);
        }

        double? radius = null;
        var radiusText = Blank(parameters.Radius);
        if (radiusText is not null)
        {
            if (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) || !double.IsFinite(km))
            {
                Fail("radius", "Radius must be a number of kilometres, like 5");
            }
            else if (km is < 1 or > AssetSearchCriteria.MaxRadiusKm)
            {
                Fail("radius", $"Radius must be between 1 and {AssetSearchCriteria.MaxRadiusKm.ToString(CultureInfo.InvariantCulture)} kilometres");
            }
            else
            {
                radius = km;
            }
        }

        var kinds = ParseEnums<AssetKind>(parameters.Kind, ToParameterValue, "kind", "Kind", Fail);
        var access = ParseEnums<AccessibilityFeature>(parameters.Access, ToParameterValue, "access", "Accessibility feature", Fail);
        termCodes ??= new TaxonomyTermCodes(TimeProvider.System);
        var what = await ParseTermsAsync(termCodes, db, KithTaxonomies.What, parameters.What, "what", "activity", Fail, cancellationToken);
        var who = await ParseTermsAsync(termCodes, db, KithTaxonomies.Who, parameters.Who, "who", "group of people", Fail, cancellationToken);

        int? age = null;
        var ageText = Blank(parameters.Age);
        if (ageText is not null)
        {
            if (int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var years) && years is >= 0 and <= MaxAge)
            {
                age = years;
            }
            else
            {
                Fail("age", $"Age must be a whole number between 0 and {MaxAge}");
            }
        }

        var free = false;
        var freeText = Blank(parameters.Free);
        if (freeText is not null && !bool.TryParse(freeText, out free))
        {
            Fail("free", "Free must be true or false");
        }

        OpenAt? openAt = null;
        DayOfWeek? day = null;
        var dayText = Blank(parameters.Day);
        if (dayText is not null)
        {
            var match = Enum.GetValues<DayOfWeek>().Where(d => string.Equals(d.ToString(), dayText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                day = match[0];
            }
            else
            {
                Fail("day", "Day must be a day of the week, like tuesday");
            }
        }

        TimeOnly? time = null;
        var timeText = Blank(parameters.Time);
        if (timeText is not null)
        {
            if (!TimeOnly.TryParseExact(timeText, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedTime))
            {
                Fail("time", "Enter a time in 24-hour format, like 14:30");
            }
            else if (dayText is null)
            {
                Fail("day", "Choose a day to go with the time");
            }
            else
            {
                time = parsedTime;
            }
        }

        if (day is not null)
        {
            openAt = new OpenAt(day.Value, time);
        }

        AttendanceMode? mode = null;
        var modeText = Blank(parameters.Mode);
        if (modeText is not null)
        {
            var match = Enum.GetValues<AttendanceMode>().Where(m => string.Equals(ToParameterValue(m), modeText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                mode = match[0];
            }
            else
            {
                Fail("mode", "Mode must be in-person or online");
            }
        }

        var page = 1;
        var pageText = Blank(parameters.Page);
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            Fail("page", "Page must be a whole number, 1 or more");
            page = 1;
        }

        var perPage = 20;
        var perPageText = Blank(parameters.PerPage);
        if (perPageText is not null &&
            (!int.TryParse(perPageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > AssetSearchCriteria.MaxPageSize))
        {
            Fail("per_page", $"Results per page must be between 1 and {AssetSearchCriteria.MaxPageSize}");
            perPage = 20;
        }

        if (radius is not null && near is null && postcodeText is null && !latGiven && !lonGiven)
        {
            notes.Add("A radius only works with a postcode or your location, so these results are from any distance. Enter a postcode to search nearby");
        }

        var criteria = new AssetSearchCriteria
        {
            Text = text is not null && text.Length <= MaxTextLength ? text : null,
            Near = near,
            RadiusKm = near is null ? null : radius,
            Kinds = kinds,
            What = what,
            Who = who,
            Age = age,
            Accessibility = access,
            FreeOnly = free,
            OpenAt = openAt,
            Attendance = mode,
            Page = page,
            PageSize = perPage,
        };
        return new AssetSearchQuery(criteria, errors, notes, place);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double? ParseCoordinate(string? value, string parameter, string label, double limit, Action<string, string> fail)
    {
        var text = Blank(value);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && double.IsFinite(degrees) && Math.Abs(degrees) <= limit)
        {
            return degrees;
        }

        fail(parameter, $"{label} must be a number between -{limit} and {limit}");
        return null;
    }

    private static HashSet<T> ParseEnums<T>(string[]? values, Func<T, string> name, string parameter, string label, Action<string, string> fail)
        where T : struct, Enum
    {
        var result = new HashSet<T>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',')).Select(Blank).OfType<string>())
        {
            var match = Enum.GetValues<T>().Where(e => string.Equals(name(e), value, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                result.Add(match[0]);
            }
            else
            {
                fail(parameter, $"{label} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(name))}");
                break;
            }
        }

        return result;
    }

    private static async Task<HashSet<Guid>> ParseTermsAsync(
        TaxonomyTermCodes termCodes, KithDbContext db, Guid taxonomy, string[]? values, string parameter, string label, Action<string, string> fail,
        CancellationToken cancellationToken)
    {
        var result = new HashSet<Guid>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',')).Select(Blank).OfType<string>())
        {
            if (await termCodes.FindAsync(db, taxonomy, value, cancellationToken) is not { } id)
            {
                fail(parameter, $"We do not know the {label} \u2018{Shorten(value)}\u2019. Choose from the list, or leave it out");
                break;
            }

            result.Add(id);
        }

        return result;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "\u2026");

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
