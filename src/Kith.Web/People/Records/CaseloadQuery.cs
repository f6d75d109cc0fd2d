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
public sealed class CaseloadQuery(KithDbContext db, PersonAccessService access)
{
    public const int PageSize = 50;

    /// <summary>Longest search text read.</summary>
    public const int SearchLimit = 100;

    public async Task<CaseloadPage> GetAsync(string userId, string? search, CaseloadFilter filter, int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var mine = access.PeopleOfTeamsOf(userId);
        var people = db.People.AsNoTracking().Where(p => mine.Contains(p.Id));
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

        var total = await people.CountAsync(cancellationToken);
        var rows = await people
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new CaseloadRow(
                p.Id, p.Name, p.PreferredName, p.Pronouns,
                db.Conversations.Where(c => c.PersonId == p.Id).Max(c => c.ComeBackOn),
                p.ClosedOn))
            .ToListAsync(cancellationToken);
        return new CaseloadPage(rows, total, page, pageSize);
    }
}
