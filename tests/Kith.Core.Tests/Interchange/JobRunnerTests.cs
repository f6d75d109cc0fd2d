using Kith.Core.Platform.Jobs;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Interchange;

public sealed class JobRunnerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_one_node_wins_a_claim_and_a_lapsed_lease_can_be_taken_over(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = database.CreateContext(clock);
        await using var second = database.CreateContext(clock);
        var job = await new JobRunner(first, [], clock).EnqueueAsync("test.job", null);
        var one = new JobRunner(first, [], clock);
        var two = new JobRunner(second, [], clock);

        var claims = await Task.WhenAll(one.ClaimAsync(job.Id, "node-1", CancellationToken.None), two.ClaimAsync(job.Id, "node-2", CancellationToken.None));
        Assert.Single(claims, c => c);
        Assert.False(await two.ClaimAsync(job.Id, "node-2", CancellationToken.None));

        clock.Advance(JobRunner.Lease + TimeSpan.FromSeconds(1));
        Assert.True(await two.ClaimAsync(job.Id, "node-2", CancellationToken.None));
        var stored = await second.BackgroundJobs.AsNoTracking().SingleAsync();
        Assert.Equal("node-2", stored.LockedBy);
        Assert.Equal(2, stored.Attempts);
    }

    [Fact]
    public async Task A_job_without_a_handler_fails_and_waits_a_minute()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await using var db = database.CreateContext(clock);
        var runner = new JobRunner(db, [], clock);
        var job = await runner.EnqueueAsync("nobody.handles.this", null);
        Assert.True(await runner.ClaimAsync(job.Id, "node", CancellationToken.None));
        await runner.RunClaimedAsync(job.Id, CancellationToken.None);
        var stored = await db.BackgroundJobs.AsNoTracking().SingleAsync();
        Assert.Null(stored.CompletedAt);
        Assert.Null(stored.LockedUntil);
        Assert.Contains("No handler", stored.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), stored.RunAfter);
    }

    [Fact]
    public void Backoff_grows_and_stops_at_twelve_hours()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12), TimeSpan.FromHours(12)],
            Enumerable.Range(1, 6).Select(JobBackoff.After));
    }
}
