namespace Kith.Core.Relationships.Insights;

/// <summary>The ties between two groups (two organisations, or two sectors): how many and how strong.</summary>
/// <param name="First">The group first in alphabetical order (or the only one, for ties inside a group).</param>
/// <param name="MeanStrength">The mean of the ties' strengths, 1–5.</param>
public sealed record GroupPair(string First, string Second, int TieCount, double MeanStrength, int MinStrength, int MaxStrength)
{
    public bool IsWithinOneGroup => string.Equals(First, Second, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One tie between two named actors, with their sectors.</summary>
public sealed record TieLine(
    Guid TieId, string FromName, string? FromSector, string ToName, string? ToSector, TieType Type, bool IsDirected, int Strength);

/// <summary>
/// A tie that stood in a snapshot and is weaker now, or gone. Ties are matched by their two actors (either way round)
/// and type, not by row, so a pair answered again in a later survey round is the same tie.
/// </summary>
/// <param name="Now">The strength now; null when no tie of that type joins the two any more.</param>
public sealed record FadedTie(Guid FromActorId, string FromName, Guid ToActorId, string ToName, TieType Type, int Before, int? Now);

/// <summary>The ties report: strongest and weakest between organisations and between sectors.</summary>
/// <param name="OrganisationPairs">Between two different organisational actors, strongest first.</param>
/// <param name="SectorPairs">Every pair of sectors with ties, including inside one sector, strongest first.</param>
/// <param name="WeakestCrossSectorTies">Single ties joining two different sectors, weakest first.</param>
/// <param name="TiesLeftOutOfOrganisations">Ties with a staff member or resident representative at one end, which the organisation table leaves out.</param>
/// <param name="TiesWithoutSector">Ties with an actor with no sector recorded at one end, which the sector tables leave out.</param>
public sealed record TiesReportView(
    int TieCount,
    IReadOnlyList<GroupPair> OrganisationPairs,
    IReadOnlyList<GroupPair> SectorPairs,
    IReadOnlyList<TieLine> WeakestCrossSectorTies,
    int TiesLeftOutOfOrganisations,
    int TiesWithoutSector)
{
    /// <summary>Pairs of two different sectors, weakest first (lowest mean, then lowest minimum, then fewest ties).</summary>
    public IReadOnlyList<GroupPair> WeakestBetweenSectors => SectorPairs
        .Where(p => !p.IsWithinOneGroup)
        .OrderBy(p => p.MeanStrength).ThenBy(p => p.MinStrength).ThenBy(p => p.TieCount)
        .ThenBy(p => p.First, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Second, StringComparer.CurrentCultureIgnoreCase)
        .ToList();

    /// <summary>Pairs of two different organisations, weakest first.</summary>
    public IReadOnlyList<GroupPair> WeakestBetweenOrganisations => OrganisationPairs
        .OrderBy(p => p.MeanStrength).ThenBy(p => p.MinStrength).ThenBy(p => p.TieCount)
        .ThenBy(p => p.First, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Second, StringComparer.CurrentCultureIgnoreCase)
        .ToList();
}

/// <summary>
/// Aggregates actor-level ties to organisations and sectors. The grouping rule, in plain words:
/// <list type="bullet">
/// <item>Organisations: organisations, teams, community groups and community assets are each their own group. A tie
/// counts when both ends are such actors; ties with a staff member or resident representative at either end are left
/// out (Kith does not guess which organisation a person belongs to) and counted in <see cref="TiesReportView.TiesLeftOutOfOrganisations"/>.</item>
/// <item>Sectors: every actor belongs to its recorded sector, compared ignoring case and spaces at the ends; ties with an
/// actor with no sector are left out and counted.</item>
/// </list>
/// Parallel ties (two types between one pair) each count once.
/// </summary>
public static class TiesReport
{
    /// <summary>How many single ties <see cref="TiesReportView.WeakestCrossSectorTies"/> lists.</summary>
    public const int WeakestTieLimit = 10;

    public static TiesReportView Of(LoadedMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var byId = map.Actors.ToDictionary(a => a.Id);
        var organisations = new Dictionary<(Guid, Guid), List<int>>();
        var sectors = new Dictionary<(string, string), List<int>>();
        var sectorNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var crossSector = new List<TieLine>();
        var leftOutOfOrganisations = 0;
        var withoutSector = 0;
        foreach (var tie in map.Ties)
        {
            var from = byId[tie.FromActorId];
            var to = byId[tie.ToActorId];
            if (IsOrganisational(from.Kind) && IsOrganisational(to.Kind))
            {
                var key = from.Id.CompareTo(to.Id) <= 0 ? (from.Id, to.Id) : (to.Id, from.Id);
                Append(organisations, key, tie.Strength);
            }
            else
            {
                leftOutOfOrganisations++;
            }

            var fromSector = Sector(from.Sector);
            var toSector = Sector(to.Sector);
            if (fromSector is null || toSector is null)
            {
                withoutSector++;
                continue;
            }

            sectorNames.TryAdd(fromSector, fromSector);
            sectorNames.TryAdd(toSector, toSector);
            var (a, b) = (sectorNames[fromSector], sectorNames[toSector]);
            var sectorKey = string.Compare(a, b, StringComparison.CurrentCultureIgnoreCase) <= 0 ? (a, b) : (b, a);
            Append(sectors, sectorKey, tie.Strength);
            if (!string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                crossSector.Add(new TieLine(tie.Id, from.Name, a, to.Name, b, tie.Type, tie.IsDirected, tie.Strength));
            }
        }

        var organisationPairs = organisations
            .Select(p => Pair(NameOf(byId[p.Key.Item1]), NameOf(byId[p.Key.Item2]), p.Value))
            .Select(p => string.Compare(p.First, p.Second, StringComparison.CurrentCultureIgnoreCase) <= 0 ? p : p with { First = p.Second, Second = p.First })
            .ToList();
        var sectorPairs = sectors.Select(p => Pair(p.Key.Item1, p.Key.Item2, p.Value)).ToList();
        var weakest = crossSector
            .OrderBy(t => t.Strength)
            .ThenBy(t => t.FromName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(t => t.ToName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(t => t.TieId)
            .Take(WeakestTieLimit)
            .ToList();
        return new TiesReportView(
            map.Ties.Count, Strongest(organisationPairs), Strongest(sectorPairs), weakest, leftOutOfOrganisations, withoutSector);
    }

    /// <summary>
    /// Ties in <paramref name="snapshot"/> that are weaker on <paramref name="map"/>, or gone, weakest-now first (gone
    /// before weakened, then by the size of the drop). Snapshot ties of types <paramref name="map"/> was not loaded with are
    /// skipped when <paramref name="types"/> is given, so a filtered view does not call everything else gone.
    /// </summary>
    public static IReadOnlyList<FadedTie> FadedSince(RelationshipSnapshot snapshot, LoadedMap map, IReadOnlyCollection<TieType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(map);
        var now = new Dictionary<(Guid, Guid, TieType), int>();
        foreach (var tie in map.Ties)
        {
            var key = Key(tie.FromActorId, tie.ToActorId, tie.Type);
            now[key] = Math.Max(now.GetValueOrDefault(key), tie.Strength);
        }

        var before = new Dictionary<(Guid, Guid, TieType), RelationshipSnapshotTie>();
        foreach (var tie in snapshot.Ties.Where(t => types is not { Count: > 0 } || types.Contains(t.Type)))
        {
            var key = Key(tie.FromActorId, tie.ToActorId, tie.Type);
            if (!before.TryGetValue(key, out var kept) || tie.Strength > kept.Strength)
            {
                before[key] = tie;
            }
        }

        var names = snapshot.Actors.ToDictionary(a => a.ActorId, a => a.Name);
        foreach (var actor in map.Actors)
        {
            names[actor.Id] = actor.Name;
        }

        var faded = new List<FadedTie>();
        foreach (var (key, tie) in before)
        {
            int? strength = now.TryGetValue(key, out var s) ? s : null;
            if (strength is null || strength < tie.Strength)
            {
                faded.Add(new FadedTie(
                    tie.FromActorId, names.GetValueOrDefault(tie.FromActorId, "An actor no longer on the map"),
                    tie.ToActorId, names.GetValueOrDefault(tie.ToActorId, "An actor no longer on the map"),
                    tie.Type, tie.Strength, strength));
            }
        }

        return faded
            .OrderBy(f => f.Now.HasValue)
            .ThenByDescending(f => f.Before - (f.Now ?? 0))
            .ThenBy(f => f.FromName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(f => f.ToName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(f => f.Type)
            .ToList();
    }

    /// <summary>Whether an actor of this kind is its own group in the organisation table.</summary>
    public static bool IsOrganisational(ActorKind kind) =>
        kind is ActorKind.Organisation or ActorKind.Team or ActorKind.CommunityGroup or ActorKind.CommunityAsset;

    private static (Guid, Guid, TieType) Key(Guid a, Guid b, TieType type) => a.CompareTo(b) <= 0 ? (a, b, type) : (b, a, type);

    private static string? Sector(string? sector) => string.IsNullOrWhiteSpace(sector) ? null : sector.Trim();

    private static string NameOf(RelationshipActor actor) => actor.Name;

    private static void Append<TKey>(Dictionary<TKey, List<int>> groups, TKey key, int strength)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(strength);
    }

    private static GroupPair Pair(string first, string second, List<int> strengths) =>
        new(first, second, strengths.Count, strengths.Average(), strengths.Min(), strengths.Max());

    private static List<GroupPair> Strongest(List<GroupPair> pairs) => pairs
        .OrderByDescending(p => p.MeanStrength).ThenByDescending(p => p.MaxStrength).ThenByDescending(p => p.TieCount)
        .ThenBy(p => p.First, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Second, StringComparer.CurrentCultureIgnoreCase)
        .ToList();
}
