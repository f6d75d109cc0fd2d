using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Connections;

/// <summary>How the person says a connection is going, in one of three plain choices.</summary>
public enum HowItIsGoing
{
    /// <summary>"Going well".</summary>
    GoingWell,

    /// <summary>"Not sure yet".</summary>
    NotSure,

    /// <summary>"Not for me".</summary>
    NotForMe,
}

/// <summary>
/// What the person said, in their own view (/my/connections), about how one of their connections is going: a choice
/// and, if they like, their own words. Each time they say is kept; the practitioner sees them on the connection's page.
/// </summary>
public class ConnectionFeedback : IAuditedRecord, IPersonalRecord
{
    /// <summary>Longest set of words Kith keeps with the choice.</summary>
    public const int WordsLimit = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConnectionId { get; set; }

    public Guid PersonId { get; set; }

    public HowItIsGoing HowItIsGoing { get; set; }

    /// <summary>Their words, as typed (trimmed); null when they chose only.</summary>
    public string? Words { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}

/// <summary>One thing the person said about a connection, as shown.</summary>
/// <param name="At">UTC.</param>
public sealed record ConnectionFeedbackView(Guid ConnectionId, HowItIsGoing HowItIsGoing, string? Words, DateTime At);

/// <summary>
/// The person's say on how their connections are going. Writes are audited through <see cref="KithDbContext.Actor"/>;
/// callers check that the acting user may act for the person (the person themselves, in /my).
/// </summary>
public sealed class ConnectionFeedbackService(KithDbContext db, TimeProvider clock)
{
    /// <summary>Keeps what the person said. Returns null when saved, else a message saying what to change (nothing saved).</summary>
    /// <exception cref="KeyNotFoundException">When the person has no such connection.</exception>
    public async Task<string?> GiveAsync(
        Guid personId, Guid connectionId, HowItIsGoing howItIsGoing, string? words, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(howItIsGoing))
        {
            return "Choose how it is going";
        }

        var text = string.IsNullOrWhiteSpace(words) ? null : words.Trim();
        if (text is { Length: > ConnectionFeedback.WordsLimit })
        {
            return $"Keep what you write to {ConnectionFeedback.WordsLimit} characters or fewer; it has {text.Length}";
        }

        if (!await db.Connections.AnyAsync(c => c.Id == connectionId && c.PersonId == personId, cancellationToken))
        {
            throw new KeyNotFoundException($"The person has no connection {connectionId}.");
        }

        db.Actor = context;
        db.ConnectionFeedback.Add(new ConnectionFeedback
        {
            ConnectionId = connectionId,
            PersonId = personId,
            HowItIsGoing = howItIsGoing,
            Words = text,
            At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Everything the person said about their connections (optionally one), newest first. Not audited: the caller's page audits its read.</summary>
    public async Task<IReadOnlyList<ConnectionFeedbackView>> ForPersonAsync(Guid personId, Guid? connectionId = null, CancellationToken cancellationToken = default)
    {
        var query = db.ConnectionFeedback.AsNoTracking().Where(f => f.PersonId == personId);
        if (connectionId is { } id)
        {
            query = query.Where(f => f.ConnectionId == id);
        }

        var rows = await query.Select(f => new ConnectionFeedbackView(f.ConnectionId, f.HowItIsGoing, f.Words, f.At)).ToListAsync(cancellationToken);
        return rows.OrderByDescending(f => f.At).ToList();
    }

    /// <summary>The choice in the person's words: "Going well", "Not sure yet", "Not for me".</summary>
    public static string Describe(HowItIsGoing howItIsGoing) => howItIsGoing switch
    {
        HowItIsGoing.GoingWell => "Going well",
        HowItIsGoing.NotSure => "Not sure yet",
        _ => "Not for me",
    };
}

internal sealed class ConnectionFeedbackConfiguration : IEntityTypeConfiguration<ConnectionFeedback>
{
    // The person's cascade comes through the connection, as for its transitions: a second path would be refused by some engines.
    public void Configure(EntityTypeBuilder<ConnectionFeedback> builder)
    {
        builder.HasIndex(f => f.PersonId);
        builder.HasIndex(f => f.ConnectionId);
        builder.Property(f => f.HowItIsGoing).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Words).HasMaxLength(ConnectionFeedback.WordsLimit);
        builder.HasOne<Connection>().WithMany().HasForeignKey(f => f.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
