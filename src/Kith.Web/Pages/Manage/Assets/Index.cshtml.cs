using Kith.Core.Data;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>The assets editors look after (a community editor: only their organisations'), most recently changed first, with a filter by name.</summary>
public sealed class IndexModel(KithDbContext db) : PageModel
{
    public const int PageSize = 50;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public sealed record Row(Guid Id, string Name, string? Organization, bool Archived, int Version, DateTime LastModified);

    /// <summary>
    /// 1-based, from the query string's <c>page</c> (read by hand: Razor Pages keeps its own "page" route
    /// value, which model binding would find first). Anything unusable shows page 1; past the end shows the last.
    /// </summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The address of page {0} of this list, keeping the name filter.</summary>
    public string PageHrefTemplate => string.IsNullOrWhiteSpace(Query)
        ? "/manage/assets?page={0}"
        : $"/manage/assets?q={Uri.EscapeDataString(Query.Trim())}&page={{0}}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.CommunityAssets.AsNoTracking();
        if ((await HttpContext.GetListingScopeAsync(cancellationToken)).OrganizationIds is { } organizations)
        {
            query = query.Where(a => organizations.Contains(a.OrganizationId));
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim().ToUpperInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL UPPER(): a culture-aware comparison cannot be.
            query = query.Where(a => a.Name.ToUpper().Contains(text));
#pragma warning restore CA1862, CA1304, CA1311
        }

        Total = await query.CountAsync(cancellationToken);
        var asked = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;
        PageNumber = Math.Clamp(asked, 1, PageCount);
        Rows = await query.OrderByDescending(a => a.LastModified).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Name, a.Organization!.Name, a.ArchivedAt != null, a.Version, a.LastModified))
            .ToListAsync(cancellationToken);
    }
}
