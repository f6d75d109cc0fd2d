using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Platform.Journeys;

/// <summary>
/// The answers of a multi-page journey kept on the server between pages, so nothing personal travels
/// in URLs and a half-finished journey survives a lost connection. Belongs to one account.
/// </summary>
public class JourneyDraft
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string UserId { get; set; }

    /// <summary>The journey's own state, as JSON.</summary>
    public required string Json { get; set; }

    /// <summary>UTC instant of the last answer saved.</summary>
    public DateTime UpdatedAt { get; set; }
}

internal sealed class JourneyDraftConfiguration : IEntityTypeConfiguration<JourneyDraft>
{
    public void Configure(EntityTypeBuilder<JourneyDraft> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasIndex(d => new { d.UserId, d.UpdatedAt });
    }
}

/// <summary>Keeps journey drafts. Each draft is only visible to the account that started it. Scoped.</summary>
public sealed class JourneyDraftService(KithDbContext db, TimeProvider clock)
{
    public async Task<JourneyDraft> CreateAsync(string userId, string json, CancellationToken cancellationToken)
    {
        var draft = new JourneyDraft { UserId = userId, Json = json, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.JourneyDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The draft, or null when there is none with that id for this account.</summary>
    public Task<JourneyDraft?> FindAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.JourneyDrafts.SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, cancellationToken);

    public async Task UpdateAsync(JourneyDraft draft, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Json = json;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(JourneyDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        db.JourneyDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes drafts nobody has touched since <paramref name="before"/> (UTC). Returns how many.</summary>
    public Task<int> DeleteStaleAsync(DateTime before, CancellationToken cancellationToken) =>
        db.JourneyDrafts.Where(d => d.UpdatedAt < before).ExecuteDeleteAsync(cancellationToken);
}
