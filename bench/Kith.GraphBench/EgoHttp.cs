using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.PeopleBench;
using Kith.Web.Infrastructure;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.GraphBench;

/// <summary>
/// The ego view API under a large map: Kith on Kestrel (loopback, Production, SQLite) with the generated graph's
/// actors and ties bulk-inserted, a manager signed in, then sequential GETs of /api/relationships/ego/{id}?steps=N
/// for random actors, with /health/live measured in the same rounds as the baseline.
/// </summary>
internal static class EgoHttp
{
    private const string Url = "http://127.0.0.1:5094";
    private const string Password = "a long benchmark password for kith";
    private const string Email = "bench-manager@example.invalid";

    public static async Task<int> RunAsync(string graphPath, int requests, int steps, int seed)
    {
        var contentRoot = Path.GetFullPath("src/Kith.Web");
        if (!Directory.Exists(contentRoot))
        {
            Console.Error.WriteLine("Run this from the repository's root folder.");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"kith-graph-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var builder = KithWebApp.CreateBuilder(
        [
            "--urls", Url, "--environment", "Production", "--applicationName", "kith", "--contentRoot", contentRoot,
            $"--Database:ConnectionString=Data Source={Path.Combine(folder, "kith.db")}",
            $"--Accounts:DataProtectionKeysPath={Path.Combine(folder, "keys")}",
            "--Demo:SeedOnEmptyDatabase=false", "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = KithWebApp.Build(builder);
        await app.StartAsync();
        try
        {
            var (key, actorIds) = await SeedAsync(app.Services, graphPath);
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(Url) };
            await SignInAsync(client, key);
            var random = new Random(seed);
            var first = Stopwatch.StartNew();
            await TimeAsync(client, $"/api/relationships/ego/{actorIds[0]}?steps={steps}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# first ego call (loads and caches the map)\t{first.Elapsed.TotalMilliseconds:F0} ms"));
            for (var i = 0; i < 50; i++)
            {
                await TimeAsync(client, $"/api/relationships/ego/{actorIds[random.Next(actorIds.Count)]}?steps={steps}");
                await TimeAsync(client, "/health/live");
            }

            var ego = new List<double>();
            var ceiling = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                ego.Add(await TimeAsync(client, $"/api/relationships/ego/{actorIds[random.Next(actorIds.Count)]}?steps={steps}"));
                ceiling.Add(await TimeAsync(client, "/health/live"));
            }

            ego.Sort();
            ceiling.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ego-api-{steps}-steps\tp50 {ego[ego.Count / 2]:F2}\tp99 {ego[(int)(ego.Count * 0.99)]:F2}\tmax {ego[^1]:F2}\tceiling /health/live p50 {ceiling[ceiling.Count / 2]:F2} p99 {ceiling[(int)(ceiling.Count * 0.99)]:F2}\t{requests} requests"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(string Key, List<Guid> ActorIds)> SeedAsync(IServiceProvider services, string graphPath)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var system = ProcessContext.System("benchmark");
        db.Actor = system;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
        var outcome = await accounts.CreateUserAsync(new CreateUserOptions(Email, "Bench Manager", Password, [KithRoles.Manager]), system, CancellationToken.None);
        var user = await users.FindByIdAsync(outcome.UserId ?? throw new InvalidOperationException(string.Join(" ", outcome.Errors)))
            ?? throw new InvalidOperationException("The benchmark manager was not saved.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");

        var watch = Stopwatch.StartNew();
        var lines = File.ReadLines(graphPath).GetEnumerator();
        lines.MoveNext();
        var nodes = int.Parse(lines.Current.AsSpan("# nodes ".Length), CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow;
        var sectors = new[] { "health", "social care", "voluntary and community", "housing", "education", "council", "faith" };
        var kinds = new[] { ActorKind.Organisation, ActorKind.Team, ActorKind.CommunityGroup, ActorKind.CommunityAsset };
        var ids = Enumerable.Range(0, nodes).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var insert = new BulkInsert(db, connection) { Transaction = await connection.BeginTransactionAsync() };
        for (var i = 0; i < nodes; i++)
        {
            insert.Add(new RelationshipActor
            {
                Id = ids[i], Name = string.Create(CultureInfo.InvariantCulture, $"Actor {i:D6}"), Kind = kinds[i % kinds.Length],
                Sector = sectors[i % sectors.Length], Area = string.Create(CultureInfo.InvariantCulture, $"Area {i % 50}"),
                CreatedAt = now, LastModified = now,
            });
        }

        var types = Enum.GetValues<TieType>();
        var tie = 0;
        while (lines.MoveNext())
        {
            var parts = lines.Current.Split('\t');
            insert.Add(new RelationshipTie
            {
                FromActorId = ids[int.Parse(parts[0], CultureInfo.InvariantCulture)], ToActorId = ids[int.Parse(parts[1], CultureInfo.InvariantCulture)],
                Type = types[tie++ % types.Length], Strength = int.Parse(parts[2], CultureInfo.InvariantCulture), IsDirected = parts[3] == "1",
                Source = TieSource.Declared, RecordedAt = now, LastModified = now,
            });
            if (tie % 50_000 == 0)
            {
                await insert.Transaction.CommitAsync();
                insert.Transaction = await connection.BeginTransactionAsync();
            }
        }

        await insert.Transaction.CommitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# seeded\t{nodes} actors\t{tie} ties\t{watch.Elapsed.TotalSeconds:F0} s"));
        return (key, ids);
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task SignInAsync(HttpClient client, string key)
    {
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = Email, ["Input.Password"] = Password }, null);
        if (response.RequestMessage?.RequestUri?.AbsolutePath == "/account/two-factor")
        {
            response = await PostFormAsync(client, response.RequestMessage.RequestUri.PathAndQuery, new() { ["Input.Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) }, await response.Content.ReadAsStringAsync());
        }

        if (response.RequestMessage?.RequestUri?.AbsolutePath is "/account/sign-in" or "/account/two-factor")
        {
            throw new InvalidOperationException("Signing the benchmark manager in did not work.");
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? html)
    {
        html ??= await client.GetStringAsync(url);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
        fields["__RequestVerificationToken"] = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }
}
