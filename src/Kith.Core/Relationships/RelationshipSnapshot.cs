using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Relationships;

/// <summary>
/// The map's metrics on one date, kept so "this year against last year" can be compared. Each actor's figures
/// and each tie as it stood are copied, with names, so the snapshot still reads after the map has changed.
/// </summary>
public class RelationshipSnapshot : IAuditedRecord
{
    public const int LabelLimit = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>"Spring 2026 survey", in the manager's words.</summary>
    public required string Label { get; set; }

    /// <summary>The day the ties were taken as holding (<see cref="RelationshipTie.HoldsOn"/>).</summary>
    public DateOnly TakenOn { get; set; }

    /// <summary>UTC.</summary>
    public DateTime TakenAt { get; set; }

    public int ActorCount { get; set; }

    public int TieCount { get; set; }

    /// <summary>Share of possible pairs that are tied, 0–1.</summary>
    public double Density { get; set; }

    /// <summary>Share of directed ties returned the other way, 0–1; null when there are no directed ties.</summary>
    public double? Reciprocity { get; set; }

    public int CommunityCount { get; set; }

    /// <summary>Newman's modularity of the communities found, −0.5–1.</summary>
    public double Modularity { get; set; }

    /// <summary>Sources the betweenness figures were computed from; null when exact (every actor).</summary>
    public int? BetweennessSources { get; set; }

    /// <summary>When sampled: the documented bound on each actor's betweenness error (same units as the figures).</summary>
    public double? BetweennessErrorBound { get; set; }

    public List<RelationshipSnapshotActor> Actors { get; set; } = [];

    public List<RelationshipSnapshotTie> Ties { get; set; } = [];
}

/// <summary>One actor's figures in a <see cref="RelationshipSnapshot"/>.</summary>
public class RelationshipSnapshotActor
{
    public long Id { get; set; }

    public Guid SnapshotId { get; set; }

    public Guid ActorId { get; set; }

    public required string Name { get; set; }

    public ActorKind Kind { get; set; }

    public string? Sector { get; set; }

    public int Degree { get; set; }

    public int InDegree { get; set; }

    public int OutDegree { get; set; }

    /// <summary>Sum of the strengths of the actor's ties.</summary>
    public double Strength { get; set; }

    public double Betweenness { get; set; }

    public double Closeness { get; set; }

    public double Eigenvector { get; set; }

    /// <summary>Burt's effective size; null for an actor with no ties.</summary>
    public double? EffectiveSize { get; set; }

    /// <summary>Burt's constraint; null for an actor with no ties.</summary>
    public double? Constraint { get; set; }

    public int Community { get; set; }

    public bool IsArticulationPoint { get; set; }

    public int? Interest { get; set; }

    public int? Influence { get; set; }
}

/// <summary>One tie as it stood in a <see cref="RelationshipSnapshot"/>.</summary>
public class RelationshipSnapshotTie
{
    public long Id { get; set; }

    public Guid SnapshotId { get; set; }

    public Guid TieId { get; set; }

    public Guid FromActorId { get; set; }

    public Guid ToActorId { get; set; }

    public TieType Type { get; set; }

    public bool IsDirected { get; set; }

    public int Strength { get; set; }

    /// <summary>Whether the tie was the only link between two parts of the map.</summary>
    public bool IsBridge { get; set; }
}

internal sealed class RelationshipSnapshotConfiguration : IEntityTypeConfiguration<RelationshipSnapshot>
{
    public void Configure(EntityTypeBuilder<RelationshipSnapshot> builder)
    {
        builder.Property(s => s.Label).HasMaxLength(RelationshipSnapshot.LabelLimit);
        builder.HasIndex(s => s.TakenAt);
        builder.HasMany(s => s.Actors).WithOne().HasForeignKey(a => a.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Ties).WithOne().HasForeignKey(t => t.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RelationshipSnapshotActorConfiguration : IEntityTypeConfiguration<RelationshipSnapshotActor>
{
    public void Configure(EntityTypeBuilder<RelationshipSnapshotActor> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(RelationshipActor.NameLimit);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Sector).HasMaxLength(RelationshipActor.ShortTextLimit);
        builder.HasIndex(a => new { a.SnapshotId, a.ActorId }).IsUnique();
        builder.HasIndex(a => a.ActorId);
    }
}

internal sealed class RelationshipSnapshotTieConfiguration : IEntityTypeConfiguration<RelationshipSnapshotTie>
{
    public void Configure(EntityTypeBuilder<RelationshipSnapshotTie> builder)
    {
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(t => t.SnapshotId);
        builder.HasIndex(t => t.FromActorId);
        builder.HasIndex(t => t.ToActorId);
    }
}
