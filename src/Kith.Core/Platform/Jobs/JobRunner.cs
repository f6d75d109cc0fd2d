using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Core.Platform.Jobs;

/// <summary>Does one kind of background job. Scoped: a new one per job, with its own database context.</summary>
public interface IJobHandler
{
    /// <summary>The <see cref="BackgroundJob.Type"/> it handles, e.g. "directory-feed.pull".</summary>
    string Type { get; }

    /// <summary>Does the job; throwing marks the attempt failed and the job is retried with backoff.</summary>
    Task RunAsync(BackgroundJob job, CancellationToken cancellationToken);
}

/// <summary>How long a failed job waits before its next attempt: 1 minute, 5, 30, 2 hours, then 12 hours at most.</summary>
public static class JobBackoff
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12),
    ];

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int attempts) => Steps[Math.Clamp(attempts, 1, Steps.Length) - 1];
}

/// <summary>
/// Runs due jobs from the <see cref="BackgroundJob"/> table. Several nodes may run it at once: a job
/// is claimed with a conditional update that only one node can win (the lease in
/// <see cref="BackgroundJob.LockedUntil"/>), so each attempt runs once; a node that dies mid-job
/// loses its lease and another node picks the job up when it runs out.
/// </summary>
public sealed class JobRunner(KithDbContext db, IEnumerable<IJobHandler> handlers, TimeProvider clock)
{
    /// <summary>How long a claim holds before another node may take the job over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>Longest error text kept on a job.</summary>
    public const int ErrorLength = 1000;

    /// <summary>Adds a job to run at <paramref name="runAfter"/> (now when null). Saves at once.</summary>
    public async Task<BackgroundJob> EnqueueAsync(string type, string? payload, DateTime? runAfter = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new BackgroundJob { Type = type, Payload = payload, CreatedAt = now, RunAfter = runAfter ?? now };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>Claims and runs up to <paramref name="max"/> due jobs, one after another; returns how many ran.</summary>
    public async Task<int> RunDueAsync(string node, IServiceScopeFactory scopes, int max = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.CompletedAt == null && j.RunAfter <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.RunAfter).Select(j => j.Id).Take(max).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in candidates)
        {
            if (!await ClaimAsync(id, node, cancellationToken))
            {
                continue;
            }

            ran++;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobRunner>().RunClaimedAsync(id, cancellationToken);
        }

        return ran;
    }

    /// <summary>Takes the lease on a job; false when another node got there first.</summary>
    public async Task<bool> ClaimAsync(Guid id, string node, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = await db.BackgroundJobs
            .Where(j => j.Id == id && j.CompletedAt == null && j.RunAfter <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until).SetProperty(j => j.LockedBy, node).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Runs a job this node has claimed, and records how it went.</summary>
    public async Task RunClaimedAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        var handler = handlers.FirstOrDefault(h => h.Type == job.Type);
        string? error = null;
        if (handler is null)
        {
            error = $"No handler is registered for jobs of type {job.Type}.";
        }
        else
        {
            try
            {
                await handler.RunAsync(job, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: give the job back at once for another node or the next start.
                await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.LockedUntil, (DateTime?)null).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);
                throw;
            }
#pragma warning disable CA1031 // A failing job must never stop the runner; the error is recorded on the job.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.CompletedAt, now).SetProperty(j => j.LockedUntil, (DateTime?)null).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LastError, (string?)null),
                cancellationToken);
        }
        else
        {
            var retry = now + JobBackoff.After(job.Attempts);
            var text = error.Length > ErrorLength ? error[..ErrorLength] : error;
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.RunAfter, retry).SetProperty(j => j.LockedUntil, (DateTime?)null).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LastError, text),
                cancellationToken);
        }
    }
}
