using Kith.Core.Connections;
using Kith.Core.Connections.Referrals;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Teams;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

/// <summary>Finding the person on a referral: NHS number, then name and birth date, else a new record; anything uncertain waits for review.</summary>
public class ReferralServiceTests
{
    private static readonly ProcessContext Admin = new("user-admin", "Ada Administrator");

    [Theory]
    [InlineData("943 476 5919", true, "9434765919")]
    [InlineData("9434765919", true, "9434765919")]
    [InlineData("943-476-5919", true, "9434765919")]
    [InlineData("9434765918", false, "")]
    [InlineData("943476591", false, "")]
    [InlineData("94347659190", false, "")]
    [InlineData("943476591X", false, "")]
    [InlineData("1000000010", false, "")] // its check digit works out as 10: never issued
    [InlineData("", false, "")]
    public void Nhs_numbers_are_read_with_the_modulus_11_check(string text, bool valid, string digits)
    {
        Assert.Equal(valid, NhsNumber.TryParse(text, out var read));
        Assert.Equal(digits, read);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_person_is_matched_by_nhs_number_then_name_and_birth_date_else_made_and_uncertain_ones_wait(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Guid clientId, teamId, known, namesake, twinA;
        await using (var db = database.CreateContext(clock))
        {
            db.Actor = Admin;
            var team = new Team { Name = "Link workers", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            teamId = team.Id;
            clientId = (await new ReferrerClientService(db, clock).IssueAsync("Riverside Surgery", teamId, Admin)).Id;
            known = Add(db, "Robin Example", new DateOnly(1950, 1, 1), "9434765919");
            namesake = Add(db, "Kim Lee", new DateOnly(1960, 2, 2), null);
            twinA = Add(db, "Pat Twin", new DateOnly(1970, 3, 3), null);
            Add(db, "Pat Twin", new DateOnly(1970, 3, 3), null);
            Add(db, "Jo Other", new DateOnly(1980, 4, 4), "4010232137");
            await db.SaveChangesAsync();
        }

        async Task<Referral> ReceiveAsync(string id, string name, DateOnly born, string? nhs)
        {
            await using var db = database.CreateContext(clock);
            var service = Service(db, clock);
            var result = await service.ReceiveAsync(clientId, new ReferralIntake("https://surgery.example/ref", id, nhs, name, born, "AV1 2AB", null, "Dr Patel", "Note"));
            Assert.True(result.Created);
            return await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == result.ReferralId);
        }

        var byNumber = await ReceiveAsync("1", "Robert Example", new DateOnly(1950, 1, 2), "9434765919");
        Assert.Equal((ReferralMatch.NhsNumber, known, ReferralStage.AwaitingConnection), (byNumber.MatchedBy, byNumber.PersonId!.Value, byNumber.Stage));

        var byName = await ReceiveAsync("2", "kim lee", new DateOnly(1960, 2, 2), "6541003211");
        Assert.Equal((ReferralMatch.NameAndBirthDate, namesake), (byName.MatchedBy, byName.PersonId!.Value));

        var twins = await ReceiveAsync("3", "Pat Twin", new DateOnly(1970, 3, 3), null);
        Assert.Equal((ReferralMatch.None, ReferralStage.NeedsReview, (Guid?)null), (twins.MatchedBy, twins.Stage, twins.PersonId));

        var otherNumber = await ReceiveAsync("4", "Jo Other", new DateOnly(1980, 4, 4), "9990001111");
        Assert.Equal(ReferralStage.NeedsReview, otherNumber.Stage);

        var fresh = await ReceiveAsync("5", "Sam New", new DateOnly(1990, 5, 5), null);
        Assert.Equal(ReferralMatch.NewRecord, fresh.MatchedBy);

        await using (var db = database.CreateContext(clock))
        {
            Assert.Equal("6541003211", (await db.People.SingleAsync(p => p.Id == namesake)).NhsNumber);
            var made = await db.People.Include(p => p.Teams).SingleAsync(p => p.Id == fresh.PersonId);
            Assert.Equal(("Sam New", "AV1 2AB", teamId), (made.Name, made.Postcode, Assert.Single(made.Teams).TeamId));
            Assert.Equal(6, await db.People.CountAsync());

            var service = Service(db, clock);
            var again = await service.ReceiveAsync(clientId, new ReferralIntake("https://surgery.example/ref", "5", null, "Sam New", new DateOnly(1990, 5, 5), null, null, null, null));
            Assert.Equal((fresh.Id, false), (again.ReferralId, again.Created));
            Assert.Equal(5, await db.Referrals.CountAsync());

            Assert.Equal(2, (await service.CandidatesAsync(twins.Id)).Count);
            Assert.Equal(ReviewOutcome.Resolved, await service.ResolveAsync(twins.Id, 1, twinA, Admin));
        }

        await using (var db = database.CreateContext(clock))
        {
            var resolved = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == twins.Id);
            Assert.Equal((ReferralStage.AwaitingConnection, ReferralMatch.Reviewed, (Guid?)twinA, 2), (resolved.Stage, resolved.MatchedBy, resolved.PersonId, resolved.Version));
            Assert.Contains(await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Referral)).Select(e => e.ActorName).ToListAsync(), a => a == "Ada Administrator");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Connecting_a_referral_makes_one_draft_connection_and_the_view_follows_its_moves(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Guid clientId, assetId, referralId, personId;
        await using (var db = database.CreateContext(clock))
        {
            db.Actor = Admin;
            var team = new Team { Name = "Link workers", CreatedAt = clock.GetUtcNow().UtcDateTime };
            var asset = new CommunityAsset { Name = "Riverside Allotments", Organization = new Organization { Name = "Riverside Trust" }, CreatedAt = team.CreatedAt, LastModified = team.CreatedAt };
            db.Teams.Add(team);
            db.CommunityAssets.Add(asset);
            await db.SaveChangesAsync();
            assetId = asset.Id;
            clientId = (await new ReferrerClientService(db, clock).IssueAsync("Riverside Surgery", team.Id, Admin)).Id;
            var received = await Service(db, clock).ReceiveAsync(clientId, new ReferralIntake("s", "v", null, "Robin Example", new DateOnly(1950, 1, 1), null, null, null, null));
            referralId = received.ReferralId;
            personId = (await db.Referrals.SingleAsync(r => r.Id == referralId)).PersonId!.Value;
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            var connectionId = await service.ConnectAsync(referralId, assetId, ConnectionKind.Introduction, Admin);
            Assert.NotNull(connectionId);
            Assert.Null(await service.ConnectAsync(referralId, assetId, ConnectionKind.Introduction, Admin));
            clock.Advance(TimeSpan.FromHours(1));
            await ConnectionServiceTests.Service(db, clock).MoveAsync(personId, connectionId.Value, ConnectionStatus.Requested, 1, null, Admin);
        }

        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            var view = (await service.GetForClientAsync(clientId, referralId))!;
            Assert.Equal((ConnectionStatus.Requested, ReferralStage.Connected, "Riverside Allotments"), (view.Status, view.Stage, view.AssetName));
            Assert.Equal(new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc), view.LastModified);
            Assert.Equal(1, await db.Connections.CountAsync(c => c.PersonId == personId));

            var after = new UpdatedBound(UpdatedComparison.GreaterThan, new DateTime(2026, 12, 3, 10, 30, 0, DateTimeKind.Utc));
            Assert.Single(await service.SearchForClientAsync(clientId, [after], 10));
            Assert.Empty(await service.SearchForClientAsync(clientId, [after with { Comparison = UpdatedComparison.LessOrEqual }], 10));
            Assert.Empty(await service.SearchForClientAsync(Guid.NewGuid(), [], 10));
        }
    }

    private static ReferralService Service(KithDbContext db, TimeProvider clock)
    {
        var access = new PersonAccessService(db, clock);
        return new ReferralService(db, new PersonService(db, clock), new ConnectionService(db, access, clock), clock);
    }

    private static Guid Add(KithDbContext db, string name, DateOnly born, string? nhs)
    {
        var person = new Person { Name = name, DateOfBirth = born, NhsNumber = nhs, CreatedAt = DateTime.UtcNow, LastModified = DateTime.UtcNow };
        db.People.Add(person);
        return person.Id;
    }
}
