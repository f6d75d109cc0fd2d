using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Web.Notifications;
using Kith.Web.Tests.Editing;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Accounts;

/// <summary>Everything a person does with their account, watched through the logs: no email address may appear.</summary>
public class PersonalDataInLogsTests
{
    [Fact]
    public async Task Signing_in_locking_out_resetting_and_creating_accounts_log_no_email_addresses()
    {
        await using var factory = new KithWebFactory();
        var person = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        var locked = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        var admin = await factory.CreateUserAsync(KithRoles.Administrator);
        const string unknown = "nobody-here@example.org";
        const string created = "brand-new-person@example.org";

        using (var client = factory.CreateClient())
        {
            await client.SignInAsync(person);
            await client.PostFormAsync("/account/sign-out", []);
            await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = unknown, ["Input.Password"] = "not the password at all" });
            for (var attempt = 0; attempt < 6; attempt++)
            {
                await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = locked.Email, ["Input.Password"] = "not the password at all" });
            }

            await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = person.Email });
            await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = unknown });
        }

        using (var client = factory.CreateClient())
        {
            await client.SignInAsync(admin);
            var made = await client.PostAsync("/admin/users/create", ("Input.DisplayName", "Brand New"), ("Input.Email", created), ("Input.Role", KithRoles.Practitioner));
            Assert.Equal("/admin/users", made.Path);
        }

        // Send what was queued, as the dispatcher does, so its log lines are in too.
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            Assert.True(await db.OutboxMessages.CountAsync() >= 2);
        }

        var emails = new[] { person.Email, locked.Email, admin.Email, unknown, created };
        var leaks = factory.Logs.Entries
            .Where(e => emails.Any(email => e.Message.Contains(email, StringComparison.OrdinalIgnoreCase)
                || (e.Exception?.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) ?? false)))
            .Select(e => e.ToString())
            .ToList();
        Assert.Empty(leaks);
        Assert.NotEmpty(factory.Logs.Entries);
    }
}
