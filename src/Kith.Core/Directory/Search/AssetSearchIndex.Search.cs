namespace Kith.Core.Directory.Search;

/// <summary>How one search runs: candidates from postings or the grid, exact filters, ranking, the best page kept in a bounded heap.</summary>
public sealed partial class AssetSearchIndex
{
    private AssetSearchResults Search(AssetSearchCriteria criteria, bool scan)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var snapshot = Volatile.Read(ref current);
        var pageSize = Math.Clamp(criteria.PageSize, 1, AssetSearchCriteria.MaxPageSize);
        var page = Math.Max(1, criteria.Page);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = Query.Create(criteria, snapshot);
        var order = query.Tokens.Count > 0 ? ResultOrder.Score : criteria.Near is not null ? ResultOrder.Distance : ResultOrder.Name;
        var wanted = (int)Math.Min((long)page * pageSize, Math.Max(1, snapshot.Documents.Length));
        var search = new Run(snapshot, criteria, query, Prefilter.Create(criteria), today, new TopK(wanted, order, snapshot.Documents));

        if (query.Tokens.Count > 0)
        {
            search.CollectText(scan);
        }
        else if (scan)
        {
            search.CollectAll();
        }
        else if (criteria is { Near: { } near, RadiusKm: { } radiusKm })
        {
            search.CollectAround(near, radiusKm);
        }
        else if (criteria.Near is { } point && HasNoFilters(criteria))
        {
            search.CollectNearest(point);
        }
        else
        {
            search.CollectAll();
        }

        var skip = (long)(page - 1) * pageSize;
        var ranked = search.Top.Sorted();
        var hits = skip >= ranked.Count
            ? []
            : ranked.Skip((int)skip).Take(pageSize).Select(m => ToHit(snapshot, m, criteria, query)).ToList();
        return new AssetSearchResults(hits, search.Total, page, pageSize);
    }

    private static bool HasNoFilters(AssetSearchCriteria criteria) =>
        criteria is { Kinds.Count: 0, What.Count: 0, Who.Count: 0, Age: null, Accessibility.Count: 0, FreeOnly: false, OpenAt: null, Attendance: null };

    /// <summary>
    /// The relevance of one candidate that passed every filter. The one place every factor applies, in this order:
    /// text, place (distance and coverage), freshness, standing.
    /// </summary>
    private static double Rank(double text, in DocumentColumns columns, GeoPoint? near, double? distanceMetres, AreaScope? coverage, int staleBefore)
    {
        var score = text;
        if (near is not null)
        {
            score *= PlaceFactor(distanceMetres, coverage);
        }

        return score * Freshness(columns, staleBefore) * Standing(columns);
    }

    /// <summary>
    /// The most <see cref="Rank"/> can give a document with this text score, from its packed columns alone: its
    /// freshness and standing exactly, and for place the decay at the least distance its box allows, or the local
    /// largest coverage lift (local or regional) when it has service areas.
    /// </summary>
    private static double RankBound(double text, in DocumentColumns columns, GeoPoint? near, int staleBefore)
    {
        var score = text;
        if (near is { } point)
        {
            score *= columns.HasAreas ? Math.Max(1, Math.Max(CoverageLift, RegionalCoverageLift))
                : columns.LeastDistanceMetres(point) is { } least ? Math.Exp(-least / 1000 / DistanceDecayKm)
                : UnknownDistanceFactor;
        }

        return score * Freshness(columns, staleBefore) * Standing(columns);
    }

    /// <summary>
    /// Distance decay, <c>exp(-km / 10)</c>, or 0.5 with no located place; when a service area covers the searcher,
    /// graded by the area's scope so a national helpline does not drown local groups: local softens the decay by half
    /// (1 with no place) and lifts by 1.25; regional floors it at 0.6 and lifts by 1.1; national floors it at 0.5.
    /// </summary>
    private static double PlaceFactor(double? distanceMetres, AreaScope? coverage)
    {
        var decay = distanceMetres is { } d ? Math.Exp(-d / 1000 / DistanceDecayKm) : (double?)null;
        return coverage switch
        {
            // Covering the searcher softens the distance decay by half rather than ignoring distance:
            // a town-wide walking group meeting round the corner still comes before one across town.
            AreaScope.Local => (decay is { } k ? (1 + k) / 2 : 1.0) * CoverageLift,
            AreaScope.Regional => Math.Max(decay ?? 0, RegionalPlaceFloor) * RegionalCoverageLift,
            AreaScope.National => Math.Max(decay ?? 0, NationalPlaceFloor),
            _ => decay ?? UnknownDistanceFactor,
        };
    }

    /// <summary>The day number before which a last check counts as stale: 12 months before <paramref name="today"/>.</summary>
    private static int StaleBefore(DateOnly today) => today.AddMonths(-12).DayNumber;

    /// <summary>
    /// Freshness: a listing not verified since <paramref name="staleBefore"/> (<see cref="StaleBefore"/>), or never,
    /// sinks, and one whose review is overdue sinks further.
    /// </summary>
    private static double Freshness(in DocumentColumns columns, int staleBefore) =>
        (columns.VerifiedDay == DocumentColumns.NeverVerified || columns.VerifiedDay < staleBefore ? StalePenalty : 1.0)
        * (columns.IsOverdue ? OverduePenalty : 1.0);

    /// <summary>Standing: a listing its organisation has claimed rises a little.</summary>
    private static double Standing(in DocumentColumns columns) => columns.IsClaimed ? ClaimedLift : 1.0;

    /// <summary>The best scope among the asset's service areas that contain the point, or null when none does.</summary>
    private static AreaScope? Coverage(AssetDocument document, GeoPoint near)
    {
        AreaScope? best = null;
        foreach (var area in document.Areas)
        {
            if ((best is null || area.Scope < best) && area.Contains(near))
            {
                best = area.Scope;
            }
        }

        return best;
    }

    private static bool PassesFilters(AssetDocument document, AssetSearchCriteria criteria, DateOnly today)
    {
        if (criteria.Kinds.Count > 0 && !criteria.Kinds.Contains(document.Kind))
        {
            return false;
        }

        if (criteria.What.Count > 0 && !Overlaps(criteria.What, document.TermClosure))
        {
            return false;
        }

        if (criteria.Who.Count > 0 && !Overlaps(criteria.Who, document.TermClosure))
        {
            return false;
        }

        if (criteria.Age is { } age && (age < document.MinimumAge || age > document.MaximumAge))
        {
            return false;
        }

        if (criteria.Accessibility.Count > 0)
        {
            var wanted = criteria.Accessibility.Aggregate(0, (mask, f) => mask | (1 << (int)f));
            if (!document.Locations.Any(l => (l.AccessibilityMask & wanted) == wanted))
            {
                return false;
            }
        }

        if (criteria.FreeOnly && !document.IsFree)
        {
            return false;
        }

        if (criteria.OpenAt is { } openAt && !document.IsRunningOn(openAt.Day, openAt.Time, today))
        {
            return false;
        }

        return criteria.Attendance switch
        {
            AttendanceMode.InPerson => document.HasPhysicalLocation,
            AttendanceMode.Online => document.IsOnline,
            _ => true,
        };

        static bool Overlaps(IReadOnlySet<Guid> wanted, Guid[] closure)
        {
            foreach (var id in closure)
            {
                if (wanted.Contains(id))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The distance to the nearest located place (and which place), or the first place when there is no point.</summary>
    private static (double? Metres, int Location) Nearest(AssetDocument document, GeoPoint? near)
    {
        var best = -1;
        double? bestDistance = null;
        for (var i = 0; i < document.Locations.Length; i++)
        {
            if (document.Locations[i].Point is not { } point)
            {
                if (best < 0)
                {
                    best = i;
                }

                continue;
            }

            if (near is not { } from)
            {
                return (null, i);
            }

            var distance = GeoMath.DistanceMetres(from, point);
            if (bestDistance is null || distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return (bestDistance, best);
    }

    /// <summary>BM25F of one stem in one document: field frequencies weighted and length-normalised, then saturated once.</summary>
    private static double StemScore(FieldCounts counts, in DocumentColumns columns, Snapshot snapshot, double idf, double weight)
    {
        var tf = (NameWeight * counts.Name / Norm(columns.NameLength, snapshot.AverageNameLength))
            + (TermsWeight * counts.Terms / Norm(columns.TermsLength, snapshot.AverageTermsLength))
            + (BodyWeight * counts.Body / Norm(columns.BodyLength, snapshot.AverageBodyLength));
        return weight * idf * tf * (K1 + 1) / (tf + K1);

        static double Norm(int length, double average) => 1 - B + (B * (average > 0 ? length / average : 0));
    }

    private static double Idf(Snapshot snapshot, int df) => Math.Log(1 + ((snapshot.Documents.Length - df + 0.5) / (df + 0.5)));

    private AssetHit ToHit(Snapshot snapshot, Candidate match, AssetSearchCriteria criteria, Query query)
    {
        var document = snapshot.Documents[match.Ordinal];
        var location = match.Location >= 0 ? document.Locations[match.Location] : null;
        return new AssetHit(
            document.Id,
            document.Name,
            document.Summary,
            document.Kind,
            document.OrganizationName,
            location?.PlaceName,
            location?.Point ?? document.Locations.Select(l => l.Point).FirstOrDefault(p => p is not null),
            match.HasDistance ? match.Distance : null,
            document.IsFree,
            document.IsOnline,
            document.LastVerifiedOn,
            Math.Round(match.Score, 6),
            Reasons(snapshot, document, match, criteria, query),
            document.ReviewOverdueSince,
            document.CreatedAt);
    }

    private static List<string> Reasons(Snapshot snapshot, AssetDocument document, Candidate match, AssetSearchCriteria criteria, Query query)
    {
        var reasons = new List<string>();
        var termNames = new List<string>();
        foreach (var token in query.Tokens)
        {
            var stems = token.Stems.Where(s => snapshot.CountsOf(s.StemId, match.Ordinal) is not null).ToList();
            if (stems.Count == 0)
            {
                continue;
            }

            if (stems.TrueForAll(s => s.Correction is not null))
            {
                reasons.Add($"matched \"{stems[0].Correction}\" for \"{token.Surface}\"");
                continue;
            }

            var counts = stems.Select(s => FieldCounts.Unpack(snapshot.CountsOf(s.StemId, match.Ordinal) ?? 0)).ToList();
            if (counts.Exists(c => c.Name > 0))
            {
                reasons.Add($"matches \"{token.Surface}\" in the name");
            }
            else if (counts.Exists(c => c.Terms > 0))
            {
                var term = document.Terms.Where(t => stems.Exists(s => t.Stems.Contains(s.StemId))).OrderByDescending(t => t.Direct).First();
                termNames.Add(term.Name);
            }
            else
            {
                reasons.Add($"matches \"{token.Surface}\" in the description");
            }
        }

        // A term chosen as a filter may match through a narrower one the asset carries: name the one it carries.
        foreach (var term in document.Terms.Where(t => t.Direct && (criteria.What.Overlaps(t.Lineage) || criteria.Who.Overlaps(t.Lineage))))
        {
            termNames.Add(term.Name);
        }

        reasons.AddRange(termNames.Distinct(StringComparer.Ordinal).Select(n => $"\"{n}\""));

        if (criteria.Near is not null)
        {
            reasons.AddRange(DescribePlace(document, match));
        }

        if (criteria.FreeOnly && document.IsFree)
        {
            reasons.Add("free");
        }

        reasons.AddRange(criteria.Accessibility.OrderBy(f => f).Select(AccessibilityFeatureNames.InSentence));

        if (criteria.OpenAt is { } openAt)
        {
            reasons.Add(openAt.Time is { } time
                ? string.Create(Invariant, $"open {openAt.Day} at {time:HH:mm}")
                : $"open {openAt.Day}");
        }

        if (criteria.Attendance == AttendanceMode.Online && document.IsOnline)
        {
            reasons.Add("online");
        }
        else if (criteria.Attendance == AttendanceMode.InPerson)
        {
            reasons.Add("in person");
        }

        if (criteria.Age is not null && DescribeAges(document.MinimumAge, document.MaximumAge) is { } ages)
        {
            reasons.Add(ages);
        }

        return reasons;
    }

    /// <summary>
    /// Where the result is from the searcher, always said when there is a point: "1.2 km away"; "covers your area"
    /// then "nearest place 14.0 km away" when a service area covers them; "covers the whole UK" for a national area;
    /// "online, no need to travel" or "no address given" when there is nowhere to measure to.
    /// </summary>
    private static IEnumerable<string> DescribePlace(AssetDocument document, Candidate match)
    {
        if (match.Coverage is { } scope)
        {
            yield return scope == AreaScope.National ? "covers the whole UK" : "covers your area";
            if (match.HasDistance)
            {
                yield return $"nearest place {DescribeDistance(match.Distance)}";
            }
        }
        else if (match.HasDistance)
        {
            yield return DescribeDistance(match.Distance);
        }
        else
        {
            yield return document.IsOnline ? "online, no need to travel" : "no address given";
        }
    }

    /// <summary>Which way the results are sorted.</summary>
    private enum ResultOrder
    {
        /// <summary>Best score first (there is text).</summary>
        Score,

        /// <summary>Nearest first (a point, no text).</summary>
        Distance,

        /// <summary>By name (neither).</summary>
        Name,
    }

    /// <summary>One result being ranked: a document ordinal with its score, distance, nearest place and coverage.</summary>
    private readonly record struct Candidate(int Ordinal, double Score, double Distance, bool HasDistance, int Location, AreaScope? Coverage);

    /// <summary>
    /// What a filter can decide from one document's packed columns, before its full record is read:
    /// a necessary (never sufficient) test, so the exact checks then run on few documents.
    /// </summary>
    /// <param name="IsExact">
    /// Whether admitting a document is the whole of the filters (no term, age, accessibility, time or radius test
    /// left for the full record), so a document admitted here matches.
    /// </param>
    private readonly record struct Prefilter(int Kinds, bool FreeOnly, int Day, int Accessibility, ulong What, ulong Who, bool InPerson, bool Online, Box? Box, bool IsExact)
    {
        public static Prefilter Create(AssetSearchCriteria criteria)
        {
            var kinds = criteria.Kinds.Count == 0 ? -1 : criteria.Kinds.Aggregate(0, (mask, k) => mask | (1 << (int)k));
            var day = criteria.OpenAt is { } openAt ? 1 << (int)openAt.Day : 0;
            var accessibility = criteria.Accessibility.Aggregate(0, (mask, f) => mask | (1 << (int)f));
            Box? box = criteria is { Near: { } near, RadiusKm: { } radiusKm } ? global::Kith.Core.Directory.Search.Box.Around(near, radiusKm) : null;
            var exact = criteria is { What.Count: 0, Who.Count: 0, Age: null, Accessibility.Count: 0, OpenAt: null, RadiusKm: null };
            return new Prefilter(
                kinds, criteria.FreeOnly, day, accessibility, Signature(criteria.What), Signature(criteria.Who),
                criteria.Attendance == AttendanceMode.InPerson, criteria.Attendance == AttendanceMode.Online, box, exact);

            // Any of the wanted terms will do, so a document needs any one of their bits; none wanted needs nothing.
            static ulong Signature(IReadOnlySet<Guid> terms) => terms.Aggregate(0UL, (mask, term) => mask | DocumentColumns.TermBit(term));
        }

        public bool Admits(in DocumentColumns columns)
        {
            if ((Kinds & columns.KindBit) == 0
                || (FreeOnly && !columns.IsFree)
                || (columns.DayMask & Day) != Day
                || (columns.AccessibilityMask & Accessibility) != Accessibility
                || (What != 0 && (columns.TermSignature & What) == 0)
                || (Who != 0 && (columns.TermSignature & Who) == 0)
                || (InPerson && !columns.HasPhysicalLocation)
                || (Online && !columns.IsOnline))
            {
                return false;
            }

            // Outside the radius's box, only a service area (or being online-only when online was asked for) can still admit it.
            return Box is not { } box || columns.HasAreas || (Online && columns.IsOnline) || columns.BoundsIntersect(box);
        }
    }

    /// <summary>A query word, with the stems it matches: its own at full weight, for the last word the words it begins, and when neither is indexed, corrections of a typo.</summary>
    private sealed record QueryToken(string Surface, List<QueryStem> Stems);

    /// <param name="Correction">The indexed word this stem was found through when it corrects a typo; null otherwise.</param>
    private readonly record struct QueryStem(int StemId, double Weight, string? Correction);

    private sealed record Query(IReadOnlyList<QueryToken> Tokens)
    {
        public static Query Create(AssetSearchCriteria criteria, Snapshot snapshot)
        {
            var tokens = SearchText.QueryTokens(criteria.Text);
            var result = new List<QueryToken>(tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                var stems = new List<QueryStem>();
                if (snapshot.Vocabulary.TryGetId(tokens[i].Stem, out var own) && snapshot.DocumentFrequency(own) > 0)
                {
                    stems.Add(new QueryStem(own, 1.0, null));
                }

                if (i == tokens.Count - 1 && tokens[i].Surface.Length >= 2)
                {
                    foreach (var stem in snapshot.StemsStartingWith(tokens[i].Surface, MaxPrefixExpansions))
                    {
                        if (!stems.Exists(s => s.StemId == stem))
                        {
                            stems.Add(new QueryStem(stem, PrefixWeight, null));
                        }
                    }
                }

                if (stems.Count == 0)
                {
                    foreach (var (word, stem) in snapshot.Typos.Corrections(tokens[i].Surface))
                    {
                        if (snapshot.DocumentFrequency(stem) > 0 && !stems.Exists(s => s.StemId == stem))
                        {
                            stems.Add(new QueryStem(stem, TypoWeight, word));
                        }
                    }
                }

                result.Add(new QueryToken(tokens[i].Surface, stems));
            }

            return new Query(result);
        }
    }
}
