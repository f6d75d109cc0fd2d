using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Conversations;

/// <summary>What a worker typed about a conversation, before it is checked.</summary>
public sealed class ConversationDraft
{
    public DateOnly HeldOn { get; set; }

    public ConversationType Type { get; set; }

    public string? WhoWasPresent { get; set; }

    public Guid? PromptSetId { get; set; }

    public IReadOnlyList<string> PromptsUsed { get; set; } = [];

    public IReadOnlyList<string?> Quotes { get; set; } = [];

    public string? Notes { get; set; }

    public string? Agreed { get; set; }

    public DateOnly? ComeBackOn { get; set; }

    public string? SafetyPlan { get; set; }
}

/// <summary>The outcome of <see cref="ConversationService.RecordAsync"/>: the new conversation, or errors by field name.</summary>
public sealed record ConversationResult(Conversation? Conversation, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Conversation is not null;
}

/// <summary>
/// Records and reads conversations with a person. The caller sets <see cref="KithDbContext.Actor"/> first.
/// Field names in errors: HeldOn, Quotes[i], Content, ComeBackOn, Notes, Agreed, SafetyPlan, WhoWasPresent.
/// </summary>
public sealed class ConversationService(KithDbContext db, TimeProvider clock)
{
    public const int QuoteLimit = 2_000;

    public const int TextLimit = 10_000;

    public const string EmptyMessage = "Record at least one thing they said, a note or what was agreed";

    /// <summary>The kinds of conversation as shown, with a hint each.</summary>
    public static IReadOnlyList<(ConversationType Type, string Name, string Hint)> Kinds { get; } =
    [
        (ConversationType.ListeningAndConnecting, "Listening and connecting", "Getting to know them, what matters to them and who and what is nearby."),
        (ConversationType.IntensiveSupport, "Support in a crisis", "Working with them through a hard time, with a safety and contingency plan."),
        (ConversationType.BuildingAGoodLife, "Building a good life", "Longer term: the life they want and the steps towards it."),
    ];

    public static string NameOf(ConversationType type) => Kinds.Single(k => k.Type == type).Name;

    /// <summary>Checks a draft against "today" in the UK; returns errors by field.</summary>
    public static Dictionary<string, string> Validate(ConversationDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft.HeldOn > today)
        {
            errors["HeldOn"] = "Date of the conversation must be today or in the past";
        }

        for (var i = 0; i < draft.Quotes.Count; i++)
        {
            var length = draft.Quotes[i]?.Trim().Length ?? 0;
            if (length > QuoteLimit)
            {
                errors[$"Quotes[{i}]"] = $"Their words {i + 1} can be up to {QuoteLimit:N0} characters; this one has {length:N0}. Split it into two quote boxes";
            }
        }

        foreach (var (name, label, text) in new[]
        {
            ("WhoWasPresent", "Who else was there", draft.WhoWasPresent),
            ("Notes", "Notes", draft.Notes),
            ("Agreed", "What you agreed", draft.Agreed),
            ("SafetyPlan", "Safety and contingency plan", draft.SafetyPlan),
        })
        {
            if (text is not null && text.Length > TextLimit)
            {
                errors[name] = $"{label} can be up to {TextLimit:N0} characters; this one has {text.Length:N0}";
            }
        }

        if (draft.ComeBackOn is { } back && back < draft.HeldOn)
        {
            errors["ComeBackOn"] = "When to come back must be on or after the date of the conversation";
        }

        var hasContent = draft.Quotes.Any(q => !string.IsNullOrWhiteSpace(q))
            || !string.IsNullOrWhiteSpace(draft.Notes)
            || !string.IsNullOrWhiteSpace(draft.Agreed)
            || !string.IsNullOrWhiteSpace(draft.SafetyPlan);
        if (!hasContent)
        {
            errors["Content"] = EmptyMessage;
        }

        return errors;
    }

    /// <summary>Checks and saves the draft as a new conversation; nothing is saved when there is an error.</summary>
    public async Task<ConversationResult> RecordAsync(Guid personId, ConversationDraft draft, DateOnly today, string? userId, string userName, CancellationToken cancellationToken = default)
    {
        var errors = Validate(draft, today);
        if (errors.Count > 0)
        {
            return new ConversationResult(null, errors);
        }

        var conversation = new Conversation
        {
            PersonId = personId,
            HeldOn = draft.HeldOn,
            Type = draft.Type,
            WhoWasPresent = Clean(draft.WhoWasPresent),
            PromptSetId = draft.PromptSetId,
            PromptsUsed = draft.PromptsUsed.Count == 0 ? null : string.Join('\n', draft.PromptsUsed.Select(p => p.Trim()).Where(p => p.Length > 0)),
            Notes = Clean(draft.Notes),
            Agreed = Clean(draft.Agreed),
            ComeBackOn = draft.ComeBackOn,
            SafetyPlan = Clean(draft.SafetyPlan),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByUserId = userId,
            RecordedByName = userName,
        };
        var order = 0;
        foreach (var words in draft.Quotes.Select(Clean).OfType<string>())
        {
            conversation.Quotes.Add(new ConversationQuote { ConversationId = conversation.Id, PersonId = personId, Order = order++, Words = words });
        }

        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return new ConversationResult(conversation, errors);
    }

    /// <summary>The person's conversations, newest first, with their quotes; <paramref name="take"/> limits how many.</summary>
    public async Task<List<Conversation>> ListAsync(Guid personId, int? take = null, CancellationToken cancellationToken = default)
    {
        var query = db.Conversations.AsNoTracking().Include(c => c.Quotes)
            .Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.RecordedAt).AsQueryable();
        if (take is { } n)
        {
            query = query.Take(n);
        }

        var list = await query.ToListAsync(cancellationToken);
        foreach (var c in list)
        {
            c.Quotes.Sort((a, b) => a.Order.CompareTo(b.Order));
        }

        return list;
    }

    public async Task<Conversation?> FindAsync(Guid personId, Guid conversationId, CancellationToken cancellationToken = default)
    {
        var c = await db.Conversations.AsNoTracking().Include(c => c.Quotes)
            .SingleOrDefaultAsync(c => c.PersonId == personId && c.Id == conversationId, cancellationToken);
        c?.Quotes.Sort((a, b) => a.Order.CompareTo(b.Order));
        return c;
    }

    /// <summary>The prompt set offered for a kind: the newest one not archived.</summary>
    public Task<PromptSet?> PromptSetForAsync(ConversationType type, CancellationToken cancellationToken = default) =>
        db.PromptSets.AsNoTracking().Include(p => p.Prompts)
            .Where(p => p.Type == type && p.ArchivedAt == null)
            .OrderByDescending(p => p.LastModified)
            .FirstOrDefaultAsync(cancellationToken);

    private static string? Clean(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
