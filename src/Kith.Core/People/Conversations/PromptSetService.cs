using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Conversations;

/// <summary>Prompt sets for conversations: the defaults Kith ships with, and administrators' edits.</summary>
public sealed class PromptSetService(KithDbContext db, TimeProvider clock)
{
    /// <summary>The default prompts, one set per kind of conversation.</summary>
    public static IReadOnlyList<(ConversationType Type, string Name, string[] Prompts)> Defaults { get; } =
    [
        (ConversationType.ListeningAndConnecting, "Listening and connecting", [
            "What does a good day look like for you?",
            "What matters most to you at the moment?",
            "Who are the people you like spending time with?",
            "What do you enjoy doing, or used to enjoy?",
            "Are there places nearby where you feel at home?",
            "Is there anything you would like to try or get back to?",
            "What would you like me to know about you?",
        ]),
        (ConversationType.IntensiveSupport, "Support in a crisis", [
            "What is happening for you right now?",
            "What would help most today?",
            "Who can you call on when things get hard?",
            "What has helped you get through hard times before?",
            "Where do you feel safe?",
            "What should we do if things get worse?",
            "When shall we talk again?",
        ]),
        (ConversationType.BuildingAGoodLife, "Building a good life", [
            "What would a good life look like for you?",
            "What are you proud of?",
            "What would you like more of in your life, and less of?",
            "Who would you like to see more of?",
            "What is one small step you could take this month?",
            "What might get in the way, and what would help?",
            "How will we know things are getting better?",
        ]),
    ];

    /// <summary>Adds the default sets when there is no prompt set at all. The caller sets the actor.</summary>
    public async Task SeedDefaultsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.PromptSets.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (type, name, prompts) in Defaults)
        {
            var set = new PromptSet { Name = name, Type = type, LastModified = now };
            set.Prompts.AddRange(prompts.Select((text, i) => new ConversationPrompt { PromptSetId = set.Id, Order = i, Text = text }));
            db.PromptSets.Add(set);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<PromptSet>> ListAsync(CancellationToken cancellationToken = default) =>
        db.PromptSets.AsNoTracking().Include(p => p.Prompts).OrderBy(p => p.ArchivedAt != null).ThenBy(p => p.Type).ThenBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<PromptSet?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.PromptSets.AsNoTracking().Include(p => p.Prompts).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Renames the set and replaces its prompts (one per line, blanks dropped). False when someone changed it since <paramref name="version"/>.</summary>
    public async Task<bool> UpdateAsync(Guid id, int version, string name, IEnumerable<string> prompts, CancellationToken cancellationToken = default)
    {
        var set = await db.PromptSets.Include(p => p.Prompts).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (set is null || set.Version != version)
        {
            return false;
        }

        set.Name = name.Trim();
        set.LastModified = clock.GetUtcNow().UtcDateTime;
        set.Version++;
        db.RemoveRange(set.Prompts);
        var order = 0;
        foreach (var text in prompts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            db.Add(new ConversationPrompt { PromptSetId = set.Id, Order = order++, Text = text });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task ArchiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var set = await db.PromptSets.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (set is null || set.ArchivedAt is not null)
        {
            return;
        }

        set.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        set.LastModified = set.ArchivedAt.Value;
        set.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }
}
