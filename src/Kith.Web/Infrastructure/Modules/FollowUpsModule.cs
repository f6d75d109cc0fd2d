using Kith.Core.Connections.FollowUps;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// Following connections up without nagging (docs/adr/0022-follow-ups-without-nagging.md): the settings in
/// <c>Connections:FollowUpIntervals</c>, <c>Connections:FollowUpQuietDays</c> and <c>Connections:RecentlyEndedDays</c>,
/// the reminder sweep, the caseload at <c>/caseload</c> and the follow-up page of each connection.
/// </summary>
public static class FollowUpsModule
{
    public static IServiceCollection AddKithFollowUps(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddScoped(provider => provider.GetRequiredService<IOptions<FollowUpOptions>>().Value);
        services.AddScoped<FollowUpService>();
        services.AddSingleton<FollowUpSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<FollowUpSweeper>());
        services.PostConfigure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Caseload", PeopleModule.StaffPolicy));
        return services;
    }
}

/// <summary>Refuses to start with follow-up settings out of range, saying which and why (<see cref="FollowUpOptions.Problems"/>).</summary>
internal sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// Every hour, creates the follow-ups that have fallen due and queues their one reminder each, and closes those of
/// connections that became final (<see cref="FollowUpService.SweepAsync"/>). Safe on several nodes at once.
/// </summary>
public sealed partial class FollowUpSweeper(
    IServiceScopeFactory scopes,
    IServer server,
    IOptions<AccountsOptions> accounts,
    TimeProvider clock,
    ILogger<FollowUpSweeper> logger) : PeriodicBackgroundService(clock)
{
    /// <summary>How long after start-up the first sweep runs, then every <see cref="SweepInterval"/>.</summary>
    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    protected override TimeSpan FirstDelay => FirstSweepAfter;

    protected override TimeSpan Interval => SweepInterval;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => SweepOnceAsync(stoppingToken);

    protected override void OnPassFailed(Exception exception) => LogFailed(exception);

    /// <summary>One sweep; failures are logged and retried at the next.</summary>
    public async Task<FollowUpSweepOutcome?> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<FollowUpService>().SweepAsync(SiteRoot(), cancellationToken);
            if (outcome.Created + outcome.Closed > 0)
            {
                LogSwept(outcome.Created, outcome.Reminded, outcome.Covered, outcome.Closed);
            }

            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            return null;
        }
    }

    /// <summary>The address the caseload link starts with (see <see cref="ListingReviewSweeper.SiteRoot(IServer, AccountsOptions)"/>).</summary>
    private Uri SiteRoot() => ListingReviewSweeper.SiteRoot(server, accounts.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-ups: {Created} fell due ({Reminded} reminded, {Covered} already followed up recently), {Closed} closed as their connection ended")]
    private partial void LogSwept(int created, int reminded, int covered, int closed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up sweep failed; it runs again within the hour")]
    private partial void LogFailed(Exception exception);
}
