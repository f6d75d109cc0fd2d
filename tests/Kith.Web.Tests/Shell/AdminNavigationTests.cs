using AngleSharp.Html.Parser;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Shell;

public class AdminNavigationTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task The_administration_page_links_every_administration_area_including_retention()
    {
        // Every /admin/{area} page without route values is an area's starting page.
        var areas = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.Trim('/'))
            .Where(p => p.StartsWith("/admin/", StringComparison.Ordinal) && p.Count(c => c == '/') == 2 && !p.Contains('{', StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("/admin/retention", areas);

        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Administrator));
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/admin"));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.All(areas, area => Assert.Contains(area, links));
        Assert.NotNull(page.QuerySelector(".nhsuk-header__navigation-link[href='/admin']"));
    }
}
