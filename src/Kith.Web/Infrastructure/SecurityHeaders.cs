using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure;

/// <summary>
/// Security response headers and a content security policy with a per-request script nonce. The only
/// third-party origin allowed is the configured map tile server, for images.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The key under which the request's CSP nonce is kept in <see cref="HttpContext.Items"/>.</summary>
    public const string NonceKey = "kith.csp-nonce";

    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? string.Empty;
    }

    public static IApplicationBuilder UseKithSecurityHeaders(this IApplicationBuilder app)
    {
        return app.Use(async (context, next) =>
        {
            // A re-executed request (status-code pages, exception handler) passes through again:
            // keep the first nonce, which the headers already carry, rather than minting a second.
            if (context.Items.ContainsKey(NonceKey))
            {
                await next();
                return;
            }

            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var tiles = context.RequestServices.GetRequiredService<IOptions<MapOptions>>().Value.TileOrigin;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; " +
                    $"img-src 'self' data:{(tiles is null ? string.Empty : " " + tiles)}; font-src 'self'; connect-src 'self'; " +
                    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";

                // A page may ask for a stricter policy (the introduction link's page sends none at all).
                if (!headers.ContainsKey("Referrer-Policy"))
                {
                    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                }

                headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), geolocation=(self)";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
