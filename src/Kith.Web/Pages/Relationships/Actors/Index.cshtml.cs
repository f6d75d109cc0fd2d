using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Actors;

/// <summary>The map's actors, filtered by kind, sector and area and searched by name.</summary>
public sealed class IndexModel(RelationshipMapService map, RelationshipAnalysisService analysis) : PageModel
{
    [FromQuery(Name = "kind")]
    public ActorKind? Kind { get; set; }

    [FromQuery(Name = "sector")]
    public string? Sector { get; set; }

    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "archived")]
    public bool IncludeArchived { get; set; }

    public List<RelationshipActor> Actors { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    public List<string> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Kind = null;
        }

        Actors = await map.ActorsAsync(new ActorQuery(Kind, Sector, Area, Search, IncludeArchived), cancellationToken);
        (Sectors, Areas) = await map.FacetsAsync(cancellationToken);
        await analysis.RecordViewAsync("actors", User.GetProcessContext(), cancellationToken);
    }
}
