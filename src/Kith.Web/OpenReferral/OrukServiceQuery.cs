using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.OpenReferral;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.OpenReferral;

/// <summary>
/// Which published services a request asks for, in the order they are served: by id, or, with
/// <c>search</c> or <c>postcode</c>, in the search index's order (best match, then nearest).
/// </summary>
public sealed class OrukServiceQuery
{
    /// <summary>The most matches a text or postcode search ranks; past this the list stops.</summary>
    public const int MaxRankedResults = 10_000;

    private OrukServiceQuery(IQueryable<CommunityAsset> filtered, IReadOnlyList<Guid>? ranked)
    {
        Filtered = filtered;
        Ranked = ranked;
    }

    /// <summary>Published services that pass every filter the database can apply.</summary>
    public IQueryable<CommunityAsset> Filtered { get; }

    /// <summary>With search or postcode, the index's matches in order, best first (before <see cref="Filtered"/> is applied).</summary>
    public IReadOnlyList<Guid>? Ranked { get; }

    /// <summary>
    /// Builds the query, or adds errors to <paramref name="parameters"/> and returns null (an unknown
    /// taxonomy, term or organisation; a postcode that is malformed or not known).
    /// </summary>
    public static async Task<OrukServiceQuery?> CreateAsync(
        OrukParameters parameters, KithDbContext db, AssetSearchIndex index, PostcodeService postcodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(db);
        var query = OrukData.PublishedServices(db);
        if (parameters.TaxonomyTermId is { } termId)
        {
            if (KithVocabularies.KindOf(termId) is { } kind)
            {
                query = query.Where(a => a.Kind == kind);
            }
            else if (KithVocabularies.PolicyOf(termId) is { } policy)
            {
                query = query.Where(a => a.IntroductionPolicy == policy);
            }
            else if (await db.TaxonomyTerms.AnyAsync(t => t.Id == termId, cancellationToken))
            {
                query = query.Where(a => a.TaxonomyTerms.Any(t => t.TaxonomyTermId == termId));
            }
            else
            {
                parameters.AddError("taxonomy_term_id", $"There is no taxonomy term with the id {termId}. Give the id of one listed at /oruk/taxonomy_terms.");
            }
        }

        if (parameters.TaxonomyId is { } taxonomyId && !KithVocabularies.Taxonomies.Any(t => t.Id == taxonomyId))
        {
            // Kith's own taxonomies cover every service, so they filter nothing out.
            if (await db.Taxonomies.AnyAsync(t => t.Id == taxonomyId, cancellationToken))
            {
                query = query.Where(a => a.TaxonomyTerms.Any(t => t.TaxonomyTerm!.TaxonomyId == taxonomyId));
            }
            else
            {
                parameters.AddError("taxonomy_id", $"There is no taxonomy with the id {taxonomyId}. Give the id of one listed at /oruk/taxonomies.");
            }
        }

        if (parameters.OrganizationId is { } organizationId)
        {
            if (await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            {
                query = query.Where(a => a.OrganizationId == organizationId);
            }
            else
            {
                parameters.AddError("organization_id", $"There is no organisation with the id {organizationId}. Give the id of one listed at /oruk/organizations.");
            }
        }

        if (parameters.ModifiedAfter is { } modifiedAfter)
        {
            query = query.Where(a => a.LastModified >= modifiedAfter);
        }

        if (parameters.MinimumAge is { } minimumAge)
        {
            query = query.Where(a => a.MinimumAge >= minimumAge);
        }

        if (parameters.MaximumAge is { } maximumAge)
        {
            query = query.Where(a => a.MaximumAge <= maximumAge);
        }

        if (parameters.DayCode is not null || parameters.StartTime is not null || parameters.EndTime is not null)
        {
            var day = parameters.DayCode;
            var start = parameters.StartTime;
            var end = parameters.EndTime;
            var anyDay = day is null;
            var anyStart = start is null;
            var anyEnd = end is null;
            var startTime = start ?? TimeOnly.MinValue;
            var endTime = end ?? TimeOnly.MaxValue;

            // A schedule of the service itself or of one of its service_at_locations. A rule with no BYDAY
            // runs on every day only when it is DAILY.
            query = query.Where(a =>
                a.Schedules.Any(s =>
                    (anyDay || (s.ByDay == null ? s.Freq == "DAILY" : s.ByDay.Contains(day!)))
                    && (anyStart || s.OpensAt >= startTime)
                    && (anyEnd || s.ClosesAt <= endTime))
                || a.ServiceAtLocations.Any(l => l.Schedules.Any(s =>
                    (anyDay || (s.ByDay == null ? s.Freq == "DAILY" : s.ByDay.Contains(day!)))
                    && (anyStart || s.OpensAt >= startTime)
                    && (anyEnd || s.ClosesAt <= endTime))));
        }

        GeoPoint? near = null;
        if (parameters.Postcode is { } postcode)
        {
            var found = await postcodes.LookupAsync(postcode, cancellationToken);
            switch (found.Match)
            {
                case PostcodeMatch.Malformed:
                    parameters.AddError("postcode", $"'{postcode}' is not a UK postcode. Give a full postcode or a district, e.g. postcode=AV1 2AB or postcode=AV1.");
                    break;
                case PostcodeMatch.NotFound:
                    parameters.AddError("postcode", $"The postcode {found.Display} is not in Kith's postcode directory. Check it, or give its district (the part before the space).");
                    break;
                default:
                    near = found.Point;
                    break;
            }
        }

        if (!parameters.IsValid)
        {
            return null;
        }

        IReadOnlyList<Guid>? ranked = null;
        if (parameters.UsesIndex)
        {
            ranked = Rank(index, new AssetSearchCriteria
            {
                Text = parameters.Search,
                Near = near,
                RadiusKm = near is null ? null : (parameters.ProximityMetres ?? OrukParameters.DefaultProximityMetres) / 1000.0,
                PageSize = AssetSearchCriteria.MaxPageSize,
            });
        }

        return new OrukServiceQuery(query, ranked);
    }

    /// <summary>How many services match.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        Ranked is null ? await Filtered.CountAsync(cancellationToken) : (await RankedMatchesAsync(cancellationToken)).Count;

    /// <summary>The ids of one page of services, in order.</summary>
    public async Task<List<Guid>> PageAsync(int page, int perPage, CancellationToken cancellationToken)
    {
        var skip = (long)(page - 1) * perPage;
        if (Ranked is not null)
        {
            var matches = await RankedMatchesAsync(cancellationToken);
            return skip >= matches.Count ? [] : [.. matches.Skip((int)skip).Take(perPage)];
        }

        return skip > int.MaxValue
            ? []
            : await Filtered.OrderBy(a => a.Id).Skip((int)skip).Take(perPage).Select(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every matching id, in order (for ndjson).</summary>
    public async Task<List<Guid>> AllAsync(CancellationToken cancellationToken) =>
        Ranked is not null
            ? await RankedMatchesAsync(cancellationToken)
            : await Filtered.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);

    private List<Guid>? rankedMatches;

    /// <summary>The index's matches that also pass the database's filters, in the index's order.</summary>
    private async Task<List<Guid>> RankedMatchesAsync(CancellationToken cancellationToken)
    {
        if (rankedMatches is not null)
        {
            return rankedMatches;
        }

        var ranked = Ranked ?? [];
        var passing = new HashSet<Guid>();
        foreach (var chunk in ranked.Chunk(1_000))
        {
            passing.UnionWith(await Filtered.Where(a => EF.Parameter(chunk).Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken));
        }

        rankedMatches = [.. ranked.Where(passing.Contains)];
        return rankedMatches;
    }

    private static List<Guid> Rank(AssetSearchIndex index, AssetSearchCriteria criteria)
    {
        var ids = new List<Guid>();
        for (var page = 1; ids.Count < MaxRankedResults; page++)
        {
            var results = index.Search(criteria with { Page = page });
            ids.AddRange(results.Hits.Select(h => h.AssetId));
            if (page >= results.PageCount)
            {
                break;
            }
        }

        return ids.Count > MaxRankedResults ? ids.GetRange(0, MaxRankedResults) : ids;
    }
}
