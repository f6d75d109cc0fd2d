using System.Text.Json;
using System.Reflection;
using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Connections.Introductions;
using Kith.Core.Directory;
using Kith.Core.Directory.Interchange;
using Kith.Core.People;
using Kith.Core.Platform;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Jobs;
using Kith.Core.Platform.Journeys;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Platform.Protection;
using Kith.Core.Platform.Teams;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Core.Data;

/// <summary>
/// The one database context. Each module keeps its entity configurations beside its code. Saving
/// changes to an <see cref="IAuditedRecord"/> needs an actor (<see cref="Actor"/>) and writes the
/// audit events in the same transaction. Properties marked <see cref="ProtectedTextAttribute"/> are stored
/// encrypted with <paramref name="fields"/>, and their values never enter the audit trail.
/// </summary>
public class KithDbContext(DbContextOptions<KithDbContext> options, TimeProvider? clock = null, IFieldProtector? fields = null)
    : IdentityDbContext<KithUser, IdentityRole, string>(options)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Encrypts protected text. The model is cached per protector (see <see cref="ProtectorModelCacheKeyFactory"/>).</summary>
    public IFieldProtector FieldProtector { get; } = fields ?? UnconfiguredFieldProtector.Instance;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<CommunityAsset> CommunityAssets => Set<CommunityAsset>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Accessibility> AccessibilityFeatures => Set<Accessibility>();

    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Phone> Phones => Set<Phone>();

    public DbSet<Schedule> Schedules => Set<Schedule>();

    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();

    public DbSet<CostOption> CostOptions => Set<CostOption>();

    public DbSet<Language> Languages => Set<Language>();

    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();

    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();

    public DbSet<AssetTaxonomyTerm> AssetTaxonomyTerms => Set<AssetTaxonomyTerm>();

    public DbSet<AssetRevision> AssetRevisions => Set<AssetRevision>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<RelationshipActor> RelationshipActors => Set<RelationshipActor>();

    public DbSet<RelationshipTie> RelationshipTies => Set<RelationshipTie>();

    public DbSet<RelationshipSnapshot> RelationshipSnapshots => Set<RelationshipSnapshot>();

    public DbSet<RelationshipSnapshotActor> RelationshipSnapshotActors => Set<RelationshipSnapshotActor>();

    public DbSet<RelationshipSnapshotTie> RelationshipSnapshotTies => Set<RelationshipSnapshotTie>();

    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();

    public DbSet<SurveyRosterActor> SurveyRosterActors => Set<SurveyRosterActor>();

    public DbSet<SurveyViewer> SurveyViewers => Set<SurveyViewer>();

    public DbSet<SurveyRecipient> SurveyRecipients => Set<SurveyRecipient>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    public DbSet<DirectoryFeed> DirectoryFeeds => Set<DirectoryFeed>();

    public DbSet<Postcode> Postcodes => Set<Postcode>();

    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();

    public DbSet<JourneyDraft> JourneyDrafts => Set<JourneyDraft>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonTeam> PersonTeams => Set<PersonTeam>();

    public DbSet<AboutMeVersion> AboutMeVersions => Set<AboutMeVersion>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationQuote> ConversationQuotes => Set<ConversationQuote>();

    public DbSet<PromptSet> PromptSets => Set<PromptSet>();

    public DbSet<Strength> Strengths => Set<Strength>();

    public DbSet<NetworkTie> NetworkTies => Set<NetworkTie>();

    public DbSet<NetworkSnapshot> NetworkSnapshots => Set<NetworkSnapshot>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<GoalRating> GoalRatings => Set<GoalRating>();

    public DbSet<GoalAction> GoalActions => Set<GoalAction>();

    public DbSet<Concern> Concerns => Set<Concern>();

    public DbSet<InstrumentDefinition> Instruments => Set<InstrumentDefinition>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<CheckInAnswer> CheckInAnswers => Set<CheckInAnswer>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<SuggestedChange> SuggestedChanges => Set<SuggestedChange>();

    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();

    public DbSet<ConnectingPreferences> ConnectingPreferences => Set<ConnectingPreferences>();

    public DbSet<Connection> Connections => Set<Connection>();

    public DbSet<ConnectionTransition> ConnectionTransitions => Set<ConnectionTransition>();

    public DbSet<ConnectionDismissal> ConnectionDismissals => Set<ConnectionDismissal>();

    public DbSet<ConnectionFollowUp> ConnectionFollowUps => Set<ConnectionFollowUp>();
    public DbSet<ConnectionFeedback> ConnectionFeedback => Set<ConnectionFeedback>();
    public DbSet<Introduction> Introductions => Set<Introduction>();
    public DbSet<Connections.Referrals.Referral> Referrals => Set<Connections.Referrals.Referral>();

    public DbSet<Connections.Referrals.ReferrerClient> ReferrerClients => Set<Connections.Referrals.ReferrerClient>();

    public DbSet<Connections.Referrals.ReferrerToken> ReferrerTokens => Set<Connections.Referrals.ReferrerToken>();

    /// <summary>Who the next save is on behalf of. Required when the save touches an audited record.</summary>
    public ProcessContext? Actor { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KithDbContext).Assembly);

        var converter = new ProtectedTextConverter(FieldProtector);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.PropertyInfo?.GetCustomAttribute<ProtectedTextAttribute>() is not null)
                {
                    property.SetValueConverter(converter);
                }
            }
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Instants are UTC everywhere; SQLite forgets the kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: every save may write audit events.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var events = CollectAuditEvents();
        if (events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        AuditEvents.AddRange(events);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves like <see cref="SaveChangesAsync(bool, CancellationToken)"/>, audit events included, but writes
    /// the added rows (and the audit events) with prepared plain inserts, parents before children; the
    /// changed and deleted rows then go through EF as usual. For bulk imports. Needs an open transaction, so
    /// that a failure leaves nothing half written.
    /// </summary>
    internal async Task SaveChangesInBulkAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var events = CollectAuditEvents();
        var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        foreach (var group in InsertOrder(added))
        {
            await RowInserter.InsertAsync(this, group.Key, [.. group.Select(RowInserter.Values)], cancellationToken);
        }

        var auditEvents = Model.FindEntityType(typeof(AuditEvent))!;
        await RowInserter.InsertAsync(this, auditEvents, [.. events.Select(e => (Func<IProperty, object?>)(p => p.PropertyInfo!.GetValue(e)))], cancellationToken);
        foreach (var entry in added)
        {
            // A row whose key the database generated is not read back, so it leaves the tracker; nothing
            // refers to such rows (revisions, audit events).
            entry.State = entry.Properties.Any(p => p.IsTemporary) ? EntityState.Detached : EntityState.Unchanged;
        }

        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        }
    }

    /// <summary>
    /// The added entries grouped by type, each type after the types it has foreign keys to; within a type
    /// that refers to itself (a term and its parent), a parent comes before its children.
    /// </summary>
    private static List<IGrouping<IEntityType, EntityEntry>> InsertOrder(List<EntityEntry> added)
    {
        var groups = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key);
        var ordered = new List<IGrouping<IEntityType, EntityEntry>>();
        var done = new HashSet<IEntityType>();
        void Visit(IEntityType type, HashSet<IEntityType> path)
        {
            if (done.Contains(type) || !path.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(t => t != type && groups.ContainsKey(t)))
            {
                Visit(principal, path);
            }

            done.Add(type);
            ordered.Add(SelfReferencing(type, groups[type]));
        }

        foreach (var type in groups.Keys.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(type, []);
        }

        return ordered;
    }

    private static IGrouping<IEntityType, EntityEntry> SelfReferencing(IEntityType type, IGrouping<IEntityType, EntityEntry> group)
    {
        var selfKeys = type.GetForeignKeys().Where(k => k.PrincipalEntityType == type && k.Properties.Count == 1).ToList();
        if (selfKeys.Count == 0)
        {
            return group;
        }

        var key = type.FindPrimaryKey()!.Properties[0].Name;
        var pending = group.ToDictionary(e => e.Property(key).CurrentValue!);
        var ordered = new List<EntityEntry>(pending.Count);
        while (pending.Count > 0)
        {
            var ready = pending.Values.Where(e => selfKeys.All(k => e.Property(k.Properties[0].Name).CurrentValue is not { } parent || !pending.ContainsKey(parent) || Equals(parent, e.Property(key).CurrentValue))).ToList();
            if (ready.Count == 0)
            {
                ready = [.. pending.Values]; // a cycle: let the database say what is wrong
            }

            foreach (var entry in ready)
            {
                pending.Remove(entry.Property(key).CurrentValue!);
                ordered.Add(entry);
            }
        }

        return ordered.GroupBy(_ => type).Single();
    }

    private List<AuditEvent> CollectAuditEvents()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only: audit events cannot be changed or deleted.");
            }

            if (entry.Entity is not IAuditedRecord record || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var actor = Actor ?? throw new InvalidOperationException(
                $"Saving a {entry.Metadata.ClrType.Name} needs an actor: set {nameof(KithDbContext)}.{nameof(Actor)} first.");
            var (action, changes) = Describe(entry);
            if (action is null)
            {
                continue;
            }

            events.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = actor.UserId,
                ActorName = actor.ActorName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = record.Id.ToString(),
                Changes = changes,
                Reason = actor.Reason,
                PersonId = (record as IPersonalRecord)?.PersonId is { } personId && personId != Guid.Empty ? personId : null,
            });
        }

        return events;
    }

    private static (string? Action, string? Changes) Describe(EntityEntry entry)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                return (AuditActions.Created, null);
            case EntityState.Deleted:
                return (AuditActions.Deleted, null);
            case EntityState.Modified:
                var changed = entry.Properties
                    .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    .ToDictionary(p => p.Metadata.Name, p => IsProtected(p)
                        ? new { from = (object?)"(protected)", to = (object?)"(protected)" }
                        : new { from = p.OriginalValue, to = p.CurrentValue });
                if (changed.Count == 0)
                {
                    return (null, null);
                }

                var action = AuditActions.Updated;
                if (changed.TryGetValue(nameof(CommunityAsset.ArchivedAt), out var archived))
                {
                    action = archived.to is null ? AuditActions.Restored : AuditActions.Archived;
                }

                return (action, JsonSerializer.Serialize(changed));
            default:
                return (null, null);
        }
    }

    private static bool IsProtected(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.GetCustomAttribute<ProtectedTextAttribute>() is not null;

    /// <summary>
    /// Caches one model per field protector: the protected-text converters hold the protector, so two hosts
    /// (or tests) with different key rings must not share a model.
    /// </summary>
    private sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is KithDbContext kith ? (context.GetType(), kith.FieldProtector, designTime) : (context.GetType(), designTime);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
