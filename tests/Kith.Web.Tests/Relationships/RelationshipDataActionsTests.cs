using System.Net;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.Cli;
using Kith.Web.Tests.Cli;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Relationships;

/// <summary>The map's actions on an empty map (no demo): the hub's "what this needs", snapshots, agreement, the CLI verb, the retention option.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RelationshipDataActionsTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task An_empty_map_says_what_it_needs_and_the_hub_brings_in_introductions()
    {
        var manager = await factory.CreateUserAsync(KithRoles.Manager);
        using var client = factory.CreateClient();
        await client.SignInAsync(manager);
        var hub = await client.GetStringAsync("/relationships");
        if (!await factory.WithDbAsync(db => db.RelationshipTies.AnyAsync()))
        {
            Assert.Contains("What this needs", hub, StringComparison.Ordinal);
        }

        var response = await client.PostFormAsync("/relationships?handler=Observe", new(), hub);
        Assert.Equal("/relationships", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kith's introductions are already on the map: nothing changed.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_needs_a_label_and_a_past_date_and_then_opens_sorted()
    {
        var (mind, shed) = await ActorsAsync("Snapshot Mind", "Snapshot Shed");
        await WithMapAsync(map => map.CreateTieAsync(new TieValues { FromActorId = mind, ToActorId = shed, Type = TieType.WorksWith, Strength = 4 }, ProcessContext.System("test")));
        var manager = await factory.CreateUserAsync(KithRoles.Manager);
        using var client = factory.CreateClient();
        await client.SignInAsync(manager);
        var bad = await client.PostFormAsync("/relationships/snapshots", new() { ["Input.Label"] = "", ["Input.On.Day"] = "1", ["Input.On.Month"] = "1", ["Input.On.Year"] = "2999" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Enter a label for the snapshot", html, StringComparison.Ordinal);
        Assert.Contains("The date must be today or in the past", html, StringComparison.Ordinal);

        var taken = await client.PostFormAsync("/relationships/snapshots", new() { ["Input.Label"] = "Web snapshot" });
        Assert.StartsWith("/relationships/snapshots/", taken.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var id = taken.RequestMessage.RequestUri.AbsolutePath.Split('/')[^1];
        var byName = await client.GetStringAsync($"/relationships/snapshots/{id}?sort=name&dir=asc");
        Assert.True(byName.IndexOf("Snapshot Mind", StringComparison.Ordinal) < byName.IndexOf("Snapshot Shed", StringComparison.Ordinal));
        var byNameDescending = await client.GetStringAsync($"/relationships/snapshots/{id}?sort=name&dir=desc");
        Assert.True(byNameDescending.IndexOf("Snapshot Shed", StringComparison.Ordinal) < byNameDescending.IndexOf("Snapshot Mind", StringComparison.Ordinal));
        Assert.Contains("Web snapshot", await client.GetStringAsync("/relationships/snapshots"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_agrees_on_their_page_and_withdrawing_deletes_their_ties()
    {
        var staff = await WithMapAsync(map => map.CreateActorAsync(new ActorValues { Kind = ActorKind.StaffMember, Name = "Jordan Staff" }, ProcessContext.System("test")));
        var (other, _) = await ActorsAsync("Jordan's Partner Org", "Unused Org");
        var manager = await factory.CreateUserAsync(KithRoles.Manager);
        using var client = factory.CreateClient();
        await client.SignInAsync(manager);
        var url = $"/relationships/actors/{staff.Id}";
        var page = await client.GetStringAsync(url);
        Assert.Contains("Not on the map yet", page, StringComparison.Ordinal);
        var noHow = await client.PostFormAsync($"{url}?handler=Agree", new() { ["Version"] = "1", ["Agreement.How"] = "" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, noHow.StatusCode);
        Assert.Contains("Enter how they agreed", WebUtility.HtmlDecode(await noHow.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var agreed = await client.PostFormAsync($"{url}?handler=Agree", new() { ["Version"] = "1", ["Agreement.How"] = "by email to the manager" }, page);
        Assert.Contains("Agreement recorded", await agreed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WithMapAsync(map => map.CreateTieAsync(new TieValues { FromActorId = staff.Id, ToActorId = other, Type = TieType.Trusts, IsDirected = true, Strength = 4 }, ProcessContext.System("test")));
        page = await client.GetStringAsync(url);
        var withdrawn = await client.PostFormAsync($"{url}?handler=Withdraw", new() { ["Version"] = "2" }, page);
        Assert.Contains("Agreement withdrawn: 1 tie deleted", WebUtility.HtmlDecode(await withdrawn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.RelationshipTies.AnyAsync(t => t.FromActorId == staff.Id)));
    }

    [Fact]
    public async Task The_command_line_imports_the_templates()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kith-rel-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var actors = Path.Combine(dir, "actors.csv");
        var ties = Path.Combine(dir, "ties.csv");
        await File.WriteAllBytesAsync(actors, RelationshipTemplates.Read(RelationshipTemplates.ActorsFileName)!);
        await File.WriteAllBytesAsync(ties, RelationshipTemplates.Read(RelationshipTemplates.TiesFileName)!);
        _ = factory.Services; // the database exists and is migrated
        Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("Database__ConnectionString", factory.ConnectionString);
        try
        {
            Assert.Equal(0, await KithCommandLine.RunAsync(["relationships", "import", "--actors", actors, "--ties", ties]));
            Assert.True(await factory.WithDbAsync(db => db.RelationshipActors.AnyAsync(a => a.Name == "Northfield Community Association")));
            Assert.Equal(2, await KithCommandLine.RunAsync(["relationships", "import"]));
            Assert.Equal(2, await KithCommandLine.RunAsync(["relationships", "import", "--actors", Path.Combine(dir, "missing.csv")]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__Provider", null);
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_retention_period_of_zero_months_stops_start_up()
    {
        using var bad = factory.WithWebHostBuilder(b => b.UseSetting("Relationships:StaffTieRetentionMonths", "0"));
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Relationships:StaffTieRetentionMonths", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(Guid, Guid)> ActorsAsync(string a, string b)
    {
        var first = await WithMapAsync(map => map.CreateActorAsync(new ActorValues { Kind = ActorKind.Organisation, Name = a }, ProcessContext.System("test")));
        var second = await WithMapAsync(map => map.CreateActorAsync(new ActorValues { Kind = ActorKind.Organisation, Name = b }, ProcessContext.System("test")));
        return (first.Id, second.Id);
    }

    private async Task<T> WithMapAsync<T>(Func<RelationshipMapService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RelationshipMapService>());
    }
}
