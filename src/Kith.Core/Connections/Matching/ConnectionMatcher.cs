using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.Matching;

/// <summary>One community asset suggested for a person, with why it fits and what does not, in plain words.</summary>
/// <param name="DistanceMetres">From the person's home postcode to the asset's nearest place, when both are known.</param>
/// <param name="Score">The points of docs/adr/0018 (higher is better), after <paramref name="Misfits"/>.</param>
/// <param name="Misfits">How many things rule the asset out for the person as it stands: access needs not met, cost over their limit. Fewer always ranks first.</param>
/// <param name="Fits">E.g. "matches 'gardening' from strengths", "1.2 km away", "Tuesday mornings, when you said you're free", "free", "step-free access".</param>
/// <param name="DoesNotFit">E.g. "no step-free access listed", "£8.00 a session, more than the £5.00 you said you can pay".</param>
public sealed record Suggestion(
    Guid AssetId,
    string Name,
    string? Summary,
    string? OrganizationName,
    string? PlaceName,
    double? DistanceMetres,
    IntroductionPolicy IntroductionPolicy,
    int Misfits,
    double Score,
    IReadOnlyList<string> Fits,
    IReadOnlyList<string> DoesNotFit);

/// <summary>The suggestions for one person, best first.</summary>
/// <param name="HomeKnown">False when the person has no home postcode Kith can place: distance then plays no part.</param>
/// <param name="RadiusKm">How far from home candidates were looked for.</param>
/// <param name="CandidatesConsidered">How many assets were scored, after excluding dismissed and already-connected ones.</param>
public sealed record SuggestionResults(IReadOnlyList<Suggestion> Suggestions, bool HomeKnown, double RadiusKm, int CandidatesConsidered);

/// <summary>
/// Ranks community assets for one person (docs/adr/0018-connections-lifecycle-and-matching.md). Candidates come
/// from the directory search index: one search per strength or goal and one of the nearest, within the distance
/// the person will travel of home; assets they are connected with, have in their network, or dismissed are left
/// out. Each candidate is then scored from its record with fixed points, so the same data always gives the same
/// order. Every call is audited as a read of the person's record.
/// </summary>
public sealed class ConnectionMatcher(KithDbContext db, AssetSearchIndex index, PostcodeService postcodes, PersonAccessService access, TimeProvider clock)
{
    /// <summary>How far from home to look when the person has not said how far they will travel, in kilometres.</summary>
    public const double DefaultTravelKm = 5;

    /// <summary>Candidates taken from the index for each strength or goal.</summary>
    public const int CandidatesPerInterest = 30;

    /// <summary>Candidates taken from the index by distance alone.</summary>
    public const int NearestCandidates = 50;

    /// <summary>At most this many strengths and goals (newest first) each get their own search.</summary>
    public const int MaxInterests = 12;

    /// <summary>Points for a strength or goal whose every keyword the asset matches; fewer keywords earn their share.</summary>
    public const double InterestPoints = 10;

    /// <summary>The most points interests can add up to.</summary>
    public const double InterestCap = 30;

    /// <summary>Points at distance 0, decaying by <c>exp(-km / 5)</c>.</summary>
    public const double DistancePoints = 10;

    /// <summary>The distance (km) at which distance points fall to 1/e.</summary>
    public const double DistanceDecayKm = 5;

    /// <summary>Points for an asset with no place to measure to (online only, or not located).</summary>
    public const double UnknownDistancePoints = 3;

    /// <summary>Points taken off when the asset's place is further than the person said they would travel.</summary>
    public const double BeyondTravelPenalty = 5;

    /// <summary>Points when the asset runs at a time the person said they are free; taken off when its known times never are.</summary>
    public const double TimePoints = 8;

    /// <summary>Points for a free asset.</summary>
    public const double FreePoints = 4;

    /// <summary>Points taken off when the cheapest option costs more than the person's limit (also a misfit).</summary>
    public const double OverCostPenalty = 10;

    /// <summary>Points taken off for each access need no place of the asset meets (also a misfit each).</summary>
    public const double AccessPenalty = 15;

    /// <summary>Points when the asset works in the person's preferred language (other than English); taken off when it lists languages without it.</summary>
    public const double LanguagePoints = 5;

    /// <summary>Points when the asset asks for volunteers and the person has gifts they could share.</summary>
    public const double VolunteerPoints = 3;

    /// <summary>Access features about a venue: an asset with no venue (online only) is not marked down for lacking them.</summary>
    private static readonly HashSet<AccessibilityFeature> VenueFeatures =
    [
        AccessibilityFeature.StepFreeAccess, AccessibilityFeature.AccessibleToilet, AccessibilityFeature.BlueBadgeParking,
        AccessibilityFeature.ChangingPlaces, AccessibilityFeature.QuietSpace, AccessibilityFeature.HearingLoop, AccessibilityFeature.AssistanceDogsWelcome,
    ];

    private static readonly DayOfWeek[] WeekFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The best <paramref name="count"/> suggestions for the person, or null when there is no such person; audited as a read unless <paramref name="audit"/> says it was.</summary>
    public async Task<SuggestionResults?> SuggestAsync(
        Guid personId, ProcessContext context, int count = 10, ReadAudit audit = ReadAudit.Write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A dozen small queries follow: one connection for all of them rather than one each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SuggestOpenAsync(personId, context, count, audit, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SuggestionResults?> SuggestOpenAsync(Guid personId, ProcessContext context, int count, ReadAudit audit, CancellationToken cancellationToken)
    {
        var profile = await LoadProfileAsync(personId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var home = string.IsNullOrWhiteSpace(profile.Postcode) ? null : (await postcodes.LookupAsync(profile.Postcode, cancellationToken)).Point;
        var radius = Math.Clamp(profile.Preferences?.TravelKm ?? DefaultTravelKm, 0.1, AssetSearchCriteria.MaxRadiusKm);
        var hits = Candidates(profile, home, radius);
        foreach (var excluded in profile.Excluded)
        {
            hits.Remove(excluded);
        }

        var details = await LoadCandidatesAsync(hits.Keys, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ranked = details
            .Select(d => Score(profile, d, hits[d.Id], home is null ? null : radius, today))
            .OrderBy(s => s.Misfits)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.DistanceMetres ?? double.MaxValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.AssetId)
            .Take(Math.Max(0, count))
            .ToList();
        if (audit == ReadAudit.Write)
        {
            await access.AddEventAsync(personId, AuditActions.Viewed, "suggestions", context, cancellationToken);
        }

        return new SuggestionResults(ranked, home is not null, radius, details.Count);
    }

    /// <summary>Scores one candidate for the profile; pure, so the rules can be read (and tested) one by one.</summary>
    internal static Suggestion Score(MatchProfile profile, CandidateAsset asset, AssetHit hit, double? travelKm, DateOnly today)
    {
        var fits = new List<string>();
        var misses = new List<string>();
        var score = 0.0;
        var misfits = 0;

        // Interests: strengths and goals whose keywords the asset's words match.
        var interestPoints = 0.0;
        foreach (var interest in profile.Interests)
        {
            var matched = interest.Keywords.Where(k => InterestWords.Matches(k, asset.Stems)).ToList();
            if (matched.Count == 0)
            {
                continue;
            }

            interestPoints += InterestPoints * matched.Count / interest.Keywords.Count;
            var quoted = interest.Words.Length <= 40 ? interest.Words : string.Join(' ', matched);
            fits.Add(interest.Source == InterestSource.Gift
                ? $"could share '{quoted}' (a gift): a chance to volunteer"
                : $"matches '{quoted}' from {SourceWords(interest.Source)}");
        }

        score += Math.Min(interestPoints, InterestCap);
        if (asset.AsksForVolunteers && profile.Interests.Any(i => i.Source == InterestSource.Gift))
        {
            score += VolunteerPoints;
            fits.Add("welcomes volunteers, and they have gifts to share");
        }

        // Place.
        if (hit.DistanceMetres is { } metres)
        {
            score += DistancePoints * Math.Exp(-metres / 1000 / DistanceDecayKm);
            var distance = AssetSearchIndex.DescribeDistance(metres);
            if (travelKm is { } limit && metres / 1000 > limit)
            {
                score -= BeyondTravelPenalty;
                misses.Add(string.Create(Invariant, $"{distance}, further than the {limit:0.#} km they would travel"));
            }
            else
            {
                fits.Add(distance);
            }
        }
        else
        {
            score += UnknownDistancePoints;
            if (hit.IsOnline)
            {
                fits.Add("online");
            }
        }

        // Times.
        if (profile.Preferences is { FreeTimes.IsEmpty: false } preferences)
        {
            var schedules = asset.Schedules.Where(s => s.Schedule.ValidTo is null || s.Schedule.ValidTo >= today).ToList();
            var readable = schedules.Where(s => s.Rule.DayMask != 0).ToList();
            if (readable.Count == 0)
            {
                misses.Add("no times listed");
            }
            else if (FreeSlot(readable, preferences.FreeTimes) is { } slot)
            {
                score += TimePoints;
                fits.Add($"{slot}, when they said they're free");
            }
            else
            {
                score -= TimePoints;
                misses.Add($"runs {OpeningTimes.Describe(readable[0].Schedule)}: not when they said they're free");
            }
        }

        // Cost.
        if (asset.CheapestAmount is not { } cheapest)
        {
            score += FreePoints;
            fits.Add("free");
        }
        else if (profile.Preferences?.CostLimit is { } costLimit)
        {
            if (cheapest > costLimit)
            {
                score -= OverCostPenalty;
                misfits++;
                misses.Add(costLimit == 0
                    ? string.Create(Invariant, $"costs £{cheapest:0.00}; they said free things only")
                    : string.Create(Invariant, $"£{cheapest:0.00} a session, more than the £{costLimit:0.00} they can pay"));
            }
            else
            {
                fits.Add(string.Create(Invariant, $"£{cheapest:0.00} a session, within what they can pay"));
            }
        }

        // Access: the asset's best place for the person's needs.
        var needs = profile.Preferences?.AccessNeeds ?? [];
        if (needs.Count > 0)
        {
            var applicable = asset.PlaceFeatures.Count == 0 ? needs.Where(n => !VenueFeatures.Contains(n)).ToList() : [.. needs];
            var best = asset.PlaceFeatures.Count == 0
                ? 0
                : asset.PlaceFeatures.OrderByDescending(mask => applicable.Count(n => (mask & (1 << (int)n)) != 0)).First();
            foreach (var need in applicable)
            {
                if ((best & (1 << (int)need)) != 0)
                {
                    fits.Add(AccessibilityFeatureNames.InSentence(need));
                }
                else
                {
                    score -= AccessPenalty;
                    misfits++;
                    misses.Add($"no {AccessibilityFeatureNames.InSentence(need)} listed");
                }
            }
        }

        // Language.
        if (profile.Language is { } language)
        {
            if (asset.Languages.Any(l => SameLanguage(l, language)))
            {
                score += LanguagePoints;
                fits.Add($"in {language}");
            }
            else if (asset.Languages.Count > 0)
            {
                score -= LanguagePoints;
                misses.Add($"{language} not listed");
            }
        }

        // Age: the index has left out assets whose range excludes the person; say so when there is a range.
        if (AssetSearchIndex.DescribeAges(asset.MinimumAge, asset.MaximumAge) is { } ages && profile.Age is not null)
        {
            fits.Add(ages);
        }

        return new Suggestion(
            asset.Id, asset.Name, hit.Summary, hit.OrganizationName, hit.PlaceName, hit.DistanceMetres, asset.IntroductionPolicy,
            misfits, Math.Round(score, 6), fits, misses);
    }

    /// <summary>The first part of the week (Monday first, morning first) the person is free and some schedule runs; null when none.</summary>
    private static string? FreeSlot(List<CandidateSchedule> schedules, FreeTimes free)
    {
        foreach (var day in WeekFromMonday)
        {
            var running = schedules.Where(s => s.Rule.IsRunningOn(day, null)).Select(s => s.Schedule).ToList();
            if (running.Count == 0)
            {
                continue;
            }

            foreach (var part in Enum.GetValues<DayPart>())
            {
                if (!free.IsFree(day, part))
                {
                    continue;
                }

                var (starts, ends) = FreeTimes.Bounds(part);
                foreach (var schedule in running)
                {
                    if (schedule is { OpensAt: { } opens, ClosesAt: { } closes })
                    {
                        var overlaps = closes > opens ? opens < ends && closes > starts : opens < ends || closes > starts;
                        if (overlaps)
                        {
                            return FreeTimes.Describe(day, part);
                        }
                    }
                    else if (schedule.OpensAt is { } only ? only >= starts && only < ends : true)
                    {
                        // No closing time: the opening time decides; no times at all: the day does.
                        return schedule.OpensAt is null ? $"on {day}s" : FreeTimes.Describe(day, part);
                    }
                }
            }
        }

        return null;
    }

    private static bool SameLanguage(Language offered, string wanted) =>
        string.Equals(offered.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase)
        || (offered.Code is { } code && string.Equals(code.Trim(), wanted, StringComparison.OrdinalIgnoreCase));

    private static string SourceWords(InterestSource source) => source == InterestSource.Goal ? "goals" : "strengths";

    private Dictionary<Guid, AssetHit> Candidates(MatchProfile profile, GeoPoint? home, double radius)
    {
        var basis = new AssetSearchCriteria { Near = home, RadiusKm = home is null ? null : radius, Age = profile.Age };
        var hits = new Dictionary<Guid, AssetHit>();
        void Take(AssetSearchCriteria criteria)
        {
            foreach (var hit in index.Search(criteria).Hits)
            {
                hits.TryAdd(hit.AssetId, hit);
            }
        }

        foreach (var interest in profile.Interests.Take(MaxInterests))
        {
            Take(basis with { Text = interest.QueryText, PageSize = CandidatesPerInterest });
        }

        if (home is not null)
        {
            Take(basis with { PageSize = NearestCandidates });
        }

        return hits;
    }

    private async Task<MatchProfile?> LoadProfileAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.Postcode, p.DateOfBirth, p.PreferredLanguage })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var preferences = await db.ConnectingPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        var strengths = await db.Strengths.AsNoTracking()
            .Where(s => s.PersonId == personId && s.RemovedAt == null
                && (s.Category == StrengthCategory.PassionOrInterest || s.Category == StrengthCategory.Skill
                    || s.Category == StrengthCategory.Knowledge || s.Category == StrengthCategory.Gift))
            .Select(s => new { s.Words, s.Category, s.RecordedAt, s.Id })
            .ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.PersonId == personId && g.Status == GoalStatus.Active)
            .Select(g => new { g.Words, g.CreatedAt, g.Id })
            .ToListAsync(cancellationToken);
        var interests = strengths
            .Select(s => (Interest: new Interest(s.Words, s.Category == StrengthCategory.Gift ? InterestSource.Gift : InterestSource.Strength, InterestWords.Keywords(s.Words)), At: s.RecordedAt, s.Id))
            .Concat(goals.Select(g => (Interest: new Interest(g.Words, InterestSource.Goal, InterestWords.Keywords(g.Words)), At: g.CreatedAt, g.Id)))
            .Where(x => x.Interest.Keywords.Count > 0)
            .OrderByDescending(x => x.At).ThenBy(x => x.Id)
            .Select(x => x.Interest)
            .ToList();

        var excluded = new HashSet<Guid>();
        excluded.UnionWith(await db.Connections.AsNoTracking().Where(c => c.PersonId == personId).Select(c => c.CommunityAssetId).ToListAsync(cancellationToken));
        excluded.UnionWith(await db.ConnectionDismissals.AsNoTracking().Where(d => d.PersonId == personId).Select(d => d.CommunityAssetId).ToListAsync(cancellationToken));
        excluded.UnionWith(await db.NetworkTies.AsNoTracking()
            .Where(t => t.PersonId == personId && t.CommunityAssetId != null && t.EndedOn == null)
            .Select(t => t.CommunityAssetId!.Value)
            .ToListAsync(cancellationToken));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        int? age = person.DateOfBirth is { } born ? today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0) : null;
        var language = string.IsNullOrWhiteSpace(person.PreferredLanguage) || string.Equals(person.PreferredLanguage.Trim(), "English", StringComparison.OrdinalIgnoreCase)
            ? null
            : person.PreferredLanguage.Trim();
        return new MatchProfile(person.Postcode, age, language, preferences, interests, excluded);
    }

    /// <summary>
    /// Reads what scoring needs of each candidate in seven narrow queries, each taking the whole id list as one
    /// parameter, rather than an entity graph: the matcher's cost was the graph's nine ordered split queries and
    /// their fix-up (docs/benchmarks.md, "Ranking suggestions for one person").
    /// </summary>
    private async Task<List<CandidateAsset>> LoadCandidatesAsync(IEnumerable<Guid> assetIds, CancellationToken cancellationToken)
    {
        // One parameter for each whole list: EF Core 10 otherwise binds each id on its own, and SQLite finds parameters by name.
        var ids = assetIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var assets = await db.CommunityAssets.AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.AlternateName, a.Description, a.HowToGetInvolved, a.IntroductionPolicy, a.MinimumAge, a.MaximumAge })
            .ToListAsync(cancellationToken);
        var links = await db.ServiceAtLocations.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.ServiceId))
            .Select(s => new { s.ServiceId, s.Id, s.LocationId, s.Location!.LocationType })
            .ToListAsync(cancellationToken);
        var linkIds = links.Select(l => l.Id).ToList();
        var locationIds = links.Select(l => l.LocationId).Distinct().ToList();
        var features = await db.AccessibilityFeatures.AsNoTracking()
            .Where(x => EF.Parameter(locationIds).Contains(x.LocationId))
            .Select(x => new { x.LocationId, x.Feature })
            .ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => (s.ServiceId != null && EF.Parameter(ids).Contains(s.ServiceId.Value))
                || (s.ServiceAtLocationId != null && EF.Parameter(linkIds).Contains(s.ServiceAtLocationId.Value))
                || (s.LocationId != null && EF.Parameter(locationIds).Contains(s.LocationId.Value)))
            .ToListAsync(cancellationToken);
        var costs = await db.CostOptions.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.ServiceId) && c.Amount > 0m)
            .Select(c => new { c.ServiceId, Amount = c.Amount!.Value })
            .ToListAsync(cancellationToken);
        var languages = await db.Languages.AsNoTracking()
            .Where(l => (l.ServiceId != null && EF.Parameter(ids).Contains(l.ServiceId.Value)) || (l.LocationId != null && EF.Parameter(locationIds).Contains(l.LocationId.Value)))
            .ToListAsync(cancellationToken);
        var terms = await db.AssetTaxonomyTerms.AsNoTracking()
            .Where(t => EF.Parameter(ids).Contains(t.ServiceId))
            .Select(t => new { t.ServiceId, t.TaxonomyTerm!.Name })
            .ToListAsync(cancellationToken);

        var linksOf = links.OrderBy(l => l.Id).ToLookup(l => l.ServiceId);
        var featuresOf = features.ToLookup(x => x.LocationId, x => x.Feature);
        var schedulesOfAsset = schedules.Where(s => s.ServiceId is not null).ToLookup(s => s.ServiceId!.Value);
        var schedulesOfLink = schedules.Where(s => s.ServiceAtLocationId is not null).ToLookup(s => s.ServiceAtLocationId!.Value);
        var schedulesOfLocation = schedules.Where(s => s.LocationId is not null).ToLookup(s => s.LocationId!.Value);
        var cheapest = costs.GroupBy(c => c.ServiceId).ToDictionary(g => g.Key, g => g.Min(c => c.Amount));
        var languagesOfAsset = languages.Where(l => l.ServiceId is not null).ToLookup(l => l.ServiceId!.Value);
        var languagesOfLocation = languages.Where(l => l.LocationId is not null).ToLookup(l => l.LocationId!.Value);
        var termsOf = terms.ToLookup(t => t.ServiceId, t => t.Name);

        return assets.Select(a =>
        {
            var assetLinks = linksOf[a.Id].ToList();
            var texts = new[] { a.Name, a.AlternateName, a.Description, a.HowToGetInvolved }.Concat(termsOf[a.Id]).ToList();
            var assetSchedules = schedulesOfAsset[a.Id]
                .Concat(assetLinks.SelectMany(l => schedulesOfLink[l.Id]))
                .Concat(assetLinks.SelectMany(l => schedulesOfLocation[l.LocationId]))
                .DistinctBy(s => s.Id)
                .OrderBy(s => s.Id)
                .Select(s => new CandidateSchedule(s, OpeningTimes.ScheduleRule.From(s)))
                .ToList();
            return new CandidateAsset(
                a.Id,
                a.Name,
                a.IntroductionPolicy,
                InterestWords.StemsOf(texts),
                InterestWords.StemsOf([a.HowToGetInvolved, a.Description]).Any(s => s.StartsWith("volunt", StringComparison.Ordinal)),
                assetSchedules,
                cheapest.TryGetValue(a.Id, out var amount) ? amount : null,
                assetLinks.Where(l => l.LocationType == LocationType.Physical).Select(l => featuresOf[l.LocationId].Aggregate(0, (mask, f) => mask | (1 << (int)f))).ToList(),
                [.. languagesOfAsset[a.Id], .. assetLinks.SelectMany(l => languagesOfLocation[l.LocationId])],
                a.MinimumAge,
                a.MaximumAge);
        }).ToList();
    }
}

/// <summary>Where a person's interest came from.</summary>
internal enum InterestSource
{
    Strength,
    Gift,
    Goal,
}

/// <summary>A strength or goal in the person's words, with its keywords.</summary>
internal sealed record Interest(string Words, InterestSource Source, IReadOnlyList<string> Keywords)
{
    public string QueryText => InterestWords.QueryText(Words);
}

/// <summary>What the matcher knows of the person.</summary>
/// <param name="Language">Their preferred language when it is not English; null otherwise.</param>
internal sealed record MatchProfile(
    string? Postcode, int? Age, string? Language, ConnectingPreferences? Preferences, IReadOnlyList<Interest> Interests, IReadOnlySet<Guid> Excluded);

/// <summary>What the matcher reads of one candidate asset.</summary>
/// <param name="CheapestAmount">The lowest positive amount among its cost options, in pounds; null when it is free.</param>
/// <param name="PlaceFeatures">For each physical place, its accessibility features as a bit mask.</param>
internal sealed record CandidateAsset(
    Guid Id,
    string Name,
    IntroductionPolicy IntroductionPolicy,
    HashSet<string> Stems,
    bool AsksForVolunteers,
    IReadOnlyList<CandidateSchedule> Schedules,
    decimal? CheapestAmount,
    IReadOnlyList<int> PlaceFeatures,
    IReadOnlyList<Language> Languages,
    int? MinimumAge,
    int? MaximumAge);

/// <summary>A candidate's schedule with its rule parsed once, since scoring asks it about every weekday.</summary>
internal sealed record CandidateSchedule(Schedule Schedule, OpeningTimes.ScheduleRule Rule);
