using System.Globalization;
using Kith.Core.Connections.Introductions;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Surveys;

/// <summary>Why a survey action was refused, in words for the manager.</summary>
public sealed class SurveyRefusedException : InvalidOperationException
{
    public SurveyRefusedException()
    {
    }

    public SurveyRefusedException(string message)
        : base(message)
    {
    }

    public SurveyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What a manager asks for when setting up a round.</summary>
/// <param name="RosterActorIds">The actors respondents may name when <paramref name="RosterIsEveryone"/> is false.</param>
/// <param name="ViewerUserIds">Staff accounts (managers, administrators) who may see personal answers.</param>
public sealed record NewSurveyRound(
    string? Title,
    string? Topic,
    bool AsksWorksWith,
    bool AsksAdvice,
    bool AsksSharesInformation,
    bool AsksStrength,
    bool AsksEnergy,
    DateOnly? ClosesOn,
    bool RosterIsEveryone,
    IReadOnlyCollection<Guid> RosterActorIds,
    IReadOnlyCollection<Guid> RecipientActorIds,
    IReadOnlyCollection<string> ViewerUserIds);

/// <summary>A problem with a new round: the field (the form's name for it) and what to do.</summary>
public sealed record SurveyProblem(string Field, string Message);

/// <summary>One round in the list.</summary>
public sealed record SurveyRoundSummary(Guid Id, string Title, string Topic, SurveyStatus Status, DateOnly ClosesOn, int Recipients, int Sent, int Answered)
{
    /// <summary>Answered as a whole percentage of those sent, or null before any were sent.</summary>
    public int? ResponseRate => Sent == 0 ? null : (int)Math.Round(100.0 * Answered / Sent, MidpointRounding.AwayFromZero);
}

/// <summary>Someone asked to answer, as the manager running the round sees them: whether they have answered, never what.</summary>
/// <param name="SentAt">UTC.</param>
/// <param name="AnsweredAt">UTC.</param>
public sealed record RecipientStanding(Guid RecipientId, Guid ActorId, string Name, string? Email, DateTime? SentAt, DateTime? AnsweredAt, DateTime? LastChangedAt, int RemindersSent);

/// <summary>A round with its recipients, roster and viewers.</summary>
public sealed record SurveyRoundDetail(SurveyRound Round, SurveyStatus Status, IReadOnlyList<RecipientStanding> Recipients, IReadOnlyList<RosterEntry> Roster, int TiesNamed, string? PreviousTitle);

/// <summary>An actor a respondent may name.</summary>
public sealed record RosterEntry(Guid ActorId, string Name, ActorKind Kind, string? Sector);

/// <summary>What a link is for.</summary>
public enum SurveyLinkState
{
    Unknown,
    Open,
    Closed,
}

/// <summary>One actor a respondent named, with the answers about that relationship.</summary>
/// <param name="Types">Which of the round's questions name them.</param>
/// <param name="Strength">1–5; null when the round does not ask.</param>
/// <param name="Energy">Null when the round does not ask.</param>
public sealed record SurveyAnswer(Guid ActorId, IReadOnlyCollection<TieType> Types, int? Strength, TieEnergy? Energy, string? Note);

/// <summary>What a respondent's link shows.</summary>
/// <param name="AnsweredAt">UTC instant of the respondent's first saved answers.</param>
public sealed record RespondentView(
    SurveyLinkState State,
    SurveyRound? Round = null,
    string? RespondentName = null,
    IReadOnlyList<RosterEntry>? Roster = null,
    IReadOnlyList<SurveyViewer>? Viewers = null,
    IReadOnlyList<SurveyAnswer>? Answers = null,
    DateTime? AnsweredAt = null,
    int Version = 0)
{
    public static RespondentView Unknown { get; } = new(SurveyLinkState.Unknown);
}

/// <summary>How a submission went.</summary>
public enum SubmitOutcome
{
    Saved,
    Unknown,
    Closed,
    Invalid,
    Conflict,
}

public sealed record SubmitResult(SubmitOutcome Outcome, IReadOnlyList<SurveyProblem> Problems)
{
    public static SubmitResult Of(SubmitOutcome outcome, params SurveyProblem[] problems) => new(outcome, problems);
}

/// <summary>One respondent's personal answers, for a named viewer.</summary>
/// <param name="AnsweredAt">UTC.</param>
public sealed record RespondentAnswers(string RespondentName, DateTime? AnsweredAt, IReadOnlyList<NamedAnswer> Answers);

public sealed record NamedAnswer(string ActorName, IReadOnlyList<TieType> Types, int Strength, TieEnergy? Energy, string? Note);

/// <summary>The figures of one round, for the compare page.</summary>
public sealed record RoundFigures(Guid RoundId, string Title, int Recipients, int Sent, int Answered, int TiesNamed, double? MeanStrength, int Draining, int Neutral, int Energising)
{
    public int? ResponseRate => Sent == 0 ? null : (int)Math.Round(100.0 * Answered / Sent, MidpointRounding.AwayFromZero);
}

/// <summary>A round against an earlier one: ties (one respondent, one named actor, one question) new, gone, stronger and weaker.</summary>
public sealed record SurveyComparison(RoundFigures This, RoundFigures Other, int New, int NoLongerNamed, int Stronger, int Weaker, int Same)
{
    /// <summary>Counts below this are shown as "fewer than 5", so a small group's answers cannot be told apart.</summary>
    public const int SuppressBelow = 5;

    /// <summary>A count for the page: "fewer than 5" under <see cref="SuppressBelow"/>.</summary>
    public static string Show(int count) => count < SuppressBelow ? $"fewer than {SuppressBelow}" : count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Relationship survey rounds (ADR 25): set up, send the links, remind, close, run again, take answers by link, compare,
/// and show personal answers to the named viewers only. Links follow the introductions' pattern (ADR 20): 32 random bytes,
/// only a SHA-256 stored, no personal data in the email or the address. Emails go through the outbox with event keys.
/// </summary>
public sealed class RelationshipSurveyService(KithDbContext db, NotificationService notifications, TimeProvider clock)
{
    /// <summary>The path of the respondent's page; the token follows.</summary>
    public const string LinkPath = "survey/";

    /// <summary>How the agreement to be on the map is recorded on the respondent's actor.</summary>
    public const string AgreementHow = "in the survey";

    /// <summary>The entity type of the "viewed" audit events for looks at personal answers.</summary>
    public const string AnswersViewedEntityType = "SurveyAnswers";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The outbox event key of a recipient's link email: one per recipient.</summary>
    public static string EventKey(Guid recipientId) => $"survey:{recipientId:N}";

    /// <summary>The outbox event key of a recipient's reminder number <paramref name="reminder"/>.</summary>
    public static string ReminderEventKey(Guid recipientId, int reminder) => $"survey:{recipientId:N}:reminder:{reminder}";

    /// <summary>Whether an actor can be sent a survey; the reason in words when not, else null.</summary>
    public static string? WhyNotRecipient(RelationshipActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIdentifiablePerson)
        {
            return "Only staff members and resident representatives answer the survey: they speak for themselves.";
        }

        return string.IsNullOrWhiteSpace(actor.Email) || !actor.Email.Contains('@', StringComparison.Ordinal)
            ? "No email address on the map, so there is nowhere to send the link. Add one on their actor page."
            : null;
    }

    /// <summary>Checks a new round; the problems, field by field, in the order of the form (empty when fine).</summary>
    public async Task<IReadOnlyList<SurveyProblem>> CheckAsync(NewSurveyRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var problems = new List<SurveyProblem>();
        var title = Clean(round.Title);
        var topic = Clean(round.Topic);
        if (title is null)
        {
            problems.Add(new("Title", "Enter a title for the round, for example \"Spring 2027 partnership survey\""));
        }
        else if (title.Length > SurveyRound.TitleLimit)
        {
            problems.Add(new("Title", $"The title must be {SurveyRound.TitleLimit} characters or fewer"));
        }

        if (topic is null)
        {
            problems.Add(new("Topic", "Enter what the questions are about, for example \"mental health in Northfield\""));
        }
        else if (topic.Length > SurveyRound.TopicLimit)
        {
            problems.Add(new("Topic", $"The topic must be {SurveyRound.TopicLimit} characters or fewer"));
        }

        if (!round.AsksWorksWith && !round.AsksAdvice && !round.AsksSharesInformation)
        {
            problems.Add(new("Questions", "Choose at least one question that asks people to name others"));
        }

        if (round.ClosesOn is not { } closes)
        {
            problems.Add(new("ClosesOn", "Enter the closing date as a real date, for example 31 3 2027"));
        }
        else if (closes < Today)
        {
            problems.Add(new("ClosesOn", "The closing date must be today or in the future"));
        }

        var live = await db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null).ToListAsync(cancellationToken);
        var liveIds = live.Select(a => a.Id).ToHashSet();
        if (!round.RosterIsEveryone)
        {
            if (round.RosterActorIds.Count < 1)
            {
                problems.Add(new("Roster", "Choose the actors people may name, or choose \"everyone on the map\""));
            }
            else if (round.RosterActorIds.Any(id => !liveIds.Contains(id)))
            {
                problems.Add(new("Roster", "One of the chosen actors is no longer on the map. Choose again from the list"));
            }
        }

        var byId = live.ToDictionary(a => a.Id);
        if (round.RecipientActorIds.Count == 0)
        {
            problems.Add(new("Recipients", "Choose at least one person to send the survey to"));
        }
        else if (round.RecipientActorIds.Any(id => !byId.TryGetValue(id, out var a) || WhyNotRecipient(a) is not null))
        {
            problems.Add(new("Recipients", "Only staff members and resident representatives with an email address can be sent the survey. Choose again from the list"));
        }

        if (round.ViewerUserIds.Count == 0)
        {
            problems.Add(new("Viewers", "Choose at least one person who may see the personal answers (how each relationship affects energy, and notes)"));
        }
        else
        {
            var viewers = await ViewersAsync(round.ViewerUserIds, cancellationToken);
            if (viewers.Count != round.ViewerUserIds.Distinct().Count())
            {
                problems.Add(new("Viewers", "Only managers and administrators can be named to see personal answers. Choose again from the list"));
            }
        }

        return problems;
    }

    /// <summary>Managers and administrators, who may be named to see personal answers: user id, name and role.</summary>
    public async Task<IReadOnlyList<(string UserId, string Name, string Role)>> PossibleViewersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == KithRoles.Manager || r.Name == KithRoles.Administrator
                          select new { u.Id, u.DisplayName, Role = r.Name! }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => (g.Key, g.First().DisplayName, g.Any(r => r.Role == KithRoles.Manager) ? "Manager" : "Administrator"))
            .OrderBy(v => v.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Actors that can be put on a roster, and who can be sent the survey, by name.</summary>
    public async Task<IReadOnlyList<RelationshipActor>> CurrentActorsAsync(CancellationToken cancellationToken = default) =>
        (await db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id).ToList();

    /// <summary>Sets up a draft round. Nothing is sent until <see cref="SendLinksAsync"/>.</summary>
    /// <exception cref="SurveyRefusedException">When <see cref="CheckAsync"/> finds a problem (the first one's message).</exception>
    public async Task<Guid> CreateAsync(NewSurveyRound input, ProcessContext context, Guid? previousRoundId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var problems = await CheckAsync(input, cancellationToken);
        if (problems.Count > 0)
        {
            throw new SurveyRefusedException(problems[0].Message);
        }

        var now = Now;
        var viewers = await ViewersAsync(input.ViewerUserIds, cancellationToken);
        var round = new SurveyRound
        {
            Title = Clean(input.Title)!,
            Topic = Clean(input.Topic)!,
            AsksWorksWith = input.AsksWorksWith,
            AsksAdvice = input.AsksAdvice,
            AsksSharesInformation = input.AsksSharesInformation,
            AsksStrength = input.AsksStrength,
            AsksEnergy = input.AsksEnergy,
            ClosesOn = input.ClosesOn!.Value,
            Status = SurveyStatus.Draft,
            RosterIsEveryone = input.RosterIsEveryone,
            PreviousRoundId = previousRoundId,
            CreatedByUserId = context.UserId,
            CreatedByName = context.ActorName,
            CreatedAt = now,
            LastModified = now,
        };
        if (!input.RosterIsEveryone)
        {
            round.Roster.AddRange(input.RosterActorIds.Distinct().Select(id => new SurveyRosterActor { RoundId = round.Id, ActorId = id }));
        }

        round.Viewers.AddRange(viewers.Select(v => new SurveyViewer { RoundId = round.Id, UserId = v.UserId, Name = v.Name, Role = v.Role }));
        round.Recipients.AddRange(input.RecipientActorIds.Distinct().Select(id => new SurveyRecipient { RoundId = round.Id, ActorId = id }));
        db.SurveyRounds.Add(round);
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }

    /// <summary>
    /// Runs a round again: a new draft copying its questions, roster, recipients and viewers, with fresh links (sent when the
    /// manager sends them) and <see cref="SurveyRound.PreviousRoundId"/> set. Recipients no longer on the map, or without an
    /// email, and viewers no longer managers are left out.
    /// </summary>
    /// <exception cref="SurveyRefusedException">When what is left of the round would not make a round, or the date is wrong.</exception>
    public async Task<Guid> RepeatAsync(Guid roundId, string? title, DateOnly? closesOn, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var old = await db.SurveyRounds.AsNoTracking().Include(r => r.Roster).Include(r => r.Viewers).Include(r => r.Recipients)
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken) ?? throw new KeyNotFoundException($"No survey round {roundId}.");
        var actors = (await db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null).ToListAsync(cancellationToken)).ToDictionary(a => a.Id);
        var possibleViewers = (await PossibleViewersAsync(cancellationToken)).Select(v => v.UserId).ToHashSet(StringComparer.Ordinal);
        var input = new NewSurveyRound(
            title ?? old.Title,
            old.Topic,
            old.AsksWorksWith,
            old.AsksAdvice,
            old.AsksSharesInformation,
            old.AsksStrength,
            old.AsksEnergy,
            closesOn,
            old.RosterIsEveryone,
            old.Roster.Select(a => a.ActorId).Where(actors.ContainsKey).ToList(),
            old.Recipients.Select(r => r.ActorId).Where(id => actors.TryGetValue(id, out var a) && WhyNotRecipient(a) is null).ToList(),
            old.Viewers.Select(v => v.UserId).Where(possibleViewers.Contains).ToList());
        return await CreateAsync(input, context, old.Id, cancellationToken);
    }

    /// <summary>All rounds, newest first, with how many were sent and answered.</summary>
    public async Task<IReadOnlyList<SurveyRoundSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rounds = await db.SurveyRounds.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.SurveyRecipients.AsNoTracking()
            .GroupBy(r => r.RoundId)
            .Select(g => new { RoundId = g.Key, Total = g.Count(), Sent = g.Count(r => r.SentAt != null), Answered = g.Count(r => r.AnsweredAt != null) })
            .ToDictionaryAsync(g => g.RoundId, cancellationToken);
        var now = Now;
        return rounds.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r =>
            {
                var c = counts.GetValueOrDefault(r.Id);
                return new SurveyRoundSummary(r.Id, r.Title, r.Topic, r.StatusAt(now), r.ClosesOn, c?.Total ?? 0, c?.Sent ?? 0, c?.Answered ?? 0);
            })
            .ToList();
    }

    /// <summary>A round for the manager's page, or null when there is none.</summary>
    public async Task<SurveyRoundDetail?> ReadAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Roster).Include(r => r.Viewers).Include(r => r.Recipients)
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var names = await db.RelationshipActors.AsNoTracking().Select(a => new { a.Id, a.Name, a.Email }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var recipients = round.Recipients
            .Select(r => new RecipientStanding(r.Id, r.ActorId, names[r.ActorId].Name, names[r.ActorId].Email, r.SentAt, r.AnsweredAt, r.LastChangedAt, r.RemindersSent))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.RecipientId).ToList();
        var ties = await db.RelationshipTies.AsNoTracking().CountAsync(t => t.SurveyRoundId == roundId && t.Source == TieSource.Survey, cancellationToken);
        var previous = round.PreviousRoundId is { } p ? await db.SurveyRounds.AsNoTracking().Where(r => r.Id == p).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken) : null;
        return new SurveyRoundDetail(round, round.StatusAt(Now), recipients, await RosterAsync(round, null, cancellationToken), ties, previous);
    }

    /// <summary>
    /// Sends the links: the round goes from draft to open and one email per recipient is queued (event key
    /// <see cref="EventKey"/>), in one save. The email names only the round's title and the manager; the link is its key.
    /// </summary>
    /// <exception cref="SurveyRefusedException">When the round is not a draft or its closing date has passed.</exception>
    public async Task<int> SendLinksAsync(Guid roundId, Uri siteRoot, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        ArgumentNullException.ThrowIfNull(context);
        var round = await db.SurveyRounds.Include(r => r.Recipients).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new KeyNotFoundException($"No survey round {roundId}.");
        if (round.Status != SurveyStatus.Draft)
        {
            throw new SurveyRefusedException("The links for this round have already been sent. To ask again those who have not answered, send a reminder.");
        }

        if (round.ClosesOn < Today)
        {
            throw new SurveyRefusedException("The closing date of this round has passed. Run it again with a new closing date.");
        }

        var now = Now;
        var emails = await EmailsAsync(round.Recipients.Select(r => r.ActorId), cancellationToken);
        var sent = 0;
        foreach (var recipient in round.Recipients)
        {
            if (emails.GetValueOrDefault(recipient.ActorId) is not { } email)
            {
                continue;
            }

            var token = IntroductionService.NewToken();
            recipient.TokenHash = IntroductionService.Hash(token);
            recipient.SentAt = now;
            recipient.Version++;
            notifications.AddEmail(email, Subject(round.Title), LinkBody(round, context.ActorName, Link(siteRoot, token), reminder: false), EventKey(recipient.Id));
            sent++;
        }

        round.Status = SurveyStatus.Open;
        round.OpenedAt = now;
        round.LastModified = now;
        round.Version++;
        db.Actor = context;
        await SaveOnceAsync(cancellationToken);
        return sent;
    }

    /// <summary>
    /// Sends a reminder to each recipient who has not answered: a new link (the earlier one stops working), queued with its
    /// own event key per reminder number. Returns how many were reminded.
    /// </summary>
    /// <exception cref="SurveyRefusedException">When the round is not open, or everyone has answered.</exception>
    public async Task<int> RemindAsync(Guid roundId, Uri siteRoot, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        ArgumentNullException.ThrowIfNull(context);
        var round = await db.SurveyRounds.Include(r => r.Recipients).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new KeyNotFoundException($"No survey round {roundId}.");
        if (!round.IsOpenAt(Now))
        {
            throw new SurveyRefusedException(round.Status == SurveyStatus.Draft
                ? "The links have not been sent yet. Send the links first."
                : "This round is closed, so there is nothing to remind people about.");
        }

        var waiting = round.Recipients.Where(r => r.AnsweredAt is null && r.SentAt is not null).ToList();
        if (waiting.Count == 0)
        {
            throw new SurveyRefusedException("Everyone who was sent the survey has answered, so there is no-one to remind.");
        }

        var now = Now;
        var number = round.RemindersSent + 1;
        var emails = await EmailsAsync(waiting.Select(r => r.ActorId), cancellationToken);
        var reminded = 0;
        foreach (var recipient in waiting)
        {
            if (emails.GetValueOrDefault(recipient.ActorId) is not { } email)
            {
                continue;
            }

            var token = IntroductionService.NewToken();
            recipient.TokenHash = IntroductionService.Hash(token);
            recipient.RemindersSent++;
            recipient.Version++;
            notifications.AddEmail(email, "Reminder: " + Subject(round.Title), LinkBody(round, context.ActorName, Link(siteRoot, token), reminder: true), ReminderEventKey(recipient.Id, number));
            reminded++;
        }

        round.RemindersSent = number;
        round.LastModified = now;
        round.Version++;
        db.Actor = context;
        await SaveOnceAsync(cancellationToken);
        return reminded;
    }

    /// <summary>Closes an open round now; the answers given are kept and the links take no more.</summary>
    /// <exception cref="SurveyRefusedException">When the round is a draft or already closed.</exception>
    public async Task CloseAsync(Guid roundId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var round = await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new KeyNotFoundException($"No survey round {roundId}.");
        if (round.StatusAt(Now) != SurveyStatus.Open)
        {
            throw new SurveyRefusedException(round.Status == SurveyStatus.Draft
                ? "The links have not been sent, so there is nothing to close."
                : "This round is already closed.");
        }

        var now = Now;
        round.Status = SurveyStatus.Closed;
        round.ClosedAt = now;
        round.LastModified = now;
        round.Version++;
        db.Actor = context;
        await SaveOnceAsync(cancellationToken);
    }

    /// <summary>What a link shows: nothing for an unknown token; the round, the respondent's name, the roster and their earlier answers otherwise.</summary>
    public async Task<RespondentView> ReadByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var recipient = await FindAsync(token, cancellationToken);
        if (recipient is null)
        {
            return RespondentView.Unknown;
        }

        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Roster).Include(r => r.Viewers).SingleAsync(r => r.Id == recipient.RoundId, cancellationToken);
        var actor = await db.RelationshipActors.AsNoTracking().SingleAsync(a => a.Id == recipient.ActorId, cancellationToken);
        var state = round.IsOpenAt(Now) ? SurveyLinkState.Open : SurveyLinkState.Closed;
        if (state == SurveyLinkState.Closed)
        {
            return new RespondentView(state, round, actor.Name, AnsweredAt: recipient.AnsweredAt);
        }

        var ties = await db.RelationshipTies.AsNoTracking()
            .Where(t => t.SurveyRoundId == round.Id && t.Source == TieSource.Survey && t.FromActorId == actor.Id).ToListAsync(cancellationToken);
        var answers = ties.GroupBy(t => t.ToActorId)
            .Select(g => new SurveyAnswer(g.Key, g.Select(t => t.Type).Distinct().ToList(), round.AsksStrength ? g.First().Strength : null, g.First().Energy, g.First().Notes))
            .ToList();
        return new RespondentView(state, round, actor.Name, await RosterAsync(round, actor.Id, cancellationToken), round.Viewers.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ToList(), answers, recipient.AnsweredAt, recipient.Version);
    }

    /// <summary>Checks answers against the round: actors on the roster, types asked, strength 1–5 and energy when asked, notes' length.</summary>
    public static IReadOnlyList<SurveyProblem> CheckAnswers(SurveyRound round, IReadOnlyCollection<Guid> roster, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<SurveyProblem>();
        var asked = round.Questions;
        if (answers.Any(a => !roster.Contains(a.ActorId)) || answers.Select(a => a.ActorId).Distinct().Count() != answers.Count)
        {
            problems.Add(new("Chosen", "One of the names you chose is not on this survey's list. Choose again from the list on this page"));
        }

        if (answers.Any(a => a.Types.Count == 0 || a.Types.Any(t => !asked.Contains(t))))
        {
            problems.Add(new("Chosen", "One of your answers is for a question this survey does not ask. Choose again from the list on this page"));
        }

        foreach (var answer in answers)
        {
            if (round.AsksStrength && answer.Strength is not (>= 1 and <= 5))
            {
                problems.Add(new($"Strength[{answer.ActorId}]", "Choose how strong the relationship is, from 1 (weak) to 5 (strong)"));
            }

            if (round.AsksEnergy && (answer.Energy is not { } energy || !Enum.IsDefined(energy)))
            {
                problems.Add(new($"Energy[{answer.ActorId}]", "Choose how working with them affects your energy"));
            }

            if (answer.Note is { Length: > RelationshipTie.NotesLimit })
            {
                problems.Add(new($"Note[{answer.ActorId}]", $"The note must be {RelationshipTie.NotesLimit} characters or fewer"));
            }
        }

        return problems;
    }

    /// <summary>
    /// Saves a respondent's answers: records their agreement to be on the map (when not already recorded) and replaces their
    /// earlier ties in this round with one tie per named actor and question, in one save. Nothing is saved when the link is
    /// unknown, the round closed, an answer invalid, or the answers changed since <paramref name="basedOnVersion"/>.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(string? token, bool agreed, IReadOnlyCollection<SurveyAnswer> answers, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return SubmitResult.Of(SubmitOutcome.Unknown);
        }

        var recipient = await db.SurveyRecipients.SingleAsync(r => r.Id == found.Id, cancellationToken);
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Roster).SingleAsync(r => r.Id == recipient.RoundId, cancellationToken);
        var now = Now;
        if (!round.IsOpenAt(now))
        {
            return SubmitResult.Of(SubmitOutcome.Closed);
        }

        if (!agreed)
        {
            return SubmitResult.Of(SubmitOutcome.Invalid, new SurveyProblem("Agreed", "Say whether you agree to your answers being used as this page describes"));
        }

        if (recipient.Version != basedOnVersion)
        {
            return SubmitResult.Of(SubmitOutcome.Conflict, new SurveyProblem(string.Empty, "Your answers were changed in another window or tab since you opened this page. Here they are as saved now; answer again if you need to."));
        }

        var roster = (await RosterAsync(round, recipient.ActorId, cancellationToken)).Select(r => r.ActorId).ToHashSet();
        var problems = CheckAnswers(round, roster, answers);
        if (problems.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Invalid, problems);
        }

        var actor = await db.RelationshipActors.SingleAsync(a => a.Id == recipient.ActorId, cancellationToken);
        if (actor.AgreedToMappingAt is null)
        {
            actor.AgreedToMappingAt = now;
            actor.AgreementHow = AgreementHow;
            actor.LastModified = now;
            actor.Version++;
        }

        var earlier = await db.RelationshipTies
            .Where(t => t.SurveyRoundId == round.Id && t.Source == TieSource.Survey && t.FromActorId == actor.Id).ToListAsync(cancellationToken);
        db.RelationshipTies.RemoveRange(earlier);
        foreach (var answer in answers)
        {
            foreach (var type in round.Questions.Where(answer.Types.Contains))
            {
                db.RelationshipTies.Add(new RelationshipTie
                {
                    FromActorId = actor.Id,
                    ToActorId = answer.ActorId,
                    Type = type,
                    IsDirected = SurveyRound.IsDirected(type),
                    Strength = round.AsksStrength ? answer.Strength!.Value : SurveyRound.UnaskedStrength,
                    Energy = round.AsksEnergy ? answer.Energy : null,
                    Notes = Clean(answer.Note),
                    Source = TieSource.Survey,
                    SurveyRoundId = round.Id,
                    RecordedAt = now,
                    LastModified = now,
                });
            }
        }

        recipient.AnsweredAt ??= now;
        recipient.LastChangedAt = now;
        recipient.Version++;
        db.Actor = new ProcessContext(null, "a survey respondent (by link)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SubmitResult.Of(SubmitOutcome.Conflict, new SurveyProblem(string.Empty, "Your answers were changed in another window or tab at the same moment. Here they are as saved now; answer again if you need to."));
        }

        return SubmitResult.Of(SubmitOutcome.Saved);
    }

    /// <summary>Whether the account is one of the round's named viewers of personal answers.</summary>
    public Task<bool> IsViewerAsync(Guid roundId, string? userId, CancellationToken cancellationToken = default) =>
        userId is null ? Task.FromResult(false) : db.SurveyViewers.AnyAsync(v => v.RoundId == roundId && v.UserId == userId, cancellationToken);

    /// <summary>
    /// The personal answers of a round, by respondent, for a named viewer only; the look is recorded as one "viewed" audit event.
    /// Null when the account is not a named viewer (or there is no such round).
    /// </summary>
    public async Task<IReadOnlyList<RespondentAnswers>?> AnswersAsync(Guid roundId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await IsViewerAsync(roundId, context.UserId, cancellationToken))
        {
            return null;
        }

        var names = await db.RelationshipActors.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var recipients = await db.SurveyRecipients.AsNoTracking().Where(r => r.RoundId == roundId && r.AnsweredAt != null).ToListAsync(cancellationToken);
        var ties = (await db.RelationshipTies.AsNoTracking().Where(t => t.SurveyRoundId == roundId && t.Source == TieSource.Survey).ToListAsync(cancellationToken))
            .ToLookup(t => t.FromActorId);
        var result = recipients
            .Select(r => new RespondentAnswers(
                names[r.ActorId],
                r.AnsweredAt,
                ties[r.ActorId].GroupBy(t => t.ToActorId)
                    .Select(g => new NamedAnswer(names[g.Key], g.Select(t => t.Type).Distinct().Order().ToList(), g.First().Strength, g.First().Energy, g.First().Notes))
                    .OrderBy(a => a.ActorName, StringComparer.CurrentCultureIgnoreCase).ToList()))
            .OrderBy(r => r.RespondentName, StringComparer.CurrentCultureIgnoreCase).ToList();
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = Now,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = AuditActions.Viewed,
            EntityType = AnswersViewedEntityType,
            EntityId = roundId.ToString(),
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// This round against another (by default its previous round). A tie is one respondent naming one actor for one question;
    /// it is new when the other round does not have it, no longer named when only the other round has it, stronger or weaker
    /// by its strength. Null when either round is missing or there is nothing to compare with.
    /// </summary>
    public async Task<SurveyComparison?> CompareAsync(Guid roundId, Guid? withRoundId = null, CancellationToken cancellationToken = default)
    {
        var round = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var otherId = withRoundId ?? round?.PreviousRoundId;
        if (round is null || otherId is null || otherId == roundId)
        {
            return null;
        }

        var other = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == otherId, cancellationToken);
        if (other is null)
        {
            return null;
        }

        var (these, theseTies) = await FiguresAsync(round, cancellationToken);
        var (those, thoseTies) = await FiguresAsync(other, cancellationToken);
        var now = theseTies.ToDictionary(t => (t.FromActorId, t.ToActorId, t.Type), t => t.Strength);
        var before = thoseTies.ToDictionary(t => (t.FromActorId, t.ToActorId, t.Type), t => t.Strength);
        var added = now.Keys.Count(k => !before.ContainsKey(k));
        var gone = before.Keys.Count(k => !now.ContainsKey(k));
        var stronger = now.Count(kv => before.TryGetValue(kv.Key, out var s) && kv.Value > s);
        var weaker = now.Count(kv => before.TryGetValue(kv.Key, out var s) && kv.Value < s);
        var same = now.Count(kv => before.TryGetValue(kv.Key, out var s) && kv.Value == s);
        return new SurveyComparison(these, those, added, gone, stronger, weaker, same);
    }

    /// <summary>Rounds other than this one, newest first, to compare with.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> OtherRoundsAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        (await db.SurveyRounds.AsNoTracking().Where(r => r.Id != roundId).Select(r => new { r.Id, r.Title, r.CreatedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.CreatedAt).Select(r => (r.Id, r.Title)).ToList();

    private async Task<(RoundFigures Figures, List<RelationshipTie> Ties)> FiguresAsync(SurveyRound round, CancellationToken cancellationToken)
    {
        var recipients = await db.SurveyRecipients.AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync(cancellationToken);
        var ties = await db.RelationshipTies.AsNoTracking().Where(t => t.SurveyRoundId == round.Id && t.Source == TieSource.Survey).ToListAsync(cancellationToken);

        // Energy is asked once per named actor, so it is counted once per respondent and actor, not per question.
        var energies = ties.GroupBy(t => (t.FromActorId, t.ToActorId)).Select(g => g.First().Energy).ToList();
        var figures = new RoundFigures(
            round.Id,
            round.Title,
            recipients.Count,
            recipients.Count(r => r.SentAt != null),
            recipients.Count(r => r.AnsweredAt != null),
            ties.Count,
            ties.Count == 0 ? null : ties.Average(t => t.Strength),
            energies.Count(e => e == TieEnergy.Draining),
            energies.Count(e => e == TieEnergy.Neutral),
            energies.Count(e => e == TieEnergy.Energising));
        return (figures, ties);
    }

    private async Task<IReadOnlyList<RosterEntry>> RosterAsync(SurveyRound round, Guid? respondentId, CancellationToken cancellationToken)
    {
        var query = db.RelationshipActors.AsNoTracking().Where(a => a.ArchivedAt == null);
        if (!round.RosterIsEveryone)
        {
            var ids = round.Roster.Select(a => a.ActorId).ToList();
            query = query.Where(a => ids.Contains(a.Id));
        }

        var actors = await query.Select(a => new RosterEntry(a.Id, a.Name, a.Kind, a.Sector)).ToListAsync(cancellationToken);
        return actors.Where(a => a.ActorId != respondentId)
            .OrderBy(a => a.Sector ?? "\uffff", StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.ActorId)
            .ToList();
    }

    private async Task<List<(string UserId, string Name, string Role)>> ViewersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var wanted = userIds.ToHashSet(StringComparer.Ordinal);
        return (await PossibleViewersAsync(cancellationToken)).Where(v => wanted.Contains(v.UserId)).ToList();
    }

    private async Task<Dictionary<Guid, string>> EmailsAsync(IEnumerable<Guid> actorIds, CancellationToken cancellationToken)
    {
        var ids = actorIds.ToList();
        var actors = await db.RelationshipActors.AsNoTracking().Where(a => ids.Contains(a.Id) && a.ArchivedAt == null).ToListAsync(cancellationToken);
        return actors.Where(a => WhyNotRecipient(a) is null).ToDictionary(a => a.Id, a => a.Email!.Trim());
    }

    private async Task<SurveyRecipient?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        // Found by the hash through a unique index, as for introductions: the secret itself is never compared.
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = IntroductionService.Hash(token.Trim());
        return await db.SurveyRecipients.AsNoTracking().SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
    }

    private async Task SaveOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new SurveyRefusedException("Someone else changed this round at the same moment. Open it again to see where it stands.");
        }
    }

    private static string Subject(string title)
    {
        var subject = $"A short survey: {title}";
        return subject.Length <= NotificationService.MaxSubjectLength ? subject : subject[..(NotificationService.MaxSubjectLength - 1)] + "…";
    }

    private static Uri Link(Uri siteRoot, string token)
    {
        var root = siteRoot.AbsoluteUri.EndsWith('/') ? siteRoot.AbsoluteUri : siteRoot.AbsoluteUri + "/";
        return new Uri(new Uri(root), LinkPath + token);
    }

    private static string LinkBody(SurveyRound round, string managerName, Uri link, bool reminder) => string.Create(CultureInfo.InvariantCulture, $"""
        Hello,

        {(reminder ? $"This is a reminder from {managerName}. If you have a moment, please answer the survey \"{round.Title}\"." : $"{managerName} would like you to answer a short survey, \"{round.Title}\".")}

        It asks who you work with, so that the partnership can see where relationships are strong and where they are missing. It takes about 10 minutes. You do not need an account. The first page says exactly who will see your answers, and you can say no.

        {link.AbsoluteUri}

        {(reminder ? "This link replaces the one in the earlier email. " : string.Empty)}The survey closes at the end of {round.ClosesOn:d MMMM yyyy}. Please do not forward this email: the link is for you only.
        """);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
