using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// Kith on a real Kestrel port with the demo area seeded in its own SQLite file, and Debian's
/// Chromium driven by Playwright. Shared by the journeys in a collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The password of every demo account (admin@demo.kith.invalid and so on), set through Demo:Password.</summary>
    public const string DemoPassword = "browser-test-demo-password";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kith-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public KithServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new KithServer(databasePath);
        Server.UseKestrel(0);
        Server.StartServer();
        BaseAddress = Server.ClientOptions.BaseAddress;

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the server's database, in a scope of its own and acting as the system
    /// ("browser test"): for a journey's setup, and for reading what a page cannot show (an email in the outbox).
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<KithDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        db.Actor = ProcessContext.System("browser test");
        return await work(db);
    }

    /// <summary>
    /// A fresh browser context (its own cookies) on the server. Map tiles are asked of
    /// <see cref="TileHost"/>, which the browser answers itself with a plain tile, so maps draw
    /// without any request leaving the machine.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        await context.RouteAsync($"{TileHost}/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "image/png",
            BodyBytes = Tile,
        }));
        return await context.NewPageAsync();
    }

    /// <summary>The made-up tile server the test configuration points Leaflet at.</summary>
    public const string TileHost = "https://tiles.kith.test";

    /// <summary>A 1×1 pale green PNG, served for every tile.</summary>
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mPk+89QDwADvgGOSHzRgAAAAABJRU5ErkJggg==");

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    public sealed class KithServer(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath};Pooling=False");
            builder.UseSetting("Demo:SeedOnEmptyDatabase", "true");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Map:TileUrl", TileHost + "/{z}/{x}/{y}.png");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class AxeChecks
{
    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", serious)}");
    }
}
