using AngleSharp.Html.Parser;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Notifications;

/// <summary>What administrators see of a failing message at /admin/outbox, and "try again now".</summary>
public class OutboxPagesTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task An_administrator_sees_a_failing_message_with_its_error_attempts_and_next_try_and_can_try_again_now()
    {
        var id = await QueueFailingAsync();
        var admin = await factory.CreateUserAsync(KithRoles.Administrator);
        using var client = factory.CreateClient();
        await client.SignInAsync(admin);

        var list = Parser.ParseDocument(await client.GetStringAsync("/admin/outbox"));
        var row = list.QuerySelectorAll("tr").Single(r => r.InnerHtml.Contains($"/admin/outbox/{id}", StringComparison.Ordinal));
        Assert.StartsWith("Failing (3 attempts), next try ", row.QuerySelector(".nhsuk-tag")!.TextContent.Trim(), StringComparison.Ordinal);

        var html = await client.GetStringAsync($"/admin/outbox/{id}");
        var page = Parser.ParseDocument(html);
        var callout = page.QuerySelector(".nhsuk-card--warning")!.TextContent;
        Assert.Contains("The last attempt failed: NotifyClientException: Status code 500", callout, StringComparison.Ordinal);
        Assert.Contains("Kith will try again at", callout, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".nhsuk-summary-list__row").ToDictionary(
            r => r.QuerySelector(".nhsuk-summary-list__key")!.TextContent.Trim(), r => r.QuerySelector(".nhsuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal("3", rows["Attempts"]);
        Assert.True(rows.ContainsKey("Next attempt"));
        Assert.Equal("Try again now", page.QuerySelector("form[action*='handler=retry'] button")!.TextContent.Trim());

        var retried = await client.PostFormAsync($"/admin/outbox/{id}?handler=retry", [], html);
        Assert.Equal($"/admin/outbox/{id}", retried.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kith will try to send this message again within a few seconds", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.True(message.SentAt is not null || message.NextAttemptAt <= DateTime.UtcNow, "the message is due now (or the app's dispatcher already took it)");
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString() && e.Action == NotificationService.RetryAction && e.UserId == admin.Id));
    }

    [Fact]
    public async Task A_sent_message_offers_no_retry()
    {
        var id = await QueueFailingAsync(sent: true);
        var admin = await factory.CreateUserAsync(KithRoles.Administrator);
        using var client = factory.CreateClient();
        await client.SignInAsync(admin);

        var page = Parser.ParseDocument(await client.GetStringAsync($"/admin/outbox/{id}"));

        Assert.Null(page.QuerySelector("form[action*='handler=retry']"));
        Assert.Null(page.QuerySelector(".nhsuk-card--warning"));
    }

    private async Task<Guid> QueueFailingAsync(bool sent = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var now = DateTime.UtcNow;
        var message = new OutboxMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = $"failing-{Guid.NewGuid():N}@example.org",
            Subject = "A message Notify keeps refusing",
            Body = "Hello.",
            CreatedAt = now.AddHours(-1),
            Attempts = 3,
            LastError = sent ? null : "NotifyClientException: Status code 500. The following errors occured [{\"error\":\"Exception\",\"message\":\"Internal server error\"}]",
            NextAttemptAt = sent ? null : now.AddHours(1),
            SentAt = sent ? now.AddMinutes(-5) : null,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
