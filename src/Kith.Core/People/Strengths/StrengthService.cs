using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Strengths;

/// <summary>What a strength form sends.</summary>
public sealed record StrengthDetails(StrengthCategory Category, string? Words, NamedBy NamedBy, string? NamedByName);

/// <summary>What happened to a strength save.</summary>
public enum StrengthSaveOutcome
{
    Saved,
    Invalid,

    /// <summary>Someone changed or removed it after the form was opened: nothing saved.</summary>
    Conflict,
    NotFound,
}

public sealed record StrengthSaveResult(StrengthSaveOutcome Outcome, Strength? Current, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Adds, edits and removes (softly: <see cref="Strength.RemovedAt"/>) a person's strengths, keeping
/// <see cref="Strength.SearchText"/> in step with <see cref="MatchText.Fold"/>. The caller sets the actor.
/// </summary>
public sealed class StrengthService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The longest the "named by" name may be.</summary>
    public const int NamedByNameLimit = 200;

    /// <summary>Current strengths in category order, oldest first within each.</summary>
    public async Task<IReadOnlyList<Strength>> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.Strengths.AsNoTracking()
            .Where(s => s.PersonId == personId && s.RemovedAt == null)
            .ToListAsync(cancellationToken))
        .OrderBy(s => s.Category).ThenBy(s => s.RecordedAt).ToList();

    public static IReadOnlyDictionary<string, string> Validate(StrengthDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new Dictionary<string, string>();
        var words = details.Words?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            errors[nameof(StrengthDetails.Words)] = "Enter the strength, in the person's words if you can.";
        }
        else if (words.Length > Strength.WordsLimit)
        {
            errors[nameof(StrengthDetails.Words)] =
                $"The strength can be at most {Strength.WordsLimit} characters. This has {words.Length}: shorten it by {words.Length - Strength.WordsLimit}.";
        }

        if (!Enum.IsDefined(details.Category))
        {
            errors[nameof(StrengthDetails.Category)] = "Choose what kind of strength this is.";
        }

        if (!Enum.IsDefined(details.NamedBy))
        {
            errors[nameof(StrengthDetails.NamedBy)] = "Choose who named this strength.";
        }

        if (details.NamedByName is { } name && name.Trim().Length > NamedByNameLimit)
        {
            errors[nameof(StrengthDetails.NamedByName)] = $"The name can be at most {NamedByNameLimit} characters.";
        }

        return errors;
    }

    public async Task<StrengthSaveResult> AddAsync(Guid personId, StrengthDetails details, string recordedByName, CancellationToken cancellationToken = default)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            return new(StrengthSaveOutcome.Invalid, null, errors);
        }

        var words = details.Words!.Trim();
        var strength = new Strength
        {
            PersonId = personId,
            Category = details.Category,
            Words = words,
            SearchText = MatchText.Fold(words),
            NamedBy = details.NamedBy,
            NamedByName = Blank(details.NamedByName),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = recordedByName,
        };
        db.Strengths.Add(strength);
        await db.SaveChangesAsync(cancellationToken);
        return new(StrengthSaveOutcome.Saved, strength, errors);
    }

    public async Task<StrengthSaveResult> EditAsync(Guid personId, Guid strengthId, int version, StrengthDetails details, CancellationToken cancellationToken = default)
    {
        var strength = await db.Strengths.FirstOrDefaultAsync(s => s.Id == strengthId && s.PersonId == personId, cancellationToken);
        if (strength is null)
        {
            return new(StrengthSaveOutcome.NotFound, null, new Dictionary<string, string>());
        }

        var errors = Validate(details);
        if (errors.Count > 0)
        {
            return new(StrengthSaveOutcome.Invalid, strength, errors);
        }

        if (strength.Version != version || strength.RemovedAt is not null)
        {
            return new(StrengthSaveOutcome.Conflict, strength, errors);
        }

        strength.Category = details.Category;
        strength.Words = details.Words!.Trim();
        strength.SearchText = MatchText.Fold(strength.Words);
        strength.NamedBy = details.NamedBy;
        strength.NamedByName = Blank(details.NamedByName);
        strength.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new(StrengthSaveOutcome.Saved, strength, errors);
    }

    public async Task<StrengthSaveOutcome> RemoveAsync(Guid personId, Guid strengthId, int version, CancellationToken cancellationToken = default)
    {
        var strength = await db.Strengths.FirstOrDefaultAsync(s => s.Id == strengthId && s.PersonId == personId, cancellationToken);
        if (strength is null)
        {
            return StrengthSaveOutcome.NotFound;
        }

        if (strength.Version != version || strength.RemovedAt is not null)
        {
            return StrengthSaveOutcome.Conflict;
        }

        strength.RemovedAt = clock.GetUtcNow().UtcDateTime;
        strength.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return StrengthSaveOutcome.Saved;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
