using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.Directory.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kith.Core.Platform.Postcodes;

/// <summary>Looks up postcodes and postcode districts imported from the ONS Postcode Directory. Scoped.</summary>
/// <remarks>
/// Found postcodes and district centres (the mean of the district's current postcodes) are cached for the
/// life of the process, per database: search looks a postcode up on every request, and the directory only
/// changes through <see cref="PostcodeImporter"/>, which clears both caches after every import. The postcode
/// cache holds at most <see cref="MaxCachedPostcodes"/> entries and starts again when full.
/// Give <paramref name="options"/> (dependency injection does) so a look-up answered from the cache does not
/// initialise the context just to learn which database it is: that alone cost more than the search itself.
/// </remarks>
public sealed partial class PostcodeService(KithDbContext db, DbContextOptions<KithDbContext>? options = null)
{
    /// <summary>The most found postcodes kept in memory (a few megabytes).</summary>
    public const int MaxCachedPostcodes = 20_000;

    private static readonly ConcurrentDictionary<(string Database, string District), GeoPoint?> DistrictCentres = new();
    private static readonly ConcurrentDictionary<(string Database, string Code), PostcodeLookupResult> FoundPostcodes = new();

    /// <summary>Looks up what a person typed. Never throws for bad input: the result says what went wrong.</summary>
    /// <remarks>
    /// A full postcode in the directory is <see cref="PostcodeMatch.Exact"/>, even when it has been terminated
    /// (people still use old postcodes). A district ("AV1"), or a full postcode that is not in the directory
    /// but whose district is, gives the district's centre and <see cref="PostcodeMatch.District"/>, with the
    /// district as <see cref="PostcodeLookupResult.Display"/>.
    /// </remarks>
    public async Task<PostcodeLookupResult> LookupAsync(string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? string.Empty;
        if (!PostcodeText.TryParse(typed, out var parsed))
        {
            return new PostcodeLookupResult(PostcodeMatch.Malformed, typed, null);
        }

        if (parsed.Inward is not null)
        {
            var key = (Database, parsed.Code);
            if (FoundPostcodes.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var found = await db.Postcodes.AsNoTracking()
                .Where(p => p.Code == parsed.Code)
                .Select(p => new { p.Display, p.Latitude, p.Longitude })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is not null)
            {
                var result = new PostcodeLookupResult(PostcodeMatch.Exact, found.Display, new GeoPoint(found.Latitude, found.Longitude));
                if (FoundPostcodes.Count >= MaxCachedPostcodes)
                {
                    FoundPostcodes.Clear();
                }

                FoundPostcodes[key] = result;
                return result;
            }
        }

        var centre = await DistrictCentreAsync(parsed.Outward, cancellationToken);
        return centre is null
            ? new PostcodeLookupResult(PostcodeMatch.NotFound, parsed.Display, null)
            : new PostcodeLookupResult(PostcodeMatch.District, parsed.Outward, centre);
    }

    /// <summary>Which database the caches are for: its connection string, read from the options when given.</summary>
    private string Database =>
        (options is null ? db.Database.GetConnectionString() : options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.ConnectionString) ?? string.Empty;

    /// <summary>Forgets every cached postcode and district centre, so the next look-up reads the directory again.</summary>
    public static void ForgetCachedPostcodes()
    {
        FoundPostcodes.Clear();
        DistrictCentres.Clear();
    }

    private async Task<GeoPoint?> DistrictCentreAsync(string district, CancellationToken cancellationToken)
    {
        var key = (Database, district);
        if (DistrictCentres.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var inDistrict = db.Postcodes.AsNoTracking().Where(p => p.District == district);
        var current = inDistrict.Where(p => p.TerminatedOn == null);
        if (await current.AnyAsync(cancellationToken))
        {
            inDistrict = current;
        }
        else if (!await inDistrict.AnyAsync(cancellationToken))
        {
            DistrictCentres[key] = null;
            return null;
        }

        var centre = new GeoPoint(
            await inDistrict.AverageAsync(p => p.Latitude, cancellationToken),
            await inDistrict.AverageAsync(p => p.Longitude, cancellationToken));
        DistrictCentres[key] = centre;
        return centre;
    }
}

/// <summary>A UK postcode or postcode district as typed, normalised: upper case, spaces removed and put back in the right place.</summary>
/// <param name="Outward">The outward code (district), e.g. "AV1".</param>
/// <param name="Inward">The inward code, e.g. "2AB", or null when only a district was given.</param>
public readonly partial record struct PostcodeText(string Outward, string? Inward)
{
    /// <summary>Longest input worth reading: a postcode with generous spacing. Anything longer is not a postcode.</summary>
    public const int MaxInputLength = 16;

    /// <summary>Upper case without spaces: "AV12AB", or the district "AV1".</summary>
    public string Code => Outward + Inward;

    /// <summary>As people write it: "AV1 2AB", or the district "AV1".</summary>
    public string Display => Inward is null ? Outward : Outward + " " + Inward;

    /// <summary>
    /// Reads a full postcode ("av1  2ab") or an outward code ("AV1"). Only the shape is checked
    /// (one or two letters, a digit, an optional letter or digit, then optionally a digit and two letters),
    /// not whether the postcode exists.
    /// </summary>
    public static bool TryParse(string? text, out PostcodeText postcode)
    {
        postcode = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxInputLength)
        {
            return false;
        }

        var parts = text.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (parts.Length)
        {
            case 1:
                var full = FullPostcode().Match(parts[0]);
                if (full.Success)
                {
                    postcode = new PostcodeText(full.Groups["outward"].Value, full.Groups["inward"].Value);
                    return true;
                }

                if (OutwardCode().IsMatch(parts[0]))
                {
                    postcode = new PostcodeText(parts[0], null);
                    return true;
                }

                return false;
            case 2 when OutwardCode().IsMatch(parts[0]) && InwardCode().IsMatch(parts[1]):
                postcode = new PostcodeText(parts[0], parts[1]);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => Display;

    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?<inward>[0-9][A-Z]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FullPostcode();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex OutwardCode();

    [GeneratedRegex("^[0-9][A-Z]{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InwardCode();
}
