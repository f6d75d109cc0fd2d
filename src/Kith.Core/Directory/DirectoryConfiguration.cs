using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Directory;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.HasIndex(o => o.SourceId);
        builder.HasMany(o => o.Assets).WithOne(a => a.Organization).HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Locations).WithOne().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Phones).WithOne().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityAssetConfiguration : IEntityTypeConfiguration<CommunityAsset>
{
    public void Configure(EntityTypeBuilder<CommunityAsset> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.IntroductionPolicy).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.LastModified);
        builder.HasIndex(a => a.SourceId);
        builder.HasMany(a => a.ServiceAtLocations).WithOne(s => s.Service).HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Phones).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Schedules).WithOne().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.ServiceAreas).WithOne().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CostOptions).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Languages).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.TaxonomyTerms).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.IsFree);
        builder.Ignore(a => a.IsArchived);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.Property(l => l.LocationType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => l.SourceId);
        builder.HasMany(l => l.Addresses).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Accessibility).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Languages).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Phones).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Schedules).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessibilityConfiguration : IEntityTypeConfiguration<Accessibility>
{
    public void Configure(EntityTypeBuilder<Accessibility> builder) =>
        builder.Property(a => a.Feature).HasConversion<string>().HasMaxLength(40);
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> builder)
    {
        builder.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Schedules).WithOne().HasForeignKey(s => s.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder) =>
        builder.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class CostOptionConfiguration : IEntityTypeConfiguration<CostOption>
{
    public void Configure(EntityTypeBuilder<CostOption> builder) =>
        builder.Property(c => c.Amount).HasPrecision(10, 2);
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> builder) =>
        builder.HasMany(t => t.Terms).WithOne(t => t.Taxonomy).HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.TaxonomyId, t.Code });
    }
}

internal sealed class AssetTaxonomyTermConfiguration : IEntityTypeConfiguration<AssetTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<AssetTaxonomyTerm> builder)
    {
        builder.HasKey(t => new { t.ServiceId, t.TaxonomyTermId });
        builder.HasOne(t => t.TaxonomyTerm).WithMany().HasForeignKey(t => t.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssetRevisionConfiguration : IEntityTypeConfiguration<AssetRevision>
{
    public void Configure(EntityTypeBuilder<AssetRevision> builder)
    {
        builder.HasIndex(r => new { r.AssetId, r.Version }).IsUnique();
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
