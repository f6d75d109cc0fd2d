using System.Net;
using Kith.Web.Tests.Infrastructure;

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
}
