using Kith.Core.Data;
using Kith.Data.Postgres;
using Kith.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure;

/// <summary>Builds the host: services, database and the HTTP pipeline. Used by the server and the CLI verbs.</summary>
public static class KithWebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        services.AddSingleton(TimeProvider.System);

        services.AddDbContext<KithDbContext>((provider, options) =>
            ConfigureDatabase(options, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        // Razor Pages first: its own options setup replaces RazorPagesOptions.Conventions, so a
        // module's Configure<RazorPagesOptions> (folder authorisation) registered before it is lost.
        services.AddRazorPages();

        // The first hosted service: hosts start them in order, so the database is migrated (and the
        // demo seeded, the index built) before any module's background service touches a table.
        services.AddHostedService<DatabaseInitializer>();
        services.AddKithModules(builder.Configuration);

        services.AddHealthChecks().AddDbContextCheck<KithDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Points the context at SQLite or PostgreSQL, each with its own migrations assembly.</summary>
    public static void ConfigureDatabase(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgres)
        {
            var connectionString = database.ConnectionString
                ?? throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty. Set it, e.g. Host=127.0.0.1;Database=kith;Username=kith.");
            options.UseKithPostgres(connectionString);
        }
        else
        {
            options.UseKithSqlite(database.ConnectionString ?? SqliteDatabase.DefaultConnectionString);
        }
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseKithSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapKithEndpoints();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
