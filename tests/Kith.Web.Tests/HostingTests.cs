using System.Net;
using Kith.Web.Infrastructure;
using Kith.Web.Notifications;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kith.Web.Tests.Hosting;

public class HostingTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task Health_checks_report_live_and_ready()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_security_headers_with_a_nonce_based_content_security_policy()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public void The_database_is_initialised_before_any_background_service_starts()
    {
        // The host starts hosted services one after another, in registration order. A background service
        // started before DatabaseInitializer queried a fresh database before its tables existed.
        var hosted = factory.Services.GetServices<IHostedService>().ToList();

        var initializer = hosted.FindIndex(s => s is DatabaseInitializer);
        var outbox = hosted.FindIndex(s => s is OutboxDispatcher);
        Assert.True(initializer >= 0, "DatabaseInitializer is not registered");
        Assert.True(outbox >= 0, "OutboxDispatcher is not registered");
        Assert.True(initializer < outbox, $"DatabaseInitializer starts at position {initializer}, after OutboxDispatcher at {outbox}");
    }
}
