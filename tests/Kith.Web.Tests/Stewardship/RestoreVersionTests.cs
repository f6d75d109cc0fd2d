using System.Net;
using Kith.Core.Directory;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Editing;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Stewardship;

public class RestoreVersionTests(StewardshipWebFactory factory) : IClassFixture<StewardshipWebFactory>
{
    [Fact]
    public async Task An_editor_restores_an_earlier_version_as_a_new_one_and_a_stale_page_is_refused()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Tuesday Poets");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var assets = scope.ServiceProvider.GetRequiredService<AssetService>();
            var current = (await assets.GetDetailsAsync(assetId))!;
            await assets.UpdateAsync(assetId, current.Version, current.Details with { Name = "Tuesday Poetry Circle" }, ProcessContext.System("test"));
        }

        using var editor = factory.CreateClient();
        await editor.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var revision = await editor.GetPageAsync($"/manage/assets/{assetId}/history/1");
        Assert.NotNull(revision.Document.QuerySelector($"a[href='/manage/assets/{assetId}/history/1/restore']"));
        var url = $"/manage/assets/{assetId}/history/1/restore";
        var confirm = await editor.GetPageAsync(url);
        Assert.Contains("as they were in version 1: Name", confirm.Text, StringComparison.Ordinal);

        var stale = await editor.PostAsync(url, ("Current", "1"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Equal("Tuesday Poetry Circle", (await factory.AssetAsync(assetId)).Name);

        var restored = await editor.PostAsync(url, ("Current", "2"), ("Reason", "The new name was a mistake"));
        Assert.Equal($"/manage/assets/{assetId}/history", restored.Path);
        Assert.Contains("Restored version 1: The new name was a mistake", restored.Text, StringComparison.Ordinal);
        var asset = await factory.AssetAsync(assetId);
        Assert.Equal(("Tuesday Poets", 3), (asset.Name, asset.Version));
    }
}
