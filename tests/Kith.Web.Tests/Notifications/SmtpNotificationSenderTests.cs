using Kith.Core.Platform.Notifications;
using Kith.Web.Notifications;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Web.Tests.Notifications;

/// <summary>The SMTP sender against a real SMTP conversation on 127.0.0.1, through the outbox dispatcher.</summary>
public sealed class SmtpNotificationSenderTests : IAsyncLifetime
{
    private readonly LocalSmtpServer server = new();
    private OutboxDatabase database = null!;

    public async Task InitializeAsync() => database = await OutboxDatabase.CreateAsync("Sqlite");

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await server.DisposeAsync();
    }

    private SmtpOptions Settings(string? user = null, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SecureSocketOptions.None,
        From = "Kith <kith@kith.example.org>",
        UserName = user,
        Password = password,
    };

    [Fact]
    public async Task An_outbox_email_reaches_the_smtp_server_once_with_its_idempotency_key_as_the_message_id()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        var dispatcher = database.Dispatcher(new SmtpNotificationSender(Settings("kith-relay", "relay secret")), clock);

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var mail = Assert.Single(server.Received);
        Assert.Equal("<kith@kith.example.org>", mail.From);
        Assert.Equal(["<person0@example.org>"], mail.To);
        Assert.Equal($"<{id:N}@kith.example.org>", mail.Header("Message-Id"));
        Assert.Equal("Message 0", mail.Header("Subject"));
        Assert.Contains("Hello, this is message 0.", mail.Data, StringComparison.Ordinal);
        Assert.Equal(("kith-relay", "relay secret"), server.LastSignIn);
        var sent = await database.LoadAsync(id);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.ClaimedAt);
    }

    [Fact]
    public async Task A_server_that_refuses_keeps_the_message_queued_with_the_error_and_it_goes_once_the_server_accepts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        var dispatcher = database.Dispatcher(new SmtpNotificationSender(Settings()), clock);
        server.RefuseData = "451 4.3.0 Mailbox busy, try again later";

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var failed = await database.LoadAsync(id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("SmtpCommandException: ", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("try again later", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), failed.NextAttemptAt);
        Assert.Null(failed.ClaimedAt);
        Assert.Empty(server.Received);

        server.RefuseData = null;
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(server.Received);
        var sent = await database.LoadAsync(id);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_text_message_is_refused_by_smtp_and_kept_with_a_clear_error()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var id = (await database.QueueAsync(1, clock.GetUtcNow().UtcDateTime)).Single();
        await database.WithContextAsync(db => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Channel, NotificationChannel.Sms).SetProperty(m => m.Recipient, "07700900123")));

        await database.Dispatcher(new SmtpNotificationSender(Settings()), clock).DispatchDueAsync(CancellationToken.None);

        var kept = await database.LoadAsync(id);
        Assert.Null(kept.SentAt);
        Assert.Equal("InvalidOperationException: SMTP cannot send a Sms message; use GOV.UK Notify for texts.", kept.LastError);
        Assert.Empty(server.Received);
    }
}
