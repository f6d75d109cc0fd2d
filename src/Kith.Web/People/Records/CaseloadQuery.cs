using Kith.Core.Data;
using Kith.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People.Records;

/// <summary>Which records a caseload shows.</summary>
public enum CaseloadFilter
{
    Open,
    Closed,
    All,
}

/// <summary>One row of a caseload.</summary>
/// <param name="ComeBackOn">The latest "come back on" date agreed in a conversation, if any.</param>
public sealed record CaseloadRow(Guid Id, string Name, string? PreferredName, string? Pronouns, DateOnly? ComeBackOn, DateOnly? ClosedOn)
{
    public string DisplayName => string.IsNullOrWhiteSpace(PreferredName) ? Name : PreferredName;
}

/// <summary>A page of a caseload.</summary>
public sealed record CaseloadPage(IReadOnlyList<CaseloadRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The people the user's teams work with, a page at a time: one count and one projection query (the latest
/// "come back on" date is a correlated subquery), so a page costs the same with 100 or 100,000 people.
/// </summary>
public sealed class CaseloadQuery(KithDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Longest search text read.</summary>
    public const int SearchLimit = 100;

    private static readonly StringComparer NameOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true);

    public async Task<CaseloadPage> GetAsync(string userId, string? search, CaseloadFilter filter, int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        // Start from the user's teams (a handful of ids) so the database walks the team index, not every
        // person by name; a team's caseload (hundreds, at most a few thousand) is then sorted and paged here.
        var teamIds = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken);
        var people = from pt in db.PersonTeams.AsNoTracking()
                     where teamIds.Contains(pt.TeamId)
                     join p in db.People.AsNoTracking() on pt.PersonId equals p.Id
                     select p;
        people = filter switch
        {
            CaseloadFilter.Open => people.Where(p => p.ClosedOn == null),
            CaseloadFilter.Closed => people.Where(p => p.ClosedOn != null),
            _ => people,
        };
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > SearchLimit ? text[..SearchLimit] : text;
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToUpperInvariant() + "%";
            people = people.Where(p => EF.Functions.Like(p.Name.ToUpper(), pattern, "\\") || (p.PreferredName != null && EF.Functions.Like(p.PreferredName.ToUpper(), pattern, "\\")));
        }

        var all = (await people
                .Select(p => new CaseloadRow(p.Id, p.Name, p.PreferredName, p.Pronouns, null, p.ClosedOn))
                .ToListAsync(cancellationToken))
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.Name, NameOrder).ThenBy(r => r.Id)
            .ToList();
        var total = all.Count;
        var onPage = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = onPage.Select(r => r.Id).ToList();
        var comeBack = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.PersonId) && c.ComeBackOn != null)
            .GroupBy(c => c.PersonId)
            .Select(g => new { g.Key, On = g.Max(c => c.ComeBackOn) })
            .ToDictionaryAsync(x => x.Key, x => x.On, cancellationToken);
        var rows = onPage.Select(r => r with { ComeBackOn = comeBack.GetValueOrDefault(r.Id) }).ToList();
        return new CaseloadPage(rows, total, page, pageSize);
    }
}
