using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Strengths;

/// <summary>What saving a strength or tie came to: the saved id, or errors by field, or a conflict.</summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, string> Errors, bool Conflict = false)
{
    public bool Succeeded => Id is not null && Errors.Count == 0 && !Conflict;

    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, string>());

    public static SaveResult Invalid(Dictionary<string, string> errors) => new(null, errors);

    public static SaveResult Stale() => new(null, new Dictionary<string, string>(), true);
}

/// <summary>Adds, changes and removes (softly) a person's strengths, keeping the search text in step.</summary>
public sealed class StrengthService(KithDbContext db, TimeProvider clock)
{
    public Task<List<Strength>> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.Strengths.AsNoTracking()
            .Where(s => s.PersonId == personId && s.RemovedAt == null)
            .OrderBy(s => s.Category).ThenBy(s => s.RecordedAt)
            .ToListAsync(cancellationToken);

    public static Dictionary<string, string> Validate(string? words)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(words))
        {
            errors["Words"] = "Enter the strength in their own words";
        }
        else if (words.Trim().Length > Strength.WordsLimit)
        {
            errors["Words"] = $"Their words must be {Strength.WordsLimit} characters or fewer; you have {words.Trim().Length}";
        }

        return errors;
    }

    public async Task<SaveResult> AddAsync(
        Guid personId, StrengthCategory category, string? words, NamedBy namedBy, string? namedByName, string recordedByName,
        ProcessContext? actor = null, CancellationToken cancellationToken = default)
    {
        var errors = Validate(words);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var text = words!.Trim();
        var strength = new Strength
        {
            PersonId = personId,
            Category = category,
            Words = text,
            SearchText = MatchText.Fold(text),
            NamedBy = namedBy,
            NamedByName = string.IsNullOrWhiteSpace(namedByName) ? null : namedByName.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = recordedByName,
        };
        db.Actor = actor ?? db.Actor;
        db.Strengths.Add(strength);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(strength.Id);
    }

    public async Task<SaveResult> ChangeAsync(
        Guid personId, Guid strengthId, int version, StrengthCategory category, string? words, NamedBy namedBy, string? namedByName,
        ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(words);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var strength = await db.Strengths.SingleOrDefaultAsync(s => s.Id == strengthId && s.PersonId == personId && s.RemovedAt == null, cancellationToken);
        if (strength is null || strength.Version != version)
        {
            return SaveResult.Stale();
        }

        var text = words!.Trim();
        strength.Category = category;
        strength.Words = text;
        strength.SearchText = MatchText.Fold(text);
        strength.NamedBy = namedBy;
        strength.NamedByName = string.IsNullOrWhiteSpace(namedByName) ? null : namedByName.Trim();
        strength.Version++;
        db.Actor = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Stale();
        }

        return SaveResult.Saved(strength.Id);
    }

    public async Task<bool> RemoveAsync(Guid personId, Guid strengthId, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var strength = await db.Strengths.SingleOrDefaultAsync(s => s.Id == strengthId && s.PersonId == personId && s.RemovedAt == null, cancellationToken);
        if (strength is null)
        {
            return false;
        }

        strength.RemovedAt = clock.GetUtcNow().UtcDateTime;
        strength.Version++;
        db.Actor = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Plain label for a category, as shown on screen.</summary>
    public static string Label(StrengthCategory category) => category switch
    {
        StrengthCategory.Skill => "Skills",
        StrengthCategory.Knowledge => "Knowledge",
        StrengthCategory.PassionOrInterest => "Passions and interests",
        StrengthCategory.Gift => "Gifts they could share",
        StrengthCategory.Quality => "Qualities",
        _ => "Experiences",
    };

    public static string Label(NamedBy namedBy, string? name) => (namedBy switch
    {
        NamedBy.Person => "They did",
        NamedBy.Family => "Family or friends",
        _ => "The worker",
    }) + (string.IsNullOrWhiteSpace(name) ? string.Empty : $" ({name})");
}
