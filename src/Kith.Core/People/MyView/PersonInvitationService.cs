using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.MyView;

/// <summary>The token provider and purpose of invitation links; the web app registers a provider under <see cref="ProviderName"/>.</summary>
public static class InvitationTokens
{
    public const string ProviderName = "KithInvitation";

    public const string Purpose = "AcceptInvitation";

    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
}

/// <summary>
/// Invites a person to see their own plan: makes their account (role Person, no password) and links it to
/// the record, then emails a one-time link, valid for <see cref="InvitationTokens.Lifetime"/>, to choose a
/// password. The link's token is not stored: it is signed and tied to the account's security stamp, which
/// changes when the password is set (so the link works once) or when a new invitation is sent.
/// </summary>
public sealed class PersonInvitationService(
    UserManager<KithUser> users,
    RoleManager<IdentityRole> roles,
    KithDbContext db,
    NotificationService notifications,
    TimeProvider clock)
{
    public const string NoEmailError = "Add their email address on the details page first";

    public const string InvalidLinkError = "This invitation link has expired or has already been used.";

    /// <summary>Creates or reuses the person's account and queues the invitation email, all in one transaction.</summary>
    /// <param name="acceptPage">Absolute address of the accept page; the link adds <c>user</c> and <c>token</c>.</param>
    public async Task<AccountOutcome> InviteAsync(Guid personId, Uri acceptPage, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptPage);
        ArgumentNullException.ThrowIfNull(context);
        db.Actor = context;
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var email = person.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return AccountOutcome.Failed([NoEmailError]);
        }

        if (!await roles.RoleExistsAsync(KithRoles.Person))
        {
            await roles.CreateAsync(new IdentityRole(KithRoles.Person));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        KithUser? user = person.UserId is null ? null : await users.FindByIdAsync(person.UserId);
        if (user is not null && await users.HasPasswordAsync(user))
        {
            return AccountOutcome.Failed([$"{person.DisplayName} already has an account. If they have forgotten the password, they can use \"Forgotten your password?\" on the sign-in page."]);
        }

        if (user is null)
        {
            user = new KithUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = person.DisplayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return AccountOutcome.Failed(created.Errors.Select(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    ? "Another account already uses this email address. Check the address on the details page."
                    : e.Description).Distinct());
            }

            var added = await users.AddToRoleAsync(user, KithRoles.Person);
            if (!added.Succeeded)
            {
                return AccountOutcome.Failed(added.Errors.Select(e => e.Description));
            }

            person.UserId = user.Id;
        }
        else
        {
            // A new invitation replaces the old one: the earlier link stops working.
            await users.UpdateSecurityStampAsync(user);
        }

        var token = await users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose);
        var separator = string.IsNullOrEmpty(acceptPage.Query) ? "?" : "&";
        var link = $"{acceptPage.AbsoluteUri}{separator}user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var days = (int)InvitationTokens.Lifetime.TotalDays;
        notifications.AddEmail(email, "See your plan on Kith", string.Create(CultureInfo.InvariantCulture, $"""
            Hello {person.DisplayName},

            {context.ActorName} has invited you to see your plan on Kith: what you are good at, what matters to you, your people and your goals. You can suggest changes in your own words.

            To start, choose a password here:

            {link}

            The link works once, for {days} days. If it has run out, ask your worker for a new invitation.
            """));
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = "invited",
            EntityType = nameof(Person),
            EntityId = personId.ToString(),
            PersonId = personId,
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountOutcome.SucceededFor(user.Id);
    }

    /// <summary>Checks an invitation link and sets the first password; the link then stops working.</summary>
    /// <returns>Failure with <see cref="InvalidLinkError"/> when the link is not valid (expired, used, replaced, or altered).</returns>
    public async Task<AccountOutcome> AcceptAsync(string userId, string token, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.HasPasswordAsync(user) || !await users.IsInRoleAsync(user, KithRoles.Person)
            || !await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose, token))
        {
            return AccountOutcome.Failed([InvalidLinkError]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return AccountOutcome.Failed(added.Errors.Select(e => e.Description).Distinct());
        }

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            ActorName = user.DisplayName,
            Action = AuditActions.Updated,
            EntityType = nameof(KithUser),
            EntityId = user.Id,
            Changes = """{"password":"chosen from an invitation link"}""",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountOutcome.SucceededFor(user.Id);
    }

    /// <summary>Whether an invitation link still works, so the accept page can say so before they type a password.</summary>
    public async Task<bool> IsValidAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && !await users.HasPasswordAsync(user)
            && await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose, token);
    }
}
