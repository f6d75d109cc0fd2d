using Kith.Core.Relationships;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Snapshots;

/// <summary>One snapshot: the map's figures and each actor's, in a table sorted by the query string (?sort=betweenness&amp;dir=desc).</summary>
public sealed class SnapshotModel(RelationshipAnalysisService analysis) : PageModel
{
    /// <summary>The columns the table sorts by, with their headings.</summary>
    public static readonly (string Key, string Heading)[] Columns =
    [
        ("name", "Actor"), ("degree", "Ties"), ("strength", "Total strength"), ("betweenness", "Betweenness"),
        ("closeness", "Closeness"), ("eigenvector", "Eigenvector"), ("constraint", "Constraint"), ("community", "Community"),
    ];

    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Direction { get; set; }

    public RelationshipSnapshot Snapshot { get; private set; } = null!;

    public List<RelationshipSnapshotActor> Rows { get; private set; } = [];

    public string SortKey => Columns.Any(c => c.Key == Sort) ? Sort! : "betweenness";

    public bool Descending => Direction is null ? SortKey != "name" : Direction != "asc";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await analysis.SnapshotAsync(Id, cancellationToken) is not { } snapshot)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        Func<RelationshipSnapshotActor, IComparable> key = SortKey switch
        {
            "name" => a => a.Name,
            "degree" => a => a.Degree,
            "strength" => a => a.Strength,
            "closeness" => a => a.Closeness,
            "eigenvector" => a => a.Eigenvector,
            "constraint" => a => a.Constraint ?? double.MaxValue,
            "community" => a => a.Community,
            _ => a => a.Betweenness,
        };
        var ordered = Descending ? snapshot.Actors.OrderByDescending(key) : snapshot.Actors.OrderBy(key);
        Rows = ordered.ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        await analysis.RecordViewAsync("snapshot", User.GetProcessContext(), cancellationToken);
        return Page();
    }

    /// <summary>The link for a column heading: sorts by it, the other way round when it is the current sort.</summary>
    public string SortLink(string key)
    {
        var descending = key == SortKey ? !Descending : key != "name";
        return $"/relationships/snapshots/{Id}?sort={key}&dir={(descending ? "desc" : "asc")}";
    }
}
