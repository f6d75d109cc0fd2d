using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Strengths;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Network;

/// <summary>The network's snapshots; one shown as a table with what has changed since.</summary>
public sealed class SnapshotsModel(KithDbContext db, NetworkService network) : PersonPageModel
{
    protected override string RecordPart => "network";

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<NetworkSnapshot> Snapshots { get; private set; } = [];

    public NetworkSnapshot? Shown { get; private set; }

    public IReadOnlyList<SnapshotTie> ShownTies { get; private set; } = [];

    public IReadOnlyList<TieChange> ChangesSince { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Snapshots = await db.NetworkSnapshots.AsNoTracking()
            .Where(s => s.PersonId == PersonId)
            .OrderByDescending(s => s.TakenAt)
            .ToListAsync(cancellationToken);
        if (Id is { } id)
        {
            Shown = Snapshots.FirstOrDefault(s => s.Id == id);
            if (Shown is null)
            {
                return NotFound();
            }

            ShownTies = NetworkService.Read(Shown);
            var now = (await network.CurrentAsync(PersonId, cancellationToken)).Select(NetworkService.ToSnapshot).ToList();
            ChangesSince = NetworkService.Compare(ShownTies, now);
        }

        return Page();
    }
}
