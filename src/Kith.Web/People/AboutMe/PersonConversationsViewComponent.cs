using Kith.Core.People;
using Kith.Core.People.Conversations;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.AboutMe;

/// <summary>On the record page: the latest three conversations with their quotes and what was agreed.</summary>
public sealed class PersonConversationsViewComponent(ConversationService conversations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId) =>
        View(new PersonConversationsSummary(personId, await conversations.ListAsync(personId, 3, HttpContext.RequestAborted)));
}

public sealed record PersonConversationsSummary(Guid PersonId, IReadOnlyList<Conversation> Latest);
