using Kith.Core.People;
using Kith.Core.People.AboutMe;
using Kith.Web.People;

namespace Kith.Web.Pages.People.AboutMe;

/// <summary>The person's latest About Me: seven sections, who supported them to write it and when.</summary>
public sealed class IndexModel(AboutMeService aboutMe) : PersonPageModel
{
    protected override string RecordPart => "about-me";

    public AboutMeVersion? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Latest = await aboutMe.LatestAsync(PersonId, cancellationToken);
}
