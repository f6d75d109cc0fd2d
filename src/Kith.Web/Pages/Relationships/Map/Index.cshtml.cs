using System.Globalization;
using System.Text;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;
using Kith.Web.Api;
using Kith.Web.Infrastructure;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Relationships.Map;

/// <summary>
/// The relationship map: a GET form of filters, the table alternative (actors and ties as filtered, or one actor's
/// ego view) and, with JavaScript, the Cytoscape drawing of the same data from the JSON in <c>#relationship-map-data</c>.
/// The downloads (CSV, GraphML) take the same query string. Every look records one "viewed" audit event.
/// </summary>
public sealed class IndexModel(RelationshipAnalysisService analysis, RelationshipMapCache cache, KithDbContext db) : PageModel
{
    /// <summary>The table shows at most this many actors (highest figure first); the CSV holds them all.</summary>
    public const int TableActorLimit = 500;

    public const int TableTieLimit = 1000;

    /// <summary>Above this many actors or ties the browser is not asked to draw the map.</summary>
    public const int DrawActorLimit = 1500;

    public const int DrawTieLimit = 10000;

    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        [RelationshipMapQuery.Types] = nameof(Types), [RelationshipMapQuery.Sector] = nameof(Sector),
        [RelationshipMapQuery.MinStrength] = nameof(MinStrength), [RelationshipMapQuery.On] = nameof(On),
        [RelationshipMapQuery.Size] = nameof(Size), [RelationshipMapQuery.Colour] = nameof(Colour),
        [RelationshipMapQuery.Steps] = nameof(Steps), [RelationshipMapQuery.Ego] = nameof(Types),
    };

    public List<string> Types { get; set; } = [];

    public string? Sector { get; set; }

    public string? MinStrength { get; set; }

    public DateInput On { get; set; } = new();

    public string? Size { get; set; }

    public string? Colour { get; set; }

    public string? Steps { get; set; }

    public string? Ego { get; set; }

    public RelationshipMapQuery? Query { get; private set; }

    public IReadOnlyList<string> SectorChoices { get; private set; } = [];

    /// <summary>True when the whole map (unfiltered) has no ties at all.</summary>
    public bool MapIsEmpty { get; private set; }

    public LoadedMap? Map { get; private set; }

    public NetworkMetrics? Metrics { get; private set; }

    /// <summary>The ego view's centre, when there is one.</summary>
    public RelationshipActor? Centre { get; private set; }

    /// <summary>Every actor shown, highest chosen figure first.</summary>
    public IReadOnlyList<MapActorRow> Rows { get; private set; } = [];

    /// <summary>Every tie shown.</summary>
    public IReadOnlyList<RelationshipTie> Ties { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The drawing's data for relationship-map.js, or null when there is too much to draw.</summary>
    public string? DrawJson { get; private set; }

    /// <summary>Community numbers (from 1) in use, with how many actors each has, largest first.</summary>
    public IReadOnlyList<(int Community, int Count)> Communities { get; private set; } = [];

    public MapMetric SizeBy => Query?.SizeBy ?? MapMetric.Degree;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await BuildAsync(cancellationToken);
        if (Query is { IsValid: false })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await analysis.RecordViewAsync("map", HttpContext.GetProcessContext(), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetActorsCsvAsync(CancellationToken cancellationToken) =>
        DownloadAsync("relationship-map-actors.csv", "text/csv", () => RelationshipMapExport.ActorsCsv(Rows), cancellationToken);

    public Task<IActionResult> OnGetTiesCsvAsync(CancellationToken cancellationToken) =>
        DownloadAsync("relationship-map-ties.csv", "text/csv", () => RelationshipMapExport.TiesCsv(Ties, Names), cancellationToken);

    public Task<IActionResult> OnGetGraphMlAsync(CancellationToken cancellationToken) =>
        DownloadAsync("relationship-map.graphml", "application/graphml+xml", () => RelationshipMapExport.GraphMl(Rows, Ties), cancellationToken);

    /// <summary>This page's query with some parameters replaced (null removes them), for links and downloads.</summary>
    public string Href(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var builder = new QueryBuilder();
        foreach (var (key, values) in Request.Query)
        {
            if (changes.Keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    builder.Add(key, value);
                }
            }
        }

        foreach (var (key, value) in changes)
        {
            if (value is not null)
            {
                builder.Add(key, value);
            }
        }

        return "/relationships/map" + builder.ToQueryString();
    }

    public string DownloadHref(string handler) => Href(new Dictionary<string, string?> { ["handler"] = handler });

    public string EgoHref(Guid actorId) => Href(new Dictionary<string, string?>
    {
        [RelationshipMapQuery.Ego] = actorId.ToString("D"), ["handler"] = null, [RelationshipMapQuery.Steps] = Query?.EgoSteps.ToString(CultureInfo.InvariantCulture) ?? "1",
    });

    public string WholeMapHref() => Href(new Dictionary<string, string?> { [RelationshipMapQuery.Ego] = null, [RelationshipMapQuery.Steps] = null, ["handler"] = null });

    public static string Figure(double value) => value.ToString(value == Math.Floor(value) && Math.Abs(value) < 1e9 ? "0" : "0.###", CultureInfo.GetCultureInfo("en-GB"));

    private async Task<IActionResult> DownloadAsync(string fileName, string contentType, Func<string> write, CancellationToken cancellationToken)
    {
        await BuildAsync(cancellationToken);
        if (Query is { IsValid: false })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await analysis.RecordViewAsync("map", HttpContext.GetProcessContext(), cancellationToken);
            return Page();
        }

        await analysis.RecordViewAsync("map-download", HttpContext.GetProcessContext(), cancellationToken);
        return File(Encoding.UTF8.GetBytes(write()), contentType + "; charset=utf-8", fileName);
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var query = RelationshipMapQuery.Parse(Request.Query, forPage: true);
        Query = query;
        Types = query.TieTypes.Select(RelationshipMapQuery.ToParameterValue).ToList();
        Sector = query.Sectors.FirstOrDefault();
        MinStrength = query.MinimumStrength.ToString(CultureInfo.InvariantCulture);
        On = new DateInput
        {
            Day = Request.Query[RelationshipMapQuery.OnDay].LastOrDefault(),
            Month = Request.Query[RelationshipMapQuery.OnMonth].LastOrDefault(),
            Year = Request.Query[RelationshipMapQuery.OnYear].LastOrDefault(),
        };
        if (On.IsEmpty && query.OnDate is { } isoDate)
        {
            On = DateInput.FromDate(isoDate);
        }

        Size = RelationshipMapQuery.ToParameterValue(query.SizeBy);
        Colour = RelationshipMapQuery.ToParameterValue(query.ColourBy);
        Steps = query.EgoSteps.ToString(CultureInfo.InvariantCulture);
        Ego = query.EgoActorId?.ToString("D");

        SectorChoices = (await db.RelationshipActors.AsNoTracking()
                .Where(a => a.ArchivedAt == null && a.Sector != null)
                .Select(a => a.Sector!)
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        if (!query.IsValid)
        {
            AddErrors(query);
            return;
        }

        MapIsEmpty = !await db.RelationshipTies.AnyAsync(cancellationToken);
        var cached = await cache.GetAsync(query.ToFilter(), analysis, db, cancellationToken, checkNow: true);
        var map = cached.Map;
        Map = map;
        Names = map.Actors.ToDictionary(a => a.Id, a => a.Name);
        if (map.Actors.Count == 0)
        {
            return;
        }

        var metrics = cached.Metrics;
        Metrics = metrics;
        IReadOnlyList<int> nodes;
        Dictionary<int, int>? distances = null;
        if (query.EgoActorId is { } egoId)
        {
            var centre = map.IndexOf(egoId);
            if (centre < 0)
            {
                query.AddError(RelationshipMapQuery.Ego, "That actor is not on the map with these filters. Widen the filters, or choose an actor from the table of the whole map");
                AddErrors(query);
                return;
            }

            Centre = map.Actors[centre];
            var view = EgoNetwork.Of(map.Graph, centre, query.EgoSteps);
            distances = new Dictionary<int, int>(view.Nodes.Length);
            for (var k = 0; k < view.Nodes.Length; k++)
            {
                distances[view.Nodes[k]] = view.Distance[k];
            }

            nodes = view.Nodes;
            Ties = RelationshipMapJson.EgoTies(cached, view.Nodes, distances);
        }
        else
        {
            nodes = Enumerable.Range(0, map.Actors.Count).ToList();
            Ties = map.Ties;
        }

        var d = metrics.Degrees;
        var rows = nodes.Select(i => new MapActorRow(
                map.Actors[i], metrics.Communities.Membership[i] + 1, d.Degree[i], d.Strength[i], metrics.Betweenness[i], metrics.Closeness[i],
                metrics.Eigenvector[i], distances?[i]))
            .ToList();
        Rows = distances is null
            ? rows.OrderByDescending(r => r.Value(query.SizeBy)).ThenBy(r => r.Actor.Name, StringComparer.OrdinalIgnoreCase).ToList()
            : rows.OrderBy(r => r.Distance).ThenByDescending(r => r.Value(query.SizeBy)).ThenBy(r => r.Actor.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Communities = Rows.GroupBy(r => r.Community).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key).ToList();

        if (Rows.Count <= DrawActorLimit && Ties.Count <= DrawTieLimit && Ties.Count > 0)
        {
            DrawJson = DrawingJson(query, distances);
        }
    }

    private string DrawingJson(RelationshipMapQuery query, Dictionary<int, int>? distances)
    {
        var rank = Communities.Select((c, i) => (c.Community, i)).ToDictionary(c => c.Community, c => c.i);
        var kinds = Enum.GetValues<ActorKind>().ToList();
        return JsonSerializer.Serialize(new
        {
            colour = RelationshipMapQuery.ToParameterValue(query.ColourBy),
            size = RelationshipMapQuery.ToParameterValue(query.SizeBy),
            sizeLabel = MapWords.Metric(query.SizeBy),
            labels = Enum.GetValues<MapMetric>().ToDictionary(RelationshipMapQuery.ToParameterValue, MapWords.Metric),
            ego = Centre?.Id,
            nodes = Rows.Select(r => new
            {
                id = r.Actor.Id,
                name = r.Actor.Name,
                kind = MapWords.Kind(r.Actor.Kind),
                sector = r.Actor.Sector,
                community = r.Community,
                palette = query.ColourBy switch
                {
                    MapColour.Community => Math.Min(rank[r.Community], 8),
                    MapColour.Kind => kinds.IndexOf(r.Actor.Kind),
                    _ => -1,
                },
                distance = r.Distance,
                value = r.Value(query.SizeBy),
                figures = new
                {
                    degree = r.Degree,
                    strength = Figure(r.Strength),
                    betweenness = Figure(r.Betweenness),
                    closeness = Figure(r.Closeness),
                    eigenvector = Figure(r.Eigenvector),
                },
                href = $"/relationships/actors/{r.Actor.Id:D}",
            }),
            edges = Ties.Select(t => new
            {
                id = t.Id,
                source = t.FromActorId,
                target = t.ToActorId,
                type = MapWords.TieType(t.Type),
                strength = t.Strength,
                directed = t.IsDirected,
            }),
        });
    }

    private void AddErrors(RelationshipMapQuery query)
    {
        foreach (var error in query.Errors)
        {
            ModelState.AddModelError(FieldIds.GetValueOrDefault(error.Parameter, nameof(Types)), error.Message);
        }
    }
}
