using Kith.Core.Data;
using Kith.Core.Platform;
using Kith.Core.Relationships.Data;
using Kith.Core.Relationships.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The relationship map's data (ADR 0023): Relationships:* options.</summary>
public sealed class RelationshipMapOptions
{
    public const string Section = "Relationships";

    /// <summary>How long ties involving an identifiable person are kept after they end, or after they were last confirmed.</summary>
    public int StaffTieRetentionMonths { get; set; } = 24;
}

/// <summary>
/// The relationship map's data (ADR 0023): actors and ties (/relationships/actors, /relationships/ties), CSV import and
/// CSV/GraphML export, the observed ties recounted from introductions, the retention sweep, snapshots pages and the
/// demo map. The pages sit under /Relationships, covered by <see cref="RelationshipsModule.MapPolicy"/>.
/// </summary>
public static class RelationshipMapModule
{
    public static IServiceCollection AddKithRelationshipMap(this IServiceCollection services)
    {
        services.AddOptions<RelationshipMapOptions>().BindConfiguration(RelationshipMapOptions.Section)
            .Validate(o => o.StaffTieRetentionMonths is >= 1 and <= 120, "Relationships:StaffTieRetentionMonths must be a whole number of months from 1 to 120.")
            .ValidateOnStart();
        services.AddScoped<RelationshipMapService>();
        services.AddScoped<RelationshipImporter>();
        services.AddScoped<RelationshipExporter>();
        services.AddScoped<ObservedTieService>();
        services.AddScoped<RelationshipRetentionService>();
        services.AddScoped<RelationshipDemoSeeder>();
        services.AddSingleton<IStartupStep, RelationshipDemoStartupStep>();
        services.AddHostedService<RelationshipMapSweeper>();
        return services;
    }
}

/// <summary>Seeds the demo partnership map after the demo area, when the demo area is there and the map is empty.</summary>
internal sealed partial class RelationshipDemoStartupStep(IServiceScopeFactory scopes, ILogger<RelationshipDemoStartupStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        if (!await db.SystemSettings.AnyAsync(s => s.Key == SystemSettingKeys.DemoArea, cancellationToken))
        {
            return;
        }

        var seeder = scope.ServiceProvider.GetRequiredService<RelationshipDemoSeeder>();
        if (await seeder.HasActorsAsync(cancellationToken))
        {
            return;
        }

        var result = await seeder.SeedAsync(cancellationToken);
        LogSeeded(logger, result.Actors, result.Ties);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo relationship map: {Actors} actors, {Ties} ties")]
    private static partial void LogSeeded(ILogger logger, int actors, int ties);
}

/// <summary>Once a day: recounts the observed ties from introductions, then deletes tie data past the retention period.</summary>
internal sealed partial class RelationshipMapSweeper(
    IServiceScopeFactory scopes, IOptions<RelationshipMapOptions> options, TimeProvider clock, ILogger<RelationshipMapSweeper> logger)
    : PeriodicBackgroundService(clock)
{
    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(7);

    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var observed = await scope.ServiceProvider.GetRequiredService<ObservedTieService>().RecomputeAsync(ObservedTieService.SweepContext, stoppingToken);
        var swept = await scope.ServiceProvider.GetRequiredService<RelationshipRetentionService>().SweepAsync(options.Value.StaffTieRetentionMonths, stoppingToken);
        LogPass(logger, observed.TiesCreated, observed.TiesUpdated, observed.TiesRemoved, swept.Total);
    }

    protected override void OnPassFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relationship map: observed ties {Created} created, {Updated} updated, {Removed} removed; retention deleted {Deleted} rows")]
    private static partial void LogPass(ILogger logger, int created, int updated, int removed, int deleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "The relationship map sweep failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
