using System.Data.Common;
using Kith.Core.Data;
using Kith.Core.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kith.Web.Infrastructure.Shell;

/// <summary>
/// Tells the layout whether this database holds the fictional demo area, so every page can say so.
/// The answer is cached for <see cref="CacheFor"/> rather than read on every request.
/// </summary>
public sealed partial class DemoAreaNotice(KithDbContext db, IMemoryCache cache, ILogger<DemoAreaNotice> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly object CacheKey = new();

    /// <summary>
    /// The demo area's name, or null when the data is real. When the database cannot be read it
    /// returns null (and logs), so the error page itself can still be shown.
    /// </summary>
    public async Task<string?> GetAreaNameAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out DemoArea? cached) && cached is not null)
        {
            return cached.Name;
        }

        string? name;
        try
        {
            name = await db.SystemSettings.AsNoTracking()
                .Where(s => s.Key == SystemSettingKeys.DemoArea)
                .Select(s => s.Value)
                .FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreadable(logger, exception);
            return null;
        }

        cache.Set(CacheKey, new DemoArea(name), CacheFor);
        return name;
    }

    /// <summary>Drops the cached answer, e.g. straight after the demo area is seeded or removed.</summary>
    public void Forget() => cache.Remove(CacheKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read whether the database holds the demo area; showing no demo banner")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    private sealed record DemoArea(string? Name);
}
