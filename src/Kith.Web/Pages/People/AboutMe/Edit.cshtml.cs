using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.AboutMe;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.AboutMe;

/// <summary>
/// Writes a new version of the person's About Me. The form carries the version it started from; when someone
/// saved a newer one meanwhile, the page shows their saved text beside what was typed, keeps the typing, and saves nothing.
/// </summary>
public sealed class EditModel(AboutMeService aboutMe, KithDbContext db) : PersonPageModel
{
    protected override string RecordPart => "about-me";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The newer version someone else saved, when this save collided with it.</summary>
    public AboutMeVersion? Conflict { get; private set; }

    public sealed class InputModel
    {
        public int BasedOn { get; set; }

        public string? WhatMattersMost { get; set; }

        public string? PeopleImportant { get; set; }

        public string? Communication { get; set; }

        public string? Wellness { get; set; }

        public string? PleaseDoAndDont { get; set; }

        public string? HowAndWhenToSupport { get; set; }

        public string? AlsoWorthKnowing { get; set; }

        public string? SupportedBy { get; set; }

        public Dictionary<AboutMeSection, string?> Sections() => new()
        {
            [AboutMeSection.WhatMattersMost] = WhatMattersMost,
            [AboutMeSection.PeopleImportant] = PeopleImportant,
            [AboutMeSection.Communication] = Communication,
            [AboutMeSection.Wellness] = Wellness,
            [AboutMeSection.PleaseDoAndDont] = PleaseDoAndDont,
            [AboutMeSection.HowAndWhenToSupport] = HowAndWhenToSupport,
            [AboutMeSection.AlsoWorthKnowing] = AlsoWorthKnowing,
        };

        public static InputModel From(AboutMeVersion? v) => new()
        {
            BasedOn = v?.Number ?? 0,
            WhatMattersMost = v?.WhatMattersMost,
            PeopleImportant = v?.PeopleImportant,
            Communication = v?.Communication,
            Wellness = v?.Wellness,
            PleaseDoAndDont = v?.PleaseDoAndDont,
            HowAndWhenToSupport = v?.HowAndWhenToSupport,
            AlsoWorthKnowing = v?.AlsoWorthKnowing,
            SupportedBy = v?.SupportedBy,
        };
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = InputModel.From(await aboutMe.LatestAsync(PersonId, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        db.Actor = Actor;
        var result = await aboutMe.SaveAsync(PersonId, Input.BasedOn, Input.Sections(), Input.SupportedBy, Actor.UserId, Actor.ActorName, writtenByPerson: false, cancellationToken);
        switch (result.Outcome)
        {
            case AboutMeSaveOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError($"Input.{field}", message);
                }

                return Page();
            case AboutMeSaveOutcome.Conflict:
                Conflict = result.Latest;
                Input.BasedOn = result.Latest?.Number ?? 0;
                return Page();
            default:
                return Redirect($"/people/{PersonId}/about-me");
        }
    }
}
