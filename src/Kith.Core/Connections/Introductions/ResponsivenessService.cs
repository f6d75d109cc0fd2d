using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.Introductions;

/// <summary>How quickly a group answers introductions and how often it says yes, from its real introductions (ADR 20).</summary>
/// <param name="MedianDays">Median of the days from sending to the first answer, over the answered ones.</param>
/// <param name="ShareAccepted">Of the answered ones, the share whose first answer was yes (accepted, or the person came along), 0 to 1.</param>
/// <param name="Introductions">How many introductions were sent.</param>
/// <param name="Answered">How many have an answer.</param>
public sealed record Responsiveness(double MedianDays, double ShareAccepted, int Introductions, int Answered)
{
    /// <summary>"Usually replies within 3 days · 80% of introductions accepted": days rounded up, at least 1.</summary>
    public string Describe()
    {
        var days = Math.Max(1, (int)Math.Ceiling(MedianDays));
        var percent = (int)Math.Round(ShareAccepted * 100, MidpointRounding.AwayFromZero);
        return $"Usually replies within {days} {(days == 1 ? "day" : "days")} · {percent}% of introductions accepted";
    }
}

/// <summary>One introduction as responsiveness counts it.</summary>
/// <param name="SentAt">UTC.</param>
/// <param name="FirstRespondedAt">UTC, or null when not answered.</param>
public sealed record IntroductionAnswer(DateTime SentAt, DateTime? FirstRespondedAt, IntroductionResponse? FirstResponse);

/// <summary>Works out <see cref="Responsiveness"/> for an asset; says nothing until it has <see cref="MinimumIntroductions"/>.</summary>
public sealed class ResponsivenessService(KithDbContext db)
{
    /// <summary>Fewer introductions than this and nothing is shown: a figure from one or two would mislead.</summary>
    public const int MinimumIntroductions = 5;

    /// <summary>The asset's responsiveness, or null with fewer than <see cref="MinimumIntroductions"/> introductions or none answered.</summary>
    public async Task<Responsiveness?> ForAssetAsync(Guid assetId, CancellationToken cancellationToken = default)
    {
        var answers = await db.Introductions.AsNoTracking().Where(i => i.CommunityAssetId == assetId)
            .Select(i => new IntroductionAnswer(i.SentAt, i.FirstRespondedAt, i.FirstResponse))
            .ToListAsync(cancellationToken);
        return Compute(answers);
    }

    /// <summary>The figures from a set of introductions; null below the minimum or when none is answered.</summary>
    public static Responsiveness? Compute(IReadOnlyCollection<IntroductionAnswer> introductions)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        if (introductions.Count < MinimumIntroductions)
        {
            return null;
        }

        var answered = introductions.Where(i => i is { FirstRespondedAt: not null, FirstResponse: not null }).ToList();
        if (answered.Count == 0)
        {
            return null;
        }

        var days = answered.Select(i => Math.Max(0, (i.FirstRespondedAt!.Value - i.SentAt).TotalDays)).Order().ToList();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        var accepted = answered.Count(i => i.FirstResponse is IntroductionResponse.Accept or IntroductionResponse.Attended);
        return new Responsiveness(median, (double)accepted / answered.Count, introductions.Count, answered.Count);
    }
}
