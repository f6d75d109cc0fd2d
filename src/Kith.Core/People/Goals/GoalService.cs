using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Goals;

/// <summary>What can be written about a goal; validated by <see cref="GoalService.Validate"/>.</summary>
public sealed record GoalDetails
{
    public required string Words { get; init; }

    public string? WhyItMatters { get; init; }

    public GoalStatus Status { get; init; }

    public bool WrittenByPerson { get; init; }

    public bool UsesAttainmentScale { get; init; }

    /// <summary>The five level descriptions, −2 first; only kept when <see cref="UsesAttainmentScale"/>.</summary>
    public string?[] Levels { get; init; } = new string?[5];
}

/// <summary>A goal as shown: its latest rating (if any) and its actions, soonest due first.</summary>
public sealed record GoalView(Goal Goal, GoalRating? LatestRating, IReadOnlyList<GoalAction> Actions, IReadOnlyList<GoalRating> Ratings);

/// <summary>An action not yet done, with the goal it belongs to.</summary>
public sealed record UpcomingAction(Guid ActionId, Guid GoalId, string GoalWords, string What, ActionOwner Owner, string? OwnerName, DateOnly? DueOn);

/// <summary>Thrown when a goal changed since the version the editor (or the person) based their change on.</summary>
public sealed class GoalConflictException(Goal current) : Exception("The goal changed since it was opened.")
{
    /// <summary>The goal as it is now, to show beside what was typed.</summary>
    public Goal Current { get; } = current;
}

/// <summary>
/// Goals, their attainment-scale ratings and their actions. Used by staff pages under
/// <c>/people/{personId}/goals</c> and by the person's own view (e.g. when a suggestion of theirs is accepted).
/// Callers check access first (PersonPageModel or the person's own session); this service checks that a goal
/// belongs to the person given and that input is valid, and throws <see cref="ArgumentException"/> otherwise.
/// Writes are audited through <see cref="KithDbContext.Actor"/>, which the caller sets.
/// </summary>
public sealed class GoalService(KithDbContext db, TimeProvider clock)
{
    /// <summary>Longest "why it matters", level description, action or owner name.</summary>
    public const int ShortTextLimit = 1000;

    /// <summary>Lowest score on the goal attainment scale (much less than expected).</summary>
    public const int MinScore = -2;

    /// <summary>Highest score on the goal attainment scale (much more than expected).</summary>
    public const int MaxScore = 2;

    /// <summary>Plain label for each level of the scale, index 0 = −2.</summary>
    public static readonly IReadOnlyList<string> LevelLabels =
        ["Much less than expected", "Less than expected", "What we expect", "More than expected", "Much more than expected"];

    /// <summary>Plain label for who owns an action.</summary>
    public static string OwnerLabel(ActionOwner owner) => owner switch
    {
        ActionOwner.Person => "The person themselves",
        ActionOwner.Family => "Family or friends",
        ActionOwner.Community => "Someone in the community",
        ActionOwner.Services => "A service or professional",
        _ => owner.ToString(),
    };

    /// <summary>Plain label for a goal's status.</summary>
    public static string StatusLabel(GoalStatus status) => status switch
    {
        GoalStatus.Active => "Working on it",
        GoalStatus.Achieved => "Achieved",
        GoalStatus.SetAside => "Set aside for now",
        _ => status.ToString(),
    };

    /// <summary>Label of a score −2..+2, e.g. "+1: More than expected".</summary>
    public static string ScoreLabel(int score) =>
        score is < MinScore or > MaxScore ? score.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{(score > 0 ? "+" : string.Empty)}{score}: {LevelLabels[score - MinScore]}";

    /// <summary>Errors keyed by field ("Words", "WhyItMatters", "Levels[0]"...), in design-system voice; empty when valid.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(GoalDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<(string, string)>();
        var words = details.Words?.Trim() ?? string.Empty;
        if (words.Length == 0)
        {
            errors.Add(("Words", "Enter the goal, in the person's own words"));
        }
        else if (words.Length > Goal.WordsLimit)
        {
            errors.Add(("Words", $"The goal must be {Goal.WordsLimit} characters or fewer (it is {words.Length})"));
        }

        if (details.WhyItMatters?.Trim().Length > ShortTextLimit)
        {
            errors.Add(("WhyItMatters", $"Why it matters must be {ShortTextLimit} characters or fewer"));
        }

        if (details.UsesAttainmentScale)
        {
            for (var i = 0; i < 5; i++)
            {
                var level = i < details.Levels.Length ? details.Levels[i]?.Trim() : null;
                if (string.IsNullOrEmpty(level))
                {
                    errors.Add(($"Levels[{i}]", $"Describe what '{LevelLabels[i].ToLowerInvariant()}' looks like, or do not use the scale"));
                }
                else if (level.Length > ShortTextLimit)
                {
                    errors.Add(($"Levels[{i}]", $"Each description must be {ShortTextLimit} characters or fewer"));
                }
            }
        }

        return errors;
    }

    /// <summary>The person's goals, active first then newest first, each with its latest rating and actions.</summary>
    public async Task<IReadOnlyList<GoalView>> ListAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.PersonId == personId)
            .Include(g => g.Ratings).Include(g => g.Actions).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return goals.OrderBy(g => g.Status).ThenByDescending(g => g.CreatedAt).Select(ToView).ToList();
    }

    /// <summary>One goal of the person, or null when there is no such goal for them.</summary>
    public async Task<GoalView?> GetAsync(Guid personId, Guid goalId, CancellationToken cancellationToken = default)
    {
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == goalId && g.PersonId == personId)
            .Include(g => g.Ratings).Include(g => g.Actions).AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return goal is null ? null : ToView(goal);
    }

    /// <summary>Adds a goal (version 1). Throws <see cref="ArgumentException"/> when <see cref="Validate"/> finds errors.</summary>
    public async Task<Goal> CreateAsync(Guid personId, GoalDetails details, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(details);
        var now = clock.GetUtcNow().UtcDateTime;
        var goal = new Goal { PersonId = personId, Words = details.Words.Trim(), CreatedAt = now, LastModified = now };
        Apply(goal, details);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    /// <summary>
    /// Replaces everything about a goal, if it is still at <paramref name="basedOnVersion"/>; the version goes up by one.
    /// </summary>
    /// <exception cref="GoalConflictException">The goal is no longer at <paramref name="basedOnVersion"/>.</exception>
    /// <exception cref="KeyNotFoundException">No such goal for the person.</exception>
    public async Task<Goal> UpdateAsync(Guid personId, Guid goalId, GoalDetails details, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(details);
        var goal = await LoadForChangeAsync(personId, goalId, basedOnVersion, cancellationToken);
        Apply(goal, details);
        return await SaveChangeAsync(goal, cancellationToken);
    }

    /// <summary>
    /// Changes only the words of a goal, e.g. when a suggestion from the person is accepted
    /// (<c>UpdateWordsAsync(personId, goalId, words, basedOnVersion, writtenByPerson: true)</c>). Everything else
    /// (why it matters, status, scale) is kept. <paramref name="writtenByPerson"/> sets the "written by the person"
    /// mark: true when the words are theirs, false when staff reworded it.
    /// </summary>
    /// <param name="basedOnVersion">The goal's <see cref="Goal.Version"/> the change was made against (for a suggestion, the version it was suggested on).</param>
    /// <exception cref="GoalConflictException">The goal is no longer at <paramref name="basedOnVersion"/>; nothing is saved.</exception>
    /// <exception cref="ArgumentException">The words are empty or longer than <see cref="Goal.WordsLimit"/>.</exception>
    /// <exception cref="KeyNotFoundException">No such goal for the person.</exception>
    public async Task<Goal> UpdateWordsAsync(Guid personId, Guid goalId, string words, int basedOnVersion, bool writtenByPerson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        var trimmed = words.Trim();
        if (trimmed.Length == 0 || trimmed.Length > Goal.WordsLimit)
        {
            throw new ArgumentException($"The words must be 1 to {Goal.WordsLimit} characters.", nameof(words));
        }

        var goal = await LoadForChangeAsync(personId, goalId, basedOnVersion, cancellationToken);
        goal.Words = trimmed;
        goal.WrittenByPerson = writtenByPerson;
        return await SaveChangeAsync(goal, cancellationToken);
    }

    /// <summary>Rates progress on the scale. Does not change the goal's version.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not a whole number from −2 to +2.</exception>
    /// <exception cref="InvalidOperationException">The goal does not use the attainment scale.</exception>
    /// <exception cref="KeyNotFoundException">No such goal for the person.</exception>
    public async Task<GoalRating> RateAsync(Guid personId, Guid goalId, int score, DateOnly ratedOn, string? note, string ratedByName, CancellationToken cancellationToken = default)
    {
        if (score is < MinScore or > MaxScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score must be a whole number from -2 to +2.");
        }

        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.PersonId == personId, cancellationToken)
            ?? throw new KeyNotFoundException("No such goal for this person.");
        if (!goal.UsesAttainmentScale)
        {
            throw new InvalidOperationException("This goal does not use the attainment scale.");
        }

        var rating = new GoalRating { GoalId = goalId, PersonId = personId, Score = score, RatedOn = ratedOn, Note = Clean(note), RatedByName = ratedByName };
        db.GoalRatings.Add(rating);
        await db.SaveChangesAsync(cancellationToken);
        return rating;
    }

    /// <summary>Adds an action to a goal.</summary>
    /// <exception cref="ArgumentException"><paramref name="what"/> is empty or too long.</exception>
    /// <exception cref="KeyNotFoundException">No such goal for the person.</exception>
    public async Task<GoalAction> AddActionAsync(Guid personId, Guid goalId, string what, ActionOwner owner, string? ownerName, DateOnly? dueOn, bool writtenByPerson = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (what.Trim().Length is 0 or > ShortTextLimit || ownerName?.Trim().Length > ShortTextLimit)
        {
            throw new ArgumentException($"What and who must be 1 to {ShortTextLimit} characters.", nameof(what));
        }

        if (!await db.Goals.AnyAsync(g => g.Id == goalId && g.PersonId == personId, cancellationToken))
        {
            throw new KeyNotFoundException("No such goal for this person.");
        }

        var action = new GoalAction { GoalId = goalId, PersonId = personId, What = what.Trim(), Owner = owner, OwnerName = Clean(ownerName), DueOn = dueOn, WrittenByPerson = writtenByPerson };
        db.GoalActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>Marks an action done on <paramref name="doneOn"/> (or not done again when null).</summary>
    /// <exception cref="KeyNotFoundException">No such action for the person.</exception>
    public async Task MarkActionDoneAsync(Guid personId, Guid actionId, DateOnly? doneOn, CancellationToken cancellationToken = default)
    {
        var action = await db.GoalActions.SingleOrDefaultAsync(a => a.Id == actionId && a.PersonId == personId, cancellationToken)
            ?? throw new KeyNotFoundException("No such action for this person.");
        action.DoneOn = doneOn;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Actions not yet done on the person's active goals: those with a due date first (soonest first, overdue
    /// included), then those without one. For staff views and the person's own view.
    /// </summary>
    public async Task<IReadOnlyList<UpcomingAction>> UpcomingActionsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var rows = await (from a in db.GoalActions.AsNoTracking()
                          join g in db.Goals.AsNoTracking() on a.GoalId equals g.Id
                          where a.PersonId == personId && a.DoneOn == null && g.Status == GoalStatus.Active
                          select new UpcomingAction(a.Id, g.Id, g.Words, a.What, a.Owner, a.OwnerName, a.DueOn))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.DueOn is null).ThenBy(a => a.DueOn).ThenBy(a => a.What, StringComparer.Ordinal).ToList();
    }

    private static GoalView ToView(Goal goal)
    {
        var ratings = goal.Ratings.OrderBy(r => r.RatedOn).ThenBy(r => r.Id).ToList();
        var actions = goal.Actions.OrderBy(a => a.DoneOn is not null).ThenBy(a => a.DueOn is null).ThenBy(a => a.DueOn).ToList();
        return new GoalView(goal, ratings.LastOrDefault(), actions, ratings);
    }

    private static void ThrowIfInvalid(GoalDetails details)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(details));
        }
    }

    private static void Apply(Goal goal, GoalDetails details)
    {
        goal.Words = details.Words.Trim();
        goal.WhyItMatters = Clean(details.WhyItMatters);
        goal.Status = details.Status;
        goal.WrittenByPerson = details.WrittenByPerson;
        goal.UsesAttainmentScale = details.UsesAttainmentScale;
        string? Level(int i) => details.UsesAttainmentScale && i < details.Levels.Length ? Clean(details.Levels[i]) : null;
        goal.MuchLessThanExpected = Level(0);
        goal.LessThanExpected = Level(1);
        goal.Expected = Level(2);
        goal.MoreThanExpected = Level(3);
        goal.MuchMoreThanExpected = Level(4);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Goal> LoadForChangeAsync(Guid personId, Guid goalId, int basedOnVersion, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.PersonId == personId, cancellationToken)
            ?? throw new KeyNotFoundException("No such goal for this person.");
        if (goal.Version != basedOnVersion)
        {
            throw new GoalConflictException(goal);
        }

        return goal;
    }

    private async Task<Goal> SaveChangeAsync(Goal goal, CancellationToken cancellationToken)
    {
        goal.Version++;
        goal.LastModified = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Goals.AsNoTracking().SingleAsync(g => g.Id == goal.Id, cancellationToken);
            throw new GoalConflictException(current);
        }

        return goal;
    }
}
