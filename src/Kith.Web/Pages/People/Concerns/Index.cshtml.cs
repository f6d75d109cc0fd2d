using Kith.Core.People;
using Kith.Core.People.Concerns;
using Kith.Web.People;

namespace Kith.Web.Pages.People.Concerns;

/// <summary>The person's concerns, open ones first.</summary>
public sealed class IndexModel(ConcernService concerns) : PersonPageModel
{
    protected override string RecordPart => "concerns";

    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Concerns = await concerns.ListAsync(PersonId, cancellationToken);
}
