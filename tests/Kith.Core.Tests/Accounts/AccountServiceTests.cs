using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Accounts;

public class AccountServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_an_account_gives_it_its_roles_and_writes_an_audit_event(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var outcome = await accounts.CreateUserAsync(
                new CreateUserOptions(" sam@example.org ", "Sam Practitioner", "a long enough password", [KithRoles.Practitioner]),
                new ProcessContext("admin-1", "Ada Admin"),
                CancellationToken.None);

            Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors));
            Assert.NotNull(outcome.UserId);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            var user = await users.FindByEmailAsync("SAM@example.org");
            Assert.NotNull(user);
            Assert.Equal("sam@example.org", user.Email);
            Assert.Equal(Now.UtcDateTime, user.CreatedAt);
            Assert.True(user.LockoutEnabled);
            Assert.True(await users.CheckPasswordAsync(user, "a long enough password"));
            Assert.Equal([KithRoles.Practitioner], await users.GetRolesAsync(user));

            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var listed = Assert.Single(await accounts.ListAsync(CancellationToken.None));
            Assert.Equal([KithRoles.Practitioner], listed.Roles);
            Assert.False(listed.TwoFactorEnabled);

            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var audit = Assert.Single(await db.AuditEvents.Where(e => e.EntityId == user.Id).ToListAsync());
            Assert.Equal(AuditActions.Created, audit.Action);
            Assert.Equal("admin-1", audit.UserId);
            Assert.Equal("Ada Admin", audit.ActorName);
            Assert.Contains(KithRoles.Practitioner, audit.Changes, StringComparison.Ordinal);
            Assert.Equal(KithRoles.All.Count, await db.Roles.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_duplicate_email_a_short_password_or_an_unknown_role_is_refused_and_leaves_nothing_behind(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var context = ProcessContext.System("test");
        await accounts.CreateUserAsync(new CreateUserOptions("kim@example.org", "Kim", "a long enough password", [KithRoles.Person]), context, CancellationToken.None);

        var duplicate = await accounts.CreateUserAsync(new CreateUserOptions("KIM@example.org", "Kim again", "a long enough password", [KithRoles.Person]), context, CancellationToken.None);
        var shortPassword = await accounts.CreateUserAsync(new CreateUserOptions("lee@example.org", "Lee", "short", [KithRoles.Person]), context, CancellationToken.None);
        var unknownRole = await accounts.CreateUserAsync(new CreateUserOptions("max@example.org", "Max", "a long enough password", ["Wizard"]), context, CancellationToken.None);

        Assert.False(duplicate.Succeeded);
        Assert.Contains("An account with this email address already exists.", duplicate.Errors);
        Assert.False(shortPassword.Succeeded);
        Assert.False(unknownRole.Succeeded);
        Assert.Contains("Unknown role Wizard.", unknownRole.Errors);
        await using var check = database.CreateContext();
        Assert.Equal(["kim@example.org"], await check.Users.Select(u => u.Email).ToListAsync());
        Assert.Equal(1, await check.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queued_emails_wait_in_the_outbox_until_saved(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
            notifications.AddEmail("a@example.org", "Not saved", "This one is never saved.");
            await using var other = services.CreateAsyncScope();
            await other.ServiceProvider.GetRequiredService<NotificationService>()
                .QueueEmailAsync("b@example.org", "Saved", "This one is saved at once.", CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var message = Assert.Single(await check.OutboxMessages.ToListAsync());
        Assert.Equal("b@example.org", message.Recipient);
        Assert.Equal(Now.UtcDateTime, message.CreatedAt);
        Assert.Equal(Now.UtcDateTime, message.NextAttemptAt);
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invited_account_and_its_set_password_email_commit_together_and_the_link_sets_the_password(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        string userId;
        await using (var scope = services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var outcome = await accounts.InviteUserAsync(
                "jo@example.org", "Jo Editor", KithRoles.CommunityEditor, new Uri("https://kith.example/account/reset-password"),
                new ProcessContext("admin-1", "Ada Admin"), CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors));
            userId = outcome.UserId!;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var message = Assert.Single(await db.OutboxMessages.ToListAsync());
            Assert.Equal("jo@example.org", message.Recipient);
            Assert.Contains($"https://kith.example/account/reset-password?user={userId}&token=test-token-{userId}", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("email=", message.Body, StringComparison.Ordinal);
            Assert.Null((await db.Users.SingleAsync()).PasswordHash);

            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var wrong = await accounts.ResetPasswordAsync(userId, "not-the-token", "jo's own long password", CancellationToken.None);
            Assert.Equal([AccountService.InvalidLinkError], wrong.Errors);
            var unknown = await accounts.ResetPasswordAsync("no-such-account", $"test-token-{userId}", "jo's own long password", CancellationToken.None);
            Assert.Equal([AccountService.InvalidLinkError], unknown.Errors);
            var reset = await accounts.ResetPasswordAsync(userId, $"test-token-{userId}", "jo's own long password", CancellationToken.None);
            Assert.True(reset.Succeeded, string.Join(" ", reset.Errors));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(userId))!, "jo's own long password"));
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var audit = await db.AuditEvents.Where(e => e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([AuditActions.Created, AuditActions.Updated], audit.Select(e => e.Action));
            Assert.Equal(["admin-1", userId], audit.Select(e => e.UserId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invitation_that_fails_queues_no_email(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var context = ProcessContext.System("test");
        await accounts.CreateUserAsync(new CreateUserOptions("sam@example.org", "Sam", "a long enough password", [KithRoles.Person]), context, CancellationToken.None);

        var outcome = await accounts.InviteUserAsync("sam@example.org", "Sam again", KithRoles.Person, new Uri("https://kith.example/r"), context, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync());
    }

    /// <summary>Stands in for the data-protection token provider, which lives in ASP.NET Core.</summary>
    private sealed class TestTokenProvider : IUserTwoFactorTokenProvider<KithUser>
    {
        public Task<string> GenerateAsync(string purpose, UserManager<KithUser> manager, KithUser user) => Task.FromResult($"test-token-{user.Id}");

        public Task<bool> ValidateAsync(string purpose, string token, UserManager<KithUser> manager, KithUser user) =>
            Task.FromResult(token == $"test-token-{user.Id}");

        public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<KithUser> manager, KithUser user) => Task.FromResult(false);
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddKithAccounts(database, new FakeTimeProvider(Now))
            .AddTokenProvider<TestTokenProvider>(TokenOptions.DefaultProvider);
        return services.BuildServiceProvider();
    }
}
