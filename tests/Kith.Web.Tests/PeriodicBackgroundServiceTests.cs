using System.Threading.Channels;
using Kith.Web.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Web.Tests;

/// <summary>
/// The loop shared by the outbox dispatcher and the daily sweeps, driven by a fake clock. The tests run the
/// loop itself (<see cref="RecordingTask.RunAsync"/>) rather than the host's StartAsync, which starts it on
/// another thread: the first wait is then surely on the clock before the test moves the clock on.
/// </summary>
public class PeriodicBackgroundServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Runs_after_the_first_delay_then_every_interval_and_a_failing_pass_does_not_stop_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        using var task = new RecordingTask(clock, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), failOnPass: 2);
        using var stop = new CancellationTokenSource();
        var loop = task.RunAsync(stop.Token);
        Assert.False(task.Passes.Reader.TryRead(out _));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((1, clock.GetUtcNow()), await NextAsync(task.Passes));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((2, clock.GetUtcNow()), await NextAsync(task.Passes));
        Assert.Equal("pass 2 failed", (await NextAsync(task.Failures)).Message);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((3, clock.GetUtcNow()), await NextAsync(task.Passes));

        await stop.CancelAsync();
        await loop.WaitAsync(Patience);
        Assert.True(loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task With_no_first_delay_the_first_pass_runs_at_once_and_stopping_during_a_first_delay_ends_quietly()
    {
        var clock = new FakeTimeProvider();
        using (var immediate = new RecordingTask(clock, TimeSpan.Zero, TimeSpan.FromSeconds(5)))
        using (var stopImmediate = new CancellationTokenSource())
        {
            var running = immediate.RunAsync(stopImmediate.Token);
            Assert.Equal(1, (await NextAsync(immediate.Passes)).Pass);
            await stopImmediate.CancelAsync();
            await running.WaitAsync(Patience);
        }

        using var waiting = new RecordingTask(clock, TimeSpan.FromMinutes(10), TimeSpan.FromDays(1));
        using var stop = new CancellationTokenSource();
        var loop = waiting.RunAsync(stop.Token);
        await stop.CancelAsync();
        await loop.WaitAsync(Patience);
        Assert.True(loop.IsCompletedSuccessfully);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(waiting.Passes.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_disabled_task_never_runs_a_pass()
    {
        var clock = new FakeTimeProvider();
        using var task = new RecordingTask(clock, TimeSpan.Zero, TimeSpan.FromSeconds(5), enabled: false);
        await task.RunAsync(CancellationToken.None).WaitAsync(Patience);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(task.Passes.Reader.TryRead(out _));
    }

    private static Task<T> NextAsync<T>(Channel<T> channel) => channel.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private sealed class RecordingTask(FakeTimeProvider clock, TimeSpan firstDelay, TimeSpan interval, int failOnPass = 0, bool enabled = true)
        : PeriodicBackgroundService(clock)
    {
        private int count;

        public Channel<(int Pass, DateTimeOffset At)> Passes { get; } = Channel.CreateUnbounded<(int, DateTimeOffset)>();

        public Channel<Exception> Failures { get; } = Channel.CreateUnbounded<Exception>();

        protected override TimeSpan FirstDelay => firstDelay;

        protected override TimeSpan Interval => interval;

        protected override bool Enabled => enabled;

        public Task RunAsync(CancellationToken stoppingToken) => ExecuteAsync(stoppingToken);

        protected override Task RunPassAsync(CancellationToken stoppingToken)
        {
            var pass = Interlocked.Increment(ref count);
            Passes.Writer.TryWrite((pass, Clock.GetUtcNow()));
            return pass == failOnPass ? throw new InvalidOperationException($"pass {pass} failed") : Task.CompletedTask;
        }

        protected override void OnPassFailed(Exception exception) => Failures.Writer.TryWrite(exception);
    }
}
