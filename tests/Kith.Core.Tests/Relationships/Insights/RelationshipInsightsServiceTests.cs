using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Relationships.Insights;

/// <summary>The insights service on a real database: the latest snapshot by default, a chosen one, and an unknown one.</summary>
public class RelationshipInsightsServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_ties_report_compares_with_the_latest_snapshot_unless_told_and_the_grid_with_a_chosen_one(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().UtcDateTime;
        var council = new RelationshipActor { Name = "Council", Kind = ActorKind.Organisation, Sector = "Local government", Interest = 2, Influence = 5, CreatedAt = now, LastModified = now };
        var mind = new RelationshipActor { Name = "Mind", Kind = ActorKind.CommunityGroup, Sector = "Voluntary", Interest = 5, Influence = 2, CreatedAt = now, LastModified = now };
        var tie = new RelationshipTie { FromActorId = council.Id, ToActorId = mind.Id, Type = TieType.Funds, IsDirected = true, Strength = 5, RecordedAt = now, LastModified = now };
        await using (var db = database.CreateContext(clock))
        {
            db.Actor = ProcessContext.System("test");
            db.RelationshipActors.AddRange(council, mind);
            db.RelationshipTies.Add(tie);
            await db.SaveChangesAsync();
        }

        Guid first;
        await using (var db = database.CreateContext(clock))
        {
            first = (await new RelationshipAnalysisService(db, clock).TakeSnapshotAsync("Spring", ProcessContext.System("test"))).Id;
            (await db.RelationshipTies.SingleAsync()).Strength = 3;
            db.Actor = ProcessContext.System("test");
            await db.SaveChangesAsync();
            clock.Advance(TimeSpan.FromDays(30));
            await new RelationshipAnalysisService(db, clock).TakeSnapshotAsync("Summer", ProcessContext.System("test"));
            var c = await db.RelationshipActors.SingleAsync(a => a.Id == council.Id);
            c.Interest = 5;
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext(clock))
        {
            var insights = new RelationshipInsightsService(new RelationshipAnalysisService(db, clock));

            var latest = await insights.TiesReportAsync(new MapFilter(), since: null);
            Assert.Equal("Summer", latest!.Since!.Label);
            Assert.Empty(latest.Faded!);
            Assert.Equal(new GroupPair("Local government", "Voluntary", 1, 3, 3, 3), Assert.Single(latest.Report.WeakestBetweenSectors));

            var spring = await insights.TiesReportAsync(new MapFilter(), first);
            Assert.Equal(new FadedTie(council.Id, "Council", mind.Id, "Mind", TieType.Funds, 5, 3), Assert.Single(spring!.Faded!));
            Assert.Null(await insights.TiesReportAsync(new MapFilter(), Guid.NewGuid()));

            var power = await insights.PowerAsync(first);
            Assert.Equal(new PowerGridMove(council.Id, "Council", PowerQuadrant.KeepSatisfied, PowerQuadrant.ManageClosely), Assert.Single(power!.Moves!));
            Assert.Null(await insights.PowerAsync(Guid.NewGuid()));
        }
    }
}
