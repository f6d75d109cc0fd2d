using System.Text.Json;
using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Web.People;
using Kith.Web.People.Strengths;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Network;

/// <summary>The person's network: a table of current ties, the ecomap drawn from the same data, and snapshots.</summary>
public sealed class IndexModel(NetworkService network) : PersonPageModel
{
    protected override string RecordPart => "network";

    public IReadOnlyList<NetworkTie> Ties { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The ecomap's data for ecomap.js (in a JSON script element, so no inline script).</summary>
    public string EcomapJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ties = await network.CurrentAsync(PersonId, cancellationToken);
        EcomapJson = JsonSerializer.Serialize(new
        {
            person = Person.DisplayName,
            ties = Ties.Select(t => new
            {
                id = t.Id,
                name = t.Name,
                strength = t.Strength,
                valence = t.Valence.ToString(),
                direction = t.Direction.ToString(),
                label = $"{t.Name}: {NetworkLabels.Valence(t.Valence)}, strength {t.Strength}",
            }),
        });
    }

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken cancellationToken)
    {
        if (Note is { Length: > 1000 })
        {
            Notice = "The note must be 1,000 characters or fewer; the snapshot was not saved";
            return RedirectToPage();
        }

        await network.SnapshotAsync(PersonId, Actor.ActorName, Note, Actor, cancellationToken);
        Notice = "Snapshot saved";
        return RedirectToPage();
    }
}
