using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Data;

/// <summary>One thing wrong with what was typed, against the field it belongs to (a property name of the values).</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>What was typed is not valid; nothing was saved.</summary>
public sealed class RelationshipValidationException : Exception
{
    public RelationshipValidationException()
    {
        Problems = [];
    }

    public RelationshipValidationException(string message)
        : base(message)
    {
        Problems = [new FieldProblem(string.Empty, message)];
    }

    public RelationshipValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new FieldProblem(string.Empty, message)];
    }

    public RelationshipValidationException(IReadOnlyList<FieldProblem> problems)
        : base(problems is { Count: > 0 } ? problems[0].Message : "The values are not valid.")
    {
        Problems = problems;
    }

    public IReadOnlyList<FieldProblem> Problems { get; }
}

/// <summary>Someone saved the actor or tie since the form was opened; nothing was saved.</summary>
public sealed class RelationshipConflictException : Exception
{
    public RelationshipConflictException()
        : base("Someone changed this since you opened the page.")
    {
    }

    public RelationshipConflictException(string message)
        : base(message)
    {
    }

    public RelationshipConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An actor's attributes as typed on the page or read from a CSV row.</summary>
public sealed class ActorValues
{
    public ActorKind? Kind { get; set; }

    public string? Name { get; set; }

    public string? Area { get; set; }

    public string? Sector { get; set; }

    public string? Tags { get; set; }

    public string? DecidesAbout { get; set; }

    public bool HoldsBudget { get; set; }

    public BudgetBand? BudgetBand { get; set; }

    public TimeToGive? TimeToGive { get; set; }

    public string? KnowsAbout { get; set; }

    public int? Interest { get; set; }

    public int? Influence { get; set; }

    public int? DesiredInterest { get; set; }

    public int? DesiredInfluence { get; set; }

    public Guid? CommunityAssetId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? TeamId { get; set; }

    public string? Email { get; set; }

    public static ActorValues From(RelationshipActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new ActorValues
        {
            Kind = actor.Kind,
            Name = actor.Name,
            Area = actor.Area,
            Sector = actor.Sector,
            Tags = actor.Tags,
            DecidesAbout = actor.DecidesAbout,
            HoldsBudget = actor.HoldsBudget,
            BudgetBand = actor.BudgetBand,
            TimeToGive = actor.TimeToGive,
            KnowsAbout = actor.KnowsAbout,
            Interest = actor.Interest,
            Influence = actor.Influence,
            DesiredInterest = actor.DesiredInterest,
            DesiredInfluence = actor.DesiredInfluence,
            CommunityAssetId = actor.CommunityAssetId,
            OrganizationId = actor.OrganizationId,
            TeamId = actor.TeamId,
            Email = actor.Email,
        };
    }

    /// <summary>Whether applying these values would change nothing on <paramref name="actor"/>.</summary>
    internal bool SameAs(RelationshipActor actor) =>
        Kind == actor.Kind && Clean(Name) == actor.Name && Clean(Area) == actor.Area && Clean(Sector) == actor.Sector
        && List(Tags) == actor.Tags && List(DecidesAbout) == actor.DecidesAbout && HoldsBudget == actor.HoldsBudget
        && (HoldsBudget ? BudgetBand : null) == actor.BudgetBand && TimeToGive == actor.TimeToGive && List(KnowsAbout) == actor.KnowsAbout
        && Interest == actor.Interest && Influence == actor.Influence && DesiredInterest == actor.DesiredInterest
        && DesiredInfluence == actor.DesiredInfluence && CommunityAssetId == actor.CommunityAssetId
        && OrganizationId == actor.OrganizationId && TeamId == actor.TeamId && Clean(Email) == actor.Email;

    internal void ApplyTo(RelationshipActor actor)
    {
        actor.Kind = Kind!.Value;
        actor.Name = Clean(Name)!;
        actor.Area = Clean(Area);
        actor.Sector = Clean(Sector);
        actor.Tags = List(Tags);
        actor.DecidesAbout = List(DecidesAbout);
        actor.HoldsBudget = HoldsBudget;
        actor.BudgetBand = HoldsBudget ? BudgetBand : null;
        actor.TimeToGive = TimeToGive;
        actor.KnowsAbout = List(KnowsAbout);
        actor.Interest = Interest;
        actor.Influence = Influence;
        actor.DesiredInterest = DesiredInterest;
        actor.DesiredInfluence = DesiredInfluence;
        actor.CommunityAssetId = CommunityAssetId;
        actor.OrganizationId = OrganizationId;
        actor.TeamId = TeamId;
        actor.Email = Clean(Email);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string? List(string? text) => RelationshipActor.JoinList(RelationshipActor.SplitList(text?.Replace(',', RelationshipActor.ListSeparator)));
}

/// <summary>A tie as typed on the page or read from a CSV row.</summary>
public sealed class TieValues
{
    public Guid FromActorId { get; set; }

    public Guid ToActorId { get; set; }

    public TieType? Type { get; set; }

    public bool IsDirected { get; set; }

    public int? Strength { get; set; }

    public TieFrequency? Frequency { get; set; }

    public DateOnly? Since { get; set; }

    public DateOnly? Until { get; set; }

    public string? Notes { get; set; }

    public static TieValues From(RelationshipTie tie)
    {
        ArgumentNullException.ThrowIfNull(tie);
        return new TieValues
        {
            FromActorId = tie.FromActorId,
            ToActorId = tie.ToActorId,
            Type = tie.Type,
            IsDirected = tie.IsDirected,
            Strength = tie.Strength,
            Frequency = tie.Frequency,
            Since = tie.Since,
            Until = tie.Until,
            Notes = tie.Notes,
        };
    }

    internal bool SameAs(RelationshipTie tie) =>
        FromActorId == tie.FromActorId && ToActorId == tie.ToActorId && Type == tie.Type && IsDirected == tie.IsDirected
        && Strength == tie.Strength && Frequency == tie.Frequency && Since == tie.Since && Until == tie.Until
        && ActorValues.Clean(Notes) == tie.Notes;

    internal void ApplyTo(RelationshipTie tie)
    {
        tie.FromActorId = FromActorId;
        tie.ToActorId = ToActorId;
        tie.Type = Type!.Value;
        tie.IsDirected = IsDirected;
        tie.Strength = Strength!.Value;
        tie.Frequency = Frequency;
        tie.Since = Since;
        tie.Until = Until;
        tie.Notes = ActorValues.Clean(Notes);
    }
}

/// <summary>Which actors the list shows.</summary>
public sealed record ActorQuery(ActorKind? Kind = null, string? Sector = null, string? Area = null, string? Search = null, bool IncludeArchived = false);

/// <summary>An actor with every tie that involves it, and the names of the actors at the other ends.</summary>
public sealed record ActorDetails(RelationshipActor Actor, IReadOnlyList<RelationshipTie> Ties, IReadOnlyDictionary<Guid, RelationshipActor> Others);

/// <summary>Something an actor or tie can be linked to, for a pick list.</summary>
public sealed record LinkChoice(Guid Id, string Name);

/// <summary>The lists an actor's links are picked from.</summary>
public sealed record LinkChoices(IReadOnlyList<LinkChoice> Teams, IReadOnlyList<LinkChoice> Assets, IReadOnlyList<LinkChoice> Organisations);

/// <summary>How many actors and ties the map holds, for the hub.</summary>
public sealed record MapCounts(int Actors, int NotYetAgreed, int Ties, int ObservedTies, int Snapshots);

/// <summary>
/// Creates, changes and archives the relationship map's actors and ties (ADR 0023): every save audited in the same
/// transaction, every edit checked against the version the form was opened on, every value checked with a message
/// that says what to do. Identifiable people (staff members, resident representatives) are on the map only once their
/// agreement is recorded; withdrawing it deletes their ties at once.
/// </summary>
public sealed class RelationshipMapService(KithDbContext db, TimeProvider clock)
{
    public const int AgreementHowLimit = RelationshipActor.ShortTextLimit;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The problems with an actor's values, in the order of the fields on the page; empty when they are fine.</summary>
    public static List<FieldProblem> Validate(ActorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<FieldProblem>();
        if (values.Kind is null)
        {
            problems.Add(new(nameof(ActorValues.Kind), "Select what kind of actor this is"));
        }

        var name = ActorValues.Clean(values.Name);
        if (name is null)
        {
            problems.Add(new(nameof(ActorValues.Name), "Enter the actor's name"));
        }
        else if (name.Length > RelationshipActor.NameLimit)
        {
            problems.Add(new(nameof(ActorValues.Name), $"Name must be {RelationshipActor.NameLimit} characters or fewer"));
        }

        foreach (var (field, text) in new[] { (nameof(ActorValues.Area), values.Area), (nameof(ActorValues.Sector), values.Sector), (nameof(ActorValues.Email), values.Email) })
        {
            if (ActorValues.Clean(text) is { Length: > RelationshipActor.ShortTextLimit })
            {
                problems.Add(new(field, $"{field} must be {RelationshipActor.ShortTextLimit} characters or fewer"));
            }
        }

        foreach (var (field, text) in new[] { (nameof(ActorValues.Tags), values.Tags), (nameof(ActorValues.DecidesAbout), values.DecidesAbout), (nameof(ActorValues.KnowsAbout), values.KnowsAbout) })
        {
            if (ActorValues.List(text) is { Length: > RelationshipActor.ListLimit })
            {
                problems.Add(new(field, $"The list must be {RelationshipActor.ListLimit} characters or fewer: keep the main topics"));
            }
        }

        if (values.HoldsBudget && values.BudgetBand is null)
        {
            problems.Add(new(nameof(ActorValues.BudgetBand), "Select roughly how much budget they hold"));
        }

        foreach (var (field, value, what) in new[]
        {
            (nameof(ActorValues.Interest), values.Interest, "Interest"),
            (nameof(ActorValues.Influence), values.Influence, "Influence"),
            (nameof(ActorValues.DesiredInterest), values.DesiredInterest, "Desired interest"),
            (nameof(ActorValues.DesiredInfluence), values.DesiredInfluence, "Desired influence"),
        })
        {
            if (value is < 1 or > 5)
            {
                problems.Add(new(field, $"{what} must be between 1 and 5, or left empty"));
            }
        }

        if (ActorValues.Clean(values.Email) is { } email && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            problems.Add(new(nameof(ActorValues.Email), "Enter an email address in the correct format, like name@example.org"));
        }

        return problems;
    }

    /// <summary>The problems with a tie's values; the duplicate check needs the database, so it is done on save.</summary>
    public static List<FieldProblem> Validate(TieValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<FieldProblem>();
        if (values.ToActorId == Guid.Empty)
        {
            problems.Add(new(nameof(TieValues.ToActorId), "Select who the tie is with"));
        }
        else if (values.FromActorId == values.ToActorId)
        {
            problems.Add(new(nameof(TieValues.ToActorId), "Select a different actor: a tie joins two different actors"));
        }

        if (values.Type is null)
        {
            problems.Add(new(nameof(TieValues.Type), "Select the type of relationship"));
        }

        if (values.Strength is null)
        {
            problems.Add(new(nameof(TieValues.Strength), "Select how strong the relationship is, from 1 to 5"));
        }
        else if (values.Strength is < 1 or > 5)
        {
            problems.Add(new(nameof(TieValues.Strength), "Strength must be between 1 (weak) and 5 (strong)"));
        }

        if (values.Since is { } since && values.Until is { } until && until < since)
        {
            problems.Add(new(nameof(TieValues.Until), "The end date must be the same as or after the start date"));
        }

        if (ActorValues.Clean(values.Notes) is { Length: > RelationshipTie.NotesLimit })
        {
            problems.Add(new(nameof(TieValues.Notes), $"Notes must be {RelationshipTie.NotesLimit} characters or fewer"));
        }

        return problems;
    }

    public async Task<MapCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        var actors = await db.RelationshipActors.CountAsync(a => a.ArchivedAt == null, cancellationToken);
        var notAgreed = await db.RelationshipActors.CountAsync(
            a => a.ArchivedAt == null && a.AgreedToMappingAt == null && (a.Kind == ActorKind.StaffMember || a.Kind == ActorKind.ResidentRepresentative), cancellationToken);
        var ties = await db.RelationshipTies.CountAsync(cancellationToken);
        var observed = await db.RelationshipTies.CountAsync(t => t.Source == TieSource.Observed, cancellationToken);
        var snapshots = await db.RelationshipSnapshots.CountAsync(cancellationToken);
        return new MapCounts(actors, notAgreed, ties, observed, snapshots);
    }

    /// <summary>Actors matching the query, by name.</summary>
    public async Task<List<RelationshipActor>> ActorsAsync(ActorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = db.RelationshipActors.AsNoTracking();
        if (!query.IncludeArchived)
        {
            q = q.Where(a => a.ArchivedAt == null);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(a => a.Kind == kind);
        }

        var actors = await q.OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        bool Matches(string? value, string? wanted) => wanted is null || string.Equals(value?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase);
        var search = ActorValues.Clean(query.Search);
        return actors
            .Where(a => Matches(a.Sector, ActorValues.Clean(query.Sector)) && Matches(a.Area, ActorValues.Clean(query.Area)))
            .Where(a => search is null || a.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The sectors and areas in use, for the list's filters.</summary>
    public async Task<(List<string> Sectors, List<string> Areas)> FacetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null).Select(a => new { a.Sector, a.Area }).ToListAsync(cancellationToken);
        static List<string> Distinct(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return (Distinct(rows.Select(r => r.Sector)), Distinct(rows.Select(r => r.Area)));
    }

    /// <summary>Kith's teams, the directory's community assets and organisations, by name, for linking an actor to them.</summary>
    public async Task<LinkChoices> LinkChoicesAsync(CancellationToken cancellationToken = default)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Name).Select(t => new LinkChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        var assets = await db.CommunityAssets.AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Name).Select(a => new LinkChoice(a.Id, a.Name)).ToListAsync(cancellationToken);
        var organisations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new LinkChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new LinkChoices(teams, assets, organisations);
    }

    /// <summary>Every actor not archived, by name, for choosing the other end of a tie.</summary>
    public Task<List<LinkChoice>> ActorChoicesAsync(CancellationToken cancellationToken = default) =>
        db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Name).Select(a => new LinkChoice(a.Id, a.Name)).ToListAsync(cancellationToken);

    public Task<RelationshipActor?> ActorAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.RelationshipActors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<ActorDetails?> DetailsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await ActorAsync(id, cancellationToken) is not { } actor)
        {
            return null;
        }

        var ties = await db.RelationshipTies.AsNoTracking().Where(t => t.FromActorId == id || t.ToActorId == id).ToListAsync(cancellationToken);
        var otherIds = ties.Select(t => t.FromActorId == id ? t.ToActorId : t.FromActorId).ToHashSet();
        var others = await db.RelationshipActors.AsNoTracking().Where(a => otherIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var ordered = ties.OrderBy(t => t.Type).ThenByDescending(t => t.Strength)
            .ThenBy(t => others.TryGetValue(t.FromActorId == id ? t.ToActorId : t.FromActorId, out var o) ? o.Name : string.Empty, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ActorDetails(actor, ordered, others);
    }

    public Task<RelationshipTie?> TieAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.RelationshipTies.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Adds an actor. Identifiable people start not yet agreed: they are kept off the map until their agreement is recorded.</summary>
    /// <exception cref="RelationshipValidationException">The values are not valid.</exception>
    public async Task<RelationshipActor> CreateActorAsync(ActorValues values, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Throw(Validate(values));
        var actor = new RelationshipActor { Name = string.Empty, CreatedAt = Now, LastModified = Now };
        values.ApplyTo(actor);
        db.Actor = context;
        db.RelationshipActors.Add(actor);
        await db.SaveChangesAsync(cancellationToken);
        return actor;
    }

    /// <exception cref="RelationshipValidationException">The values are not valid.</exception>
    /// <exception cref="RelationshipConflictException">The actor changed since <paramref name="version"/>.</exception>
    /// <exception cref="KeyNotFoundException">There is no such actor.</exception>
    public async Task<RelationshipActor> UpdateActorAsync(Guid id, ActorValues values, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Throw(Validate(values));
        var actor = await TrackedActorAsync(id, version, cancellationToken);
        if (values.SameAs(actor))
        {
            return actor;
        }

        values.ApplyTo(actor);
        Touch(actor);
        await SaveAsync(context, cancellationToken);
        return actor;
    }

    /// <summary>Takes the actor off the map (its ties stay, and show again if it is restored).</summary>
    public async Task ArchiveActorAsync(Guid id, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = await TrackedActorAsync(id, version, cancellationToken);
        if (actor.ArchivedAt is not null)
        {
            return;
        }

        actor.ArchivedAt = Now;
        Touch(actor);
        await SaveAsync(context, cancellationToken);
    }

    public async Task RestoreActorAsync(Guid id, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = await TrackedActorAsync(id, version, cancellationToken);
        if (actor.ArchivedAt is null)
        {
            return;
        }

        actor.ArchivedAt = null;
        Touch(actor);
        await SaveAsync(context, cancellationToken);
    }

    /// <summary>Records that an identifiable person agreed to be on the map: how, and on which day (today when null).</summary>
    /// <exception cref="RelationshipValidationException">"How" is empty or too long, the day is in the future, or the actor is not an identifiable person.</exception>
    public async Task RecordAgreementAsync(Guid id, string? how, DateOnly? on, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = await TrackedActorAsync(id, version, cancellationToken);
        var problems = new List<FieldProblem>();
        if (!actor.IsIdentifiablePerson)
        {
            problems.Add(new("How", "Only staff members and resident representatives need to agree to be on the map"));
        }

        var text = ActorValues.Clean(how);
        if (text is null)
        {
            problems.Add(new("How", "Enter how they agreed, for example \"by email to the team manager\""));
        }
        else if (text.Length > AgreementHowLimit)
        {
            problems.Add(new("How", $"How they agreed must be {AgreementHowLimit} characters or fewer"));
        }

        if (on is { } day && day > Today)
        {
            problems.Add(new("On", "The date they agreed must be today or in the past"));
        }

        Throw(problems);
        actor.AgreedToMappingAt = on is { } d && d < Today ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : Now;
        actor.AgreementHow = text;
        Touch(actor);
        await SaveAsync(context, cancellationToken);
    }

    /// <summary>
    /// Records that an identifiable person withdrew their agreement: every tie involving them is deleted at once
    /// (each deletion audited), their rows in past snapshots are deleted, and they are off the map until they agree again.
    /// </summary>
    /// <returns>The number of ties deleted.</returns>
    public async Task<int> WithdrawAgreementAsync(Guid id, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = await TrackedActorAsync(id, version, cancellationToken);
        if (!actor.IsIdentifiablePerson)
        {
            throw new RelationshipValidationException([new FieldProblem("How", "Only staff members and resident representatives need to agree to be on the map")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ties = await db.RelationshipTies.Where(t => t.FromActorId == id || t.ToActorId == id).ToListAsync(cancellationToken);
        db.RelationshipTies.RemoveRange(ties);
        actor.AgreedToMappingAt = null;
        actor.AgreementHow = null;
        Touch(actor);
        await SaveAsync(context, cancellationToken);
        await RelationshipRetentionService.DeleteSnapshotRowsAsync(db, [id], context, Now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ties.Count;
    }

    /// <summary>Adds a tie declared by an editor.</summary>
    /// <exception cref="RelationshipValidationException">The values are not valid, an actor is missing, or the same tie is already on the map.</exception>
    public async Task<RelationshipTie> CreateTieAsync(TieValues values, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await CheckTieAsync(values, null, cancellationToken);
        var tie = new RelationshipTie { Source = TieSource.Declared, RecordedAt = Now, LastModified = Now };
        values.ApplyTo(tie);
        db.Actor = context;
        db.RelationshipTies.Add(tie);
        await db.SaveChangesAsync(cancellationToken);
        return tie;
    }

    /// <summary>Changes a tie. Saving it counts as confirming it: <see cref="RelationshipTie.RecordedAt"/> moves to now, for the retention rule.</summary>
    public async Task<RelationshipTie> UpdateTieAsync(Guid id, TieValues values, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var tie = await db.RelationshipTies.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new KeyNotFoundException("There is no such tie.");
        if (tie.Version != version)
        {
            throw new RelationshipConflictException();
        }

        values.FromActorId = tie.FromActorId;
        await CheckTieAsync(values, id, cancellationToken);
        values.ApplyTo(tie);
        tie.RecordedAt = Now;
        tie.LastModified = Now;
        tie.Version++;
        await SaveAsync(context, cancellationToken);
        return tie;
    }

    public async Task DeleteTieAsync(Guid id, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tie = await db.RelationshipTies.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new KeyNotFoundException("There is no such tie.");
        if (tie.Version != version)
        {
            throw new RelationshipConflictException();
        }

        db.RelationshipTies.Remove(tie);
        await SaveAsync(context, cancellationToken);
    }

    /// <summary>A checked new actor, not yet saved (for seeding many in one save).</summary>
    internal RelationshipActor NewActor(ActorValues values)
    {
        Throw(Validate(values));
        var actor = new RelationshipActor { Name = string.Empty, CreatedAt = Now, LastModified = Now };
        values.ApplyTo(actor);
        return actor;
    }

    /// <summary>A checked new declared tie, not yet saved.</summary>
    internal RelationshipTie NewTie(TieValues values)
    {
        Throw(Validate(values));
        var tie = new RelationshipTie { Source = TieSource.Declared, RecordedAt = Now, LastModified = Now };
        values.ApplyTo(tie);
        return tie;
    }

    /// <summary>Saves seeded actors and ties in one audited save.</summary>
    internal async Task AddSeededAsync(IEnumerable<RelationshipActor> actors, IEnumerable<RelationshipTie> ties, ProcessContext context, CancellationToken cancellationToken)
    {
        db.Actor = context;
        db.RelationshipActors.AddRange(actors);
        db.RelationshipTies.AddRange(ties);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Changes the strength and end of seeded ties in one audited save.</summary>
    internal async Task ChangeSeededAsync(IEnumerable<(Guid Id, int Strength, DateOnly? Until)> changes, ProcessContext context, CancellationToken cancellationToken)
    {
        var wanted = changes.ToDictionary(c => c.Id);
        var ids = wanted.Keys.ToList();
        foreach (var tie in await db.RelationshipTies.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken))
        {
            var change = wanted[tie.Id];
            tie.Strength = Math.Clamp(change.Strength, 1, 5);
            tie.Until = change.Until;
            tie.LastModified = Now;
            tie.Version++;
        }

        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The message for a tie that is already on the map, naming the two actors.</summary>
    public static string DuplicateMessage(TieType type, string from, string to) =>
        string.Create(CultureInfo.InvariantCulture, $"There is already a current \"{RelationshipLabels.Of(type)}\" tie between {from} and {to}: change that tie instead of adding another");

    /// <summary>
    /// Whether a current tie of the same type and direction joins the same pair (either way round for a mutual tie).
    /// Observed ties are left out: they are Kith's own count and sit beside what editors declare.
    /// </summary>
    internal static bool IsDuplicate(RelationshipTie existing, TieValues values, DateOnly today)
    {
        if (existing.Source == TieSource.Observed || existing.Type != values.Type || existing.IsDirected != values.IsDirected)
        {
            return false;
        }

        var samePair = existing.FromActorId == values.FromActorId && existing.ToActorId == values.ToActorId
            || !values.IsDirected && existing.FromActorId == values.ToActorId && existing.ToActorId == values.FromActorId;
        var bothCurrent = (existing.Until is null || existing.Until >= today) && (values.Until is null || values.Until >= today);
        return samePair && bothCurrent;
    }

    private async Task CheckTieAsync(TieValues values, Guid? self, CancellationToken cancellationToken)
    {
        var problems = Validate(values);
        var ids = new[] { values.FromActorId, values.ToActorId };
        var actors = await db.RelationshipActors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (!actors.ContainsKey(values.FromActorId))
        {
            problems.Insert(0, new(nameof(TieValues.FromActorId), "The actor this tie starts from is not on the map: go back to the list of actors"));
        }

        if (values.ToActorId != Guid.Empty && !actors.ContainsKey(values.ToActorId))
        {
            problems.Add(new(nameof(TieValues.ToActorId), "Select an actor from the list"));
        }

        if (problems.Count == 0)
        {
            var pair = await db.RelationshipTies.AsNoTracking()
                .Where(t => (t.FromActorId == values.FromActorId && t.ToActorId == values.ToActorId) || (t.FromActorId == values.ToActorId && t.ToActorId == values.FromActorId))
                .ToListAsync(cancellationToken);
            if (pair.Any(t => t.Id != self && IsDuplicate(t, values, Today)))
            {
                problems.Add(new(nameof(TieValues.Type), DuplicateMessage(values.Type!.Value, actors[values.FromActorId].Name, actors[values.ToActorId].Name)));
            }
        }

        Throw(problems);
    }

    private async Task<RelationshipActor> TrackedActorAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var actor = await db.RelationshipActors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new KeyNotFoundException("There is no such actor.");
        if (actor.Version != version)
        {
            throw new RelationshipConflictException();
        }

        return actor;
    }

    private void Touch(RelationshipActor actor)
    {
        actor.LastModified = Now;
        actor.Version++;
    }

    private async Task SaveAsync(ProcessContext context, CancellationToken cancellationToken)
    {
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new RelationshipConflictException("Someone changed this since you opened the page.", e);
        }
    }

    private static void Throw(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RelationshipValidationException(problems);
        }
    }
}
