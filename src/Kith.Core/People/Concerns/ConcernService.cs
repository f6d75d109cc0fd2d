using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Concerns;

/// <summary>What can be written about a concern.</summary>
public sealed record ConcernDetails(ConcernArea Area, string Description, ConcernStatus Status, string? WhoIsHelping, DateOnly RaisedOn);

/// <summary>Thrown when a concern changed since the version the change was based on.</summary>
public sealed class ConcernConflictException(Concern current) : Exception("The concern changed since it was opened.")
{
    public Concern Current { get; } = current;
}

/// <summary>
/// Concerns on a person's record (money, housing...), recorded plainly and shown after strengths. Callers check
/// access and validate input first; writes are audited through <see cref="KithDbContext.Actor"/>, set by the caller.
/// </summary>
public sealed class ConcernService(KithDbContext db, TimeProvider clock)
{
    /// <summary>Longest "who is helping".</summary>
    public const int WhoLimit = 500;

    /// <summary>Plain label for each area.</summary>
    public static string AreaLabel(ConcernArea area) => area switch
    {
        ConcernArea.Money => "Money",
        ConcernArea.Housing => "Housing",
        ConcernArea.Health => "Health",
        ConcernArea.Safety => "Feeling safe",
        ConcernArea.Loneliness => "Feeling lonely",
        ConcernArea.WorkOrLearning => "Work or learning",
        ConcernArea.Caring => "Caring for someone",
        ConcernArea.Other => "Something else",
        _ => area.ToString(),
    };

    /// <summary>Plain label for each status.</summary>
    public static string StatusLabel(ConcernStatus status) => status switch
    {
        ConcernStatus.Noted => "Noted, nobody helping yet",
        ConcernStatus.BeingHelpedWith => "Someone is helping",
        ConcernStatus.Resolved => "Sorted out",
        _ => status.ToString(),
    };

    /// <summary>The person's concerns: open ones first, then newest raised first.</summary>
    public async Task<IReadOnlyList<Concern>> ListAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var concerns = await db.Concerns.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        return concerns.OrderBy(c => c.Status == ConcernStatus.Resolved).ThenByDescending(c => c.RaisedOn).ToList();
    }

    public Task<Concern?> GetAsync(Guid personId, Guid concernId, CancellationToken cancellationToken = default) =>
        db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == personId, cancellationToken);

    public async Task<Concern> CreateAsync(Guid personId, ConcernDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var concern = new Concern { PersonId = personId, Description = details.Description.Trim() };
        Apply(concern, details);
        db.Concerns.Add(concern);
        await db.SaveChangesAsync(cancellationToken);
        return concern;
    }

    /// <exception cref="ConcernConflictException">The concern is no longer at <paramref name="basedOnVersion"/>; nothing is saved.</exception>
    /// <exception cref="KeyNotFoundException">No such concern for the person.</exception>
    public async Task<Concern> UpdateAsync(Guid personId, Guid concernId, ConcernDetails details, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == personId, cancellationToken)
            ?? throw new KeyNotFoundException("No such concern for this person.");
        if (concern.Version != basedOnVersion)
        {
            throw new ConcernConflictException(concern);
        }

        Apply(concern, details);
        concern.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcernConflictException(await db.Concerns.AsNoTracking().SingleAsync(c => c.Id == concernId, cancellationToken));
        }

        return concern;
    }

    private void Apply(Concern concern, ConcernDetails details)
    {
        concern.Area = details.Area;
        concern.Description = details.Description.Trim();
        concern.Status = details.Status;
        concern.WhoIsHelping = string.IsNullOrWhiteSpace(details.WhoIsHelping) ? null : details.WhoIsHelping.Trim();
        concern.RaisedOn = details.RaisedOn;
        concern.LastModified = clock.GetUtcNow().UtcDateTime;
    }
}
