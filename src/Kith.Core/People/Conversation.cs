using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>
/// A dated record of a conversation with a person: who was there, the prompts used, the person's own words
/// (kept as <see cref="Quotes"/>, shown marked as quotes), what was agreed and when to come back.
/// </summary>
public class Conversation : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public DateOnly HeldOn { get; set; }

    public ConversationType Type { get; set; }

    /// <summary>Who was there besides the person and the worker, in words.</summary>
    [ProtectedText]
    public string? WhoWasPresent { get; set; }

    /// <summary>The prompt set offered, if any (its prompts may since have been edited: see <see cref="PromptsUsed"/>).</summary>
    public Guid? PromptSetId { get; set; }

    /// <summary>The prompts actually used, as text at the time, one per line.</summary>
    public string? PromptsUsed { get; set; }

    /// <summary>The worker's notes, "written together" where the person agrees.</summary>
    [ProtectedText]
    public string? Notes { get; set; }

    [ProtectedText]
    public string? Agreed { get; set; }

    /// <summary>When to come back to the person; null when nothing was arranged.</summary>
    public DateOnly? ComeBackOn { get; set; }

    /// <summary>For <see cref="ConversationType.IntensiveSupport"/>: a simple safety and contingency plan.</summary>
    [ProtectedText]
    public string? SafetyPlan { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public string? RecordedByUserId { get; set; }

    public required string RecordedByName { get; set; }

    public int Version { get; set; } = 1;

    public List<ConversationQuote> Quotes { get; set; } = [];
}

/// <summary>The person's words, verbatim.</summary>
public class ConversationQuote : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConversationId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>Display order within the conversation, from 0.</summary>
    public int Order { get; set; }

    [ProtectedText]
    public required string Words { get; set; }

    /// <summary>The prompt the words answered, if any.</summary>
    public string? Prompt { get; set; }
}

/// <summary>The three kinds of conversation.</summary>
public enum ConversationType
{
    /// <summary>Listen, learn what matters, connect with people and places nearby.</summary>
    ListeningAndConnecting,

    /// <summary>Intensive support in a crisis, with a safety and contingency plan.</summary>
    IntensiveSupport,

    /// <summary>Longer-term: building a good life.</summary>
    BuildingAGoodLife,
}

/// <summary>A set of prompts for a kind of conversation. Administrators edit them; the defaults ship with Kith.</summary>
public class PromptSet : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public ConversationType Type { get; set; }

    /// <summary>UTC instant it was retired; retired sets are not offered for new conversations.</summary>
    public DateTime? ArchivedAt { get; set; }

    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;

    public List<ConversationPrompt> Prompts { get; set; } = [];
}

/// <summary>One prompt of a <see cref="PromptSet"/>.</summary>
public class ConversationPrompt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PromptSetId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    /// <summary>Optional guidance for the worker, not read out.</summary>
    public string? Hint { get; set; }
}
