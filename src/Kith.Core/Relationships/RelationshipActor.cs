using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Relationships;

/// <summary>What an actor on the relationship map is.</summary>
public enum ActorKind
{
    StaffMember,
    Team,
    Organisation,
    CommunityGroup,
    CommunityAsset,
    ResidentRepresentative,
}

/// <summary>How much money an actor holds for the work: a band, not a figure, so no-one has to disclose a budget line.</summary>
public enum BudgetBand
{
    /// <summary>Under £10,000 a year.</summary>
    Under10k,

    /// <summary>£10,000 to £100,000 a year.</summary>
    From10kTo100k,

    /// <summary>£100,000 to £1 million a year.</summary>
    From100kTo1m,

    /// <summary>More than £1 million a year.</summary>
    Over1m,
}

/// <summary>How much time an actor has to give to joint work.</summary>
public enum TimeToGive
{
    None,
    Little,
    Some,
    Plenty,
}

/// <summary>
/// Someone or something on the relationship map: a staff member, team, organisation, community group, community
/// asset or resident representative, with the attributes that say where power sits (who decides, who holds money,
/// time and knowledge). Staff members and resident representatives are identifiable people: their ties are kept
/// only with their recorded agreement (<see cref="AgreedToMappingAt"/>) and for the retention period.
/// </summary>
public class RelationshipActor : IAuditedRecord
{
    public const int NameLimit = 200;
    public const int ShortTextLimit = 200;
    public const int ListLimit = 1000;

    /// <summary>The separator of <see cref="Tags"/>, <see cref="DecidesAbout"/> and <see cref="KnowsAbout"/>.</summary>
    public const char ListSeparator = ';';

    public Guid Id { get; set; } = Guid.NewGuid();

    public ActorKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The neighbourhood or area the actor works in ("Northfield"), in the organisation's own words.</summary>
    public string? Area { get; set; }

    /// <summary>"health", "social care", "voluntary and community", "housing", "education", … in the organisation's own words.</summary>
    public string? Sector { get; set; }

    /// <summary>Free tags, separated by <see cref="ListSeparator"/>.</summary>
    public string? Tags { get; set; }

    /// <summary>Topics the actor makes decisions about, separated by <see cref="ListSeparator"/> ("mental health; housing").</summary>
    public string? DecidesAbout { get; set; }

    public bool HoldsBudget { get; set; }

    /// <summary>Only when <see cref="HoldsBudget"/>.</summary>
    public BudgetBand? BudgetBand { get; set; }

    public TimeToGive? TimeToGive { get; set; }

    /// <summary>Topics the actor holds knowledge of, separated by <see cref="ListSeparator"/>.</summary>
    public string? KnowsAbout { get; set; }

    /// <summary>How interested the actor is in the work, 1 (hardly) to 5 (very); null when nobody has said.</summary>
    public int? Interest { get; set; }

    /// <summary>How much influence the actor has over the work, 1 (little) to 5 (a great deal); null when nobody has said.</summary>
    public int? Influence { get; set; }

    /// <summary>Where the work would like this actor's interest to be, 1–5 (the grid's desired position).</summary>
    public int? DesiredInterest { get; set; }

    /// <summary>Where the work would like this actor's influence to be, 1–5.</summary>
    public int? DesiredInfluence { get; set; }

    /// <summary>For <see cref="ActorKind.CommunityAsset"/> and <see cref="ActorKind.CommunityGroup"/>: the asset in the directory.</summary>
    public Guid? CommunityAssetId { get; set; }

    /// <summary>For <see cref="ActorKind.Organisation"/>: the organisation in the directory, when it is there.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>For <see cref="ActorKind.Team"/>: Kith's own team.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>For <see cref="ActorKind.StaffMember"/>: their Kith account, when they have one.</summary>
    public string? UserId { get; set; }

    /// <summary>Where an identifiable person can be reached for a survey; never shown on the map.</summary>
    public string? Email { get; set; }

    /// <summary>UTC instant an identifiable person (staff member, resident representative) agreed to be on the map; null until then.</summary>
    public DateTime? AgreedToMappingAt { get; set; }

    /// <summary>How that agreement was given ("in the survey", "by email to the manager").</summary>
    public string? AgreementHow { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>UTC instant the actor left the map (closed, moved on); their past ties stay in snapshots.</summary>
    public DateTime? ArchivedAt { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Whether the actor is an identifiable person, whose ties follow consent and retention rules.</summary>
    public bool IsIdentifiablePerson => Kind is ActorKind.StaffMember or ActorKind.ResidentRepresentative;

    /// <summary>Splits one of the separated lists into trimmed, non-empty entries.</summary>
    public static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Joins entries into one separated list, dropping blanks and repeats (ignoring case); null when empty.</summary>
    public static string? JoinList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var kept = entries.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return kept.Count == 0 ? null : string.Join($"{ListSeparator} ", kept);
    }
}

internal sealed class RelationshipActorConfiguration : IEntityTypeConfiguration<RelationshipActor>
{
    public void Configure(EntityTypeBuilder<RelationshipActor> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Name).HasMaxLength(RelationshipActor.NameLimit);
        builder.Property(a => a.Area).HasMaxLength(RelationshipActor.ShortTextLimit);
        builder.Property(a => a.Sector).HasMaxLength(RelationshipActor.ShortTextLimit);
        builder.Property(a => a.Tags).HasMaxLength(RelationshipActor.ListLimit);
        builder.Property(a => a.DecidesAbout).HasMaxLength(RelationshipActor.ListLimit);
        builder.Property(a => a.KnowsAbout).HasMaxLength(RelationshipActor.ListLimit);
        builder.Property(a => a.BudgetBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TimeToGive).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Email).HasMaxLength(RelationshipActor.ShortTextLimit);
        builder.Property(a => a.AgreementHow).HasMaxLength(RelationshipActor.ShortTextLimit);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => a.CommunityAssetId);
        builder.HasIndex(a => a.TeamId);
        builder.HasIndex(a => a.LastModified); // the map cache polls max(LastModified)
    }
}
