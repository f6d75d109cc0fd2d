using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships;

/// <summary>Downloads of the map: the two CSV files (the import template's columns) and GraphML for Gephi. Each download is audited.</summary>
public sealed class ExportModel(RelationshipExporter exporter) : PageModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnGetActorsAsync(CancellationToken cancellationToken) =>
        SendAsync("relationship-actors.csv", "text/csv; charset=utf-8", (s, c) => exporter.WriteActorsCsvAsync(s, User.GetProcessContext(), c), cancellationToken);

    public Task<IActionResult> OnGetTiesAsync(CancellationToken cancellationToken) =>
        SendAsync("relationship-ties.csv", "text/csv; charset=utf-8", (s, c) => exporter.WriteTiesCsvAsync(s, User.GetProcessContext(), c), cancellationToken);

    public Task<IActionResult> OnGetGraphMlAsync(CancellationToken cancellationToken) =>
        SendAsync("relationship-map.graphml", "application/graphml+xml", (s, c) => exporter.WriteGraphMlAsync(s, User.GetProcessContext(), c), cancellationToken);

    private static async Task<IActionResult> SendAsync(string name, string type, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        buffer.Position = 0;
        return new FileStreamResult(buffer, type) { FileDownloadName = name };
    }
}
