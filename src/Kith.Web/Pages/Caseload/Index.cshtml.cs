using System.Security.Claims;
using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Core.Platform.Teams;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People.Goals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Caseload;

/// <summary>
/// The practitioner's live connections in three groups: waiting to hear, connected, and needs a call
/// (docs/adr/0022-follow-ups-without-nagging.md). <c>?view=team</c> shows every connection of the people their
/// teams work with. Each person shown is audited as a read of "caseload".
/// </summary>
public sealed class IndexModel(FollowUpService followUps, KithDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>"mine" (the default) or "team".</summary>
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    public CaseloadScope Scope { get; private set; }

    public bool InATeam { get; private set; }

    public IReadOnlyList<CaseloadEntry> NeedsACall { get; private set; } = [];

    public IReadOnlyList<CaseloadEntry> WaitingToHear { get; private set; } = [];

    public IReadOnlyList<CaseloadEntry> Connected { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Scope = string.Equals(View, "team", StringComparison.OrdinalIgnoreCase) ? CaseloadScope.Team : CaseloadScope.Mine;
        InATeam = await db.Set<TeamMember>().AnyAsync(m => m.UserId == userId, cancellationToken);
        var entries = await followUps.CaseloadAsync(userId, Scope, User.GetProcessContext(), cancellationToken);
        NeedsACall = [.. entries.Where(e => e.Group == CaseloadGroup.NeedsACall).OrderBy(e => e.DueAt ?? e.LastChangedAt)];
        WaitingToHear = [.. entries.Where(e => e.Group == CaseloadGroup.WaitingToHear).OrderByDescending(e => e.DaysWaiting)];
        Connected = [.. entries.Where(e => e.Group == CaseloadGroup.Connected).OrderBy(e => e.DueAt ?? DateTime.MaxValue)];
        Today = UkDate.Today(clock);
        return Page();
    }

    /// <summary>The status with a capital, as a tag's text.</summary>
    public static string StatusLabel(ConnectionStatus status)
    {
        var words = Connection.Describe(status);
        return string.Concat(words[..1].ToUpperInvariant(), words[1..]);
    }

    /// <summary>Why a row needs a call, in words.</summary>
    public static string Why(CaseloadEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Reason switch
        {
            NeedsACallReason.FollowUpDue => entry.DueNumber is { } n ? $"Follow-up {n} due" : "Follow-up due",
            NeedsACallReason.CouldNotReach => "Last follow-up could not reach them",
            _ => entry.Status == ConnectionStatus.Rejected ? "Declined: see how they are" : "Did not work out: see how they are",
        };
    }
}

/// <summary>Follow-up dates and outcomes in words, for the caseload and follow-up pages.</summary>
public static class FollowUpText
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The UK date of a UTC instant.</summary>
    public static DateOnly UkDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>For example "3 December 2026".</summary>
    public static string Day(DateTime utc) => UkDate.Show(UkDay(utc));

    /// <summary>"Due 3 December 2026", "Overdue since 3 December 2026" or "Due today", against <paramref name="today"/> (UK).</summary>
    public static string Due(DateTime dueAt, DateOnly today)
    {
        var day = UkDay(dueAt);
        return day == today ? "Due today" : day < today ? $"Overdue since {UkDate.Show(day)}" : $"Due {UkDate.Show(day)}";
    }

    /// <summary>"1 day" or "5 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
