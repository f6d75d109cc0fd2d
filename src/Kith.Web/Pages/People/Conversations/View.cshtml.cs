using Kith.Core.People;
using Kith.Core.People.Conversations;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Conversations;

/// <summary>One conversation in full.</summary>
public sealed class ViewModel(ConversationService conversations) : PersonPageModel
{
    protected override string RecordPart => "conversations";

    public Conversation Conversation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var found = await conversations.FindAsync(PersonId, conversationId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Conversation = found;
        return Page();
    }
}
