using Kith.Core.People;
using Kith.Core.People.AboutMe;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.AboutMe;

/// <summary>Every version of the person's About Me, newest first; <c>?version=N</c> shows one.</summary>
public sealed class HistoryModel(AboutMeService aboutMe) : PersonPageModel
{
    protected override string RecordPart => "about-me";

    public IReadOnlyList<AboutMeVersion> Versions { get; private set; } = [];

    public AboutMeVersion? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken cancellationToken)
    {
        if (version is { } number)
        {
            Selected = await aboutMe.VersionAsync(PersonId, number, cancellationToken);
            return Selected is null ? NotFound() : Page();
        }

        Versions = await aboutMe.HistoryAsync(PersonId, cancellationToken);
        return Page();
    }
}
