using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.AboutMe;

/// <summary>The seven About Me sections as typed, in <see cref="AboutMeSection"/> order.</summary>
public sealed record AboutMeSections(
    string? WhatMattersMost,
    string? PeopleImportant,
    string? Communication,
    string? Wellness,
    string? PleaseDoAndDont,
    string? HowAndWhenToSupport,
    string? AlsoWorthKnowing)
{
    public string? this[AboutMeSection section] => section switch
    {
        AboutMeSection.WhatMattersMost => WhatMattersMost,
        AboutMeSection.PeopleImportant => PeopleImportant,
        AboutMeSection.Communication => Communication,
        AboutMeSection.Wellness => Wellness,
        AboutMeSection.PleaseDoAndDont => PleaseDoAndDont,
        AboutMeSection.HowAndWhenToSupport => HowAndWhenToSupport,
        AboutMeSection.AlsoWorthKnowing => AlsoWorthKnowing,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public static AboutMeSections From(AboutMeVersion? version) => version is null
        ? new(null, null, null, null, null, null, null)
        : new(version.WhatMattersMost, version.PeopleImportant, version.Communication, version.Wellness,
            version.PleaseDoAndDont, version.HowAndWhenToSupport, version.AlsoWorthKnowing);
}

/// <summary>What happened to a save.</summary>
public enum AboutMeSaveOutcome
{
    Saved,

    /// <summary>Nothing differed from the latest version: no version added.</summary>
    Unchanged,

    /// <summary>A newer version was saved after the form was opened: nothing saved, show both.</summary>
    Conflict,

    /// <summary>A section or the supported-by text is too long: nothing saved.</summary>
    Invalid,
}

public sealed record AboutMeSaveResult(
    AboutMeSaveOutcome Outcome,
    AboutMeVersion? Latest,
    IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Reads and saves a person's About Me. Every save adds a new immutable version; a save based on an older
/// version than the latest is refused as a conflict, so nobody's words are silently overwritten.
/// </summary>
public sealed class AboutMeService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The longest the "supported to write this by" text may be.</summary>
    public const int SupportedByLimit = 300;

    public Task<AboutMeVersion?> LatestAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.AboutMeVersions.AsNoTracking()
            .Where(v => v.PersonId == personId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<AboutMeVersion?> VersionAsync(Guid personId, int number, CancellationToken cancellationToken = default) =>
        db.AboutMeVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PersonId == personId && v.Number == number, cancellationToken);

    /// <summary>All versions, newest first (the sections are decrypted too; fine for a person's history).</summary>
    public async Task<IReadOnlyList<AboutMeVersion>> HistoryAsync(Guid personId, CancellationToken cancellationToken = default) =>
        await db.AboutMeVersions.AsNoTracking()
            .Where(v => v.PersonId == personId)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);

    /// <summary>The errors for <paramref name="sections"/>, keyed by section name (or "SupportedBy").</summary>
    public static IReadOnlyDictionary<string, string> Validate(AboutMeSections sections, string? supportedBy)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var errors = new Dictionary<string, string>();
        foreach (var section in Enum.GetValues<AboutMeSection>())
        {
            var text = sections[section];
            if (text is not null && text.Length > AboutMeVersion.SectionLimit)
            {
                errors[section.ToString()] = string.Create(
                    System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
                    $"{AboutMeHeadings.Of(section)} can be up to {AboutMeVersion.SectionLimit:N0} characters; this one has {text.Length:N0}. Shorten it by {text.Length - AboutMeVersion.SectionLimit:N0}");
            }
        }

        if (supportedBy is not null && supportedBy.Trim().Length > SupportedByLimit)
        {
            errors["SupportedBy"] = $"Supported to write this by can be up to {SupportedByLimit} characters";
        }

        return errors;
    }

    /// <summary>Saves the sections given (a section left out keeps its latest text); see the other overload.</summary>
    public async Task<AboutMeSaveResult> SaveAsync(
        Guid personId,
        int basedOnNumber,
        IReadOnlyDictionary<AboutMeSection, string?> sections,
        string? supportedBy,
        string? writtenByUserId,
        string writtenByName,
        bool writtenByPerson,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var latest = AboutMeSections.From(await LatestAsync(personId, cancellationToken));
        string? Pick(AboutMeSection s) => sections.TryGetValue(s, out var text) ? text : latest[s];
        var all = new AboutMeSections(
            Pick(AboutMeSection.WhatMattersMost), Pick(AboutMeSection.PeopleImportant), Pick(AboutMeSection.Communication),
            Pick(AboutMeSection.Wellness), Pick(AboutMeSection.PleaseDoAndDont), Pick(AboutMeSection.HowAndWhenToSupport),
            Pick(AboutMeSection.AlsoWorthKnowing));
        return await SaveAsync(personId, basedOnNumber, all, supportedBy, writtenByUserId, writtenByName, writtenByPerson, cancellationToken);
    }

    /// <summary>
    /// Saves a new version based on version <paramref name="basedOnNumber"/> (0 when there was none). Refuses
    /// (nothing saved) when too long or when a newer version exists; adds nothing when nothing changed.
    /// </summary>
    public async Task<AboutMeSaveResult> SaveAsync(
        Guid personId,
        int basedOnNumber,
        AboutMeSections sections,
        string? supportedBy,
        string? writtenByUserId,
        string writtenByName,
        bool writtenByPerson,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentException.ThrowIfNullOrWhiteSpace(writtenByName);
        var latest = await LatestAsync(personId, cancellationToken);
        var errors = Validate(sections, supportedBy);
        if (errors.Count > 0)
        {
            return new(AboutMeSaveOutcome.Invalid, latest, errors);
        }

        var latestNumber = latest?.Number ?? 0;
        if (latestNumber != basedOnNumber)
        {
            return new(AboutMeSaveOutcome.Conflict, latest, errors);
        }

        var cleaned = Clean(sections);
        var cleanedSupportedBy = CleanText(supportedBy);
        if (latest is not null
            && cleaned == AboutMeSections.From(latest)
            && cleanedSupportedBy == latest.SupportedBy)
        {
            return new(AboutMeSaveOutcome.Unchanged, latest, errors);
        }

        if (latest is null && Enum.GetValues<AboutMeSection>().All(s => cleaned[s] is null) && cleanedSupportedBy is null)
        {
            return new(AboutMeSaveOutcome.Unchanged, null, errors);
        }

        var version = new AboutMeVersion
        {
            PersonId = personId,
            Number = latestNumber + 1,
            SupportedBy = cleanedSupportedBy,
            WrittenAt = clock.GetUtcNow().UtcDateTime,
            WrittenByUserId = writtenByUserId,
            WrittenByName = writtenByName,
            WrittenByPerson = writtenByPerson,
        };
        foreach (var section in Enum.GetValues<AboutMeSection>())
        {
            version[section] = cleaned[section];
        }

        db.Actor ??= new ProcessContext(writtenByUserId, writtenByName);
        db.AboutMeVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else added the same number between our read and our write: the unique index caught it.
            db.Entry(version).State = EntityState.Detached;
            return new(AboutMeSaveOutcome.Conflict, await LatestAsync(personId, cancellationToken), errors);
        }

        return new(AboutMeSaveOutcome.Saved, version, errors);
    }

    private static AboutMeSections Clean(AboutMeSections s) => new(
        CleanText(s.WhatMattersMost), CleanText(s.PeopleImportant), CleanText(s.Communication), CleanText(s.Wellness),
        CleanText(s.PleaseDoAndDont), CleanText(s.HowAndWhenToSupport), CleanText(s.AlsoWorthKnowing));

    private static string? CleanText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
