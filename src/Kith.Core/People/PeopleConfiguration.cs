using Kith.Core.Directory;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Core.People;

// Every record hangs off Person with a cascading foreign key, so erasing a person removes it all in one delete.
internal static class PersonalRecordConfiguration
{
    public static void BelongsToPerson<T>(this EntityTypeBuilder<T> builder)
        where T : class, IPersonalRecord
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(nameof(IPersonalRecord.PersonId)).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(nameof(IPersonalRecord.PersonId));
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Person.ShortTextLimit);
        builder.Property(p => p.PreferredName).HasMaxLength(Person.ShortTextLimit);
        builder.Property(p => p.Pronouns).HasMaxLength(50);
        builder.Property(p => p.Email).HasMaxLength(Person.ShortTextLimit);
        builder.Property(p => p.Phone).HasMaxLength(50);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(100);
        builder.Property(p => p.ContactNotes).HasMaxLength(500);
        builder.Property(p => p.PreferredContact).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.NhsNumber);

        // Referral matching looks people up by date of birth, then compares names.
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => p.ClosedOn);
        builder.HasMany(p => p.Teams).WithOne().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.DisplayName);
    }
}

internal sealed class PersonTeamConfiguration : IEntityTypeConfiguration<PersonTeam>
{
    public void Configure(EntityTypeBuilder<PersonTeam> builder)
    {
        builder.HasIndex(t => new { t.TeamId, t.PersonId }).IsUnique();
        builder.HasIndex(t => t.PersonId);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.TeamId }).IsUnique();
    }
}

internal sealed class AboutMeVersionConfiguration : IEntityTypeConfiguration<AboutMeVersion>
{
    public void Configure(EntityTypeBuilder<AboutMeVersion> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(v => new { v.PersonId, v.Number }).IsUnique();
        builder.Property(v => v.SupportedBy).HasMaxLength(300);
        builder.Property(v => v.WrittenByName).HasMaxLength(200);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.BelongsToPerson();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.PersonId, c.HeldOn });
        builder.HasMany(c => c.Quotes).WithOne().HasForeignKey(q => q.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PromptSet>().WithMany().HasForeignKey(c => c.PromptSetId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConversationQuoteConfiguration : IEntityTypeConfiguration<ConversationQuote>
{
    // The person's cascade comes through the conversation: a second path would be refused by some engines.
    public void Configure(EntityTypeBuilder<ConversationQuote> builder) => builder.HasIndex(q => q.PersonId);
}

internal sealed class PromptSetConfiguration : IEntityTypeConfiguration<PromptSet>
{
    public void Configure(EntityTypeBuilder<PromptSet> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Prompts).WithOne().HasForeignKey(p => p.PromptSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StrengthConfiguration : IEntityTypeConfiguration<Strength>
{
    public void Configure(EntityTypeBuilder<Strength> builder)
    {
        builder.BelongsToPerson();
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.NamedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Words).HasMaxLength(Strength.WordsLimit);
        builder.Property(s => s.SearchText).HasMaxLength(Strength.WordsLimit);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class NetworkTieConfiguration : IEntityTypeConfiguration<NetworkTie>
{
    public void Configure(EntityTypeBuilder<NetworkTie> builder)
    {
        builder.BelongsToPerson();
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Valence).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Relationship).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<CommunityAsset>().WithMany().HasForeignKey(t => t.CommunityAssetId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NetworkSnapshotConfiguration : IEntityTypeConfiguration<NetworkSnapshot>
{
    public void Configure(EntityTypeBuilder<NetworkSnapshot> builder) => builder.BelongsToPerson();
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.BelongsToPerson();
        builder.Property(g => g.Words).HasMaxLength(Goal.WordsLimit);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasMany(g => g.Ratings).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Actions).WithOne().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalRatingConfiguration : IEntityTypeConfiguration<GoalRating>
{
    public void Configure(EntityTypeBuilder<GoalRating> builder) => builder.HasIndex(r => r.PersonId);
}

internal sealed class GoalActionConfiguration : IEntityTypeConfiguration<GoalAction>
{
    public void Configure(EntityTypeBuilder<GoalAction> builder)
    {
        builder.HasIndex(a => a.PersonId);
        builder.Property(a => a.Owner).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.BelongsToPerson();
        builder.Property(c => c.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class InstrumentDefinitionConfiguration : IEntityTypeConfiguration<InstrumentDefinition>
{
    public void Configure(EntityTypeBuilder<InstrumentDefinition> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(50);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Version).HasMaxLength(50);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.BelongsToPerson();
        builder.Property(c => c.InstrumentKey).HasMaxLength(50);
        builder.Property(c => c.InstrumentVersion).HasMaxLength(50);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.PersonId, c.InstrumentKey, c.TakenOn });
        builder.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.CheckInId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInAnswerConfiguration : IEntityTypeConfiguration<CheckInAnswer>
{
    public void Configure(EntityTypeBuilder<CheckInAnswer> builder)
    {
        builder.HasIndex(a => a.PersonId);
        builder.Property(a => a.ItemKey).HasMaxLength(50);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.BelongsToPerson();
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.How).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OrganisationName).HasMaxLength(300);
    }
}

internal sealed class SuggestedChangeConfiguration : IEntityTypeConfiguration<SuggestedChange>
{
    public void Configure(EntityTypeBuilder<SuggestedChange> builder)
    {
        builder.BelongsToPerson();
        builder.Property(s => s.Target).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Field).HasMaxLength(50);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(b => new { b.UserId, b.PersonId, b.ExpiresAt });
    }
}
