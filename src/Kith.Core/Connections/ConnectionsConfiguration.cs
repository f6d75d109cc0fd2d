using Kith.Core.Connections.FollowUps;
using Kith.Core.Directory;
using Kith.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Connections;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.BelongsToPerson();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.StatusReason).HasMaxLength(Connection.NoteLimit);
        builder.Property(c => c.MadeByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.PersonId, c.CommunityAssetId });
        builder.HasIndex(c => new { c.CommunityAssetId, c.Status });
        builder.HasIndex(c => c.LastModified);
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(c => c.CommunityAssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsFinal);
    }
}

internal sealed class ConnectionTransitionConfiguration : IEntityTypeConfiguration<ConnectionTransition>
{
    // The person's cascade comes through the connection: a second path would be refused by some engines.
    public void Configure(EntityTypeBuilder<ConnectionTransition> builder)
    {
        builder.HasIndex(t => t.PersonId);
        builder.HasIndex(t => new { t.ConnectionId, t.Sequence }).IsUnique();
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ByName).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(Connection.NoteLimit);
    }
}

internal sealed class ConnectionDismissalConfiguration : IEntityTypeConfiguration<ConnectionDismissal>
{
    public void Configure(EntityTypeBuilder<ConnectionDismissal> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(d => new { d.PersonId, d.CommunityAssetId }).IsUnique();
        builder.Property(d => d.Reason).HasMaxLength(ConnectionDismissal.ReasonLimit);
        builder.Property(d => d.ByName).HasMaxLength(200);
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(d => d.CommunityAssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectingPreferencesConfiguration : IEntityTypeConfiguration<ConnectingPreferences>
{
    public void Configure(EntityTypeBuilder<ConnectingPreferences> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(p => p.PersonId).IsUnique();
        builder.Property(p => p.FreeTimes).HasConversion(f => f.Mask, m => FreeTimes.FromMask(m));
        builder.Property(p => p.CostLimit).HasPrecision(10, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.AccessNeeds);
    }
}

internal sealed class ConnectionFollowUpConfiguration : IEntityTypeConfiguration<ConnectionFollowUp>
{
    // The person's cascade comes through the connection, as for transitions.
    public void Configure(EntityTypeBuilder<ConnectionFollowUp> builder)
    {
        builder.HasIndex(f => f.PersonId);
        builder.HasIndex(f => new { f.ConnectionId, f.Number }).IsUnique();
        builder.HasIndex(f => new { f.DoneAt, f.ClosedAt });
        builder.Property(f => f.ForUserId).HasMaxLength(450);
        builder.Property(f => f.DoneByUserId).HasMaxLength(450);
        builder.Property(f => f.DoneByName).HasMaxLength(200);
        builder.Property(f => f.Note).HasMaxLength(ConnectionFollowUp.NoteLimit);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Closure).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Connection>().WithMany().HasForeignKey(f => f.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.IsOpen);
    }
}
