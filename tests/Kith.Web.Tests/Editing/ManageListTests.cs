using AngleSharp.Html.Parser;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.Editing;

public class ManageListTests : IClassFixture<ManageListTests.DemoFactory>
{
    private static readonly HtmlParser Parser = new();
    private readonly DemoFactory factory;

    public ManageListTests(DemoFactory factory) => this.factory = factory;

    public sealed class DemoFactory : KithWebFactory
    {
        public DemoFactory() => SeedDemoArea = true;
    }

    [Fact]
    public async Task Editors_page_through_every_asset_and_a_page_past_the_end_shows_the_last()
    {
        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));

        var first = Parser.ParseDocument(await client.GetStringAsync("/manage/assets"));
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        var caption = first.QuerySelector("caption")!.TextContent;
        Assert.Contains("page 1 of", caption, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[href='/manage/assets?page=2']"));

        var beyond = Parser.ParseDocument(await client.GetStringAsync("/manage/assets?page=999"));
        var last = beyond.QuerySelectorAll("tbody tr").Length;
        Assert.InRange(last, 1, 50);
        Assert.DoesNotContain(
            first.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")),
            href => beyond.QuerySelectorAll("tbody tr a").Any(b => b.GetAttribute("href") == href));

        var filtered = Parser.ParseDocument(await client.GetStringAsync("/manage/assets?q=walk"));
        Assert.All(filtered.QuerySelectorAll("tbody tr td:first-child"), cell => Assert.Contains("walk", cell.TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.All(filtered.QuerySelectorAll(".nhsuk-pagination a"), a => Assert.StartsWith("/manage/assets?q=walk&page=", a.GetAttribute("href"), StringComparison.Ordinal));
    }
}
