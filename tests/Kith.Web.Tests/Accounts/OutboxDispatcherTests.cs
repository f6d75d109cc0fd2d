using Kith.Core.Data;
using Kith.Core.Platform.Notifications;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.Notifications;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Web.Tests.Accounts;

public class OutboxDispatcherTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task A_failed_send_is_recorded_and_retried_after_a_doubling_wait_then_marked_sent()
    {
        // The app's own dispatcher runs on the real clock; this message is due only on the test's clock, a day ahead.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        var id = await QueueAsync(clock.GetUtcNow().UtcDateTime);
        var sender = new FlakySender(failures: 2);
        var settings = new OutboxOptions { FirstBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromMinutes(10) };
        var dispatcher = new OutboxDispatcher(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), sender, Options.Create(settings), clock, NullLogger<OutboxDispatcher>.Instance);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var first = await LoadAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.SentAt);
        Assert.Equal("InvalidOperationException: the mail server said no", first.LastError);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), first.NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, (await LoadAsync(id)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await LoadAsync(id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(60), second.NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var sent = await LoadAsync(id);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Null(sent.NextAttemptAt);
        Assert.Null(sent.LastError);
        Assert.Equal(3, sender.Calls);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(3, sender.Calls);
    }

    [Fact]
    public void The_wait_doubles_from_the_first_backoff_and_stops_at_the_cap()
    {
        var settings = new OutboxOptions { FirstBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.Backoff(1, settings));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxDispatcher.Backoff(2, settings));
        Assert.Equal(TimeSpan.FromMinutes(4), OutboxDispatcher.Backoff(4, settings));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(40, settings));
    }

    [Fact]
    public void Data_protection_keys_live_beside_the_sqlite_database_unless_configured()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

        var folder = Path.Combine(Path.GetTempPath(), "kith-keys-test");
        Assert.Equal(
            Path.Combine(folder, "keys"),
            AccountsModule.ResolveKeysPath(Config(("Database:ConnectionString", $"Data Source={Path.Combine(folder, "kith.db")}"))));
        Assert.Equal(Path.GetFullPath("data/keys"), AccountsModule.ResolveKeysPath(Config()));
        Assert.Equal(Path.GetFullPath("/srv/kith-keys"), AccountsModule.ResolveKeysPath(Config(("Accounts:DataProtectionKeysPath", "/srv/kith-keys"))));
    }

    private async Task<Guid> QueueAsync(DateTime due)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var message = new OutboxMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = $"retry-{Guid.NewGuid():N}@example.org",
            Subject = "A message that fails at first",
            Body = "Hello.",
            CreatedAt = due,
            NextAttemptAt = due,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> LoadAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed class FlakySender(int failures) : INotificationSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls <= failures)
            {
                throw new InvalidOperationException("the mail server said no");
            }

            return Task.CompletedTask;
        }
    }
}
