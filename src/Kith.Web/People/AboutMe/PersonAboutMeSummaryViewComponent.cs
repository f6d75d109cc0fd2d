using Kith.Core.People;
using Kith.Core.People.AboutMe;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.AboutMe;

/// <summary>On the record page: what matters most to the person, from their latest About Me, and a link to all of it.</summary>
public sealed class PersonAboutMeSummaryViewComponent(AboutMeService aboutMe) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId) =>
        View(new PersonAboutMeSummary(personId, await aboutMe.LatestAsync(personId, HttpContext.RequestAborted)));
}

public sealed record PersonAboutMeSummary(Guid PersonId, AboutMeVersion? Latest);
