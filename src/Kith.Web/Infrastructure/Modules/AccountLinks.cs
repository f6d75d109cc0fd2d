using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Addresses the accounts pages put in emails and redirects.</summary>
internal static class AccountLinks
{
    public const string SignIn = "/account/sign-in";
    public const string ResetPassword = "/account/reset-password";

    /// <summary>
    /// The absolute address of a page of this site for an email: from <see cref="AccountsOptions.PublicBaseUrl"/>
    /// when set, otherwise from the request's scheme and host.
    /// </summary>
    public static Uri Absolute(HttpContext http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.PublicBaseUrl;
        var root = configured ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var baseText = root.AbsoluteUri.EndsWith('/') ? root.AbsoluteUri : root.AbsoluteUri + "/";
        return new Uri(new Uri(baseText), path.TrimStart('/'));
    }

    /// <summary>The return address when it is a local path of this site; otherwise the home page.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
