using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Kith.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the whole app in memory on its own SQLite file, deleted on dispose. Set
/// <see cref="SeedDemoArea"/> to start with the demo area, as a first start would.
/// </summary>
public class KithWebFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kith-web-{Guid.NewGuid():N}.db");

    public bool SeedDemoArea { get; init; }

    /// <summary>The password of every demo account when <see cref="SeedDemoArea"/> is set.</summary>
    public const string DemoPassword = "web-test-demo-password";

    /// <summary>Everything the app logged, for checking that it logs no errors and no personal data.</summary>
    public CapturedLogs Logs { get; } = new();

    public string ConnectionString => $"Data Source={databasePath};Pooling=False";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:SeedOnEmptyDatabase", SeedDemoArea ? "true" : "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Map:TileUrl", string.Empty);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
