using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Strengths;

/// <summary>The fields of a tie as typed on the form.</summary>
public sealed class TieInput
{
    public string? Name { get; set; }

    public string? Relationship { get; set; }

    public TieTo To { get; set; }

    public Guid? CommunityAssetId { get; set; }

    public bool IsFormal { get; set; }

    public int Strength { get; set; }

    public TieValence Valence { get; set; }

    public SupportDirection Direction { get; set; }

    public TieFrequency Frequency { get; set; }

    public string? CouldHelpWith { get; set; }
}

/// <summary>One tie as kept in a snapshot.</summary>
public sealed record SnapshotTie(Guid Id, string Name, string? Relationship, TieTo To, bool IsFormal, int Strength, TieValence Valence, SupportDirection Direction, TieFrequency Frequency);

/// <summary>How a tie changed between a snapshot and now.</summary>
public sealed record TieChange(string Name, string What);

/// <summary>Adds, changes and ends a person's network ties, and takes snapshots of the network.</summary>
public sealed class NetworkService(KithDbContext db, TimeProvider clock)
{
    public const int NameLimit = 200;

    public Task<List<NetworkTie>> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.NetworkTies.AsNoTracking()
            .Where(t => t.PersonId == personId && t.EndedOn == null)
            .OrderByDescending(t => t.Strength).ThenBy(t => t.Name)
            .ToListAsync(cancellationToken);

    public static Dictionary<string, string> Validate(TieInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(TieInput.Name)] = "Enter who or what the tie is to";
        }
        else if (input.Name.Trim().Length > NameLimit)
        {
            errors[nameof(TieInput.Name)] = $"The name must be {NameLimit} characters or fewer";
        }

        if (input.Strength is < 1 or > 5)
        {
            errors[nameof(TieInput.Strength)] = "Choose how strong the tie is, from 1 (weak) to 5 (strong)";
        }

        return errors;
    }

    public async Task<SaveResult> AddAsync(Guid personId, TieInput input, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tie = new NetworkTie { PersonId = personId, Name = input.Name!.Trim(), CreatedAt = now, LastModified = now };
        Apply(tie, input);
        db.Actor = actor;
        db.NetworkTies.Add(tie);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(tie.Id);
    }

    public async Task<SaveResult> ChangeAsync(Guid personId, Guid tieId, int version, TieInput input, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var tie = await db.NetworkTies.SingleOrDefaultAsync(t => t.Id == tieId && t.PersonId == personId && t.EndedOn == null, cancellationToken);
        if (tie is null || tie.Version != version)
        {
            return SaveResult.Stale();
        }

        Apply(tie, input);
        return await SaveAsync(tie, actor, cancellationToken);
    }

    public async Task<SaveResult> EndAsync(Guid personId, Guid tieId, int version, DateOnly endedOn, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var tie = await db.NetworkTies.SingleOrDefaultAsync(t => t.Id == tieId && t.PersonId == personId && t.EndedOn == null, cancellationToken);
        if (tie is null || tie.Version != version)
        {
            return SaveResult.Stale();
        }

        tie.EndedOn = endedOn;
        return await SaveAsync(tie, actor, cancellationToken);
    }

    public async Task<Guid> SnapshotAsync(Guid personId, string takenByName, string? note, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        var ties = (await CurrentAsync(personId, cancellationToken)).Select(ToSnapshot).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = new NetworkSnapshot
        {
            PersonId = personId,
            TakenAt = now,
            TakenOn = DateOnly.FromDateTime(now),
            TakenByName = takenByName,
            Ties = JsonSerializer.Serialize(ties),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.Actor = actor;
        db.NetworkSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot.Id;
    }

    public static IReadOnlyList<SnapshotTie> Read(NetworkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Deserialize<List<SnapshotTie>>(snapshot.Ties) ?? [];
    }

    /// <summary>What changed from <paramref name="then"/> to <paramref name="now"/>: added, ended, strength changed.</summary>
    public static List<TieChange> Compare(IReadOnlyList<SnapshotTie> then, IReadOnlyList<SnapshotTie> now)
    {
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(now);
        var changes = new List<TieChange>();
        var before = then.ToDictionary(t => t.Id);
        var after = now.ToDictionary(t => t.Id);
        changes.AddRange(now.Where(t => !before.ContainsKey(t.Id)).Select(t => new TieChange(t.Name, "Added")));
        changes.AddRange(then.Where(t => !after.ContainsKey(t.Id)).Select(t => new TieChange(t.Name, "Ended")));
        changes.AddRange(now.Where(t => before.TryGetValue(t.Id, out var b) && b.Strength != t.Strength)
            .Select(t => new TieChange(t.Name, $"Strength changed from {before[t.Id].Strength} to {t.Strength}")));
        return changes;
    }

    public static SnapshotTie ToSnapshot(NetworkTie t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new SnapshotTie(t.Id, t.Name, t.Relationship, t.To, t.IsFormal, t.Strength, t.Valence, t.Direction, t.Frequency);
    }

    private static void Apply(NetworkTie tie, TieInput input)
    {
        tie.Name = input.Name!.Trim();
        tie.Relationship = string.IsNullOrWhiteSpace(input.Relationship) ? null : input.Relationship.Trim();
        tie.To = input.To;
        tie.CommunityAssetId = input.To == TieTo.CommunityAsset ? input.CommunityAssetId : null;
        tie.IsFormal = input.IsFormal;
        tie.Strength = input.Strength;
        tie.Valence = input.Valence;
        tie.Direction = input.Direction;
        tie.Frequency = input.Frequency;
        tie.CouldHelpWith = string.IsNullOrWhiteSpace(input.CouldHelpWith) ? null : input.CouldHelpWith.Trim();
    }

    private async Task<SaveResult> SaveAsync(NetworkTie tie, ProcessContext actor, CancellationToken cancellationToken)
    {
        tie.LastModified = clock.GetUtcNow().UtcDateTime;
        tie.Version++;
        db.Actor = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Stale();
        }

        return SaveResult.Saved(tie.Id);
    }
}
