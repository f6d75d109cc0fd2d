using System.Text.Json;
using Kith.Core.People;
using Kith.Core.People.Instruments;
using Kith.Web.People;

namespace Kith.Web.Pages.People.CheckIns;

/// <summary>The person's check-ins over time, per instrument: a table always, and a chart (each item its own line; a total only where the instrument sums).</summary>
public sealed class IndexModel(InstrumentCatalogue catalogue, CheckInService checkIns) : PersonPageModel
{
    protected override string RecordPart => "check-ins";

    public IReadOnlyList<InstrumentHistory> Histories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await checkIns.HistoryAsync(PersonId, cancellationToken: cancellationToken);
        var histories = new List<InstrumentHistory>();
        foreach (var group in all.GroupBy(c => c.InstrumentKey))
        {
            var instrument = await catalogue.GetAsync(group.Key, includeRetired: true, cancellationToken);
            if (instrument is not null)
            {
                histories.Add(new InstrumentHistory(instrument, group.ToList()));
            }
        }

        Histories = histories;
    }
}

/// <summary>One instrument's check-ins, oldest first, with the chart's data.</summary>
public sealed record InstrumentHistory(Instrument Instrument, IReadOnlyList<CheckIn> CheckIns)
{
    public int? Value(CheckIn checkIn, string itemKey) => checkIn.Answers.FirstOrDefault(a => a.ItemKey == itemKey)?.Value;

    /// <summary>The total where the instrument sums (after reverse coding); null otherwise.</summary>
    public int? Total(CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var score = InstrumentEngine.Score(Instrument, checkIn.Answers.ToDictionary(a => a.ItemKey, a => (int?)a.Value));
        return score.Total;
    }

    /// <summary>JSON for the chart script: labels (dates) and one series per item, or the total for summed instruments. Never a sum of separate items.</summary>
    public string ChartJson()
    {
        var labels = CheckIns.Select(c => c.TakenOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList();
        object series = Instrument.Scoring.Method == ScoringMethod.Sum
            ? new[] { new { label = "Total", data = CheckIns.Select(c => Total(c)).ToList() } }
            : Instrument.Items.Select(i => new { label = i.LowerIsBetter ? $"{i.Key} (lower is better)" : i.Key, data = CheckIns.Select(c => Value(c, i.Key)).ToList() }).ToArray();
        var min = Instrument.Scoring.Method == ScoringMethod.Sum ? Instrument.Scoring.TotalMin : Instrument.Items.Min(i => i.Min);
        var max = Instrument.Scoring.Method == ScoringMethod.Sum ? Instrument.Scoring.TotalMax : Instrument.Items.Max(i => i.Max);
        return JsonSerializer.Serialize(new { labels, series, min, max });
    }
}
