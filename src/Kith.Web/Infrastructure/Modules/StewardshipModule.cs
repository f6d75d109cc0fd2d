using System.Collections.Frozen;
using System.Net;
using System.Threading.RateLimiting;
using Kith.Core.Data;
using Kith.Core.Directory.Stewardship;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Claims and the public's suggestions. Bound from the <c>Stewardship</c> section.</summary>
public sealed class StewardshipOptions
{
    public const string Section = "Stewardship";

    /// <summary>How many suggestions and claims one IP address may send in an hour.</summary>
    public int SubmissionsPerHour { get; set; } = 10;
}

/// <summary>
/// Directory stewardship (ADR 0015): organisations claiming their listings (/assets/{id}/claim, reviewed
/// at /admin/claims) and the moderation queue for the public's suggestions (/assets/.../suggest, worked at
/// /manage/moderation by <see cref="Kith.Core.Platform.Accounts.KithRoles.AssetEditors"/>).
/// </summary>
public static class StewardshipModule
{
    public static IServiceCollection AddKithStewardship(this IServiceCollection services)
    {
        services.AddOptions<StewardshipOptions>().BindConfiguration(StewardshipOptions.Section)
            .Validate(o => o.SubmissionsPerHour > 0, "Stewardship:SubmissionsPerHour must be positive.")
            .ValidateOnStart();
        services.AddScoped<ClaimService>();
        services.AddScoped<ModerationService>();
        services.AddScoped<RevisionRestoreService>();
        services.AddSingleton<SubmissionRateLimiter>();
        services.AddSingleton<ClaimedListings>();
        services.AddHostedService<StewardshipRetention>();

        // /Admin/Claims is covered by the /Admin folder's administrator policy.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Manage/Moderation", EditingModule.AssetEditorsPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/Manage/Moderation", page => page.Filters.Add(new ListingScopePageFilter(proposals: true)));
        });
        return services;
    }
}

/// <summary>
/// Limits how many suggestions and claims one IP address can send per hour, against spam. Built on
/// ASP.NET Core's rate limiters (System.Threading.RateLimiting) and asked by the page after its own
/// checks, so a refused visitor sees the form again with what they typed and a message (ADR 0015).
/// </summary>
public sealed class SubmissionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SubmissionRateLimiter(IOptions<StewardshipOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.SubmissionsPerHour;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when the request's address may send one more; the permit is used up.</summary>
    public bool TryAcquire(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        using var lease = limiter.AttemptAcquire(address.ToString());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Which assets belong to a claimed organisation, for the badge in search results. Read from the
/// database at most once a minute (and again at once after a claim is approved): claimed
/// organisations are few next to assets, and the search index is not told about claims.
/// </summary>
public sealed class ClaimedListings(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long a read is used before the next one.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private FrozenSet<Guid> claimed = FrozenSet<Guid>.Empty;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public async Task<bool> IsClaimedAsync(Guid assetId, CancellationToken cancellationToken = default)
    {
        if (clock.GetUtcNow() - readAt > RefreshAfter)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (clock.GetUtcNow() - readAt > RefreshAfter)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
                    var ids = await db.CommunityAssets.AsNoTracking().Where(a => a.Organization!.ClaimedAt != null).Select(a => a.Id).ToListAsync(cancellationToken);
                    claimed = ids.ToFrozenSet();
                    readAt = clock.GetUtcNow();
                }
            }
            finally
            {
                gate.Release();
            }
        }

        return claimed.Contains(assetId);
    }

    /// <summary>Makes the next question read the database again.</summary>
    public void Forget() => readAt = DateTimeOffset.MinValue;
}

/// <summary>
/// Once at start and then daily, erases proposers' contact details <see cref="ModerationService.KeepContactFor"/>
/// after their proposal was decided, and denied claimants' details <see cref="ClaimService.KeepDeniedFor"/> after.
/// </summary>
internal sealed partial class StewardshipRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StewardshipRetention> logger) : PeriodicBackgroundService(clock)
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);

    /// <summary>The first sweep waits this long, so it never races the start-up migrations and seeding.</summary>
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5);

    protected override TimeSpan FirstDelay => FirstRunAfter;

    protected override TimeSpan Interval => SweepInterval;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var proposals = await scope.ServiceProvider.GetRequiredService<ModerationService>().EraseOldContactDetailsAsync(stoppingToken);
        var claims = await scope.ServiceProvider.GetRequiredService<ClaimService>().EraseOldDeniedClaimsAsync(stoppingToken);
        LogErased(logger, proposals, claims);
    }

    protected override void OnPassFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stewardship retention erased contact details of {Proposals} proposals and {Claims} denied claims")]
    private static partial void LogErased(ILogger logger, int proposals, int claims);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stewardship retention could not run; trying again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
