using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Kith.Core.Data;
using Kith.Core.Platform;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Shell;

public class ShellTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    internal static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
    }

    [Fact]
    public async Task Every_page_starts_with_a_skip_link_to_the_main_content()
    {
        using var client = factory.CreateClient();

        var page = await ParseAsync(await client.GetAsync("/about"));

        var firstLink = page.Body!.QuerySelector("a")!;
        Assert.Equal("Skip to main content", firstLink.TextContent.Trim());
        Assert.Equal("#maincontent", firstLink.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#maincontent"));
    }

    [Fact]
    public async Task Header_links_home_and_offers_sign_in_and_navigation_to_someone_signed_out()
    {
        using var client = factory.CreateClient();

        var page = await ParseAsync(await client.GetAsync("/about"));

        var home = page.QuerySelector("header.nhsuk-header .nhsuk-header__service-logo")!;
        Assert.Equal("/", home.GetAttribute("href"));
        Assert.Equal("Kith", home.TextContent.Trim());
        Assert.Equal("/account/sign-in", page.QuerySelector(".nhsuk-header__account-link")!.GetAttribute("href"));
        var navigation = page.QuerySelectorAll(".nhsuk-header__navigation-link[href]").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Find community assets", "/assets"), navigation);
        Assert.Contains(("API", "/api"), navigation);
        Assert.DoesNotContain(navigation, link => link.Item2 == "/manage/assets/new");
    }

    [Theory]
    [InlineData("/about")]
    [InlineData("/no-such-page")]
    public async Task Scripts_carry_the_nonce_of_the_content_security_policy_also_on_re_executed_error_pages(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);
        var page = await ParseAsync(response);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"'nonce-{script.GetAttribute("nonce")}'", csp, StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.GetAttribute("type") == "module" && s.GetAttribute("src")!.StartsWith("/js/kith.js", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/about", "About Kith")]
    [InlineData("/accessibility", "Accessibility statement for Kith")]
    public async Task Footer_pages_load_and_are_linked_from_the_footer(string path, string heading)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        var footerLinks = page.QuerySelectorAll("footer .nhsuk-footer__list-item-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/about", "/accessibility", "/api"], footerLinks);
    }

    [Fact]
    public async Task Accessibility_statement_names_the_standard_and_says_how_to_report_a_problem()
    {
        using var client = factory.CreateClient();

        var text = (await ParseAsync(await client.GetAsync("/accessibility"))).QuerySelector("main")!.TextContent;

        Assert.Contains("WCAG) version 2.2 at level AA", text, StringComparison.Ordinal);
        Assert.Contains("Feedback and contact information", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_gets_the_page_not_found_page_with_status_404_and_no_stack_trace()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/no-such-page");
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.nhsuk-header"));
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "You do not have permission to see this page")]
    [InlineData(400, "Sorry, there is a problem with your request")]
    [InlineData(500, "Sorry, there is a problem with the service")]
    public async Task Error_pages_say_what_happened_with_the_matching_status(int code, string heading)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/error/{code}");

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(heading, (await ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_api_address_that_does_not_exist_gets_problem_details_not_a_web_page()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_design_system_stylesheet_is_served_without_fonts_from_other_origins()
    {
        using var client = factory.CreateClient();

        var css = await client.GetStringAsync("/lib/nhsuk/nhsuk-frontend.min.css");

        Assert.Contains(".nhsuk-header", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_banner_is_not_shown_when_the_data_is_real()
    {
        using var client = factory.CreateClient();

        var page = await ParseAsync(await client.GetAsync("/about"));

        Assert.Null(page.QuerySelector(".kith-demo-banner"));
    }
}

/// <summary>Tests that need their own app: a database holding the demo area, or a page that fails.</summary>
public sealed class ShellWithDemoAreaTests : IDisposable
{
    private readonly KithWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_demo_banner_names_the_demo_area_when_the_database_holds_it()
    {
        using var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            db.SystemSettings.Add(new SystemSetting { Key = SystemSettingKeys.DemoArea, Value = "Northbrook <Demo>" });
            await db.SaveChangesAsync();
        }

        var page = await ShellTests.ParseAsync(await client.GetAsync("/about"));

        var banner = page.QuerySelector(".kith-demo-banner");
        Assert.NotNull(banner);
        Assert.Equal("region", banner.GetAttribute("role"));
        Assert.Equal("Demo data", banner.QuerySelector("#kith-demo-banner-title")!.TextContent.Trim());
        Assert.Contains("Northbrook <Demo> is a made-up area", banner.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgot-password")]
    public async Task A_form_sent_without_a_current_antiforgery_token_says_why_and_how_to_keep_what_was_typed(string path)
    {
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent([new("Input.Email", "someone@example.org"), new("__RequestVerificationToken", "stale")]);

        var response = await client.PostAsync(path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, that form could not be sent", html, StringComparison.Ordinal);
        Assert.Contains("copy anything you typed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("could not understand that request", html, StringComparison.Ordinal);

        var other = await client.GetAsync("/error/400");
        Assert.Contains("could not understand that request", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhandled_exception_shows_the_service_error_page_without_details()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingEndpoint())));
        using var client = failing.CreateClient();

        var response = await client.GetAsync("/throw-for-test");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingEndpoint", html, StringComparison.Ordinal);
    }

    /// <summary>Adds, after the app's own pipeline, an address that throws.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path == "/throw-for-test"
                    ? throw new InvalidOperationException("secret detail")
                    : nextMiddleware(context));
        };
    }
}
