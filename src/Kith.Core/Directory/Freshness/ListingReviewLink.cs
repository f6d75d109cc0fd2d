using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Directory.Freshness;

/// <summary>
/// One "still correct" link sent in a review reminder. The link carries a random token; only its
/// SHA-256 hash is stored, so the table cannot be turned back into working links. A link works for
/// its one listing until <see cref="ExpiresAt"/>, once: confirming the listing uses up every
/// outstanding link of that listing. See docs/adr/0016-freshness-reminders.md.
/// </summary>
public class ListingReviewLink
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssetId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Which reminder carried it (1 to 3).</summary>
    public int ReminderNumber { get; set; }

    /// <summary>UTC instant the reminder was queued.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant after which the link no longer works.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>UTC instant the listing was confirmed (through this link or another of the same listing); null while unused.</summary>
    public DateTime? UsedAt { get; set; }
}

internal sealed class ListingReviewLinkConfiguration : IEntityTypeConfiguration<ListingReviewLink>
{
    public void Configure(EntityTypeBuilder<ListingReviewLink> builder)
    {
        builder.ToTable("ListingReviewLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.AssetId);
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}
