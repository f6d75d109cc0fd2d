using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;

namespace Kith.Web.Api;

/// <summary>An actor's figures on the map as filtered (see the metric explanations on the map page).</summary>
public sealed record MapNodeMetricsJson(
    int Degree, int InDegree, int OutDegree, double Strength, double Betweenness, double Closeness, double Eigenvector);

/// <summary>An actor on the map. <see cref="Community"/> is numbered from 1.</summary>
public sealed record MapNodeJson(Guid Id, string Name, string Kind, string? Sector, string? Area, int Community, MapNodeMetricsJson Metrics);

/// <summary>A tie: one way from <see cref="Source"/> to <see cref="Target"/> when <see cref="Directed"/>, otherwise mutual.</summary>
public sealed record MapEdgeJson(Guid Id, Guid Source, Guid Target, string Type, int Strength, bool Directed);

/// <summary>The whole map as filtered, with every actor's figures.</summary>
public sealed record MapGraphJson(
    DateOnly On, int ActorCount, int TieCount, int CommunityCount, double Modularity, double Density, double? Reciprocity,
    int? BetweennessSources, double? BetweennessErrorBound, IReadOnlyList<MapNodeJson> Nodes, IReadOnlyList<MapEdgeJson> Edges);

/// <summary>An actor in an ego view: <see cref="Distance"/> steps from the centre, <see cref="Degree"/> on the whole filtered map.</summary>
public sealed record EgoNodeJson(Guid Id, string Name, string Kind, string? Sector, string? Area, int Distance, int Degree);

/// <summary>The actors within <see cref="Steps"/> of the centre and the ties among them; the centre is first.</summary>
public sealed record EgoJson(DateOnly On, Guid Centre, int Steps, IReadOnlyList<EgoNodeJson> Nodes, IReadOnlyList<MapEdgeJson> Edges);

/// <summary>Builds the map's JSON from a cached map, for the API and for the page's own drawing data.</summary>
public static class RelationshipMapJson
{
    /// <summary>The value kinds and tie types have in JSON: the parameter spelling ("staff-member", "works-with").</summary>
    public static string KindValue(ActorKind kind) => kind switch
    {
        ActorKind.StaffMember => "staff-member",
        ActorKind.Team => "team",
        ActorKind.Organisation => "organisation",
        ActorKind.CommunityGroup => "community-group",
        ActorKind.CommunityAsset => "community-asset",
        ActorKind.ResidentRepresentative => "resident-representative",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MapEdgeJson Edge(RelationshipTie tie)
    {
        ArgumentNullException.ThrowIfNull(tie);
        return new MapEdgeJson(tie.Id, tie.FromActorId, tie.ToActorId, RelationshipMapQuery.ToParameterValue(tie.Type), tie.Strength, tie.IsDirected);
    }

    public static MapNodeJson Node(LoadedMap map, NetworkMetrics metrics, int i)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(metrics);
        var actor = map.Actors[i];
        var d = metrics.Degrees;
        return new MapNodeJson(
            actor.Id, actor.Name, KindValue(actor.Kind), actor.Sector, actor.Area, metrics.Communities.Membership[i] + 1,
            new MapNodeMetricsJson(d.Degree[i], d.InDegree[i], d.OutDegree[i], d.Strength[i], metrics.Betweenness[i], metrics.Closeness[i], metrics.Eigenvector[i]));
    }

    public static MapGraphJson Graph(CachedMap cached)
    {
        ArgumentNullException.ThrowIfNull(cached);
        var map = cached.Map;
        var metrics = cached.Metrics;
        var nodes = new MapNodeJson[map.Actors.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Node(map, metrics, i);
        }

        return new MapGraphJson(
            map.On, map.Actors.Count, map.Ties.Count, metrics.Communities.Count, metrics.Communities.Modularity, metrics.Density, metrics.Reciprocity,
            metrics.BetweennessSources, metrics.BetweennessErrorBound, nodes, map.Ties.Select(Edge).ToList());
    }

    /// <summary>The ego view of node <paramref name="centre"/>: no metric is run, only the graph walked.</summary>
    public static EgoJson Ego(CachedMap cached, int centre, int steps)
    {
        ArgumentNullException.ThrowIfNull(cached);
        var map = cached.Map;
        var view = EgoNetwork.Of(map.Graph, centre, steps);
        var members = new Dictionary<int, int>(view.Nodes.Length);
        var nodes = new EgoNodeJson[view.Nodes.Length];
        for (var k = 0; k < view.Nodes.Length; k++)
        {
            var n = view.Nodes[k];
            members[n] = view.Distance[k];
            var actor = map.Actors[n];
            nodes[k] = new EgoNodeJson(actor.Id, actor.Name, KindValue(actor.Kind), actor.Sector, actor.Area, view.Distance[k], map.Graph.Neighbours(n).Length);
        }

        return new EgoJson(map.On, map.Actors[centre].Id, steps, nodes, EgoTies(cached, view.Nodes, members).Select(Edge).ToList());
    }

    /// <summary>The ties whose both ends are in <paramref name="members"/>, each once, in the map's order.</summary>
    public static IReadOnlyList<RelationshipTie> EgoTies(CachedMap cached, IReadOnlyList<int> nodes, IReadOnlyDictionary<int, int> members)
    {
        ArgumentNullException.ThrowIfNull(cached);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(members);
        var map = cached.Map;
        var index = cached.TiesByNode;
        var kept = new List<int>();
        foreach (var n in nodes)
        {
            foreach (var t in index[n])
            {
                var tie = map.Ties[t];
                var from = map.IndexOf(tie.FromActorId);
                if (from == n && members.ContainsKey(map.IndexOf(tie.ToActorId)))
                {
                    kept.Add(t);
                }
            }
        }

        kept.Sort();
        return kept.Select(t => map.Ties[t]).ToList();
    }
}
