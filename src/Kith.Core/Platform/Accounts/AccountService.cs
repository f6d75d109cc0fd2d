using Kith.Core.Platform.Audit;
using Kith.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Kith.Core.Platform.Accounts;

/// <param name="Email">Sign-in email address.</param>
/// <param name="DisplayName">Name shown to others and in the audit trail.</param>
/// <param name="Password">The initial password.</param>
/// <param name="Roles">Roles from <see cref="KithRoles"/>.</param>
public sealed record CreateUserOptions(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles);

/// <summary>The result of an account operation: success, or the reasons in plain words.</summary>
public sealed record AccountOutcome(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AccountOutcome Success { get; } = new(true, []);

    public static AccountOutcome Failed(IEnumerable<string> errors) => new(false, errors.ToList());
}

/// <summary>Creates accounts and gives them roles, writing the audit trail.</summary>
public sealed class AccountService(
    UserManager<KithUser> users,
    RoleManager<IdentityRole> roles,
    KithDbContext db,
    TimeProvider clock)
{
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

    public async Task<AccountOutcome> CreateUserAsync(CreateUserOptions options, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        await EnsureRolesAsync();
        var unknown = options.Roles.Except(KithRoles.All).ToList();
        if (unknown.Count > 0)
        {
            return AccountOutcome.Failed([$"Unknown role {string.Join(", ", unknown)}."]);
        }

        var user = new KithUser
        {
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            DisplayName = options.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };

        // Join the caller's transaction when there is one (the demo seed creates its users inside its own).
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var created = await users.CreateAsync(user, options.Password);
        if (!created.Succeeded)
        {
            return AccountOutcome.Failed(created.Errors.Select(e => e.Description));
        }

        var added = await users.AddToRolesAsync(user, options.Roles);
        if (!added.Succeeded)
        {
            return AccountOutcome.Failed(added.Errors.Select(e => e.Description));
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = AuditActions.Created,
            EntityType = nameof(KithUser),
            EntityId = user.Id,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { roles = options.Roles }),
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return AccountOutcome.Success;
    }
}
