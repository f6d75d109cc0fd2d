using System.Security.Claims;
using System.Text.Encodings.Web;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kith.Web.Tests.Shell;

/// <summary>The header for someone signed in, using a test sign-in scheme that reads the role from a request header.</summary>
public sealed class SignedInHeaderTests : IDisposable
{
    private const string Scheme = "Test";
    private readonly KithWebFactory factory = new();
    private readonly WebApplicationFactory<Program> signedIn;

    public SignedInHeaderTests()
    {
        signedIn = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(Scheme, _ => { });
            services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = Scheme);
        }));
    }

    public void Dispose()
    {
        signedIn.Dispose();
        factory.Dispose();
    }

    private async Task<AngleSharp.Dom.IDocument> GetAboutAsAsync(string role)
    {
        using var client = signedIn.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Role", role);
        return await ShellTests.ParseAsync(await client.GetAsync("/about"));
    }

    [Fact]
    public async Task Someone_signed_in_sees_their_name_and_a_sign_out_button_that_posts_with_an_antiforgery_token()
    {
        var page = await GetAboutAsAsync(KithRoles.Person);

        var account = page.QuerySelector(".nhsuk-header__account")!;
        Assert.Contains("Ann Example", account.TextContent, StringComparison.Ordinal);
        Assert.Null(account.QuerySelector("a[href='/account/sign-in']"));
        var form = account.QuerySelector("form")!;
        Assert.Equal("/account/sign-out", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Sign out", form.QuerySelector("button")!.TextContent.Trim());
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")));
    }

    [Theory]
    [InlineData(KithRoles.CommunityEditor, true)]
    [InlineData(KithRoles.Practitioner, true)]
    [InlineData(KithRoles.Administrator, true)]
    [InlineData(KithRoles.Person, false)]
    [InlineData(KithRoles.Manager, false)]
    public async Task Only_asset_editors_are_offered_add_a_community_asset(string role, bool offered)
    {
        var page = await GetAboutAsAsync(role);

        var link = page.QuerySelector(".nhsuk-header__navigation-link[href='/manage/assets/new']");
        Assert.Equal(offered, link is not null);
        if (link is not null)
        {
            Assert.Equal("Add a community asset", link.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData(KithRoles.Administrator, true)]
    [InlineData(KithRoles.Practitioner, false)]
    [InlineData(KithRoles.CommunityEditor, false)]
    public async Task Only_administrators_are_offered_administration(string role, bool offered)
    {
        var page = await GetAboutAsAsync(role);

        Assert.Equal(offered, page.QuerySelector(".nhsuk-header__navigation-link[href='/admin']") is not null);
    }

    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Role", out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "Ann Example"), new Claim(ClaimTypes.Role, role.ToString())], SignedInHeaderTests.Scheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SignedInHeaderTests.Scheme)));
        }
    }
}
