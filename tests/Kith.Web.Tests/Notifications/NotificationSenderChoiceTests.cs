using Kith.Core.Platform.Notifications;
using Kith.Web.Notifications;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kith.Web.Tests.Notifications;

/// <summary>Notifications:Sender picks the sender; outbox-only is the default; incomplete settings stop the start with a message that names no secret.</summary>
public class NotificationSenderChoiceTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public void Without_settings_the_outbox_keeps_every_message()
    {
        var sender = factory.Services.GetRequiredService<INotificationSender>();

        Assert.IsType<OutboxOnlyNotificationSender>(sender);
        Assert.False(sender.Delivers);
    }

    [Theory]
    [InlineData("Smtp", typeof(SmtpNotificationSender))]
    [InlineData("GovukNotify", typeof(GovukNotifySender))]
    public void The_configured_sender_delivers(string kind, Type expected)
    {
        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:Sender", kind)
            .UseSetting("Notifications:Smtp:Host", "127.0.0.1")
            .UseSetting("Notifications:Smtp:From", "Kith <kith@kith.example.org>")
            .UseSetting("Notifications:GovukNotify:ApiKey", FakeNotifyApi.ApiKey)
            .UseSetting("Notifications:GovukNotify:EmailTemplateId", FakeNotifyApi.EmailTemplateId)
            .UseSetting("Outbox:DispatchEnabled", "false"));

        var sender = configured.Services.GetRequiredService<INotificationSender>();

        Assert.IsType(expected, sender);
        Assert.True(sender.Delivers);
    }

    [Fact]
    public void Incomplete_notify_settings_stop_the_start_without_repeating_the_key()
    {
        static IEnumerable<Exception> Chain(Exception e) =>
            e is AggregateException all ? all.InnerExceptions.SelectMany(Chain).Prepend(e) : e.InnerException is { } inner ? Chain(inner).Prepend(e) : [e];

        const string secret = "not-a-whole-key-secret-value";
        using var broken = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:Sender", "GovukNotify")
            .UseSetting("Notifications:GovukNotify:ApiKey", secret)
            .UseSetting("Outbox:DispatchEnabled", "false"));

        var failure = Assert.ThrowsAny<Exception>(() => broken.Services.GetRequiredService<INotificationSender>());
        var messages = string.Join("\n", Chain(failure).Select(e => e.Message));

        Assert.Contains(Chain(failure), e => e is OptionsValidationException);
        Assert.Contains("Notifications settings are incomplete for Notifications:Sender = GovukNotify", messages, StringComparison.Ordinal);
        Assert.Contains("Notifications:GovukNotify:ApiKey must be", messages, StringComparison.Ordinal);
        Assert.Contains("Notifications:GovukNotify:EmailTemplateId must be", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, messages, StringComparison.Ordinal);
    }
}
