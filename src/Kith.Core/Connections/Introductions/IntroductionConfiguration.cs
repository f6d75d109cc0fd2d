using Kith.Core.Directory;
using Kith.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Connections.Introductions;

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(i => i.ConnectionId).IsUnique();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.CommunityAssetId, i.SentAt });
        builder.Property(i => i.Consent).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FirstResponse).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ConsentRecordedByName).HasMaxLength(200);
        builder.Property(i => i.SharedName).HasMaxLength(Introduction.NameLimit);
        builder.Property(i => i.SharedContact).HasMaxLength(Introduction.ContactLimit);
        builder.Property(i => i.SharedNote).HasMaxLength(Introduction.NoteLimit);
        builder.Property(i => i.RecipientEmail).HasMaxLength(320);
        builder.Property(i => i.TokenHash).HasMaxLength(64);

        // The person's cascade comes through the person; the connection's would be a second path some engines refuse.
        builder.HasOne<Connection>().WithMany().HasForeignKey(i => i.ConnectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(i => i.CommunityAssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
