using Kith.Core.People;
using Kith.Core.People.Conversations;
using Kith.Web.People;

namespace Kith.Web.Pages.People.Conversations;

/// <summary>Every conversation with the person, newest first.</summary>
public sealed class IndexModel(ConversationService conversations) : PersonPageModel
{
    protected override string RecordPart => "conversations";

    public IReadOnlyList<Conversation> Conversations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Conversations = await conversations.ListAsync(PersonId, cancellationToken: cancellationToken);
}
