using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// Staff (<see cref="KithRoles.Staff"/>) must use two-factor sign-in: a signed-in staff member
/// without it is sent to set it up from any page outside the exempt paths. Everyone else may
/// turn it on when they choose.
/// </summary>
internal sealed class StaffTwoFactorPageFilter : IAsyncPageFilter
{
    /// <summary>The page where two-factor sign-in is set up.</summary>
    public const string SetUpPath = "/account/two-factor/set-up";

    private static readonly string[] ExemptPrefixes = ["/account", "/error", "/health", "/api", "/oruk"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (MustSetUpTwoFactor(http))
        {
            var returnUrl = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            context.Result = new RedirectResult($"{SetUpPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        await next();
    }

    /// <summary>True for a signed-in staff member without two-factor sign-in on a path that is not exempt.</summary>
    public static bool MustSetUpTwoFactor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true
            || string.Equals(user.FindFirst(ProcessContextExtensions.TwoFactorClaim)?.Value, "true", StringComparison.Ordinal)
            || !KithRoles.Staff.Any(user.IsInRole))
        {
            return false;
        }

        var path = http.Request.Path;
        return !ExemptPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
