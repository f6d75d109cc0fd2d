using Kith.Core.People;
using Kith.Core.People.Instruments;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.CheckIns;

/// <summary>The record page's latest check-in of each instrument, with its values.</summary>
public sealed class PersonCheckInsViewComponent(CheckInService checkIns, InstrumentCatalogue catalogue) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var history = await checkIns.HistoryAsync(personId, cancellationToken: HttpContext.RequestAborted);
        var latest = new List<(Instrument, CheckIn)>();
        foreach (var group in history.GroupBy(c => c.InstrumentKey))
        {
            if (await catalogue.GetAsync(group.Key, includeRetired: true, HttpContext.RequestAborted) is { } instrument)
            {
                latest.Add((instrument, group.Last()));
            }
        }

        return View(new PersonCheckInsView(personId, latest));
    }
}

public sealed record PersonCheckInsView(Guid PersonId, IReadOnlyList<(Instrument Instrument, CheckIn Latest)> Latest);
