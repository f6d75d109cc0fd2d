using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Stewardship;

public class ClaimServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcessContext Visitor = new(null, "visitor (not signed in)");
    private static readonly ProcessContext Ada = new("admin-ada", "Ada Admin");
    private static readonly Uri SetPassword = new("https://kith.example/account/reset-password");
    private static readonly Uri SignIn = new("https://kith.example/account/sign-in");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_pending_claim_from_the_same_email_is_refused_and_the_details_are_stored_encrypted(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var organizationId = await SeedOrganizationAsync(database);
        await using var services = Services(database, clock);
        await using (var scope = services.CreateAsyncScope())
        {
            var claims = scope.ServiceProvider.GetRequiredService<ClaimService>();
            Assert.Equal(ClaimSubmitResult.Submitted, await claims.SubmitAsync(Request(organizationId, "jo@millarts.example"), Visitor));
            Assert.Equal(ClaimSubmitResult.AlreadyPending, await claims.SubmitAsync(Request(organizationId, " JO@millarts.example "), Visitor));
            Assert.Equal(ClaimSubmitResult.Submitted, await claims.SubmitAsync(Request(organizationId, "kim@millarts.example"), Visitor));
            Assert.Equal(ClaimSubmitResult.NoSuchOrganisation, await claims.SubmitAsync(Request(Guid.NewGuid(), "jo@millarts.example"), Visitor));
            var queue = await claims.GetQueueAsync();
            Assert.Equal(2, queue.PendingCount);
            Assert.All(queue.Pending, c => Assert.Equal("Mill Lane Arts", c.OrganizationName));
        }

        await using var check = database.CreateContext(clock);
        var connection = check.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ClaimantEmail\" FROM \"ListingClaims\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.DoesNotContain("millarts", reader.GetString(0), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approving_a_claim_makes_a_community_editor_account_marks_the_organisation_and_emails_a_password_link(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var organizationId = await SeedOrganizationAsync(database);
        await using var services = Services(database, clock);
        Guid claimId;
        await using (var scope = services.CreateAsyncScope())
        {
            var claims = scope.ServiceProvider.GetRequiredService<ClaimService>();
            await claims.SubmitAsync(Request(organizationId, "jo@millarts.example"), Visitor);
            claimId = (await claims.GetQueueAsync()).Pending.Single().Id;
            var read = await claims.ReadAsync(claimId, Ada);
            Assert.Equal("Jo Bloggs", read!.ClaimantName);
            clock.Advance(TimeSpan.FromDays(1));
            var decision = await claims.ApproveAsync(claimId, SetPassword, SignIn, Ada);
            Assert.True(decision.Succeeded, string.Join(" ", decision.Errors));
            Assert.True(decision.AccountCreated);
            Assert.False((await claims.ApproveAsync(claimId, SetPassword, SignIn, Ada)).Succeeded);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            var user = await users.FindByEmailAsync("jo@millarts.example");
            Assert.NotNull(user);
            Assert.Equal([KithRoles.CommunityEditor], await users.GetRolesAsync(user));
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
            Assert.Equal(clock.GetUtcNow().UtcDateTime, organization.ClaimedAt);
            Assert.Equal(user.Id, organization.ClaimedByUserId);
            var claim = await db.Set<ListingClaim>().SingleAsync(c => c.Id == claimId);
            Assert.Equal((ClaimStatus.Approved, "Ada Admin", user.Id), (claim.Status, claim.DecidedByName, claim.ClaimantUserId));
            var emails = await db.OutboxMessages.Where(m => m.Recipient == "jo@millarts.example").ToListAsync();
            Assert.Equal(2, emails.Count);
            Assert.Contains(emails, m => m.Body.Contains($"{SetPassword.AbsoluteUri}?user=", StringComparison.Ordinal));
            Assert.Contains(emails, m => m.Subject == "Your claim on Mill Lane Arts is approved" && m.Body.Contains(SignIn.AbsoluteUri, StringComparison.Ordinal));
            var viewed = await db.AuditEvents.Where(e => e.EntityType == nameof(ListingClaim) && e.Action == AuditActions.Viewed).ToListAsync();
            Assert.Equal("admin-ada", Assert.Single(viewed).UserId);
            var changes = await db.AuditEvents.Where(e => e.EntityType == nameof(ListingClaim)).Select(e => e.Changes).ToListAsync();
            Assert.DoesNotContain(changes, c => c != null && c.Contains("jo@", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approving_a_claim_from_someone_with_an_account_adds_the_role_and_denying_emails_the_reason(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var organizationId = await SeedOrganizationAsync(database);
        await using var services = Services(database, clock);
        await using (var scope = services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateUserAsync(new CreateUserOptions("kim@millarts.example", "Kim", "a long enough password", [KithRoles.Person]), Ada, CancellationToken.None);
            var claims = scope.ServiceProvider.GetRequiredService<ClaimService>();
            await claims.SubmitAsync(Request(organizationId, "kim@millarts.example"), Visitor);
            await claims.SubmitAsync(Request(organizationId, "lee@elsewhere.example"), Visitor);
            var pending = (await claims.GetQueueAsync()).Pending;
            var kim = await claims.ReadAsync(pending[0].Id, Ada);
            var first = kim!.ClaimantEmail == "kim@millarts.example" ? pending[0].Id : pending[1].Id;
            var second = first == pending[0].Id ? pending[1].Id : pending[0].Id;
            var approved = await claims.ApproveAsync(first, SetPassword, SignIn, Ada);
            Assert.True(approved.Succeeded);
            Assert.False(approved.AccountCreated);
            var denied = await claims.DenyAsync(second, "The organisation says nobody called Jo works there.", Ada);
            Assert.True(denied.Succeeded);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            var kim = (await users.FindByEmailAsync("kim@millarts.example"))!;
            Assert.Equal([KithRoles.CommunityEditor, KithRoles.Person], (await users.GetRolesAsync(kim)).Order(StringComparer.Ordinal));
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var kimEmails = await db.OutboxMessages.Where(m => m.Recipient == "kim@millarts.example").ToListAsync();
            Assert.DoesNotContain(kimEmails, m => m.Body.Contains("?user=", StringComparison.Ordinal));
            var lee = Assert.Single(await db.OutboxMessages.Where(m => m.Recipient == "lee@elsewhere.example").ToListAsync());
            Assert.Contains("The organisation says nobody called Jo works there.", lee.Body, StringComparison.Ordinal);
            Assert.Contains(await db.AuditEvents.Where(e => e.EntityId == kim.Id).Select(e => e.Changes).ToListAsync(), c => c != null && c.Contains(KithRoles.CommunityEditor, StringComparison.Ordinal));
        }

        clock.Advance(ClaimService.KeepDeniedFor + TimeSpan.FromDays(1));
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ClaimService>().EraseOldDeniedClaimsAsync());
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            var denied = await db.Set<ListingClaim>().SingleAsync(c => c.Status == ClaimStatus.Denied);
            Assert.Equal("(erased)", denied.ClaimantEmail);
            Assert.NotNull(denied.ErasedAt);
            Assert.Equal("kim@millarts.example", (await db.Set<ListingClaim>().SingleAsync(c => c.Status == ClaimStatus.Approved)).ClaimantEmail);
        }
    }

    private static ClaimRequest Request(Guid organizationId, string email) =>
        new(organizationId, "Jo Bloggs", email, "Secretary", "Ring the number on millarts.example and ask for Jo.");

    private static async Task<Guid> SeedOrganizationAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organization = new Organization { Name = "Mill Lane Arts", Website = "https://millarts.example", LastModified = Now.UtcDateTime };
        db.Organizations.Add(organization);
        db.Actor = ProcessContext.System("test");
        await db.SaveChangesAsync();
        return organization.Id;
    }

    /// <summary>Password-link tokens without a data-protection key ring.</summary>
    private sealed class FixedTokenProvider : IUserTwoFactorTokenProvider<KithUser>
    {
        public Task<string> GenerateAsync(string purpose, UserManager<KithUser> manager, KithUser user) => Task.FromResult($"token-{user.Id}");

        public Task<bool> ValidateAsync(string purpose, string token, UserManager<KithUser> manager, KithUser user) => Task.FromResult(token == $"token-{user.Id}");

        public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<KithUser> manager, KithUser user) => Task.FromResult(false);
    }

    private static ServiceProvider Services(TestDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddKithAccounts(database, clock).AddTokenProvider<FixedTokenProvider>(TokenOptions.DefaultProvider);
        services.AddScoped<ClaimService>();
        return services.BuildServiceProvider();
    }
}
