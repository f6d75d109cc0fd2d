using System.Net;
using Kith.Core.Platform.Accounts;
using Kith.Core.Relationships;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.Relationships.Insights;

/// <summary>The insight pages on a map with actors but no ties, and on a map with nobody on it.</summary>
public sealed class EmptyMapPagesTests : IAsyncLifetime
{
    private readonly KithWebFactory factory = new();

    [Fact]
    public async Task With_nobody_on_the_map_each_page_says_what_it_needs_and_links_to_import_and_surveys()
    {
        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Manager));

        foreach (var url in new[] { "/relationships/ties-report", "/relationships/gaps", "/relationships/round-table", "/relationships/power" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/relationships/import\"", html, StringComparison.Ordinal);
        }

        var ties = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/ties-report"));
        Assert.Contains("There are no ties on the map yet", ties, StringComparison.Ordinal);
        Assert.Contains("href=\"/relationships/surveys/new\"", ties, StringComparison.Ordinal);
        Assert.Contains("There is no snapshot yet", ties, StringComparison.Ordinal);
        Assert.Contains("There is nobody on the map yet", WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/round-table")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_actors_but_no_ties_the_pages_explain_ties_are_needed_and_still_show_what_they_can()
    {
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.RelationshipActors.Add(new RelationshipActor
            {
                Name = "Housing board", Kind = ActorKind.Organisation, DecidesAbout = "housing", Interest = 5, Influence = 5, CreatedAt = now, LastModified = now,
            });
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Manager));

        foreach (var url in new[] { "/relationships/ties-report", "/relationships/gaps", "/relationships/round-table", "/relationships/power" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));
            Assert.Contains("There are no ties on the map yet", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/relationships/surveys/new\"", html, StringComparison.Ordinal);
        }

        var advice = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/round-table?Topic=housing"));
        Assert.Contains("Decides about housing", advice, StringComparison.Ordinal);
        var power = WebUtility.HtmlDecode(await client.GetStringAsync("/relationships/power"));
        Assert.Contains("Housing board", power[power.IndexOf("id=\"manage-closely\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
