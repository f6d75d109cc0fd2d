using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Notifications;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Stewardship;

/// <summary>The app with a per-address limit on suggestions and claims high enough for a class of tests, unless set lower.</summary>
public class StewardshipWebFactory : KithWebFactory
{
    public int SubmissionsPerHour { get; init; } = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stewardship:SubmissionsPerHour", SubmissionsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Small look-ups for the stewardship tests.</summary>
public static class StewardshipTestSupport
{
    public static async Task<T> WithDbAsync<T>(this KithWebFactory factory, Func<KithDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDbContext>());
    }

    public static Task<List<DirectoryProposal>> ProposalsForAsync(this KithWebFactory factory, Guid assetId) =>
        factory.WithDbAsync(db => db.Set<DirectoryProposal>().AsNoTracking().Where(p => p.AssetId == assetId).ToListAsync());

    public static Task<List<OutboxMessage>> EmailsToAsync(this KithWebFactory factory, string recipient) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == recipient).ToListAsync());

    public static Task<CommunityAsset> AssetAsync(this KithWebFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.CommunityAssets.AsNoTracking().Include(a => a.Organization).SingleAsync(a => a.Id == id));

    /// <summary>The fields of the suggest-a-change form as the page shows them, with changes.</summary>
    public static IEnumerable<KeyValuePair<string, string>> FormFields(this Kith.Web.Tests.Editing.Page page, params (string Name, string Value)[] changes)
    {
        var fields = page.Document.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : e.GetAttribute("value") ?? string.Empty))
            .Where(f => f.Name != "__RequestVerificationToken")
            .ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    }
}
