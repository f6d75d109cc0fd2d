using Kith.Core.People;
using Kith.Core.People.Consents;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Consents;

public class ConsentServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly ProcessContext Worker = new("worker-1", "Wyn Worker");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdrawal_takes_effect_at_once(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var personId = await AddPersonAsync(database, clock);
        var organisation = Guid.NewGuid();
        Guid assets;
        await using (var db = database.CreateContext(clock))
        {
            var consents = new ConsentService(db, clock);
            Assert.False(await consents.HasConsentAsync(personId, ConsentScope.CommunityAssets));
            var recorded = await consents.RecordAsync(personId, ConsentScope.CommunityAssets, null, null, new DateOnly(2026, 12, 1), ConsentMethod.Verbally, Worker);
            Assert.True(recorded.Succeeded, recorded.Error);
            assets = recorded.Id!.Value;
            Assert.True((await consents.RecordAsync(personId, ConsentScope.NamedOrganisation, "Avonford Foodbank", organisation, new DateOnly(2026, 12, 1), ConsentMethod.InWriting, Worker)).Succeeded);
        }

        await using (var db = database.CreateContext(clock))
        {
            var consents = new ConsentService(db, clock);
            Assert.True(await consents.HasConsentAsync(personId, ConsentScope.CommunityAssets));
            Assert.True(await consents.HasConsentAsync(personId, ConsentScope.NamedOrganisation, organisation));
            Assert.False(await consents.HasConsentAsync(personId, ConsentScope.NamedOrganisation, Guid.NewGuid()));
            Assert.False(await consents.HasConsentAsync(personId, ConsentScope.NamedOrganisation));
            Assert.False(await consents.HasConsentAsync(personId, ConsentScope.ResearchAndEvaluation));
            Assert.False(await consents.HasConsentAsync(Guid.NewGuid(), ConsentScope.CommunityAssets));

            var withdrawn = await consents.WithdrawAsync(personId, assets, "Changed my mind", new ProcessContext("person-1", "Pat"));
            Assert.True(withdrawn.Succeeded, withdrawn.Error);

            // The same context, straight after: no cache between the withdrawal and the next check.
            Assert.False(await consents.HasConsentAsync(personId, ConsentScope.CommunityAssets));
            Assert.True(await consents.HasConsentAsync(personId, ConsentScope.NamedOrganisation, organisation));
            Assert.False((await consents.WithdrawAsync(personId, assets, null, Worker)).Succeeded);
        }

        await using (var db = database.CreateContext(clock))
        {
            var row = await db.Consents.SingleAsync(c => c.Id == assets);
            Assert.Equal(Now.UtcDateTime, row.WithdrawnAt);
            Assert.Equal("Changed my mind", row.WithdrawnNote);
            var audit = await db.AuditEvents.Where(e => e.EntityId == assets.ToString()).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([AuditActions.Created, AuditActions.Updated], audit.Select(e => e.Action));
            Assert.All(audit, e => Assert.Equal(personId, e.PersonId));
            Assert.Equal("Pat", audit[1].ActorName);
        }
    }

    [Fact]
    public async Task A_named_organisation_needs_a_name_and_the_date_cannot_be_in_the_future()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var clock = new FakeTimeProvider(Now);
        var personId = await AddPersonAsync(database, clock);
        await using var db = database.CreateContext(clock);
        var consents = new ConsentService(db, clock);
        Assert.Contains("name of the organisation", (await consents.RecordAsync(personId, ConsentScope.NamedOrganisation, " ", null, new DateOnly(2026, 12, 1), ConsentMethod.Online, Worker)).Error, StringComparison.Ordinal);
        Assert.Contains("today or in the past", (await consents.RecordAsync(personId, ConsentScope.Team, null, null, new DateOnly(2026, 12, 4), ConsentMethod.Online, Worker)).Error, StringComparison.Ordinal);
        Assert.Equal(0, await db.Consents.CountAsync());
    }

    private static async Task<Guid> AddPersonAsync(TestDatabase database, TimeProvider clock)
    {
        await using var db = database.CreateContext(clock);
        db.Actor = Worker;
        var person = new Person { Name = "Pat Person", CreatedAt = clock.GetUtcNow().UtcDateTime, LastModified = clock.GetUtcNow().UtcDateTime };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }
}
