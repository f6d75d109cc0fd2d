using Kith.Core.People;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Connections.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasIndex(r => new { r.ClientId, r.IdentifierSystem, r.IdentifierValue }).IsUnique();
        builder.HasIndex(r => new { r.ClientId, r.LastModified });
        builder.HasIndex(r => r.Stage);
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => r.ConnectionId);
        builder.Property(r => r.IdentifierSystem).HasMaxLength(Referral.IdentifierLimit);
        builder.Property(r => r.IdentifierValue).HasMaxLength(Referral.IdentifierLimit);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.MatchedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PatientNhsNumber).HasMaxLength(10);
        builder.Property(r => r.PatientName).HasMaxLength(Person.ShortTextLimit);
        builder.Property(r => r.PatientPostcode).HasMaxLength(10);
        builder.Property(r => r.PatientPhone).HasMaxLength(50);
        builder.Property(r => r.RequesterName).HasMaxLength(300);
        builder.Property(r => r.Note).HasMaxLength(Referral.NoteLimit);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<ReferrerClient>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);

        // Erasing the person erases what the referrer sent about them.
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Connection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReferrerClientConfiguration : IEntityTypeConfiguration<ReferrerClient>
{
    public void Configure(EntityTypeBuilder<ReferrerClient> builder)
    {
        builder.HasIndex(c => c.ClientKey).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ClientKey).HasMaxLength(64);
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.Property(c => c.CreatedByName).HasMaxLength(200);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferrerTokenConfiguration : IEntityTypeConfiguration<ReferrerToken>
{
    public void Configure(EntityTypeBuilder<ReferrerToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.ExpiresAt);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasOne<ReferrerClient>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
