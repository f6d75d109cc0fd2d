using System.Globalization;
using System.Security.Claims;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// Adds the display name (<see cref="ProcessContextExtensions.DisplayNameClaim"/>) and whether
/// two-factor sign-in is on (<see cref="ProcessContextExtensions.TwoFactorClaim"/>) to the sign-in
/// cookie, so pages need no database read to name the actor or to require two-factor for staff.
/// </summary>
internal sealed class KithClaimsPrincipalFactory(
    UserManager<KithUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KithUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KithUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ProcessContextExtensions.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(ProcessContextExtensions.TwoFactorClaim, user.TwoFactorEnabled.ToString(CultureInfo.InvariantCulture).ToLowerInvariant()));
        return identity;
    }
}
