using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Directory;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Pages.Assets;

/// <summary>
/// The public search: a GET form so every search is a shareable URL. Values are read from the query
/// string with <see cref="AssetSearchParameters"/> (names are case-insensitive, so the API's URLs work
/// here too) and kept as typed, so a search with a mistake comes back with everything still filled in.
/// </summary>
public class IndexModel(AssetSearchIndex index, PostcodeService postcodes, KithDbContext db, IOptions<MapOptions> mapOptions) : PageModel
{
    /// <summary>Page fields, keyed by query parameter, for linking errors to their inputs.</summary>
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        ["q"] = nameof(Q), ["postcode"] = nameof(Postcode), ["lat"] = nameof(Postcode), ["lon"] = nameof(Postcode),
        ["radius"] = nameof(Radius), ["kind"] = nameof(Kind), ["what"] = nameof(What), ["who"] = nameof(Who),
        ["age"] = nameof(Age), ["access"] = nameof(Access), ["free"] = nameof(Free), ["day"] = nameof(Day),
        ["time"] = nameof(Time), ["mode"] = nameof(Mode), ["page"] = nameof(Q), ["per_page"] = nameof(Q),
    };

    public string? Q { get; set; }

    public string? Postcode { get; set; }

    public string? Lat { get; set; }

    public string? Lon { get; set; }

    public string? Radius { get; set; }

    public List<string> Kind { get; set; } = [];

    public List<string> What { get; set; } = [];

    public List<string> Who { get; set; } = [];

    public string? Age { get; set; }

    public List<string> Access { get; set; } = [];

    public List<string> Free { get; set; } = [];

    public string? Day { get; set; }

    public string? Time { get; set; }

    public string? Mode { get; set; }

    public IReadOnlyList<TaxonomyTerm> WhatTerms { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> WhoTerms { get; private set; } = [];

    public AssetSearchQuery? Query { get; private set; }

    public AssetSearchResults? Results { get; private set; }

    /// <summary>True when the page asked for is past the last page of results.</summary>
    public bool PastTheEnd { get; private set; }

    /// <summary>
    /// True when any filter under "More filters" is set or has an error: the section then starts open,
    /// so the searcher sees what is narrowing their results and every error link reaches its field.
    /// </summary>
    public bool FiltersInUse =>
        Kind.Count > 0 || What.Count > 0 || Who.Count > 0 || Access.Count > 0 || Free.Count > 0
        || !string.IsNullOrWhiteSpace(Age) || !string.IsNullOrWhiteSpace(Day) || !string.IsNullOrWhiteSpace(Time) || !string.IsNullOrWhiteSpace(Mode);

    public MapOptions Map => mapOptions.Value;

    public bool ShowMap => !string.IsNullOrWhiteSpace(Map.TileUrl) && Results is { Hits.Count: > 0 } && Results.Hits.Any(h => h.Location is not null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = AssetSearchParameters.FromQuery(Request.Query);
        Q = parameters.Q;
        Postcode = parameters.Postcode;
        Lat = parameters.Lat;
        Lon = parameters.Lon;
        Radius = parameters.Radius;
        Kind = [.. parameters.Kind ?? []];
        What = [.. parameters.What ?? []];
        Who = [.. parameters.Who ?? []];
        Age = parameters.Age;
        Access = [.. parameters.Access ?? []];
        Free = parameters.Free is null ? [] : [parameters.Free];
        Day = parameters.Day?.Trim().ToLowerInvariant();
        Time = parameters.Time;
        Mode = parameters.Mode;

        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.ParentId == null && (t.TaxonomyId == KithTaxonomies.What || t.TaxonomyId == KithTaxonomies.Who))
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        WhatTerms = terms.Where(t => t.TaxonomyId == KithTaxonomies.What).ToList();
        WhoTerms = terms.Where(t => t.TaxonomyId == KithTaxonomies.Who).ToList();

        Query = await AssetSearchQuery.ParseAsync(parameters, postcodes, db, cancellationToken, AssetSearchParameters.RepeatedNames(Request.Query));
        if (!Query.IsValid)
        {
            foreach (var error in Query.Errors)
            {
                ModelState.AddModelError(FieldIds.GetValueOrDefault(error.Parameter, nameof(Q)), error.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = index.Search(Query.Criteria);
        PastTheEnd = Results.Hits.Count == 0 && Results.Total > 0 && Query.Criteria.Page > Results.PageCount;
    }

    /// <summary>This search with a different page number; <paramref name="page"/> may be "{0}" for the pagination template.</summary>
    public string PageHref(string page)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in Request.Query)
        {
            if (!string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    builder.Add(key, value ?? string.Empty);
                }
            }
        }

        // Encoded values never hold a literal brace, so the pagination template's {0} is the only one.
        var query = builder.ToQueryString().Value ?? string.Empty;
        return $"/assets{(query.Length == 0 ? "?" : query + "&")}page={page}";
    }
}
