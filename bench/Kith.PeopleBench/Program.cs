using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Kith.PeopleBench;
using Kith.Web.Infrastructure;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The people pages under load from a large database: a practitioner's caseload (50 a page), one person's
// whole record, and the subject-access export, each timed over sequential requests through Kestrel on
// loopback, with /health/live measured in the same rounds as the baseline.
var people = IntOption("--people", 100_000);
var requests = IntOption("--requests", 200);
var keep = Option("--keep");
var folder = keep ?? Path.Combine(Path.GetTempPath(), $"kith-people-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
const string Url = "http://127.0.0.1:5093";
const string Password = "a long benchmark password for kith";

// The app's pages live in the "kith" assembly and its static files under src/Kith.Web: say so, since the
// entry assembly here is the benchmark's.
var contentRoot = Path.GetFullPath("src/Kith.Web");
if (!Directory.Exists(contentRoot))
{
    Console.Error.WriteLine("Run this from the repository's root folder.");
    return 2;
}

var builder = KithWebApp.CreateBuilder(
[
    "--urls", Url, "--environment", "Production", "--applicationName", "kith", "--contentRoot", contentRoot,
    $"--Database:ConnectionString=Data Source={Path.Combine(folder, "kith.db")}",
    $"--Accounts:DataProtectionKeysPath={Path.Combine(folder, "keys")}",
    "--Demo:SeedOnEmptyDatabase=false", "--Logging:LogLevel:Default=Warning",
]);
await using var app = KithWebApp.Build(builder);
await app.StartAsync();

var now = DateTime.UtcNow;
var system = ProcessContext.System("benchmark");
string practitionerEmail = "bench-practitioner@example.invalid", key;
List<Guid> teamPeople = [];
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
    db.Actor = system;
    var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
    var user = await users.FindByEmailAsync(practitionerEmail);
    if (user is null)
    {
        var outcome = await accounts.CreateUserAsync(new CreateUserOptions(practitionerEmail, "Bench Practitioner", Password, [KithRoles.Practitioner]), system, CancellationToken.None);
        user = await users.FindByIdAsync(outcome.UserId ?? throw new InvalidOperationException(string.Join(" ", outcome.Errors)));
        await users.ResetAuthenticatorKeyAsync(user!);
        await users.SetTwoFactorEnabledAsync(user!, true);
    }

    key = (await users.GetAuthenticatorKeyAsync(user!))!;
    if (!await db.People.AnyAsync())
    {
        // The practitioner's team works with 200 people (4 caseload pages); the rest are spread over teams of 200.
        var teams = Enumerable.Range(0, Math.Max(1, people / 200)).Select(i => new Team { Name = $"Bench team {i:D4}", CreatedAt = now }).ToList();
        teams[0].Members.Add(new TeamMember { UserId = user!.Id, AddedAt = now });
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync();

        var watch = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var insert = new BulkInsert(db, connection);
        var generator = new SyntheticPeople(20261202, now);
        for (var i = 0; i < people; i++)
        {
            if (i % 2000 == 0)
            {
                insert.Transaction?.Commit();
                insert.Transaction = connection.BeginTransaction();
                Console.Error.Write($"\rseeding people: {i:N0} of {people:N0} ({insert.Rows:N0} rows, {watch.Elapsed.TotalSeconds:F0} s)");
            }

            generator.Write(insert, i, teams[Math.Min(i / 200, teams.Count - 1)].Id);
        }

        insert.Transaction?.Commit();
        Console.Error.WriteLine($"\rseeded {people:N0} people, {insert.Rows:N0} rows in {watch.Elapsed.TotalSeconds:F0} s");
    }

    var teamId = await db.TeamMembers.Where(m => m.UserId == user!.Id).Select(m => m.TeamId).FirstAsync();
    teamPeople = await db.PersonTeams.Where(t => t.TeamId == teamId).Select(t => t.PersonId).Order().Take(20).ToListAsync();
}

using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
using var client = new HttpClient(handler) { BaseAddress = new Uri(Url) };
await SignInAsync(client, practitionerEmail, Password, key);

var workloads = new (string Name, Func<int, string> Path)[]
{
    ("ceiling: /health/live", _ => "/health/live"),
    ("caseload (50 people)", i => $"/people?page={(i % 4) + 1}"),
    ("whole record", i => $"/people/{teamPeople[i % teamPeople.Count]}"),
    ("subject-access export (JSON)", i => $"/people/{teamPeople[i % teamPeople.Count]}/export?format=json"),
};
var timings = workloads.Select(_ => new List<double>()).ToArray();
for (var w = 0; w < workloads.Length; w++)
{
    for (var i = 0; i < 10; i++)
    {
        await TimeAsync(client, workloads[w].Path(i)); // warm up
    }
}

for (var round = 0; round < requests / 10; round++)
{
    for (var w = 0; w < workloads.Length; w++)
    {
        for (var i = 0; i < 10; i++)
        {
            timings[w].Add(await TimeAsync(client, workloads[w].Path((round * 10) + i)));
        }
    }
}

Console.WriteLine($"people: {people:N0}; requests per workload: {timings[0].Count}; cores: {Environment.ProcessorCount}; load: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| Workload | median ms | p95 ms | min–max ms | median / ceiling |");
Console.WriteLine("|---|---:|---:|---:|---:|");
var ceiling = Percentile(timings[0], 50);
for (var w = 0; w < workloads.Length; w++)
{
    var t = timings[w];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {workloads[w].Name} | {Percentile(t, 50):F1} | {Percentile(t, 95):F1} | {t.Min():F1}–{t.Max():F1} | {Percentile(t, 50) / ceiling:F1} |"));
}

await app.StopAsync();
if (keep is null)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

return 0;

static async Task<double> TimeAsync(HttpClient client, string path)
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

static async Task SignInAsync(HttpClient client, string email, string password, string key)
{
    var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password }, null);
    if (response.RequestMessage?.RequestUri?.AbsolutePath == "/account/two-factor")
    {
        response = await PostFormAsync(client, response.RequestMessage.RequestUri.PathAndQuery, new() { ["Input.Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) }, await response.Content.ReadAsStringAsync());
    }

    if (response.RequestMessage?.RequestUri?.AbsolutePath is "/account/sign-in" or "/account/two-factor")
    {
        throw new InvalidOperationException("Signing the benchmark practitioner in did not work.");
    }
}

static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? html)
{
    html ??= await client.GetStringAsync(url);
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
    fields["__RequestVerificationToken"] = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value;
    using var content = new FormUrlEncodedContent(fields);
    return await client.PostAsync(url, content);
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int IntOption(string name, int fallback) =>
    Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
