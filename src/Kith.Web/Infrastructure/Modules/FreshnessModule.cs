using System.Net;
using System.Threading.RateLimiting;
using Kith.Core.Directory.Freshness;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// Freshness of directory listings (docs/adr/0016-freshness-reminders.md): the daily review-reminder sweep,
/// the "still correct" page at <c>/review/{token}</c> and the administrators' page at
/// <c>/admin/directory-freshness</c>.
/// </summary>
public static class FreshnessModule
{
    public static IServiceCollection AddKithFreshness(this IServiceCollection services)
    {
        services.AddScoped<ListingReviewService>();
        services.AddSingleton<ReviewLinkRateLimiter>();
        services.AddSingleton<ListingReviewSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ListingReviewSweeper>());
        return services;
    }
}

/// <summary>
/// Limits how often one address may open or post "still correct" links: the tokens are long and random, but
/// nobody should be able to try them by the thousand. Per client address, a fixed window.
/// </summary>
public sealed class ReviewLinkRateLimiter : IDisposable
{
    /// <summary>Requests allowed per address in each <see cref="Window"/>.</summary>
    public const int PermitsPerWindow = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<IPAddress> limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow,
            Window = Window,
            QueueLimit = 0,
        }));

    /// <summary>True when the request may go ahead.</summary>
    public bool TryAcquire(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress ?? IPAddress.None);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Once a day, sends the review reminders that are due and marks unanswered listings overdue
/// (<see cref="ListingReviewService.SweepAsync"/>). Safe on several nodes at once and when run twice:
/// every step is a conditional update that only one sweep can win.
/// </summary>
public sealed partial class ListingReviewSweeper(
    IServiceScopeFactory scopes,
    IServer server,
    IOptions<AccountsOptions> accounts,
    TimeProvider clock,
    ILogger<ListingReviewSweeper> logger) : PeriodicBackgroundService(clock)
{
    /// <summary>How long after start-up the first sweep runs, then every <see cref="Interval"/>.</summary>
    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);

    protected override TimeSpan FirstDelay => FirstSweepAfter;

    protected override TimeSpan Interval => SweepInterval;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => SweepOnceAsync(stoppingToken);

    protected override void OnPassFailed(Exception exception) => LogFailed(exception);

    /// <summary>
    /// The address links in the emails start with: <c>Accounts:PublicBaseUrl</c> when set (set it in
    /// production), otherwise the first address the server listens on.
    /// </summary>
    public Uri SiteRoot() => SiteRoot(server, accounts.Value);

    /// <summary>
    /// The address emailed links start with: <c>Accounts:PublicBaseUrl</c> when set (set it in production),
    /// otherwise the first address <paramref name="server"/> listens on. Shared by the sweeps that send emails.
    /// </summary>
    public static Uri SiteRoot(IServer server, AccountsOptions accounts)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is not null && Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri
            : new Uri("http://localhost/");
    }

    /// <summary>One sweep; failures are logged and retried at the next.</summary>
    public async Task<ReviewSweepOutcome?> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ListingReviewService>().SweepAsync(SiteRoot(), cancellationToken);
            if (outcome.RemindersRecorded + outcome.BecameOverdue + outcome.Reset > 0)
            {
                LogSwept(outcome.RemindersRecorded, outcome.NoOneToRemind, outcome.BecameOverdue, outcome.Reset);
            }

            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminders: {Reminders} recorded ({NoOne} with no one to email), {Overdue} listings now overdue, {Reset} cleared after verification")]
    private partial void LogSwept(int reminders, int noOne, int overdue, int reset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review reminder sweep failed; it runs again tomorrow")]
    private partial void LogFailed(Exception exception);
}
