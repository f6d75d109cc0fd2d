using Kith.Core.People.Strengths;
using System.Globalization;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Suggestions;

/// <summary>The result of suggesting, accepting or declining: success, or what to do in plain words.</summary>
public sealed record SuggestionOutcome(bool Succeeded, string? Error = null, Guid? Id = null)
{
    public static SuggestionOutcome Failed(string error) => new(false, error);
}

/// <summary>
/// Suggestions a person makes to their own record (new words for a goal, a new goal, a new strength, an About
/// Me section). A practitioner accepts one (it is applied, marked written by the person, in one transaction)
/// or declines it with a note the person sees.
/// </summary>
public sealed class SuggestionService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The error when a suggestion has gone or was already decided.</summary>
    public const string NotPendingError = "This suggestion has already been decided, or has gone. Refresh the page to see where it is.";

    /// <summary>Said when the record changed between showing a suggestion and accepting it.</summary>
    public const string ChangedSinceShownError = "The record has changed since this page was opened. Look at what it says now, below, before accepting.";

    /// <summary>Records a suggestion from the person, capturing what the record says now.</summary>
    public async Task<SuggestionOutcome> SuggestAsync(
        Guid personId, SuggestionTarget target, Guid? targetId, string? field, string? text, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = (text ?? string.Empty).Trim();
        if (words.Length == 0)
        {
            return SuggestionOutcome.Failed("Write your words");
        }

        var limit = target switch
        {
            SuggestionTarget.Goal or SuggestionTarget.NewGoal => Goal.WordsLimit,
            SuggestionTarget.NewStrength => Strength.WordsLimit,
            _ => SuggestedChange.TextLimit,
        };
        if (words.Length > limit)
        {
            return SuggestionOutcome.Failed($"Your words must be {limit.ToString(CultureInfo.InvariantCulture)} characters or fewer");
        }

        string? current = null;
        switch (target)
        {
            case SuggestionTarget.Goal:
                var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == targetId && g.PersonId == personId, cancellationToken);
                if (goal is null)
                {
                    return SuggestionOutcome.Failed("This goal is not on your plan any more");
                }

                current = goal.Words;
                field = null;
                break;
            case SuggestionTarget.AboutMeSection:
                if (!Enum.TryParse<AboutMeSection>(field, out var section))
                {
                    return SuggestionOutcome.Failed("Choose which part of About me your words are for");
                }

                var latest = await LatestAboutMeAsync(personId, cancellationToken);
                current = latest?[section];
                field = section.ToString();
                targetId = null;
                break;
            case SuggestionTarget.NewGoal:
            case SuggestionTarget.NewStrength:
                targetId = null;
                field = null;
                break;
            default:
                return SuggestionOutcome.Failed("Kith cannot take this kind of suggestion yet");
        }

        var suggestion = new SuggestedChange
        {
            PersonId = personId,
            Target = target,
            TargetId = targetId,
            Field = field,
            ProposedText = words,
            CurrentText = current,
            SuggestedAt = clock.GetUtcNow().UtcDateTime,
            Status = SuggestionStatus.Pending,
        };
        db.Actor = context;
        db.Add(suggestion);
        await db.SaveChangesAsync(cancellationToken);
        return new SuggestionOutcome(true, Id: suggestion.Id);
    }

    /// <summary>What the record says now for a pending suggestion (it may differ from what the person saw).</summary>
    public async Task<string?> CurrentTextAsync(SuggestedChange suggestion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        switch (suggestion.Target)
        {
            case SuggestionTarget.Goal:
                return await db.Goals.AsNoTracking().Where(g => g.Id == suggestion.TargetId).Select(g => g.Words).SingleOrDefaultAsync(cancellationToken);
            case SuggestionTarget.AboutMeSection when Enum.TryParse<AboutMeSection>(suggestion.Field, out var section):
                return (await LatestAboutMeAsync(suggestion.PersonId, cancellationToken))?[section];
            default:
                return null;
        }
    }

    /// <summary>
    /// Applies a pending suggestion to the record and marks it accepted, in one transaction. When
    /// <paramref name="shownText"/> is given (what the decider was shown the record says now, from
    /// <see cref="CurrentTextAsync"/>; empty for nothing), a change to a goal or an About me section is refused if the
    /// record has changed since, so the decider never replaces words they have not seen.
    /// </summary>
    public async Task<SuggestionOutcome> AcceptAsync(
        Guid personId, Guid id, string deciderName, ProcessContext context, string? shownText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.Actor = context;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var suggestion = await db.Set<SuggestedChange>().SingleOrDefaultAsync(s => s.Id == id && s.PersonId == personId, cancellationToken);
        if (suggestion is null || suggestion.Status != SuggestionStatus.Pending)
        {
            return SuggestionOutcome.Failed(NotPendingError);
        }

        if (shownText is not null && suggestion.Target is (SuggestionTarget.Goal or SuggestionTarget.AboutMeSection)
            && !string.Equals(shownText, await CurrentTextAsync(suggestion, cancellationToken) ?? string.Empty, StringComparison.Ordinal))
        {
            return SuggestionOutcome.Failed(ChangedSinceShownError);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (suggestion.Target)
        {
            case SuggestionTarget.Goal:
                var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == suggestion.TargetId && g.PersonId == personId, cancellationToken);
                if (goal is null)
                {
                    return SuggestionOutcome.Failed("The goal has been taken off the record, so these words cannot be applied. Decline the suggestion and tell them why.");
                }

                goal.Words = suggestion.ProposedText;
                goal.WrittenByPerson = true;
                goal.LastModified = now;
                goal.Version++;
                break;
            case SuggestionTarget.NewGoal:
                db.Goals.Add(new Goal
                {
                    PersonId = personId,
                    Words = suggestion.ProposedText,
                    WrittenByPerson = true,
                    Status = GoalStatus.Active,
                    CreatedAt = now,
                    LastModified = now,
                });
                break;
            case SuggestionTarget.NewStrength:
                db.Strengths.Add(new Strength
                {
                    PersonId = personId,
                    Category = StrengthCategory.PassionOrInterest,
                    Words = suggestion.ProposedText,
                    NamedBy = NamedBy.Person,
                    SearchText = MatchText.Fold(suggestion.ProposedText),
                    RecordedAt = now,
                    RecordedByName = deciderName,
                });
                break;
            case SuggestionTarget.AboutMeSection when Enum.TryParse<AboutMeSection>(suggestion.Field, out var section):
                var latest = await LatestAboutMeAsync(personId, cancellationToken);
                var next = new AboutMeVersion
                {
                    PersonId = personId,
                    Number = (latest?.Number ?? 0) + 1,
                    WrittenAt = now,
                    WrittenByUserId = context.UserId,
                    WrittenByName = deciderName,
                    WrittenByPerson = true,
                    SupportedBy = latest?.SupportedBy,
                };
                foreach (var s in Enum.GetValues<AboutMeSection>())
                {
                    next[s] = latest?[s];
                }

                next[section] = suggestion.ProposedText;
                db.AboutMeVersions.Add(next);
                break;
            default:
                return SuggestionOutcome.Failed("Kith cannot apply this kind of suggestion yet. Decline it and tell them why.");
        }

        suggestion.Status = SuggestionStatus.Accepted;
        suggestion.DecidedAt = now;
        suggestion.DecidedByName = deciderName;
        suggestion.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return SuggestionOutcome.Failed("Someone changed this part of the record at the same moment. Refresh the page and look again before accepting.");
        }

        await transaction.CommitAsync(cancellationToken);
        return new SuggestionOutcome(true, Id: suggestion.Id);
    }

    /// <summary>Declines a pending suggestion with a note the person sees.</summary>
    public async Task<SuggestionOutcome> DeclineAsync(Guid personId, Guid id, string? note, string deciderName, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var why = (note ?? string.Empty).Trim();
        if (why.Length == 0)
        {
            return SuggestionOutcome.Failed("Write why not: they will see this");
        }

        if (why.Length > SuggestedChange.TextLimit)
        {
            return SuggestionOutcome.Failed($"Why not must be {SuggestedChange.TextLimit.ToString(CultureInfo.InvariantCulture)} characters or fewer");
        }

        db.Actor = context;
        var suggestion = await db.Set<SuggestedChange>().SingleOrDefaultAsync(s => s.Id == id && s.PersonId == personId, cancellationToken);
        if (suggestion is null || suggestion.Status != SuggestionStatus.Pending)
        {
            return SuggestionOutcome.Failed(NotPendingError);
        }

        suggestion.Status = SuggestionStatus.Declined;
        suggestion.DecidedAt = clock.GetUtcNow().UtcDateTime;
        suggestion.DecidedByName = deciderName;
        suggestion.DecisionNote = why;
        suggestion.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SuggestionOutcome.Failed(NotPendingError);
        }

        return new SuggestionOutcome(true, Id: suggestion.Id);
    }

    private Task<AboutMeVersion?> LatestAboutMeAsync(Guid personId, CancellationToken cancellationToken) =>
        db.AboutMeVersions.AsNoTracking().Where(v => v.PersonId == personId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
