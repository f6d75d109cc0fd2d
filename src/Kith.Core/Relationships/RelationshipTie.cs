using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Relationships;

/// <summary>What kind of relationship a tie is.</summary>
public enum TieType
{
    WorksWith,
    RefersTo,
    Funds,
    SharesInformationWith,
    Trusts,
    SeeksAdviceFrom,
}

/// <summary>How often the two actors are in touch.</summary>
public enum TieFrequency
{
    Daily,
    Weekly,
    Monthly,
    FewTimesAYear,
    Rarely,
}

/// <summary>Where Kith learned of a tie.</summary>
public enum TieSource
{
    /// <summary>An answer to a relationship survey.</summary>
    Survey,

    /// <summary>Entered or imported by an editor of the map.</summary>
    Declared,

    /// <summary>Derived from Kith's own work (introductions between teams and community assets).</summary>
    Observed,
}

/// <summary>How working with the other actor affects the respondent's energy (a survey answer).</summary>
public enum TieEnergy
{
    Draining,
    Neutral,
    Energising,
}

/// <summary>
/// A relationship between two actors on the map. A directed tie runs from <see cref="FromActorId"/> to
/// <see cref="ToActorId"/> ("refers to", "funds", "seeks advice from"); an undirected one is mutual ("works with").
/// </summary>
public class RelationshipTie : IAuditedRecord
{
    public const int NotesLimit = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FromActorId { get; set; }

    public Guid ToActorId { get; set; }

    public TieType Type { get; set; }

    /// <summary>False for a mutual tie, true when it runs one way only.</summary>
    public bool IsDirected { get; set; }

    /// <summary>1 (weak) to 5 (strong).</summary>
    public int Strength { get; set; }

    public TieFrequency? Frequency { get; set; }

    public DateOnly? Since { get; set; }

    /// <summary>The last day of the tie; null while it continues. Never before <see cref="Since"/>.</summary>
    public DateOnly? Until { get; set; }

    public TieSource Source { get; set; }

    /// <summary>For <see cref="TieSource.Survey"/>: the round the answer came from.</summary>
    public Guid? SurveyRoundId { get; set; }

    /// <summary>For <see cref="TieSource.Observed"/>: how many times Kith saw it (introductions made).</summary>
    public int? ObservedCount { get; set; }

    /// <summary>For <see cref="TieSource.Survey"/>: how the respondent said the tie affects their energy.</summary>
    public TieEnergy? Energy { get; set; }

    public string? Notes { get; set; }

    /// <summary>UTC instant Kith recorded the tie (the survey answer's date, the import's, the editor's).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Whether the tie holds on <paramref name="day"/>: started by then (or no start known) and not ended before it.</summary>
    public bool HoldsOn(DateOnly day) => (Since is null || Since <= day) && (Until is null || Until >= day);
}

internal sealed class RelationshipTieConfiguration : IEntityTypeConfiguration<RelationshipTie>
{
    public void Configure(EntityTypeBuilder<RelationshipTie> builder)
    {
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Energy).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Notes).HasMaxLength(RelationshipTie.NotesLimit);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.FromActorId);
        builder.HasIndex(t => t.ToActorId);
        builder.HasIndex(t => t.SurveyRoundId);
        builder.HasIndex(t => t.LastModified); // the map cache polls max(LastModified)
        builder.HasOne<RelationshipActor>().WithMany().HasForeignKey(t => t.FromActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RelationshipActor>().WithMany().HasForeignKey(t => t.ToActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
