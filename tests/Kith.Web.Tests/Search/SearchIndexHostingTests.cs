using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Search;

public class SearchIndexHostingTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task The_index_is_built_at_start_and_follows_an_edit_saved_straight_to_the_database()
    {
        using var client = factory.CreateClient();
        var index = factory.Services.GetRequiredService<AssetSearchIndex>();
        await index.WhenBuilt.WaitAsync(TimeSpan.FromSeconds(30));

        // As another node would: save to the shared database without touching this node's index.
        var now = DateTime.UtcNow;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            db.Actor = ProcessContext.System("test");
            db.CommunityAssets.Add(new CommunityAsset
            {
                Name = "Quoits league",
                Organization = new Organization { Name = "Fairground friends" },
                CreatedAt = now,
                LastModified = now,
            });
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (index.Search(new AssetSearchCriteria { Text = "quoits" }).Total == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal("Quoits league", Assert.Single(index.Search(new AssetSearchCriteria { Text = "quoits" }).Hits).Name);
    }
}
