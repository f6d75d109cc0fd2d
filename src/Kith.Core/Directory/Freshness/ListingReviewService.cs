using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Directory.Search;
using Kith.Core.Platform;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Freshness;

/// <summary>What one sweep did.</summary>
/// <param name="Reminders">Reminders recorded, by number (index 0 is the first reminder); includes those with no one to send to.</param>
/// <param name="NoOneToRemind">Of those, how many listings had no email address at all, so nothing was sent.</param>
/// <param name="BecameOverdue">Listings whose third reminder went unanswered.</param>
/// <param name="Reset">Listings verified some other way (an edit) whose reminders were cleared.</param>
public sealed record ReviewSweepOutcome(IReadOnlyList<int> Reminders, int NoOneToRemind, int BecameOverdue, int Reset)
{
    public int RemindersRecorded => Reminders.Sum();
}

/// <summary>Where a "still correct" link stands.</summary>
public enum ReviewLinkState
{
    /// <summary>The link works: the listing can be confirmed with it.</summary>
    Valid,

    /// <summary>No such link: mistyped, cut short, or never issued.</summary>
    Unknown,

    /// <summary>The link ran out before it was used.</summary>
    Expired,

    /// <summary>The listing was already confirmed, through this link or another.</summary>
    Used,

    /// <summary>The listing has been taken out of the directory.</summary>
    NotListed,
}

/// <summary>A "still correct" link looked up, and the listing it is for.</summary>
/// <param name="UsedAt">UTC, when <see cref="ReviewLinkState.Used"/>.</param>
public sealed record ReviewLinkCheck(ReviewLinkState State, Guid? AssetId = null, string? AssetName = null, DateTime? UsedAt = null, DateOnly? LastVerifiedOn = null)
{
    public static ReviewLinkCheck Unknown { get; } = new(ReviewLinkState.Unknown);
}

/// <summary>One listing in the review cycle, for the administrators' page.</summary>
/// <param name="NotCheckedSince">Its <see cref="CommunityAsset.LastVerifiedOn"/>, or the UK date it was added when never verified.</param>
/// <param name="OverdueSince">UTC.</param>
public sealed record ReviewListing(Guid AssetId, string Name, string? OrganizationName, int RemindersSent, DateOnly NotCheckedSince, bool NeverChecked, DateTime? OverdueSince);

/// <summary>How many listings stand where in the review cycle, with the overdue ones and the ones with no one to remind.</summary>
public sealed record FreshnessOverview(
    FreshnessSettings Settings,
    int DueForFirstReminder,
    int RemindedOnce,
    int RemindedTwice,
    int RemindedThreeTimes,
    int Overdue,
    int NoOneToRemind,
    IReadOnlyList<ReviewListing> OverdueListings,
    IReadOnlyList<ReviewListing> NoOneToRemindListings);

/// <summary>
/// Keeps directory listings fresh (docs/adr/0016-freshness-reminders.md). A daily <see cref="SweepAsync"/>
/// sends up to three review reminders by email to each active listing not verified for the configured
/// months, then marks it overdue (<see cref="CommunityAsset.ReviewOverdueSince"/>: it sinks in search and
/// shows "not checked since"). Each reminder carries a "still correct" link; <see cref="ConfirmAsync"/>
/// verifies the listing and ends the cycle. Every step is one short transaction guarded by a conditional
/// update, so sweeps that run twice, or on several nodes at once, never send a reminder twice. Scoped.
/// </summary>
public sealed class ListingReviewService(KithDbContext db, NotificationService notifications, AssetService assets, AssetSearchIndex index, TimeProvider clock)
{
    /// <summary>How long a "still correct" link works. A newer reminder leaves older links working until they run out.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(60);

    /// <summary>The summary of the revision a confirmation writes.</summary>
    public const string ConfirmedSummary = "Confirmed still correct from a review reminder";

    /// <summary>A sweep that marks or clears up to this many listings refreshes them in this node's index at once; more are left to the index follower.</summary>
    public const int MaxDirectRefreshes = 100;

    /// <summary>The most listings shown in each list of the overview.</summary>
    public const int OverviewListLimit = 200;

    /// <summary>Audit actions (on <see cref="CommunityAsset"/>).</summary>
    public const string ReminderAction = "review-reminded";
    public const string OverdueAction = "review-overdue";
    public const string ConfirmedAction = "review-confirmed";
    public const string ResetAction = "review-reset";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly ProcessContext Sweeper = ProcessContext.System("review reminders");

    public async Task<FreshnessSettings> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        var keys = new[] { FreshnessSettings.MonthsKey, FreshnessSettings.GapKey, FreshnessSettings.FinalWaitKey };
        var values = await db.SystemSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var defaults = FreshnessSettings.Default;
        return new FreshnessSettings(
            Read(values, FreshnessSettings.MonthsKey, defaults.MonthsUntilReview, FreshnessSettings.MaximumMonths),
            Read(values, FreshnessSettings.GapKey, defaults.DaysBetweenReminders, FreshnessSettings.MaximumDays),
            Read(values, FreshnessSettings.FinalWaitKey, defaults.DaysBeforeOverdue, FreshnessSettings.MaximumDays));

        static int Read(Dictionary<string, string> values, string key, int fallback, int maximum) =>
            values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, Invariant, out var value) && value >= 1 && value <= maximum
                ? value
                : fallback;
    }

    /// <summary>Saves the settings, audited as a change to each setting that changed.</summary>
    /// <exception cref="ArgumentException">When a value is out of range (see <see cref="FreshnessSettings.Problems"/>).</exception>
    public async Task SetSettingsAsync(FreshnessSettings settings, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(actor);
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        var before = await GetSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, from, to) in new[]
        {
            (FreshnessSettings.MonthsKey, before.MonthsUntilReview, settings.MonthsUntilReview),
            (FreshnessSettings.GapKey, before.DaysBetweenReminders, settings.DaysBetweenReminders),
            (FreshnessSettings.FinalWaitKey, before.DaysBeforeOverdue, settings.DaysBeforeOverdue),
        })
        {
            var value = to.ToString(Invariant);
            var setting = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
            if (setting is null)
            {
                db.SystemSettings.Add(new SystemSetting { Key = key, Value = value });
            }
            else if (setting.Value != value)
            {
                setting.Value = value;
            }
            else
            {
                continue;
            }

            if (from != to || setting is null)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = now,
                    UserId = actor.UserId,
                    ActorName = actor.ActorName,
                    Action = AuditActions.Updated,
                    EntityType = nameof(SystemSetting),
                    EntityId = key,
                    Changes = JsonSerializer.Serialize(new { value = new { from, to } }),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One pass over the directory: clears the cycle of listings verified since, marks overdue the ones whose
    /// third reminder went unanswered, and sends each reminder that is due. Safe to run at any time, twice, or
    /// on several nodes at once.
    /// </summary>
    /// <param name="siteRoot">The public address of the site, for the links in the emails.</param>
    public async Task<ReviewSweepOutcome> SweepAsync(Uri siteRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        var settings = await GetSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = IsDue(settings, now);
        var candidates = db.CommunityAssets.AsNoTracking().Where(a => a.Status == AssetStatus.Active && a.ArchivedAt == null);

        var changedForIndex = new List<Guid>();

        // Verified another way (an edit sets LastVerifiedOn): the cycle is over.
        var reset = 0;
        var notDue = Not(due);
        var verified = await candidates.Where(a => a.ReviewRemindersSent > 0 || a.ReviewOverdueSince != null).Where(notDue)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in verified)
        {
            if (await ResetAsync(id, notDue, cancellationToken))
            {
                reset++;
                changedForIndex.Add(id);
            }
        }

        var overdue = 0;
        var finalCutoff = now.AddDays(-settings.DaysBeforeOverdue);
        var unanswered = await candidates.Where(due)
            .Where(a => a.ReviewRemindersSent >= FreshnessSettings.Reminders && a.ReviewOverdueSince == null && a.LastReminderSentAt <= finalCutoff)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in unanswered)
        {
            if (await MarkOverdueAsync(id, due, finalCutoff, cancellationToken))
            {
                overdue++;
                changedForIndex.Add(id);
            }
        }

        var sent = new int[FreshnessSettings.Reminders];
        var noOne = 0;
        var gapCutoff = now.AddDays(-settings.DaysBetweenReminders);
        for (var already = FreshnessSettings.Reminders - 1; already >= 0; already--)
        {
            var count = already;
            var waiting = candidates.Where(due).Where(a => a.ReviewRemindersSent == count && a.ReviewOverdueSince == null);
            if (count > 0)
            {
                waiting = waiting.Where(a => a.LastReminderSentAt <= gapCutoff);
            }

            var ids = await waiting.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                var outcome = await RemindAsync(id, count, due, gapCutoff, settings, siteRoot, cancellationToken);
                if (outcome is not null)
                {
                    sent[count]++;
                    noOne += outcome.Value ? 0 : 1;
                }
            }
        }

        // Only the overdue mark changes what a search sees (the reminder count is not in the index). Refresh a few at
        // once; after a large sweep the index follower reads them from LastModified, rebuilding when there are many.
        if (changedForIndex.Count <= MaxDirectRefreshes)
        {
            foreach (var id in changedForIndex)
            {
                await index.RefreshAsync(db, id, cancellationToken);
            }
        }

        return new ReviewSweepOutcome(sent, noOne, overdue, reset);
    }

    /// <summary>Where a link from a review email stands, without changing anything (a GET may come from a link scanner).</summary>
    public async Task<ReviewLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (check, _) = await FindAsync(token, cancellationToken);
        return check;
    }

    /// <summary>
    /// Confirms the listing through a "still correct" link: sets <see cref="CommunityAsset.LastVerifiedOn"/> to
    /// today (UK), ends the review cycle, moves the version on with a revision and an audit event, and uses up
    /// every outstanding link of the listing. A link that is not <see cref="ReviewLinkState.Valid"/> changes nothing.
    /// </summary>
    /// <param name="actor">Who confirmed: the signed-in user, or <c>ProcessContext(null, "someone using a review link")</c>.</param>
    public Task<ReviewLinkCheck> ConfirmAsync(string? token, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ConfirmOnceAsync(token, actor, attempt: 1, cancellationToken);
    }

    private async Task<ReviewLinkCheck> ConfirmOnceAsync(string? token, ProcessContext actor, int attempt, CancellationToken cancellationToken)
    {
        var (check, linkId) = await FindAsync(token, cancellationToken);
        if (check.State != ReviewLinkState.Valid || linkId is not { } id || check.AssetId is not { } assetId)
        {
            return check;
        }

        var current = await assets.GetDetailsAsync(assetId, cancellationToken);
        if (current is null)
        {
            return ReviewLinkCheck.Unknown;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkDate(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<ListingReviewLink>().Where(l => l.Id == id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            // Another request used it first.
            await transaction.RollbackAsync(cancellationToken);
            return (await FindAsync(token, cancellationToken)).Check;
        }

        await db.Set<ListingReviewLink>().Where(l => l.AssetId == assetId && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        var before = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == assetId)
            .Select(a => new { a.Version, a.LastVerifiedOn, a.ReviewRemindersSent, a.LastReminderSentAt, a.ReviewOverdueSince })
            .SingleAsync(cancellationToken);
        var version = before.Version + 1;
        var updated = await db.CommunityAssets.Where(a => a.Id == assetId && a.Version == before.Version)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.LastVerifiedOn, today)
                    .SetProperty(a => a.ReviewRemindersSent, 0)
                    .SetProperty(a => a.LastReminderSentAt, (DateTime?)null)
                    .SetProperty(a => a.ReviewOverdueSince, (DateTime?)null)
                    .SetProperty(a => a.Version, version)
                    .SetProperty(a => a.LastModified, now),
                cancellationToken);
        if (updated == 0)
        {
            // An editor saved between the read and the update; nothing here was written. Try again on the new version.
            await transaction.RollbackAsync(cancellationToken);
            if (attempt >= 3)
            {
                throw new AssetConflictException(assetId, before.Version, before.Version + 1);
            }

            return await ConfirmOnceAsync(token, actor, attempt + 1, cancellationToken);
        }

        var reason = "Confirmed through the link in a review reminder";
        db.AssetRevisions.Add(new AssetRevision
        {
            AssetId = assetId,
            Version = version,
            SavedAt = now,
            UserId = actor.UserId,
            ActorName = actor.ActorName,
            Summary = ConfirmedSummary,
            Snapshot = current.Details.ToJson(),
            Reason = reason,
        });
        db.AuditEvents.Add(Audit(actor, ConfirmedAction, assetId, now, reason, new Dictionary<string, object?>
        {
            ["LastVerifiedOn"] = new { from = before.LastVerifiedOn, to = today },
            ["ReviewRemindersSent"] = new { from = before.ReviewRemindersSent, to = 0 },
            ["ReviewOverdueSince"] = new { from = before.ReviewOverdueSince, to = (DateTime?)null },
            ["Version"] = new { from = before.Version, to = version },
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await index.RefreshAsync(db, assetId, cancellationToken);
        return check with { State = ReviewLinkState.Valid, LastVerifiedOn = today, UsedAt = now };
    }

    /// <summary>Counts of listings at each step of the cycle, and the overdue ones and the ones with no one to remind, oldest first.</summary>
    public async Task<FreshnessOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        var settings = await GetSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var listed = db.CommunityAssets.AsNoTracking().Where(a => a.Status == AssetStatus.Active && a.ArchivedAt == null);
        var due = listed.Where(IsDue(settings, now));
        var steps = await due.Where(a => a.ReviewOverdueSince == null)
            .GroupBy(a => a.ReviewRemindersSent).Select(g => new { Sent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Sent, g => g.Count, cancellationToken);
        var overdueCount = await listed.CountAsync(a => a.ReviewOverdueSince != null, cancellationToken);
        var nobody = due.Where(NoEmail);
        var noOneCount = await nobody.CountAsync(cancellationToken);

        var overdue = await ListAsync(listed.Where(a => a.ReviewOverdueSince != null).OrderBy(a => a.ReviewOverdueSince).ThenBy(a => a.Name), cancellationToken);
        var noOne = await ListAsync(nobody.OrderBy(a => a.LastVerifiedOn ?? DateOnly.MinValue).ThenBy(a => a.CreatedAt).ThenBy(a => a.Name), cancellationToken);
        return new FreshnessOverview(
            settings,
            steps.GetValueOrDefault(0),
            steps.GetValueOrDefault(1),
            steps.GetValueOrDefault(2),
            steps.Where(s => s.Key >= FreshnessSettings.Reminders).Sum(s => s.Value),
            overdueCount,
            noOneCount,
            overdue,
            noOne);
    }

    /// <summary>
    /// The overdue mark that still holds: <paramref name="overdueSince"/>, unless the listing was verified on or after
    /// that day (an edit verifies it; the next sweep then clears the mark). A listing only becomes overdue long after
    /// its last verification, so a verification on or after the mark's day came later.
    /// </summary>
    public static DateTime? StillOverdue(DateOnly? lastVerifiedOn, DateTime? overdueSince) =>
        overdueSince is { } since && !(lastVerifiedOn >= DateOnly.FromDateTime(since)) ? since : null;

    /// <summary>The date a listing is "not checked since": its last verification, or the UK date it was added.</summary>
    public static DateOnly NotCheckedSince(DateOnly? lastVerifiedOn, DateTime createdAt) => lastVerifiedOn ?? UkDate(createdAt);

    /// <summary>Today's date in the UK for a UTC instant.</summary>
    public static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime));

    private static Expression<Func<CommunityAsset, bool>> NoEmail =>
        a => (a.Email == null || a.Email == string.Empty)
            && !a.Contacts.Any(c => c.Email != null && c.Email != string.Empty)
            && (a.Organization == null || a.Organization.Email == null || a.Organization.Email == string.Empty);

    /// <summary>Not verified for the configured months: LastVerifiedOn on or before the cut-off date, or never verified and added before it.</summary>
    private static Expression<Func<CommunityAsset, bool>> IsDue(FreshnessSettings settings, DateTime now)
    {
        var cutoff = UkDate(now).AddMonths(-settings.MonthsUntilReview);
        var addedBefore = TimeZoneInfo.ConvertTimeToUtc(cutoff.AddDays(1).ToDateTime(TimeOnly.MinValue), UkTime);
        return a => (a.LastVerifiedOn != null && a.LastVerifiedOn <= cutoff) || (a.LastVerifiedOn == null && a.CreatedAt < addedBefore);
    }

    private static Expression<Func<CommunityAsset, bool>> Not(Expression<Func<CommunityAsset, bool>> predicate) =>
        Expression.Lambda<Func<CommunityAsset, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private async Task<List<ReviewListing>> ListAsync(IQueryable<CommunityAsset> query, CancellationToken cancellationToken)
    {
        var rows = await query.Take(OverviewListLimit)
            .Select(a => new { a.Id, a.Name, Organization = a.Organization!.Name, a.ReviewRemindersSent, a.LastVerifiedOn, a.CreatedAt, a.ReviewOverdueSince })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new ReviewListing(
            r.Id, r.Name, r.Organization, r.ReviewRemindersSent, NotCheckedSince(r.LastVerifiedOn, r.CreatedAt), r.LastVerifiedOn is null, r.ReviewOverdueSince));
    }

    private async Task<bool> ResetAsync(Guid id, Expression<Func<CommunityAsset, bool>> notDue, CancellationToken cancellationToken)
    {
        var now = Stamp();
        // Read before the transaction, so its first statement is the guarded write (SQLite then takes the write lock at once).
        var before = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.ReviewRemindersSent, a.ReviewOverdueSince }).SingleOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.CommunityAssets.Where(a => a.Id == id && (a.ReviewRemindersSent > 0 || a.ReviewOverdueSince != null)).Where(notDue)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.ReviewRemindersSent, 0)
                    .SetProperty(a => a.LastReminderSentAt, (DateTime?)null)
                    .SetProperty(a => a.ReviewOverdueSince, (DateTime?)null)
                    .SetProperty(a => a.LastModified, now),
                cancellationToken);
        if (rows == 0 || before is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        db.AuditEvents.Add(Audit(Sweeper, ResetAction, id, now, "Verified since the last review reminder", new Dictionary<string, object?>
        {
            ["ReviewRemindersSent"] = new { from = before.ReviewRemindersSent, to = 0 },
            ["ReviewOverdueSince"] = new { from = before.ReviewOverdueSince, to = (DateTime?)null },
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> MarkOverdueAsync(Guid id, Expression<Func<CommunityAsset, bool>> due, DateTime finalCutoff, CancellationToken cancellationToken)
    {
        var now = Stamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.CommunityAssets
            .Where(a => a.Id == id && a.ReviewRemindersSent >= FreshnessSettings.Reminders && a.ReviewOverdueSince == null && a.LastReminderSentAt <= finalCutoff)
            .Where(due)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewOverdueSince, now).SetProperty(a => a.LastModified, now), cancellationToken);
        if (rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        db.AuditEvents.Add(Audit(Sweeper, OverdueAction, id, now, "No answer to the third review reminder", new Dictionary<string, object?>
        {
            ["ReviewOverdueSince"] = new { from = (DateTime?)null, to = now },
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records reminder <paramref name="already"/> + 1 and queues its email, if no one else did first.</summary>
    /// <returns>Null when another sweep got there first; otherwise whether there was anyone to email.</returns>
    private async Task<bool?> RemindAsync(
        Guid id, int already, Expression<Func<CommunityAsset, bool>> due, DateTime gapCutoff, FreshnessSettings settings, Uri siteRoot, CancellationToken cancellationToken)
    {
        var now = Stamp();
        var number = already + 1;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = db.CommunityAssets.Where(a => a.Id == id && a.ReviewRemindersSent == already && a.ReviewOverdueSince == null).Where(due);
        if (already > 0)
        {
            claim = claim.Where(a => a.LastReminderSentAt <= gapCutoff);
        }

        var rows = await claim.ExecuteUpdateAsync(
            s => s.SetProperty(a => a.ReviewRemindersSent, number).SetProperty(a => a.LastReminderSentAt, now).SetProperty(a => a.LastModified, now),
            cancellationToken);
        if (rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var listing = await ReviewReminderEmail.LoadAsync(db, id, cancellationToken);
        var recipient = listing.Recipient;
        if (recipient is not null)
        {
            var token = NewToken();
            var link = new ListingReviewLink
            {
                AssetId = id,
                TokenHash = Hash(token),
                ReminderNumber = number,
                CreatedAt = now,
                ExpiresAt = now + LinkLifetime,
            };
            db.Set<ListingReviewLink>().Add(link);
            var email = listing.Compose(number, settings, siteRoot, token, now);

            // The event is this reminder (its link record): counts restart when a listing is confirmed, so the number alone is not.
            notifications.AddEmail(recipient.Address, email.Subject, email.Body, $"listing-review:{link.Id:N}");
        }

        db.AuditEvents.Add(Audit(Sweeper, ReminderAction, id, now, null, new Dictionary<string, object?>
        {
            ["ReviewRemindersSent"] = new { from = already, to = number },
            ["sentTo"] = recipient?.Kind ?? "no one: the listing has no email address",
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recipient is not null;
    }

    private async Task<(ReviewLinkCheck Check, Guid? LinkId)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (ReviewLinkCheck.Unknown, null);
        }

        var hash = Hash(token.Trim());
        var found = await db.Set<ListingReviewLink>().AsNoTracking().Where(l => l.TokenHash == hash)
            .Join(db.CommunityAssets, l => l.AssetId, a => a.Id, (l, a) => new { l.Id, l.ExpiresAt, l.UsedAt, a.ArchivedAt, AssetId = a.Id, a.Name, a.LastVerifiedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (ReviewLinkCheck.Unknown, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = found switch
        {
            { ArchivedAt: not null } => ReviewLinkState.NotListed,
            { UsedAt: not null } => ReviewLinkState.Used,
            _ when found.ExpiresAt <= now => ReviewLinkState.Expired,
            _ => ReviewLinkState.Valid,
        };
        return (new ReviewLinkCheck(state, found.AssetId, found.Name, found.UsedAt, found.LastVerifiedOn), found.Id);
    }

    /// <summary>
    /// The instant one step is stamped with (LastModified and the reminder fields). Read per step, not once per sweep:
    /// a long sweep's late commits then carry a recent LastModified, inside the index follower's overlap window.
    /// </summary>
    private DateTime Stamp() => clock.GetUtcNow().UtcDateTime;

    private static AuditEvent Audit(ProcessContext actor, string action, Guid assetId, DateTime now, string? reason, Dictionary<string, object?> changes) => new()
    {
        OccurredAt = now,
        UserId = actor.UserId,
        ActorName = actor.ActorName,
        Action = action,
        EntityType = nameof(CommunityAsset),
        EntityId = assetId.ToString(),
        Changes = JsonSerializer.Serialize(changes),
        Reason = reason,
    };

    /// <summary>32 random bytes, URL-safe base64 (43 characters).</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
