using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Directory.Stewardship;

internal sealed class ListingClaimConfiguration : IEntityTypeConfiguration<ListingClaim>
{
    public void Configure(EntityTypeBuilder<ListingClaim> builder)
    {
        builder.ToTable("ListingClaims");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DecidedByName).HasMaxLength(200);
        builder.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => c.OrganizationId);
    }
}

internal sealed class DirectoryProposalConfiguration : IEntityTypeConfiguration<DirectoryProposal>
{
    public void Configure(EntityTypeBuilder<DirectoryProposal> builder)
    {
        builder.ToTable("DirectoryProposals");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ModeratorName).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(DirectoryProposal.ReasonLimit);
        builder.Ignore(p => p.Proposed);
        builder.Ignore(p => p.Base);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.AssetId);
    }
}
