using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.Relationships.Surveys;

/// <summary>Where a survey round stands.</summary>
public enum SurveyStatus
{
    /// <summary>Being set up; no links sent.</summary>
    Draft,

    /// <summary>Links sent; answers accepted until the closing date or "close now".</summary>
    Open,

    /// <summary>No more answers; the answers given are kept.</summary>
    Closed,
}

/// <summary>
/// One round of the relationship survey (ADR 25): staff members and resident representatives get an emailed link and name,
/// from a roster of actors, who they work with on a topic and who they go to for advice. Each answer becomes a
/// <see cref="RelationshipTie"/> with <see cref="TieSource.Survey"/> and this round's id.
/// </summary>
public class SurveyRound : IAuditedRecord
{
    public const int TitleLimit = 200;
    public const int TopicLimit = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>"Spring 2027 partnership survey", in the manager's words.</summary>
    public required string Title { get; set; }

    /// <summary>What the questions are about, in the manager's words ("mental health in Northfield").</summary>
    public required string Topic { get; set; }

    /// <summary>"Who do you work with on {topic}?" → <see cref="TieType.WorksWith"/> (mutual).</summary>
    public bool AsksWorksWith { get; set; }

    /// <summary>"Who do you go to for advice on {topic}?" → <see cref="TieType.SeeksAdviceFrom"/> (one way).</summary>
    public bool AsksAdvice { get; set; }

    /// <summary>"Who do you share information with about {topic}?" → <see cref="TieType.SharesInformationWith"/> (one way).</summary>
    public bool AsksSharesInformation { get; set; }

    /// <summary>"How strong is that relationship?" 1–5; when not asked every tie is recorded as <see cref="UnaskedStrength"/>.</summary>
    public bool AsksStrength { get; set; }

    /// <summary>"How does working with them affect your energy?" → <see cref="TieEnergy"/>.</summary>
    public bool AsksEnergy { get; set; }

    /// <summary>The last day answers are accepted (UK date; the round closes at the end of it, UTC).</summary>
    public DateOnly ClosesOn { get; set; }

    public SurveyStatus Status { get; set; }

    /// <summary>UTC instant the links were sent.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>UTC instant a manager closed the round early; null when it closed (or will close) on <see cref="ClosesOn"/>.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>The round this one repeats, for comparison.</summary>
    public Guid? PreviousRoundId { get; set; }

    /// <summary>True: respondents may name every current actor; false: only those in <see cref="Roster"/>.</summary>
    public bool RosterIsEveryone { get; set; }

    /// <summary>How many reminders have been sent; each has its own outbox event key.</summary>
    public int RemindersSent { get; set; }

    public string? CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;

    public List<SurveyRosterActor> Roster { get; set; } = [];

    public List<SurveyViewer> Viewers { get; set; } = [];

    public List<SurveyRecipient> Recipients { get; set; } = [];

    /// <summary>The strength recorded for a tie when the round does not ask for one: the middle of 1–5.</summary>
    public const int UnaskedStrength = 3;

    /// <summary>The tie types this round asks about, in the order the questions are shown.</summary>
    public IReadOnlyList<TieType> Questions =>
        new[] { (AsksWorksWith, TieType.WorksWith), (AsksAdvice, TieType.SeeksAdviceFrom), (AsksSharesInformation, TieType.SharesInformationWith) }
            .Where(q => q.Item1).Select(q => q.Item2).ToList();

    /// <summary>Whether the round takes answers at <paramref name="now"/> (UTC): open, and not past the end of its closing day.</summary>
    public bool IsOpenAt(DateTime now) => Status == SurveyStatus.Open && now < ClosesAt;

    /// <summary>UTC instant the round stops taking answers on its closing date: the end of <see cref="ClosesOn"/>, UK time.</summary>
    public DateTime ClosesAt => TimeZoneInfo.ConvertTimeToUtc(ClosesOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkZone);

    private static readonly TimeZoneInfo UkZone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The status as of <paramref name="now"/>: an open round past its closing date counts as closed.</summary>
    public SurveyStatus StatusAt(DateTime now) => Status == SurveyStatus.Open && now >= ClosesAt ? SurveyStatus.Closed : Status;

    /// <summary>The day the round stopped taking answers, or will.</summary>
    public DateOnly ClosedOn => ClosedAt is { } at ? DateOnly.FromDateTime(at) : ClosesOn;

    /// <summary>The question for a tie type, in plain words, with the round's topic.</summary>
    public string Question(TieType type) => type switch
    {
        TieType.WorksWith => $"Who do you work with on {Topic}?",
        TieType.SeeksAdviceFrom => $"Who do you go to for advice on {Topic}?",
        TieType.SharesInformationWith => $"Who do you share information with about {Topic}?",
        _ => type.ToString(),
    };

    /// <summary>The short column heading for a tie type.</summary>
    public static string ShortQuestion(TieType type) => type switch
    {
        TieType.WorksWith => "Work with",
        TieType.SeeksAdviceFrom => "Go to for advice",
        TieType.SharesInformationWith => "Share information with",
        _ => type.ToString(),
    };

    /// <summary>Whether a tie of the type runs one way (from the respondent) rather than both.</summary>
    public static bool IsDirected(TieType type) => type != TieType.WorksWith;
}

/// <summary>An actor respondents may name in a round whose roster is chosen.</summary>
public class SurveyRosterActor
{
    public Guid RoundId { get; set; }

    public Guid ActorId { get; set; }
}

/// <summary>A staff account named as one who may see respondents' personal answers (energy, notes) in a round.</summary>
public class SurveyViewer
{
    public const int NameLimit = 200;

    public Guid RoundId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The name respondents are told, as it was when the round was set up.</summary>
    public required string Name { get; set; }

    /// <summary>Their role in words ("Manager"), as respondents are told.</summary>
    public required string Role { get; set; }
}

/// <summary>
/// Someone asked to answer a round: an identifiable person's actor with an email. The link's secret is never stored, only
/// its SHA-256 (as for introductions, ADR 20). A reminder issues a new link, which replaces the earlier one.
/// </summary>
public class SurveyRecipient : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RoundId { get; set; }

    public Guid ActorId { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the link's token; null until the link is sent.</summary>
    public string? TokenHash { get; set; }

    /// <summary>UTC instant the first link was queued.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>UTC instant of the first saved answers.</summary>
    public DateTime? AnsweredAt { get; set; }

    /// <summary>UTC instant the answers were last saved (the first time or a change).</summary>
    public DateTime? LastChangedAt { get; set; }

    /// <summary>How many reminders this recipient has had.</summary>
    public int RemindersSent { get; set; }

    public int Version { get; set; } = 1;
}

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(SurveyRound.TitleLimit);
        builder.Property(r => r.Topic).HasMaxLength(SurveyRound.TopicLimit);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450);
        builder.Property(r => r.CreatedByName).HasMaxLength(SurveyViewer.NameLimit);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Questions);
        builder.HasIndex(r => r.PreviousRoundId);
        builder.HasMany(r => r.Roster).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Viewers).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Recipients).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyRosterActorConfiguration : IEntityTypeConfiguration<SurveyRosterActor>
{
    public void Configure(EntityTypeBuilder<SurveyRosterActor> builder)
    {
        builder.HasKey(a => new { a.RoundId, a.ActorId });
        builder.HasOne<RelationshipActor>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyViewerConfiguration : IEntityTypeConfiguration<SurveyViewer>
{
    public void Configure(EntityTypeBuilder<SurveyViewer> builder)
    {
        builder.HasKey(v => new { v.RoundId, v.UserId });
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.Property(v => v.Name).HasMaxLength(SurveyViewer.NameLimit);
        builder.Property(v => v.Role).HasMaxLength(50);
    }
}

internal sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> builder)
    {
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => new { r.RoundId, r.ActorId }).IsUnique();
        builder.HasOne<RelationshipActor>().WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
