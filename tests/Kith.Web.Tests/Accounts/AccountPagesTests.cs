using System.Net;
using AngleSharp.Html.Parser;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Kith.Web.Pages.Account;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Accounts;

public class AccountPagesTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    private static readonly HtmlParser Parser = new();

    private HttpClient NoRedirects() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Signing_in_with_the_right_password_signs_in_and_goes_to_the_return_address()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();

        var response = await client.SignInAsync(user, returnUrl: "/account/two-factor/set-up");

        Assert.Equal("/account/two-factor/set-up", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Set up two-factor sign-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message_and_keep_the_email()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();

        var wrong = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = "not the password at all" });
        var unknown = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = "nobody-here@example.org", ["Input.Password"] = "not the password at all" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.WrongCredentials), wrongHtml, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.WrongCredentials), await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("not the password at all", wrongHtml, StringComparison.Ordinal);
        Assert.Contains(user.Email, wrongHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_form_is_a_400_with_a_message_for_each_field()
    {
        using var client = factory.CreateClient();

        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = string.Empty, ["Input.Password"] = string.Empty });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_when_to_try_again()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();

        HttpResponseMessage response = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = $"wrong password number {attempt}" });
            if (attempt < 5)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        }

        Assert.Equal("/account/locked-out", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You can try again in 15 minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal("/account/locked-out", right.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_practitioner_without_two_factor_is_sent_to_set_it_up_but_not_from_health_checks()
    {
        var user = await factory.CreateUserAsync(KithRoles.Practitioner, withTwoFactor: false);
        using var client = NoRedirects();

        await SignInWithoutRedirectsAsync(client, user);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor/set-up?returnUrl=%2F", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor/set-up")).StatusCode);
    }

    [Fact]
    public async Task A_person_without_two_factor_is_not_sent_to_set_it_up()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = NoRedirects();

        await SignInWithoutRedirectsAsync(client, user);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Turning_on_two_factor_shows_ten_recovery_codes_and_then_signing_in_needs_a_code()
    {
        var user = await factory.CreateUserAsync(KithRoles.Practitioner, withTwoFactor: false);
        using var client = factory.CreateClient();
        await client.SignInAsync(user);

        var setUp = await client.GetStringAsync("/account/two-factor/set-up?returnUrl=%2F");
        var document = Parser.ParseDocument(setUp);
        var key = document.QuerySelector("#shared-key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.StartsWith("otpauth://totp/Kith:", document.QuerySelector("#authenticator-uri")!.GetAttribute("href"), StringComparison.Ordinal);

        var wrongCode = await client.PostFormAsync("/account/two-factor/set-up", new() { ["Input.Code"] = "000000" == Totp.Compute(key, DateTimeOffset.UtcNow) ? "111111" : "000000" }, setUp);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);

        var enabled = await client.PostFormAsync("/account/two-factor/set-up", new() { ["Input.Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) }, setUp);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = Parser.ParseDocument(await enabled.Content.ReadAsStringAsync()).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var again = factory.CreateClient();
        var password = await again.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal("/account/two-factor", password.RequestMessage!.RequestUri!.AbsolutePath);
        var signedIn = await again.SignInAsync(user with { AuthenticatorKey = key.Replace(" ", string.Empty, StringComparison.Ordinal) });
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        using var recovery = factory.CreateClient();
        await recovery.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var byCode = await recovery.PostFormAsync("/account/two-factor/recovery?returnUrl=%2F", new() { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.Equal("/", byCode.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_queues_an_email_whose_link_sets_a_new_password()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();

        var asked = await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = user.Email.ToUpperInvariant() });

        Assert.Equal("/account/forgot-password/sent", asked.RequestMessage!.RequestUri!.AbsolutePath);
        var message = await SingleMessageToAsync(user.Email);
        Assert.DoesNotContain("email=", message.Body, StringComparison.OrdinalIgnoreCase);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(message.Body, @"http://\S+/account/reset-password\?\S+").Value);
        Assert.Contains($"user={user.Id}", link.Query, StringComparison.Ordinal);

        var page = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        const string newPassword = "a brand new password for the test";
        var mismatch = await client.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = "something else entirely" }, html);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("The passwords do not match", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await client.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword }, html);
        Assert.Equal("/account/reset-password/done", saved.RequestMessage!.RequestUri!.AbsolutePath);

        var reused = await client.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword }, html);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("Ask for a new link", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fresh = factory.CreateClient();
        var old = await fresh.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        await fresh.SignInAsync(user with { Password = newPassword });
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_email_and_queues_nothing()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();
        const string unknownEmail = "no-account-here@example.org";

        var known = await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = user.Email });
        var unknown = await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = unknownEmail });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.RequestMessage!.RequestUri, unknown.RequestMessage!.RequestUri);
        Assert.Equal(MainText(await known.Content.ReadAsStringAsync()), MainText(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("If an account exists", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == unknownEmail));
    }

    [Fact]
    public async Task Signing_out_needs_a_post_with_the_antiforgery_token()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = factory.CreateClient();
        await client.SignInAsync(user);

        var get = await client.GetStringAsync("/account/sign-out");
        Assert.Contains("Sign out of Kith on this device", get, StringComparison.Ordinal);
        using (var noToken = new FormUrlEncodedContent([]))
        {
            var refused = await client.PostAsync("/account/sign-out", noToken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Contains("Sign out of Kith on this device", await client.GetStringAsync("/account/sign-out"), StringComparison.Ordinal);

        var signedOut = await client.PostFormAsync("/account/sign-out", []);
        Assert.Equal("/account/signed-out", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You are not signed in", await client.GetStringAsync("/account/sign-out"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_another_host_is_ignored()
    {
        var user = await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false);
        using var client = NoRedirects();

        foreach (var returnUrl in new[] { "https://evil.example/steal", "//evil.example/steal", "/\\evil.example" })
        {
            var page = await client.GetStringAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
            var response = await client.PostFormAsync(
                $"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}",
                new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password, ["ReturnUrl"] = returnUrl },
                page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Admin_pages_are_for_administrators_only()
    {
        var practitioner = await factory.CreateUserAsync(KithRoles.Practitioner);
        using var anonymous = NoRedirects();
        var challenge = await anonymous.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/account/sign-in", challenge.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var client = factory.CreateClient();
        await client.SignInAsync(practitioner);
        var outbox = await client.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, outbox.StatusCode);
        Assert.Equal("/account/access-denied", outbox.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_reads_the_outbox_and_creates_an_account_that_gets_a_set_password_link()
    {
        var admin = await factory.CreateUserAsync(KithRoles.Administrator);
        using var client = factory.CreateClient();
        await client.SignInAsync(admin);
        var newEmail = $"new-editor-{Guid.NewGuid():N}@example.org";

        var invalid = await client.PostFormAsync("/admin/users/create", new() { ["Input.DisplayName"] = "Robin Editor", ["Input.Email"] = "not an email" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Enter an email address in the correct format", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Select a role", invalidHtml, StringComparison.Ordinal);
        var form = Parser.ParseDocument(invalidHtml);
        Assert.Equal("Robin Editor", form.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("not an email", form.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector(".nhsuk-error-summary a[href='#Input_Email']"));

        var created = await client.PostFormAsync(
            "/admin/users/create", new() { ["Input.DisplayName"] = "Robin Editor", ["Input.Email"] = newEmail, ["Input.Role"] = KithRoles.CommunityEditor });
        Assert.Equal("/admin/users", created.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await created.Content.ReadAsStringAsync();
        Assert.Contains("Account created for Robin Editor", list, StringComparison.Ordinal);
        Assert.Contains(newEmail, list, StringComparison.Ordinal);

        var duplicate = await client.PostFormAsync(
            "/admin/users/create", new() { ["Input.DisplayName"] = "Robin Again", ["Input.Email"] = newEmail, ["Input.Role"] = KithRoles.Person });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("An account with this email address already exists", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var message = await SingleMessageToAsync(newEmail);
        var outbox = await client.GetStringAsync("/admin/outbox");
        Assert.Contains($"/admin/outbox/{message.Id}", outbox, StringComparison.Ordinal);
        Assert.Contains("No email or text service is set up", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sent<", outbox, StringComparison.Ordinal);
        var detail = Parser.ParseDocument(await client.GetStringAsync($"/admin/outbox/{message.Id}"));
        var link = detail.QuerySelector("#message-body a")!.GetAttribute("href")!;
        Assert.Contains("/account/reset-password?user=", link, StringComparison.Ordinal);

        const string chosen = "robin chose this long password";
        using var robin = factory.CreateClient();
        var path = new Uri(link).PathAndQuery;
        var saved = await robin.PostFormAsync(path, new() { ["Input.Password"] = chosen, ["Input.ConfirmPassword"] = chosen });
        Assert.Equal("/account/reset-password/done", saved.RequestMessage!.RequestUri!.AbsolutePath);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var robinId = (await db.Users.SingleAsync(u => u.Email == newEmail)).Id;
        var audit = await db.AuditEvents.Where(e => e.EntityId == robinId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(admin.Id, audit[0].UserId);
        Assert.Equal(admin.DisplayName, audit[0].ActorName);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == message.Id.ToString() && e.Action == "viewed" && e.UserId == admin.Id));
    }

    [Fact]
    public async Task Your_account_shows_two_factor_status_and_offers_to_set_it_up_and_the_header_signs_out()
    {
        var user = await factory.CreateUserAsync(KithRoles.CommunityEditor, withTwoFactor: false);
        using var anonymous = NoRedirects();
        Assert.StartsWith("/account/sign-in", (await anonymous.GetAsync("/account")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var client = factory.CreateClient();
        await client.SignInAsync(user);
        var page = Parser.ParseDocument(await client.GetStringAsync("/account"));
        Assert.Contains(user.DisplayName, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/two-factor/set-up?returnUrl=%2Faccount']"));

        var home = await client.GetStringAsync("/");
        Assert.NotNull(Parser.ParseDocument(home).QuerySelector("header form[action='/account/sign-out']"));
        Assert.Contains(user.DisplayName, Parser.ParseDocument(home).QuerySelector("header a[href='/account']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, home, StringComparison.Ordinal);
        var signedOut = await client.PostFormAsync("/account/sign-out", [], home);
        Assert.Equal("/account/signed-out", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task SignInWithoutRedirectsAsync(HttpClient client, TestUser user)
    {
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private async Task<OutboxMessage> SingleMessageToAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        return await db.OutboxMessages.SingleAsync(m => m.Recipient == email);
    }

    private static string MainText(string html) => Parser.ParseDocument(html).QuerySelector("main")?.TextContent.Trim() ?? html;
}
