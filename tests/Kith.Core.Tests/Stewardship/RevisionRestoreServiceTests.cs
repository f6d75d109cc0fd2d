using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Stewardship;

public class RevisionRestoreServiceTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Editor");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restoring_the_first_version_saves_it_as_a_new_version_and_keeps_the_organisation(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        AssetSaved saved;
        await using (var db = database.CreateContext(clock))
        {
            var assets = Assets(db, clock);
            saved = await assets.CreateAsync(new AssetDetails { Name = "Bridge Club", NewOrganizationName = "Bridge Friends", Description = "Cards on Mondays.", Online = true }, Sam);
            await assets.UpdateAsync(saved.AssetId, 1, (await assets.GetDetailsAsync(saved.AssetId))!.Details with { Name = "Bridge and Whist Club", Description = "Cards on Mondays and Fridays." }, Sam);
        }

        await using (var db = database.CreateContext(clock))
        {
            var restore = new RevisionRestoreService(Assets(db, clock));
            var preview = (await restore.PreviewAsync(saved.AssetId, 1))!;
            Assert.Equal(["Name", "Description"], preview.Changes);
            await Assert.ThrowsAsync<AssetConflictException>(() => restore.RestoreAsync(saved.AssetId, 1, expectedVersion: 1, Sam));
            Assert.Equal(3, (await restore.RestoreAsync(saved.AssetId, 1, expectedVersion: 2, Sam)).Version);
        }

        await using var check = database.CreateContext(clock);
        var asset = await check.CommunityAssets.Include(a => a.Organization).SingleAsync(a => a.Id == saved.AssetId);
        Assert.Equal(("Bridge Club", "Cards on Mondays.", "Bridge Friends"), (asset.Name, asset.Description, asset.Organization!.Name));
        Assert.Equal(1, await check.Organizations.CountAsync());
        var revision = await check.AssetRevisions.SingleAsync(r => r.AssetId == saved.AssetId && r.Version == 3);
        Assert.Equal(("Restored version 1", "Sam Editor"), (revision.Reason, revision.ActorName));
    }

    private static AssetService Assets(KithDbContext db, TimeProvider clock) => new(db, new PostcodeService(db), new AssetSearchIndex(clock), clock);
}
