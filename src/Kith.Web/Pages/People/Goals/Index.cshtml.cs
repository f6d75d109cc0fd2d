using Kith.Core.People.Goals;
using Kith.Web.People;

namespace Kith.Web.Pages.People.Goals;

/// <summary>The person's goals with their status, latest rating on the scale and actions.</summary>
public sealed class IndexModel(GoalService goalService) : PersonPageModel
{
    protected override string RecordPart => "goals";

    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Goals = await goalService.ListAsync(PersonId, cancellationToken);
}
