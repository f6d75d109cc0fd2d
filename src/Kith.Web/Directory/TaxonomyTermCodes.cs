using System.Collections.Concurrent;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Directory;

/// <summary>
/// The ids and codes of each taxonomy's terms, kept in memory so a search by "what" or "who" does not read the
/// database on every request. Singleton: one per app, and so one per database.
/// </summary>
/// <remarks>
/// A value not in the copy (a term added since, or a mistake) reads the taxonomy again before it is refused, so a
/// new term is found at once. A copy older than <see cref="MaxAge"/> is read again too, which bounds how long a
/// removed or recoded term still answers. The lists are small: tens of terms per taxonomy.
/// </remarks>
public sealed class TaxonomyTermCodes(TimeProvider clock)
{
    /// <summary>How long a copy is trusted before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Copy> copies = new();

    /// <summary>The id of the term given by id or code (any case) in the taxonomy, or null when it has none such.</summary>
    public async Task<Guid?> FindAsync(KithDbContext db, Guid taxonomy, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(value);
        var now = clock.GetUtcNow();
        if (copies.TryGetValue(taxonomy, out var copy) && now - copy.ReadAt < MaxAge && copy.Find(value) is { } found)
        {
            return found;
        }

        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == taxonomy)
            .Select(t => new { t.Id, t.Code }).ToListAsync(cancellationToken);
        copy = new Copy(now, terms.Select(t => t.Id).ToHashSet(), terms.Where(t => t.Code is not null)
            .GroupBy(t => t.Code!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase));
        copies[taxonomy] = copy;
        return copy.Find(value);
    }

    private sealed record Copy(DateTimeOffset ReadAt, HashSet<Guid> Ids, Dictionary<string, Guid> ByCode)
    {
        public Guid? Find(string value) =>
            Guid.TryParse(value, out var id) ? (Ids.Contains(id) ? id : null) : ByCode.TryGetValue(value, out var byCode) ? byCode : null;
    }
}
