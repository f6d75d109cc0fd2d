using System.Security.Claims;
using Kith.Core.Platform.Audit;

namespace Kith.Web.Infrastructure;

/// <summary>The <see cref="ProcessContext"/> of the person making a request, for services and audited saves.</summary>
public static class ProcessContextExtensions
{
    /// <summary>The claim holding the account's display name (<c>KithUser.DisplayName</c>), added at sign-in.</summary>
    public const string DisplayNameClaim = "kith:name";

    /// <summary>The claim saying whether the account has two-factor sign-in turned on ("true" or "false").</summary>
    public const string TwoFactorClaim = "kith:2fa";

    /// <summary>The name used in the audit trail for someone who is not signed in.</summary>
    public const string AnonymousActorName = "visitor (not signed in)";

    /// <summary>
    /// Who is acting: the signed-in account's id and display name (falling back to the sign-in
    /// name), or, for someone not signed in, a null user id and <see cref="AnonymousActorName"/>.
    /// </summary>
    public static ProcessContext GetProcessContext(this HttpContext context, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.GetProcessContext(reason);
    }

    /// <inheritdoc cref="GetProcessContext(HttpContext, string?)"/>
    public static ProcessContext GetProcessContext(this ClaimsPrincipal user, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return new ProcessContext(null, AnonymousActorName, reason);
        }

        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name ?? userId;
        return new ProcessContext(userId, name, reason);
    }

    /// <summary>The signed-in account's display name, or null when no one is signed in.</summary>
    public static string? GetDisplayName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name : null;
    }
}
