using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Infrastructure;

/// <summary>An account made for a test, with what is needed to sign in as it.</summary>
/// <param name="AuthenticatorKey">The base32 shared key when two-factor sign-in is on, for <see cref="Totp.Compute"/>.</param>
public sealed record TestUser(string Id, string Email, string DisplayName, string Password, string Role, string? AuthenticatorKey);

/// <summary>
/// Accounts and signing in for HTTP tests:
/// <c>var user = await factory.CreateUserAsync(KithRoles.Practitioner);</c> then
/// <c>await client.SignInAsync(user);</c>. Staff roles need two-factor sign-in, so it is on by default.
/// </summary>
public static class TestAccounts
{
    public const string Password = "a long test password for kith";

    /// <summary>Creates an account with one role, optionally with two-factor sign-in already on.</summary>
    public static async Task<TestUser> CreateUserAsync(
        this KithWebFactory factory, string role, bool withTwoFactor = true, string? email = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        email ??= $"{role.ToLowerInvariant()}-{suffix}@example.org";
        displayName ??= $"Test {role} {suffix}";
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var outcome = await accounts.CreateUserAsync(
            new CreateUserOptions(email, displayName, Password, [role]), ProcessContext.System("test"), CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the test account: {string.Join(" ", outcome.Errors)}");
        }

        string? key = null;
        if (withTwoFactor)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            var user = await users.FindByIdAsync(outcome.UserId!) ?? throw new InvalidOperationException("The test account vanished.");
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestUser(outcome.UserId!, email, displayName, Password, role, key);
    }

    /// <summary>
    /// Signs the client in through the real pages (antiforgery tokens and, when on, the two-factor
    /// code), and fails when it does not end signed in.
    /// </summary>
    /// <returns>The last response, after redirects.</returns>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, TestUser user, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var signInUrl = returnUrl is null ? "/account/sign-in" : $"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await client.PostFormAsync(signInUrl, new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (response.RequestMessage?.RequestUri?.AbsolutePath == "/account/two-factor")
        {
            var key = user.AuthenticatorKey ?? throw new InvalidOperationException("The account asks for a code but the test user has no key.");
            var url = response.RequestMessage.RequestUri.PathAndQuery;
            response = await client.PostFormAsync(url, new() { ["Input.Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) }, await response.Content.ReadAsStringAsync());
        }

        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        if (response.StatusCode >= HttpStatusCode.BadRequest && response.StatusCode != HttpStatusCode.NotFound
            || path is "/account/sign-in" or "/account/two-factor" or "/account/locked-out")
        {
            throw new InvalidOperationException($"Signing in as {user.Email} did not work: ended at {path} with {(int)response.StatusCode}.");
        }

        return response;
    }

    /// <summary>Gets the page, then posts the form fields with the page's antiforgery token.</summary>
    /// <param name="pageHtml">The page already fetched, to skip the GET.</param>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, Dictionary<string, string> fields, string? pageHtml = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        pageHtml ??= await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(pageHtml) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(url, content);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException("The page has no form with an antiforgery token.");
        return input.Value;
    }
}
