using System.Globalization;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Platform.Accounts;

/// <param name="Email">Sign-in email address.</param>
/// <param name="DisplayName">Name shown to others and in the audit trail.</param>
/// <param name="Password">The initial password, or null for an account whose holder sets it from an emailed link.</param>
/// <param name="Roles">Roles from <see cref="KithRoles"/>.</param>
public sealed record CreateUserOptions(string Email, string DisplayName, string? Password, IReadOnlyList<string> Roles);

/// <summary>The result of an account operation: success, or the reasons in plain words.</summary>
/// <param name="UserId">The account concerned, when the operation succeeded and made or found one.</param>
public sealed record AccountOutcome(bool Succeeded, IReadOnlyList<string> Errors, string? UserId = null)
{
    public static AccountOutcome Success { get; } = new(true, []);

    public static AccountOutcome Failed(IEnumerable<string> errors) => new(false, errors.ToList());

    public static AccountOutcome SucceededFor(string userId) => new(true, [], userId);
}

/// <summary>Why a password link is sent: it changes the wording of the email.</summary>
public enum PasswordLinkPurpose
{
    /// <summary>The holder asked to reset a forgotten password.</summary>
    Reset,

    /// <summary>An administrator created the account; the holder chooses a first password.</summary>
    NewAccount,
}

/// <summary>Creates accounts, gives them roles, resets passwords and turns on two-factor sign-in, writing the audit trail.</summary>
public sealed class AccountService(
    UserManager<KithUser> users,
    RoleManager<IdentityRole> roles,
    KithDbContext db,
    NotificationService notifications,
    TimeProvider clock)
{
    /// <summary>How long an emailed password link works; the web app gives the token provider this lifespan.</summary>
    public static readonly TimeSpan PasswordLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>How many recovery codes a person gets when they turn on two-factor sign-in.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>Makes sure every role in <see cref="KithRoles.All"/> exists.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in KithRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account with its roles and an audit event, all in one transaction.</summary>
    /// <returns>Success with the new account's id, or the reasons it could not be created.</returns>
    public Task<AccountOutcome> CreateUserAsync(CreateUserOptions options, ProcessContext context, CancellationToken cancellationToken) =>
        CreateUserAsync(options, context, setPasswordPage: null, cancellationToken);

    /// <summary>
    /// Creates an account without a password and, in the same transaction, queues an email with a
    /// link to <paramref name="setPasswordPage"/> so the holder chooses their own password.
    /// </summary>
    public Task<AccountOutcome> InviteUserAsync(
        string email, string displayName, string role, Uri setPasswordPage, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setPasswordPage);
        return CreateUserAsync(new CreateUserOptions(email, displayName, null, [role]), context, setPasswordPage, cancellationToken);
    }

    private async Task<AccountOutcome> CreateUserAsync(
        CreateUserOptions options, ProcessContext context, Uri? setPasswordPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        await EnsureRolesAsync();
        var unknown = options.Roles.Except(KithRoles.All).ToList();
        if (unknown.Count > 0)
        {
            return AccountOutcome.Failed([$"Unknown role {string.Join(", ", unknown)}."]);
        }

        var email = options.Email.Trim();
        var user = new KithUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = options.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = options.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, options.Password);
        if (!created.Succeeded)
        {
            return AccountOutcome.Failed(Describe(created));
        }

        var added = await users.AddToRolesAsync(user, options.Roles);
        if (!added.Succeeded)
        {
            return AccountOutcome.Failed(Describe(added));
        }

        if (setPasswordPage is not null)
        {
            await AddPasswordLinkEmailAsync(user, setPasswordPage, PasswordLinkPurpose.NewAccount);
        }

        Audit(context, AuditActions.Created, user.Id, new { roles = options.Roles });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountOutcome.SucceededFor(user.Id);
    }

    /// <summary>
    /// Queues an email with a password reset link when an account has this address. Callers must
    /// not tell the person whether one did: the answer would reveal who has an account.
    /// </summary>
    /// <param name="resetPage">Absolute address of the reset page; the link adds <c>user</c> and <c>token</c> to it.</param>
    /// <returns>True when an email was queued.</returns>
    public async Task<bool> RequestPasswordResetAsync(string email, Uri resetPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resetPage);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return false;
        }

        await AddPasswordLinkEmailAsync(user, resetPage, PasswordLinkPurpose.Reset);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets a new password from an emailed link's token, ends any lockout, and audits the change.</summary>
    /// <returns>Failure with <see cref="InvalidLinkError"/> when the account or token is not valid (expired, used, or altered).</returns>
    public async Task<AccountOutcome> ResetPasswordAsync(string userId, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountOutcome.Failed([InvalidLinkError]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return AccountOutcome.Failed(reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? [InvalidLinkError]
                : Describe(reset));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Audit(new ProcessContext(user.Id, user.DisplayName), AuditActions.Updated, user.Id, new { password = "reset from an emailed link" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountOutcome.SucceededFor(user.Id);
    }

    /// <summary>The error when a password link does not work.</summary>
    public const string InvalidLinkError = "This link has expired or has already been used. Ask for a new link.";

    /// <summary>
    /// Checks a code from the person's authenticator app against their shared key; when it matches,
    /// turns two-factor sign-in on and returns <see cref="RecoveryCodeCount"/> new recovery codes.
    /// </summary>
    /// <returns>The recovery codes, or null when the code did not match.</returns>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(KithUser user, string code, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(context);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code));
        if (!valid)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Audit(context, AuditActions.Updated, user.Id, new { TwoFactorEnabled = new { from = false, to = true } });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>The person's authenticator shared key, creating one when they have none.</summary>
    public async Task<string> GetOrCreateAuthenticatorKeyAsync(KithUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key ?? throw new InvalidOperationException("The user store did not keep an authenticator key.");
    }

    /// <summary>Removes spaces and hyphens people type into codes.</summary>
    public static string NormaliseCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>Accounts with their roles, ordered by name, for administrators.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled, u.LockoutEnd, u.PasswordHash, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var memberships = await (from ur in db.UserRoles
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = memberships.ToLookup(m => m.UserId, m => m.Name ?? string.Empty);
        var now = clock.GetUtcNow();
        return accounts
            .Select(a => new AccountSummary(
                a.Id,
                a.DisplayName,
                a.Email ?? string.Empty,
                rolesByUser[a.Id].Order(StringComparer.Ordinal).ToList(),
                a.TwoFactorEnabled,
                a.LockoutEnd > now,
                a.PasswordHash is not null,
                a.CreatedAt))
            .ToList();
    }

    private async Task AddPasswordLinkEmailAsync(KithUser user, Uri page, PasswordLinkPurpose purpose)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var separator = string.IsNullOrEmpty(page.Query) ? "?" : "&";
        var link = $"{page.AbsoluteUri}{separator}user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var hours = (int)PasswordLinkLifetime.TotalHours;
        var (subject, body) = purpose switch
        {
            PasswordLinkPurpose.NewAccount => (
                "Your Kith account: choose a password",
                string.Create(CultureInfo.InvariantCulture, $"""
                    Hello {user.DisplayName},

                    An account has been made for you on Kith. To start using it, choose your password here:

                    {link}

                    The link works once, for {hours} hours. If it has run out, use "Forgotten your password?" on the sign-in page to get a new one.
                    """)),
            _ => (
                "Reset your Kith password",
                string.Create(CultureInfo.InvariantCulture, $"""
                    Hello {user.DisplayName},

                    Someone asked to reset the password of your Kith account. If it was you, choose a new password here:

                    {link}

                    The link works once, for {hours} hours. If you did not ask for this, you can ignore this email: your password stays as it is.
                    """)),
        };
        notifications.AddEmail(user.Email ?? throw new InvalidOperationException("The account has no email address."), subject, body);
    }

    private void Audit(ProcessContext context, string action, string userId, object changes) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = action,
            EntityType = nameof(KithUser),
            EntityId = userId,
            Changes = JsonSerializer.Serialize(changes),
            Reason = context.Reason,
        });

    private static IEnumerable<string> Describe(IdentityResult result) =>
        result.Errors.Select(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            ? "An account with this email address already exists."
            : e.Description).Distinct();
}

/// <summary>One account as administrators see it in the list of accounts.</summary>
/// <param name="HasPassword">False until the holder has followed their set-password link.</param>
/// <param name="CreatedAt">UTC instant the account was created.</param>
public sealed record AccountSummary(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut, bool HasPassword, DateTime CreatedAt);
