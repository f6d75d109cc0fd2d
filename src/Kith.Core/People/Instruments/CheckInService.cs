using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Instruments;

/// <summary>
/// Check-ins: a completed instrument for a person on a date, stored as <see cref="CheckIn"/> and one
/// <see cref="CheckInAnswer"/> per item, as answered. Writes are audited through <see cref="KithDbContext.Actor"/>, set by the caller.
/// </summary>
public sealed class CheckInService(KithDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Scores the answers against <paramref name="instrument"/> and, only when every answer is valid, saves the check-in.
    /// Returns the score (with errors and nothing saved when invalid).
    /// </summary>
    public async Task<(InstrumentScore Score, CheckIn? CheckIn)> RecordAsync(
        Guid personId, Instrument instrument, IReadOnlyDictionary<string, int?> answers, DateOnly takenOn, CheckInStage stage, string recordedByName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var score = InstrumentEngine.Score(instrument, answers);
        if (!score.IsValid)
        {
            return (score, null);
        }

        var checkIn = new CheckIn
        {
            PersonId = personId,
            InstrumentKey = instrument.Key,
            InstrumentVersion = instrument.Version,
            TakenOn = takenOn,
            Stage = stage,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = recordedByName,
        };
        checkIn.Answers.AddRange(score.Items.Select(i => new CheckInAnswer { CheckInId = checkIn.Id, PersonId = personId, ItemKey = i.Key, Value = i.Answered }));
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return (score, checkIn);
    }

    /// <summary>The person's check-ins with their answers, oldest taken first (optionally of one instrument).</summary>
    public async Task<IReadOnlyList<CheckIn>> HistoryAsync(Guid personId, string? instrumentKey = null, CancellationToken cancellationToken = default)
    {
        var query = db.CheckIns.AsNoTracking().Include(c => c.Answers).Where(c => c.PersonId == personId);
        if (instrumentKey is not null)
        {
            query = query.Where(c => c.InstrumentKey == instrumentKey);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderBy(c => c.TakenOn).ThenBy(c => c.RecordedAt).ToList();
    }
}
