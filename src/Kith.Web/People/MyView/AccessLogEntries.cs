using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People.MyView;

/// <summary>One line of a person's access log, in plain words.</summary>
public sealed record AccessLogEntry(DateTime OccurredAt, string Who, string What, string? Reason);

/// <summary>A page of the access log.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Entries, int Page, int PageCount);

/// <summary>Reads the audit events about one person, newest first, and says what each was in plain words.</summary>
public static class AccessLogEntries
{
    public const int PageSize = 50;

    public static async Task<AccessLogPage> ReadAsync(KithDbContext db, Guid personId, int page, string? ownUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId);
        var count = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var events = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var entries = events.Select(e => new AccessLogEntry(
            e.OccurredAt,
            ownUserId is not null && e.UserId == ownUserId ? "You" : e.ActorName,
            Describe(e),
            e.Reason)).ToList();
        return new AccessLogPage(entries, page, pageCount);
    }

    /// <summary>Plain words for an event: "Looked at the strengths", "Changed a goal".</summary>
    public static string Describe(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var thing = Thing(e.EntityType);
        return e.Action switch
        {
            AuditActions.Viewed => $"Looked at {Part(e.Changes)}",
            PersonAuditActions.AccessRefused => $"Tried to look at {Part(e.Changes)} and was refused",
            PersonAuditActions.BreakGlass => "Was given emergency (break-glass) access",
            PersonAuditActions.Exported => "Made a copy of the record",
            "invited" => "Sent an invitation to see the plan",
            AuditActions.Created => $"Added {thing}",
            AuditActions.Updated => $"Changed {thing}",
            AuditActions.Deleted => $"Removed {thing}",
            AuditActions.Archived => $"Took {thing} off the record",
            AuditActions.Restored => $"Put {thing} back on the record",
            _ => $"{e.Action.Replace('-', ' ')}: {thing}",
        };
    }

    private static string Part(string? changes)
    {
        string? part = null;
        if (!string.IsNullOrEmpty(changes))
        {
            try
            {
                using var json = JsonDocument.Parse(changes);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("part", out var p))
                {
                    part = p.GetString();
                }
            }
            catch (JsonException)
            {
                part = null;
            }
        }

        return part switch
        {
            null or "record" => "the record",
            "my-plan" => "the plan (on their own page)",
            "about-me" => "About me",
            "access-log" => "who has looked at the record",
            _ => "the " + part.Replace('-', ' '),
        };
    }

    private static string Thing(string entityType) => entityType switch
    {
        nameof(Person) => "the details",
        nameof(PersonTeam) => "a team working with them",
        nameof(AboutMeVersion) => "About me",
        nameof(Strength) => "a strength",
        nameof(NetworkTie) => "someone in their network",
        nameof(NetworkSnapshot) => "a copy of the network",
        nameof(Goal) => "a goal",
        nameof(GoalRating) => "a goal rating",
        nameof(GoalAction) => "a step towards a goal",
        nameof(Concern) => "something they are getting help with",
        nameof(SuggestedChange) => "a suggestion",
        nameof(Conversation) => "a conversation",
        nameof(Consent) => "a consent",
        _ => "part of the record",
    };
}

/// <summary>What the shared access log table shows: a page and the address of other pages ("{0}" for the number).</summary>
public sealed record AccessLogView(AccessLogPage Log, string HrefTemplate);
