using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships;

/// <summary>Which part of the map to load: ties holding on a day, of some types, at least so strong, among actors of some sectors.</summary>
/// <param name="On">The day ties must hold on (<see cref="RelationshipTie.HoldsOn"/>); null for today.</param>
/// <param name="Types">Tie types to keep; null or empty for all.</param>
/// <param name="Sectors">Actors' sectors to keep (ignoring case); null or empty for all. Actors with no sector are kept only when this is empty.</param>
/// <param name="MinimumStrength">Ties weaker than this (1–5) are left out.</param>
public sealed record MapFilter(
    DateOnly? On = null,
    IReadOnlyCollection<TieType>? Types = null,
    IReadOnlyCollection<string>? Sectors = null,
    int MinimumStrength = 1);

/// <summary>
/// The map as loaded: the actors (node <c>i</c> of <see cref="Graph"/> is <c>Actors[i]</c>), the ties kept, and the graph
/// built from them (tie strength as weight, one-way ties as arcs).
/// </summary>
public sealed class LoadedMap
{
    private readonly Dictionary<Guid, int> index;

    internal LoadedMap(DateOnly on, IReadOnlyList<RelationshipActor> actors, IReadOnlyList<RelationshipTie> ties)
    {
        On = on;
        Actors = actors;
        Ties = ties;
        index = new Dictionary<Guid, int>(actors.Count);
        for (var i = 0; i < actors.Count; i++)
        {
            index[actors[i].Id] = i;
        }

        var builder = new GraphBuilder(actors.Count);
        foreach (var tie in ties)
        {
            builder.AddTie(index[tie.FromActorId], index[tie.ToActorId], tie.Strength, tie.IsDirected);
        }

        Graph = builder.Build();
    }

    public DateOnly On { get; }

    public IReadOnlyList<RelationshipActor> Actors { get; }

    public IReadOnlyList<RelationshipTie> Ties { get; }

    public Graph Graph { get; }

    /// <summary>The node number of an actor, or −1 when the actor is not on this map.</summary>
    public int IndexOf(Guid actorId) => index.TryGetValue(actorId, out var i) ? i : -1;
}

/// <summary>A loaded map and every metric on it.</summary>
public sealed record MapAnalysis(LoadedMap Map, NetworkMetrics Metrics);

/// <summary>
/// Loads the relationship map from the database into a <see cref="Graph"/>, runs the metrics and keeps dated
/// snapshots. Identifiable people (staff members, resident representatives) are on the map only once they have
/// agreed to be. Loading does not audit: a page that shows the map records the look with <see cref="RecordViewAsync"/>.
/// </summary>
public sealed class RelationshipAnalysisService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The entity type of "viewed" audit events for looks at the map.</summary>
    public const string ViewedEntityType = "RelationshipMap";

    /// <summary>Records that someone looked at a part of the map ("map", "round-table", "ties"), in one audit event.</summary>
    public async Task RecordViewAsync(string part, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = AuditActions.Viewed,
            EntityType = ViewedEntityType,
            EntityId = part,
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LoadedMap> LoadAsync(MapFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var on = filter.On ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actors = await db.RelationshipActors.AsNoTracking()
            .Where(a => a.ArchivedAt == null)
            .Where(a => a.AgreedToMappingAt != null || (a.Kind != ActorKind.StaffMember && a.Kind != ActorKind.ResidentRepresentative))
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (filter.Sectors is { Count: > 0 } sectors)
        {
            var wanted = new HashSet<string>(sectors.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
            actors = actors.Where(a => a.Sector is not null && wanted.Contains(a.Sector.Trim())).ToList();
        }

        var kept = actors.Select(a => a.Id).ToHashSet();
        var query = db.RelationshipTies.AsNoTracking().Where(t => t.Strength >= filter.MinimumStrength);
        if (filter.Types is { Count: > 0 } types)
        {
            var typeList = types.ToList();
            query = query.Where(t => typeList.Contains(t.Type));
        }

        var ties = (await query.ToListAsync(cancellationToken))
            .Where(t => t.HoldsOn(on) && kept.Contains(t.FromActorId) && kept.Contains(t.ToActorId))
            .OrderBy(t => t.Id)
            .ToList();
        return new LoadedMap(on, actors, ties);
    }

    public async Task<MapAnalysis> AnalyseAsync(MapFilter filter, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        var map = await LoadAsync(filter, cancellationToken);
        return new MapAnalysis(map, NetworkAnalysis.Run(map.Graph, options));
    }

    /// <summary>The snapshots, newest first, without their rows.</summary>
    public Task<List<RelationshipSnapshot>> SnapshotsAsync(CancellationToken cancellationToken = default) =>
        db.RelationshipSnapshots.AsNoTracking().OrderByDescending(s => s.TakenAt).ToListAsync(cancellationToken);

    /// <summary>One snapshot with its actors and ties, or null.</summary>
    public Task<RelationshipSnapshot?> SnapshotAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.RelationshipSnapshots.AsNoTracking().Include(s => s.Actors).Include(s => s.Ties).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Computes every metric on the whole map as it holds on <paramref name="on"/> (today when null) and saves it as a snapshot.</summary>
    /// <exception cref="ArgumentException">The label is blank or too long.</exception>
    public async Task<RelationshipSnapshot> TakeSnapshotAsync(
        string label, ProcessContext context, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > RelationshipSnapshot.LabelLimit)
        {
            throw new ArgumentException($"A snapshot needs a label of 1 to {RelationshipSnapshot.LabelLimit} characters.", nameof(label));
        }

        var (map, metrics) = await AnalyseAsync(new MapFilter(On: on), cancellationToken: cancellationToken);
        var bridges = metrics.Bridges.ToHashSet();
        var snapshot = new RelationshipSnapshot
        {
            Label = label.Trim(),
            TakenOn = map.On,
            TakenAt = clock.GetUtcNow().UtcDateTime,
            ActorCount = map.Actors.Count,
            TieCount = map.Ties.Count,
            Density = metrics.Density,
            Reciprocity = metrics.Reciprocity,
            CommunityCount = metrics.Communities.Count,
            Modularity = metrics.Communities.Modularity,
            BetweennessSources = metrics.BetweennessSources,
            BetweennessErrorBound = metrics.BetweennessErrorBound,
        };
        for (var i = 0; i < map.Actors.Count; i++)
        {
            var actor = map.Actors[i];
            snapshot.Actors.Add(new RelationshipSnapshotActor
            {
                ActorId = actor.Id,
                Name = actor.Name,
                Kind = actor.Kind,
                Sector = actor.Sector,
                Degree = metrics.Degrees.Degree[i],
                InDegree = metrics.Degrees.InDegree[i],
                OutDegree = metrics.Degrees.OutDegree[i],
                Strength = metrics.Degrees.Strength[i],
                Betweenness = metrics.Betweenness[i],
                Closeness = metrics.Closeness[i],
                Eigenvector = metrics.Eigenvector[i],
                EffectiveSize = metrics.StructuralHoles.EffectiveSize[i],
                Constraint = metrics.StructuralHoles.Constraint[i],
                Community = metrics.Communities.Membership[i],
                IsArticulationPoint = metrics.ArticulationPoints[i],
                Interest = actor.Interest,
                Influence = actor.Influence,
            });
        }

        foreach (var tie in map.Ties)
        {
            var (a, b) = (map.IndexOf(tie.FromActorId), map.IndexOf(tie.ToActorId));
            snapshot.Ties.Add(new RelationshipSnapshotTie
            {
                TieId = tie.Id,
                FromActorId = tie.FromActorId,
                ToActorId = tie.ToActorId,
                Type = tie.Type,
                IsDirected = tie.IsDirected,
                Strength = tie.Strength,
                IsBridge = bridges.Contains(new Edge(Math.Min(a, b), Math.Max(a, b))),
            });
        }

        db.Actor = context;
        db.RelationshipSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }
}
