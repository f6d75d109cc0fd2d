using Kith.Core.People;
using Kith.Core.People.Concerns;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.Concerns;

/// <summary>The record page's concerns that are not yet sorted out (shown after strengths).</summary>
public sealed class PersonConcernsViewComponent(ConcernService concerns) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var open = (await concerns.ListAsync(personId, HttpContext.RequestAborted)).Where(c => c.Status != ConcernStatus.Resolved).ToList();
        return View(new PersonConcernsView(personId, open));
    }
}

public sealed record PersonConcernsView(Guid PersonId, IReadOnlyList<Concern> Open);
