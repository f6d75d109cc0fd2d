using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Core.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Relationships.Data;

/// <summary>A fresh database for the map's data tests, the clock at 1 June 2026 10:00 UTC.</summary>
internal sealed class RelationshipWorld : IAsyncDisposable
{
    public static readonly ProcessContext Editor = new("user-editor", "Erin Editor");

    private RelationshipWorld(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public static async Task<RelationshipWorld> CreateAsync(Provider provider) =>
        new(await TestDatabase.CreateAsync(provider), new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero)));

    public KithDbContext Context() => Database.CreateContext(Clock);

    public RelationshipMapService Map(KithDbContext db) => new(db, Clock);

    public async Task<RelationshipActor> ActorAsync(string name, ActorKind kind = ActorKind.Organisation, bool agreed = false)
    {
        await using var db = Context();
        var map = Map(db);
        var actor = await map.CreateActorAsync(new ActorValues { Kind = kind, Name = name, Sector = "health" }, Editor);
        if (agreed)
        {
            await map.RecordAgreementAsync(actor.Id, "by email", null, actor.Version, Editor);
            actor = (await map.ActorAsync(actor.Id))!;
        }

        return actor;
    }

    public async Task<RelationshipTie> TieAsync(Guid from, Guid to, TieType type = TieType.WorksWith, int strength = 3, DateOnly? since = null, DateOnly? until = null)
    {
        await using var db = Context();
        return await Map(db).CreateTieAsync(new TieValues { FromActorId = from, ToActorId = to, Type = type, IsDirected = RelationshipLabels.DirectedByDefault(type), Strength = strength, Since = since, Until = until }, Editor);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
