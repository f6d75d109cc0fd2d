using System.Net;
using Kith.Core.Platform.Notifications;
using Kith.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Web.Tests.Notifications;

/// <summary>The GOV.UK Notify sender against a local stand-in for the Notify API, through the outbox dispatcher.</summary>
public sealed class GovukNotifySenderTests : IAsyncLifetime
{
    private FakeNotifyApi notify = null!;
    private OutboxDatabase database = null!;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        notify = await FakeNotifyApi.StartAsync();
        database = await OutboxDatabase.CreateAsync("Sqlite");
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await notify.DisposeAsync();
    }

    private GovukNotifySender Sender(Uri? baseUrl = null) => new(new GovukNotifyOptions
    {
        ApiKey = FakeNotifyApi.ApiKey,
        EmailTemplateId = FakeNotifyApi.EmailTemplateId,
        BaseUrl = baseUrl ?? notify.BaseUrl,
    });

    [Fact]
    public async Task An_outbox_email_goes_to_notify_once_through_the_template_with_the_message_id_as_reference()
    {
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        var dispatcher = database.Dispatcher(Sender(), clock);

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var send = Assert.Single(notify.Accepted);
        Assert.Equal("email", send.Type);
        Assert.Equal("person0@example.org", send.Recipient);
        Assert.Equal(FakeNotifyApi.EmailTemplateId, send.TemplateId);
        Assert.Equal("Message 0", send.Subject);
        Assert.Equal("Hello, this is message 0.", send.Body);
        Assert.Equal(id.ToString("N"), send.Reference);
        var sent = await database.LoadAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task While_notify_is_down_messages_stay_queued_and_are_retried_then_each_is_sent_once(HttpStatusCode failure)
    {
        var ids = await database.QueueAsync(3, clock.GetUtcNow().UtcDateTime);
        var dispatcher = database.Dispatcher(Sender(), clock);
        notify.SendStatus = failure;

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
            foreach (var id in ids)
            {
                var waiting = await database.LoadAsync(id);
                Assert.Null(waiting.SentAt);
                Assert.Equal(attempt, waiting.Attempts);
                Assert.StartsWith("NotifyClientException: Status code " + (int)failure, waiting.LastError, StringComparison.Ordinal);
                Assert.Equal(clock.GetUtcNow().UtcDateTime + OutboxDispatcher.Backoff(attempt, new OutboxOptions()), waiting.NextAttemptAt);
            }

            clock.Advance(OutboxDispatcher.Backoff(attempt, new OutboxOptions()));
        }

        Assert.Empty(notify.Accepted);
        notify.SendStatus = HttpStatusCode.Created;
        Assert.Equal(3, await dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(ids.Select(id => id.ToString("N")).Order(), notify.Accepted.Select(s => s.Reference).Order());
        foreach (var id in ids)
        {
            Assert.NotNull((await database.LoadAsync(id)).SentAt);
        }
    }

    [Fact]
    public async Task When_notify_cannot_be_reached_at_all_the_message_stays_queued()
    {
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        var closed = notify.BaseUrl;
        await notify.DisposeAsync();
        notify = await FakeNotifyApi.StartAsync();

        Assert.Equal(0, await database.Dispatcher(Sender(closed), clock).DispatchDueAsync(CancellationToken.None));

        var waiting = await database.LoadAsync(id);
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.NotNull(waiting.NextAttemptAt);
    }

    [Fact]
    public async Task A_message_notify_already_accepted_on_an_unrecorded_attempt_is_marked_sent_without_sending_again()
    {
        // A dispatcher claimed the message, Notify accepted it, and the process stopped before the outcome was saved.
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        var claimedAt = clock.GetUtcNow().UtcDateTime;
        await database.WithContextAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, 1).SetProperty(m => m.ClaimedAt, claimedAt)
            .SetProperty(m => m.NextAttemptAt, claimedAt + new OutboxOptions().ClaimTimeout)));
        notify.AcceptedEarlier("person0@example.org", id.ToString("N"));
        var dispatcher = database.Dispatcher(Sender(), clock);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(new OutboxOptions().ClaimTimeout);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(0, notify.SendRequests);
        Assert.Single(notify.Accepted);
        var sent = await database.LoadAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.ClaimedAt);
    }

    [Fact]
    public async Task A_message_tried_before_that_notify_does_not_hold_is_sent()
    {
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        await database.WithContextAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, 1).SetProperty(m => m.LastError, "NotifyClientException: Status code 500")));

        Assert.Equal(1, await database.Dispatcher(Sender(), clock).DispatchDueAsync(CancellationToken.None));

        Assert.Equal(1, notify.SendRequests);
        Assert.Equal(id.ToString("N"), Assert.Single(notify.Accepted).Reference);
    }

    [Fact]
    public void Settings_name_what_is_missing_for_the_chosen_sender_and_outbox_needs_nothing()
    {
        Assert.Empty(new NotificationsOptions().Problems());
        var notifyProblems = new NotificationsOptions { Sender = NotificationSenderKind.GovukNotify }.Problems().ToList();
        Assert.Contains(notifyProblems, p => p.StartsWith("Notifications:GovukNotify:ApiKey", StringComparison.Ordinal));
        Assert.Contains(notifyProblems, p => p.StartsWith("Notifications:GovukNotify:EmailTemplateId", StringComparison.Ordinal));
        Assert.Empty(new NotificationsOptions
        {
            Sender = NotificationSenderKind.GovukNotify,
            GovukNotify = new GovukNotifyOptions { ApiKey = FakeNotifyApi.ApiKey, EmailTemplateId = FakeNotifyApi.EmailTemplateId },
        }.Problems());
        var smtpProblems = new NotificationsOptions { Sender = NotificationSenderKind.Smtp, Smtp = new SmtpOptions { UserName = "relay" } }.Problems().ToList();
        Assert.Contains(smtpProblems, p => p.StartsWith("Notifications:Smtp:Host", StringComparison.Ordinal));
        Assert.Contains(smtpProblems, p => p.StartsWith("Notifications:Smtp:From", StringComparison.Ordinal));
        Assert.Contains(smtpProblems, p => p.StartsWith("Notifications:Smtp:UserName and", StringComparison.Ordinal));
        Assert.DoesNotContain(smtpProblems.Concat(notifyProblems), p => p.Contains(FakeNotifyApi.ApiKey, StringComparison.Ordinal));
    }
}
