using Kith.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>The assets editors look after, most recently changed first, with a filter by name.</summary>
public sealed class IndexModel(KithDbContext db) : PageModel
{
    public const int PageSize = 50;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public sealed record Row(Guid Id, string Name, string? Organization, bool Archived, int Version, DateTime LastModified);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.CommunityAssets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim().ToUpperInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL UPPER(): a culture-aware comparison cannot be.
            query = query.Where(a => a.Name.ToUpper().Contains(text));
#pragma warning restore CA1862, CA1304, CA1311
        }

        Total = await query.CountAsync(cancellationToken);
        Rows = await query.OrderByDescending(a => a.LastModified).Take(PageSize)
            .Select(a => new Row(a.Id, a.Name, a.Organization!.Name, a.ArchivedAt != null, a.Version, a.LastModified))
            .ToListAsync(cancellationToken);
    }
}
