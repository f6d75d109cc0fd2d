using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Jobs;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Platform;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.PersonId, a.OccurredAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.EventKey).HasMaxLength(NotificationService.MaxEventKeyLength);
        builder.Ignore(m => m.IdempotencyKey);
        builder.HasIndex(m => m.EventKey).IsUnique();
        builder.HasIndex(m => m.SentAt);
        builder.HasIndex(m => m.NextAttemptAt);
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.Property(j => j.Type).HasMaxLength(100);
        builder.HasIndex(j => new { j.CompletedAt, j.RunAfter });
        builder.Property(j => j.LockedBy).HasMaxLength(200);
    }
}

internal sealed class PostcodeConfiguration : IEntityTypeConfiguration<Postcode>
{
    public void Configure(EntityTypeBuilder<Postcode> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.Property(p => p.Display).HasMaxLength(8);
        builder.Property(p => p.District).HasMaxLength(4);
        builder.HasIndex(p => p.District);
    }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> builder) => builder.HasKey(s => s.Key);
}
