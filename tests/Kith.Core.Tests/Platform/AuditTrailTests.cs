using Kith.Core.Directory;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Platform;

public class AuditTrailTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_updating_and_archiving_write_audit_events_in_the_same_save(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var actor = new ProcessContext("user-1", "Sam Editor");
        Guid organizationId;

        await using (var db = database.CreateContext(clock))
        {
            db.Actor = actor;
            var organization = new Organization { Name = "Riverside Trust" };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }

        await using (var db = database.CreateContext(clock))
        {
            db.Actor = actor.WithReason("Name was misspelt");
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
            organization.Name = "Riverside Community Trust";
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext(clock))
        {
            var events = await db.AuditEvents.Where(e => e.EntityId == organizationId.ToString()).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([AuditActions.Created, AuditActions.Updated], events.Select(e => e.Action));
            Assert.All(events, e => Assert.Equal("Sam Editor", e.ActorName));
            Assert.All(events, e => Assert.Equal(Now.UtcDateTime, e.OccurredAt));
            Assert.Equal("Name was misspelt", events[1].Reason);
            Assert.Contains("Riverside Community Trust", events[1].Changes, StringComparison.Ordinal);
            Assert.Contains("Riverside Trust", events[1].Changes, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_save_without_an_actor_is_refused_and_writes_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Organizations.Add(new Organization { Name = "Nobody's group" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Organizations.CountAsync());
        Assert.Equal(0, await check.AuditEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_events_cannot_be_changed_or_deleted(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Actor = ProcessContext.System("test");
            db.Organizations.Add(new Organization { Name = "Hall committee" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var auditEvent = await db.AuditEvents.FirstAsync();
            auditEvent.ActorName = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            db.AuditEvents.Remove(await db.AuditEvents.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }
}
