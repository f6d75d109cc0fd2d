using System.Collections.Concurrent;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Notifications;

/// <summary>"Never sent twice": several dispatchers on one database (as several web nodes would run), and one message per event.</summary>
public sealed class OutboxConcurrencyTests
{
    [Theory]
    [MemberData(nameof(OutboxDatabase.Providers), MemberType = typeof(OutboxDatabase))]
    public async Task Three_dispatchers_running_at_once_send_every_message_exactly_once(string provider)
    {
        await using var database = await OutboxDatabase.CreateAsync(provider);
        var ids = await database.QueueAsync(60, DateTime.UtcNow.AddMinutes(-1));
        var sender = new CountingSender();
        var settings = new OutboxOptions { BatchSize = 100 };
        var dispatchers = Enumerable.Range(0, 3).Select(_ => database.Dispatcher(sender, TimeProvider.System, settings)).ToList();

        // Each dispatcher reads the same 60 due messages, then they race to claim them.
        var passes = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DispatchDueAsync(CancellationToken.None))));
        var again = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DispatchDueAsync(CancellationToken.None))));

        Assert.Equal(60, passes.Sum());
        Assert.Equal(0, again.Sum());
        Assert.Equal(ids.Order(), sender.Sends.Keys.Order());
        Assert.All(sender.Sends, pair => Assert.Equal(1, pair.Value));
        var unsent = await database.WithContextAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null || m.ClaimedAt != null || m.Attempts != 1));
        Assert.Equal(0, unsent);
    }

    [Theory]
    [MemberData(nameof(OutboxDatabase.Providers), MemberType = typeof(OutboxDatabase))]
    public async Task The_outbox_keeps_one_message_per_event(string provider)
    {
        await using var database = await OutboxDatabase.CreateAsync(provider);

        var first = await database.WithContextAsync(db =>
            new NotificationService(db, TimeProvider.System).QueueEmailAsync("a@example.org", "Reminder", "Please check.", CancellationToken.None, "reminder:1"));
        var second = await database.WithContextAsync(db =>
            new NotificationService(db, TimeProvider.System).QueueEmailAsync("a@example.org", "Reminder", "Please check.", CancellationToken.None, "reminder:1"));
        var sameContext = await database.WithContextAsync(db =>
        {
            var notifications = new NotificationService(db, TimeProvider.System);
            var one = notifications.AddEmail("b@example.org", "Other", "Body", "reminder:2");
            var two = notifications.AddEmail("b@example.org", "Other", "Body", "reminder:2");
            return Task.FromResult(ReferenceEquals(one, two));
        });

        Assert.Equal(first.Id, second.Id);
        Assert.True(sameContext);
        Assert.Equal(1, await database.WithContextAsync(db => db.OutboxMessages.CountAsync(m => m.EventKey == "reminder:1")));

        // Two requests racing past the check: the unique index refuses the second.
        await Assert.ThrowsAsync<DbUpdateException>(() => database.WithContextAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = "a@example.org", Subject = "Reminder", Body = "Please check.", EventKey = "reminder:1",
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        }));
    }

    [Theory]
    [MemberData(nameof(OutboxDatabase.Providers), MemberType = typeof(OutboxDatabase))]
    public async Task Retry_now_makes_a_failing_message_due_and_never_touches_a_sent_one(string provider)
    {
        await using var database = await OutboxDatabase.CreateAsync(provider);
        var ids = await database.QueueAsync(2, DateTime.UtcNow.AddMinutes(-1));
        var later = DateTime.UtcNow.AddHours(1);
        var sentAt = DateTime.UtcNow.AddMinutes(-1);
        await database.WithContextAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 4).SetProperty(m => m.LastError, "NotifyClientException: Status code 500").SetProperty(m => m.NextAttemptAt, later)));
        await database.WithContextAsync(db => db.OutboxMessages.Where(m => m.Id == ids[1])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.NextAttemptAt, (DateTime?)null)));
        var context = new ProcessContext(null, "An Administrator", "retry now in the outbox");

        var outcomes = new List<RetryOutcome>();
        foreach (var id in ids.Append(Guid.NewGuid()))
        {
            outcomes.Add(await database.WithContextAsync(db => new NotificationService(db, TimeProvider.System).RetryNowAsync(id, context, CancellationToken.None)));
        }

        Assert.Equal([RetryOutcome.Queued, RetryOutcome.AlreadySent, RetryOutcome.NotFound], outcomes);
        Assert.True((await database.LoadAsync(ids[0])).NextAttemptAt <= DateTime.UtcNow);
        Assert.Null((await database.LoadAsync(ids[1])).NextAttemptAt);
        var audit = await database.WithContextAsync(db => db.AuditEvents.Where(e => e.Action == NotificationService.RetryAction).ToListAsync());
        Assert.Equal(ids[0].ToString(), Assert.Single(audit).EntityId);
    }

    private sealed class CountingSender : INotificationSender
    {
        public ConcurrentDictionary<Guid, int> Sends { get; } = new();

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sends.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
            await Task.Yield();
        }
    }
}
