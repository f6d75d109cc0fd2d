using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Directory.Interchange;

/// <summary>The columns imports add to the directory model: where a record came from and what it last looked like there.</summary>
internal static class SourceColumns
{
    public const int SourceKeyLength = 100;

    public const int SourceIdLength = 200;

    public const int HashLength = 64;
}

internal sealed class ImportedAssetConfiguration : IEntityTypeConfiguration<CommunityAsset>
{
    public void Configure(EntityTypeBuilder<CommunityAsset> builder)
    {
        builder.Property(a => a.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(a => a.ImportHash).HasMaxLength(SourceColumns.HashLength);
        builder.HasIndex(a => new { a.SourceKey, a.SourceId });
    }
}

internal sealed class ImportedOrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(o => o.ImportHash).HasMaxLength(SourceColumns.HashLength);
        builder.HasIndex(o => new { o.SourceKey, o.SourceId });
    }
}

internal sealed class ImportedLocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.Property(l => l.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(l => l.ImportHash).HasMaxLength(SourceColumns.HashLength);
        builder.HasIndex(l => new { l.SourceKey, l.SourceId });
    }
}

internal sealed class ImportedTaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> builder)
    {
        builder.Property(t => t.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(t => t.SourceId).HasMaxLength(SourceColumns.SourceIdLength);
        builder.HasIndex(t => new { t.SourceKey, t.SourceId });
    }
}

internal sealed class ImportedTaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.Property(t => t.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(t => t.SourceId).HasMaxLength(SourceColumns.SourceIdLength);
        builder.HasIndex(t => new { t.SourceKey, t.SourceId });
    }
}

internal sealed class DirectoryFeedConfiguration : IEntityTypeConfiguration<DirectoryFeed>
{
    public void Configure(EntityTypeBuilder<DirectoryFeed> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Url).HasMaxLength(2000);
        builder.Property(f => f.SourceKey).HasMaxLength(SourceColumns.SourceKeyLength);
        builder.Property(f => f.LastError).HasMaxLength(2000);
        builder.Property(f => f.LastRejections).HasMaxLength(8000);
        builder.HasIndex(f => f.SourceKey).IsUnique();
    }
}
