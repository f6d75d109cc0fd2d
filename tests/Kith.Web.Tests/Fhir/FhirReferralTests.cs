using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kith.Core.Connections;
using Kith.Core.Connections.Referrals;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Fhir;

/// <summary>Referrals received as FHIR ServiceRequests, the people they find or make, and the Tasks the referrer reads back.</summary>
public sealed class FhirReferralTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    private static readonly ProcessContext Worker = new(null, "Link worker (test)");

    [Fact]
    public async Task A_referral_for_someone_new_makes_their_record_for_the_clients_team_and_a_draft_task()
    {
        using var client = await fixture.ClientAsync();
        var nhs = FhirFixture.NewNhsNumber();
        var name = FhirFixture.NewName();

        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest("ref-new-1", name, "1950-03-14", nhs));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var task = await FhirFixture.ReadAsync(response);
        Assert.Equal("Task", (string?)task["resourceType"]);
        Assert.Equal("draft", (string?)task["status"]);
        Assert.Equal($"/fhir/Task/{task["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal("ref-new-1", (string?)task["focus"]!["identifier"]!["value"]);
        var person = await fixture.Factory.WithDbAsync(db => db.People.Include(p => p.Teams).SingleAsync(p => p.NhsNumber == nhs));
        Assert.Equal($"Patient/{person.Id}", (string?)task["for"]!["reference"]);
        Assert.Equal(name, person.Name);
        Assert.Equal(new DateOnly(1950, 3, 14), person.DateOfBirth);
        Assert.Equal("AV1 2AB", person.Postcode);
        Assert.Equal(fixture.TeamId, Assert.Single(person.Teams).TeamId);
        var referral = await ReferralAsync(Guid.Parse((string)task["id"]!));
        Assert.Equal(ReferralMatch.NewRecord, referral.MatchedBy);
        Assert.Equal("Lonely since moving; likes gardening.", referral.Note);
        Assert.Equal("Dr A Patel", referral.RequesterName);
        var read = await client.GetAsync(new Uri($"/fhir/Task/{task["id"]}", UriKind.Relative));
        Assert.Equal(task.ToJsonString(), (await FhirFixture.ReadAsync(read)).ToJsonString());
    }

    [Fact]
    public async Task A_referral_with_a_known_nhs_number_joins_that_persons_record_even_under_another_name()
    {
        var nhs = FhirFixture.NewNhsNumber();
        var existing = await fixture.Factory.CreatePersonAsync(fixture.TeamId, FhirFixture.NewName("Robert"), p => p.NhsNumber = nhs);
        using var client = await fixture.ClientAsync();

        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"ref-{nhs}", FhirFixture.NewName("Bob"), "1961-07-01", nhs));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await FhirFixture.ReadAsync(response);
        Assert.Equal($"Patient/{existing}", (string?)task["for"]!["reference"]);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.People.CountAsync(p => p.NhsNumber == nhs)));
        Assert.Equal(ReferralMatch.NhsNumber, (await ReferralAsync(Guid.Parse((string)task["id"]!))).MatchedBy);
    }

    [Fact]
    public async Task A_referral_matching_name_and_birth_date_on_a_record_without_an_nhs_number_joins_it_and_records_the_number()
    {
        var name = FhirFixture.NewName("Priya");
        var existing = await fixture.Factory.CreatePersonAsync(fixture.TeamId, name, p => p.DateOfBirth = new DateOnly(1948, 11, 2));
        var nhs = FhirFixture.NewNhsNumber();
        using var client = await fixture.ClientAsync();

        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"ref-{nhs}", name.ToUpperInvariant(), "1948-11-02", nhs));

        var task = await FhirFixture.ReadAsync(response);
        Assert.Equal($"Patient/{existing}", (string?)task["for"]!["reference"]);
        Assert.Equal(nhs, await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.Id == existing).Select(p => p.NhsNumber).SingleAsync()));
        Assert.Equal(ReferralMatch.NameAndBirthDate, (await ReferralAsync(Guid.Parse((string)task["id"]!))).MatchedBy);
    }

    [Fact]
    public async Task The_same_name_and_birth_date_with_a_different_nhs_number_waits_for_review_instead_of_guessing()
    {
        var name = FhirFixture.NewName("Jo");
        var existing = await fixture.Factory.CreatePersonAsync(fixture.TeamId, name, p =>
        {
            p.DateOfBirth = new DateOnly(1970, 1, 5);
            p.NhsNumber = FhirFixture.NewNhsNumber();
        });
        var peopleBefore = await fixture.Factory.WithDbAsync(db => db.People.CountAsync());
        var nhs = FhirFixture.NewNhsNumber();
        using var client = await fixture.ClientAsync();

        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"ref-{nhs}", name, "1970-01-05", nhs));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await FhirFixture.ReadAsync(response);
        var id = Guid.Parse((string)task["id"]!);
        Assert.Equal("draft", (string?)task["status"]);
        Assert.Null(task["for"]!["reference"]);
        Assert.Equal(nhs, (string?)task["for"]!["identifier"]!["value"]);
        Assert.Contains("checking which person", (string?)task["businessStatus"]!["text"], StringComparison.Ordinal);
        Assert.Equal(peopleBefore, await fixture.Factory.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(ReferralStage.NeedsReview, (await ReferralAsync(id)).Stage);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralService>();
        var candidate = Assert.Single(await referrals.CandidatesAsync(id));
        Assert.Equal(existing, candidate.PersonId);
        Assert.Equal("Same name and date of birth, but a different NHS number", candidate.Why);

        Assert.Equal(ReviewOutcome.Resolved, await referrals.ResolveAsync(id, 1, null, Worker));
        Assert.Equal(ReviewOutcome.AlreadyResolved, await referrals.ResolveAsync(id, 1, existing, Worker));
        var resolved = await ReferralAsync(id);
        Assert.Equal(ReferralStage.AwaitingConnection, resolved.Stage);
        Assert.NotEqual(existing, resolved.PersonId);
        Assert.Equal(nhs, await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.Id == resolved.PersonId).Select(p => p.NhsNumber).SingleAsync()));
        var read = await FhirFixture.ReadAsync(await client.GetAsync(new Uri($"/fhir/Task/{id}", UriKind.Relative)));
        Assert.Equal($"Patient/{resolved.PersonId}", (string?)read["for"]!["reference"]);
    }

    [Fact]
    public async Task Several_records_with_the_same_name_and_birth_date_wait_for_review()
    {
        var name = FhirFixture.NewName("Chris");
        await fixture.Factory.CreatePersonAsync(fixture.TeamId, name, p => p.DateOfBirth = new DateOnly(1980, 2, 2));
        await fixture.Factory.CreatePersonAsync(fixture.TeamId, name, p => p.DateOfBirth = new DateOnly(1980, 2, 2));
        using var client = await fixture.ClientAsync();

        var task = await FhirFixture.ReadAsync(await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"ref-{name}", name, "1980-02-02")));

        Assert.Equal(ReferralStage.NeedsReview, (await ReferralAsync(Guid.Parse((string)task["id"]!))).Stage);
    }

    [Fact]
    public async Task Sending_the_same_referral_twice_makes_one_referral_and_returns_the_same_task()
    {
        using var client = await fixture.ClientAsync();
        var nhs = FhirFixture.NewNhsNumber();
        var body = FhirFixture.ServiceRequest($"twice-{nhs}", FhirFixture.NewName(), "1990-09-09", nhs);

        var first = await FhirFixture.PostAsync(client, body);
        var second = await FhirFixture.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((string?)(await FhirFixture.ReadAsync(first))["id"], (string?)(await FhirFixture.ReadAsync(second))["id"]);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.IdentifierValue == $"twice-{nhs}")));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.People.CountAsync(p => p.NhsNumber == nhs)));
    }

    [Fact]
    public async Task The_same_identifier_from_another_client_is_another_referral()
    {
        var nhs = FhirFixture.NewNhsNumber();
        var body = FhirFixture.ServiceRequest($"shared-{nhs}", FhirFixture.NewName(), "1990-09-09", nhs);
        using var surgery = await fixture.ClientAsync();
        using var other = await fixture.ClientAsync(fixture.OtherSurgery);

        Assert.Equal(HttpStatusCode.Created, (await FhirFixture.PostAsync(surgery, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await FhirFixture.PostAsync(other, body)).StatusCode);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.People.CountAsync(p => p.NhsNumber == nhs)));
    }

    [Theory]
    [InlineData(ConnectionStatus.Completed)]
    [InlineData(ConnectionStatus.Cancelled)]
    [InlineData(ConnectionStatus.Failed)]
    public async Task The_task_follows_the_connection_through_every_status_to_each_finish(ConnectionStatus finish)
    {
        using var client = await fixture.ClientAsync();
        var (taskId, personId) = await ReferAsync(client);
        var connectionId = await ConnectAsync(taskId);
        Assert.Equal(("draft", null), await TaskStatusAsync(client, taskId));
        Assert.Contains("chosen", (string?)(await TaskAsync(client, taskId))["businessStatus"]!["text"], StringComparison.Ordinal);

        var version = 1;
        foreach (var (to, code) in new[] { (ConnectionStatus.Requested, "requested"), (ConnectionStatus.Accepted, "accepted"), (ConnectionStatus.InProgress, "in-progress") })
        {
            var before = (string?)(await TaskAsync(client, taskId))["lastModified"];
            version = await MoveAsync(personId, connectionId, to, version, null);
            var task = await TaskAsync(client, taskId);
            Assert.Equal(code, (string?)task["status"]);
            Assert.True(string.CompareOrdinal((string?)task["lastModified"], before) >= 0);
        }

        await MoveAsync(personId, connectionId, finish, version, $"Reason for {finish}");

        Assert.Equal((Connection.ToFhirCode(finish), $"Reason for {finish}"), await TaskStatusAsync(client, taskId));
    }

    [Fact]
    public async Task A_declined_introduction_shows_as_rejected_with_the_reason()
    {
        using var client = await fixture.ClientAsync();
        var (taskId, personId) = await ReferAsync(client);
        var connectionId = await ConnectAsync(taskId);

        var version = await MoveAsync(personId, connectionId, ConnectionStatus.Requested, 1, null);
        await MoveAsync(personId, connectionId, ConnectionStatus.Rejected, version, "The group is full until spring");

        Assert.Equal(("rejected", "The group is full until spring"), await TaskStatusAsync(client, taskId));
    }

    [Fact]
    public async Task Polling_with_last_updated_returns_the_clients_own_tasks_changed_in_the_window()
    {
        using var client = await fixture.ClientAsync();
        using var other = await fixture.ClientAsync(fixture.OtherSurgery);
        var (otherTask, _) = await ReferAsync(other);
        var before = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var (taskId, personId) = await ReferAsync(client);
        var connectionId = await ConnectAsync(taskId);
        await Task.Delay(20);
        var middle = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await Task.Delay(20);
        await MoveAsync(personId, connectionId, ConnectionStatus.Requested, 1, null);

        var since = await SearchAsync(client, $"_lastUpdated=gt{before}");
        Assert.Equal("Bundle", (string?)since["resourceType"]);
        Assert.Equal("searchset", (string?)since["type"]);
        var ids = Ids(since);
        Assert.Contains(taskId.ToString(), ids);
        Assert.DoesNotContain(otherTask.ToString(), ids);

        var moved = await SearchAsync(client, $"_lastUpdated=ge{middle}");
        var entry = moved["entry"]!.AsArray().Single(e => (string?)e!["resource"]!["id"] == taskId.ToString());
        Assert.Equal("requested", (string?)entry!["resource"]!["status"]);

        Assert.DoesNotContain(taskId.ToString(), Ids(await SearchAsync(client, $"_lastUpdated=lt{before}")));
        Assert.DoesNotContain(taskId.ToString(), Ids(await SearchAsync(client, $"_lastUpdated=gt{before}&_lastUpdated=le{middle}")));
        Assert.Empty(Ids(await SearchAsync(client, "_lastUpdated=gt2100-01-01")));
        Assert.Single(Ids(await SearchAsync(client, $"_lastUpdated=gt{before}&_count=1")));
    }

    [Fact]
    public async Task Another_client_cannot_read_your_task()
    {
        using var client = await fixture.ClientAsync();
        using var other = await fixture.ClientAsync(fixture.OtherSurgery);
        var (taskId, _) = await ReferAsync(client);

        var response = await other.GetAsync(new Uri($"/fhir/Task/{taskId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await FhirFixture.ReadAsync(response))["resourceType"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/fhir/Task/{taskId}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("_lastUpdated=2026-12-01", "_lastUpdated")]
    [InlineData("_lastUpdated=gt2026-12-01T10:00:00", "_lastUpdated")]
    [InlineData("_lastUpdated=gtyesterday", "_lastUpdated")]
    [InlineData("status=draft", "status")]
    [InlineData("_count=0", "_count")]
    [InlineData("_count=5000", "_count")]
    public async Task A_task_search_it_cannot_answer_is_a_400_operation_outcome(string query, string named)
    {
        using var client = await fixture.ClientAsync();

        var response = await client.GetAsync(new Uri($"/fhir/Task?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await FhirFixture.ReadAsync(response);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.Contains(named, (string?)outcome["issue"]![0]!["diagnostics"], StringComparison.Ordinal);
    }

    private async Task<(Guid TaskId, Guid PersonId)> ReferAsync(HttpClient client)
    {
        var nhs = FhirFixture.NewNhsNumber();
        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"ref-{nhs}", FhirFixture.NewName(), "1955-05-05", nhs));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((string)(await FhirFixture.ReadAsync(response))["id"]!);
        return (id, (await ReferralAsync(id)).PersonId!.Value);
    }

    private async Task<Guid> ConnectAsync(Guid referralId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralService>();
        var connectionId = await referrals.ConnectAsync(referralId, fixture.AssetId, ConnectionKind.Introduction, Worker);
        Assert.NotNull(connectionId);
        Assert.Null(await referrals.ConnectAsync(referralId, fixture.AssetId, ConnectionKind.Introduction, Worker));
        return connectionId.Value;
    }

    private async Task<int> MoveAsync(Guid personId, Guid connectionId, ConnectionStatus to, int version, string? note)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ConnectionService>().MoveAsync(personId, connectionId, to, version, note, Worker);
        Assert.Equal(MoveOutcome.Moved, result.Outcome);
        return result.Version;
    }

    private static async Task<JsonObject> TaskAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync(new Uri($"/fhir/Task/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FhirFixture.ReadAsync(response);
    }

    private static async Task<(string? Status, string? Reason)> TaskStatusAsync(HttpClient client, Guid id)
    {
        var task = await TaskAsync(client, id);
        return ((string?)task["status"], (string?)task["statusReason"]?["text"]);
    }

    private static async Task<JsonObject> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri($"/fhir/Task?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FhirFixture.ReadAsync(response);
    }

    private static List<string?> Ids(JsonObject bundle) =>
        bundle["entry"]?.AsArray().Select(e => (string?)e!["resource"]!["id"]).ToList() ?? [];

    private Task<Referral> ReferralAsync(Guid id) => fixture.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));
}
