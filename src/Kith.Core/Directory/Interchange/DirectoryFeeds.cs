using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Interchange;

/// <summary>What an administrator asked for when registering a feed.</summary>
public sealed record FeedRegistration(string Name, string Url, string? SourceKey, int IntervalHours);

/// <summary>The outcome of registering a feed: the feed, or the problems with each field.</summary>
public sealed record FeedRegistrationResult(DirectoryFeed? Feed, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Registers, pauses, removes and pulls directory feeds. Each feed has at most one pending
/// <see cref="FeedPullHandler.JobType"/> job; "Pull now" moves it forward. Scoped.
/// </summary>
public sealed class DirectoryFeeds(KithDbContext db, TimeProvider clock)
{
    public const int MinIntervalHours = 1;

    public const int MaxIntervalHours = 24 * 7;

    public Task<List<DirectoryFeed>> ListAsync(CancellationToken cancellationToken = default) =>
        db.DirectoryFeeds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);

    public Task<DirectoryFeed?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.DirectoryFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>The feed's pending pull job, if any: its attempts and last error show a retry in progress.</summary>
    public Task<BackgroundJob?> PendingJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var payload = id.ToString();
        return db.BackgroundJobs.AsNoTracking().Where(j => j.Type == FeedPullHandler.JobType && j.Payload == payload && j.CompletedAt == null)
            .OrderBy(j => j.RunAfter).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<FeedRegistrationResult> RegisterAsync(FeedRegistration registration, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = registration.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors["Name"] = "Enter a name for the feed, such as the council or directory it comes from";
        }
        else if (name.Length > 200)
        {
            errors["Name"] = "Name must be 200 characters or fewer";
        }

        var url = registration.Url?.Trim() ?? string.Empty;
        if (url.Length == 0)
        {
            errors["Url"] = "Enter the feed's services address, like https://example.org/oruk/services";
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            errors["Url"] = "Enter a web address that starts with https:// or http://";
        }
        else if (url.Length > 2000)
        {
            errors["Url"] = "The address must be 2,000 characters or fewer";
        }

        if (registration.IntervalHours is < MinIntervalHours or > MaxIntervalHours)
        {
            errors["IntervalHours"] = string.Create(CultureInfo.InvariantCulture, $"Pull every {MinIntervalHours} to {MaxIntervalHours} hours");
        }

        var key = string.IsNullOrWhiteSpace(registration.SourceKey)
            ? (errors.ContainsKey("Url") || url.Length == 0 ? string.Empty : DirectoryImporter.DeriveSourceKey(url))
            : registration.SourceKey.Trim().ToLowerInvariant();
        if (key.Length > SourceColumns.SourceKeyLength)
        {
            errors["SourceKey"] = string.Create(CultureInfo.InvariantCulture, $"Source key must be {SourceColumns.SourceKeyLength} characters or fewer");
        }
        else if (key.Length > 0 && await db.DirectoryFeeds.AnyAsync(f => f.SourceKey == key, cancellationToken))
        {
            errors["SourceKey"] = $"Another feed already uses the source key {key}: give this one its own";
        }

        if (errors.Count > 0)
        {
            return new FeedRegistrationResult(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var feed = new DirectoryFeed
        {
            Name = name,
            Url = url,
            SourceKey = key,
            IntervalMinutes = registration.IntervalHours * 60,
            CreatedAt = now,
            NextPullAt = now,
        };
        db.DirectoryFeeds.Add(feed);
        db.BackgroundJobs.Add(PullJob(feed.Id, now));
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return new FeedRegistrationResult(feed, errors);
    }

    /// <summary>Pulls as soon as a runner is free, and starts the feed again if it was paused.</summary>
    public async Task PullNowAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var feed = await db.DirectoryFeeds.SingleAsync(f => f.Id == id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        feed.Paused = false;
        feed.NextPullAt = now;
        var payload = id.ToString();
        var pending = await db.BackgroundJobs.Where(j => j.Type == FeedPullHandler.JobType && j.Payload == payload && j.CompletedAt == null).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            db.BackgroundJobs.Add(PullJob(id, now));
        }
        else
        {
            foreach (var job in pending.Where(j => j.LockedUntil is null || j.LockedUntil < now))
            {
                job.RunAfter = now;
            }
        }

        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stops pulling until "Pull now"; what was imported stays.</summary>
    public async Task PauseAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var feed = await db.DirectoryFeeds.SingleAsync(f => f.Id == id, cancellationToken);
        feed.Paused = true;
        feed.NextPullAt = null;
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes the feed and its pending pulls. Records it imported stay in the directory.</summary>
    public async Task RemoveAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var feed = await db.DirectoryFeeds.SingleAsync(f => f.Id == id, cancellationToken);
        var payload = id.ToString();
        db.BackgroundJobs.RemoveRange(await db.BackgroundJobs.Where(j => j.Type == FeedPullHandler.JobType && j.Payload == payload && j.CompletedAt == null).ToListAsync(cancellationToken));
        db.DirectoryFeeds.Remove(feed);
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static BackgroundJob PullJob(Guid feedId, DateTime runAfter) =>
        new() { Type = FeedPullHandler.JobType, Payload = feedId.ToString(), RunAfter = runAfter, CreatedAt = runAfter };
}

/// <summary>
/// Pulls one feed: reads its ORUK API (with <c>modified_after</c> after the first success) and
/// imports what it finds. A failure (timeout, error status, unreadable JSON, a batch that would not
/// save) is recorded on the feed and thrown, so the job runner retries with <see cref="JobBackoff"/>;
/// what was already imported stays as it was. A success schedules the next pull.
/// </summary>
public sealed class FeedPullHandler(HttpClient http, KithDbContext db, DirectoryImporter importer, TimeProvider clock) : IJobHandler
{
    public const string JobType = "directory-feed.pull";

    /// <summary>Taken off the start of a successful pull for the next <c>modified_after</c>, to allow for clocks that differ.</summary>
    public static readonly TimeSpan WatermarkMargin = TimeSpan.FromMinutes(5);

    /// <summary>Most rejected rows kept on the feed for its page.</summary>
    public const int RejectionsKept = 20;

    public string Type => JobType;

    public async Task RunAsync(BackgroundJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!Guid.TryParse(job.Payload, out var feedId) || await db.DirectoryFeeds.SingleOrDefaultAsync(f => f.Id == feedId, cancellationToken) is not { } feed)
        {
            return; // The feed was removed: nothing to do.
        }

        if (feed.Paused)
        {
            return;
        }

        var started = clock.GetUtcNow().UtcDateTime;
        feed.LastPullStartedAt = started;
        db.Actor = ProcessContext.System($"feed {feed.SourceKey}");
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var reader = new OrukFeedReader(http);
        var report = await importer.ImportAsync(feed.SourceKey, reader.ReadAsync(new Uri(feed.Url), feed.ModifiedAfter, cancellationToken), cancellationToken: cancellationToken);

        feed = await db.DirectoryFeeds.SingleAsync(f => f.Id == feedId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        feed.LastPullFinishedAt = now;
        feed.LastAdded = report.Services.Added;
        feed.LastUpdated = report.Services.Updated;
        feed.LastUnchanged = report.Services.Unchanged;
        feed.LastRejected = report.Services.Rejected;
        var rejections = string.Join('\n', report.Rejections.Take(RejectionsKept).Select(r => r.ToString()));
        feed.LastRejections = rejections.Length == 0 ? null : rejections[..Math.Min(rejections.Length, 8000)];
        db.Actor = ProcessContext.System($"feed {feed.SourceKey}");
        if (report.Failure is { } failure)
        {
            feed.ConsecutiveFailures++;
            feed.LastError = failure.Length > 2000 ? failure[..2000] : failure;
            feed.NextPullAt = now + JobBackoff.After(job.Attempts);
            await db.SaveChangesAsync(cancellationToken);
            throw new FeedPullException(failure);
        }

        feed.LastSuccessAt = now;
        feed.ModifiedAfter = started - WatermarkMargin;
        feed.ConsecutiveFailures = 0;
        feed.LastError = null;
        feed.NextPullAt = now + TimeSpan.FromMinutes(feed.IntervalMinutes);
        db.BackgroundJobs.Add(DirectoryFeeds.PullJob(feed.Id, feed.NextPullAt.Value));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A feed pull failed; the message says why and is shown on the feed's page.</summary>
public sealed class FeedPullException(string message) : Exception(message);
