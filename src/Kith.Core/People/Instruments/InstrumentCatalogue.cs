using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Instruments;

/// <summary>
/// The instruments loaded into Kith (<see cref="InstrumentDefinition"/> rows): the built-in ones, loaded at start,
/// and those an administrator uploads. A key has one row: loading a new version replaces the definition; past
/// check-ins keep the key and version they were taken with.
/// </summary>
public sealed class InstrumentCatalogue(KithDbContext db, TimeProvider clock)
{
    /// <summary>Every instrument, offered ones first, by name.</summary>
    public async Task<IReadOnlyList<InstrumentDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Instruments.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(i => i.RetiredAt is not null).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The instrument with <paramref name="key"/>, parsed; null when unknown, retired (unless <paramref name="includeRetired"/>) or unreadable.</summary>
    public async Task<Instrument?> GetAsync(string key, bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        var row = await db.Instruments.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, cancellationToken);
        if (row is null || (row.RetiredAt is not null && !includeRetired))
        {
            return null;
        }

        return InstrumentEngine.Parse(row.Definition).Instrument;
    }

    /// <summary>
    /// Validates and saves a definition; on any error nothing is saved and the errors are returned. A definition
    /// whose key exists replaces it (and brings it back if retired).
    /// </summary>
    public async Task<InstrumentParseResult> LoadAsync(string json, bool builtIn, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var parsed = InstrumentEngine.Parse(json);
        if (parsed.Instrument is not { } instrument)
        {
            return parsed;
        }

        db.Actor = actor;
        var row = await db.Instruments.SingleOrDefaultAsync(i => i.Key == instrument.Key, cancellationToken);
        if (row is null)
        {
            row = new InstrumentDefinition { Key = instrument.Key, Name = instrument.Name, Version = instrument.Version, Definition = json };
            db.Instruments.Add(row);
        }

        row.Name = instrument.Name;
        row.Version = instrument.Version;
        row.Definition = json;
        row.LicenceText = instrument.LicenceText;
        row.MayBeShipped = instrument.MayBeShipped;
        row.BuiltIn = builtIn;
        row.LoadedAt = clock.GetUtcNow().UtcDateTime;
        row.RetiredAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return parsed;
    }

    /// <summary>Loads each built-in definition whose key is missing or whose version differs; returns how many were loaded.</summary>
    public async Task<int> LoadBuiltInsAsync(CancellationToken cancellationToken = default)
    {
        var loaded = 0;
        foreach (var json in InstrumentEngine.BuiltInDefinitions())
        {
            var instrument = InstrumentEngine.Parse(json).Instrument
                ?? throw new InvalidOperationException("A built-in instrument definition is not valid.");
            var existing = await db.Instruments.AsNoTracking().Where(i => i.Key == instrument.Key).Select(i => i.Version).SingleOrDefaultAsync(cancellationToken);
            if (existing != instrument.Version)
            {
                await LoadAsync(json, builtIn: true, ProcessContext.System("built-in instruments"), cancellationToken);
                loaded++;
            }
        }

        return loaded;
    }

    /// <summary>Stops offering an instrument; past check-ins keep it. Returns false when there is no such key.</summary>
    public async Task<bool> RetireAsync(string key, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Instruments.SingleOrDefaultAsync(i => i.Key == key, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.Actor = actor;
        row.RetiredAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
