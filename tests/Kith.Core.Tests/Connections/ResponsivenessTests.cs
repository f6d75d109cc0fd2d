using Kith.Core.Connections.Introductions;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Connections;

public class ResponsivenessTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Four_introductions_say_nothing_and_five_say_something()
    {
        var four = Enumerable.Range(0, 4).Select(_ => Answer(1, IntroductionResponse.Accept)).ToList();
        Assert.Null(ResponsivenessService.Compute(four));

        var five = four.Append(Unanswered()).ToList();
        var figures = ResponsivenessService.Compute(five);
        Assert.NotNull(figures);
        Assert.Equal((5, 4, 1.0, 1.0), (figures.Introductions, figures.Answered, figures.MedianDays, figures.ShareAccepted));
        Assert.Equal("Usually replies within 1 day · 100% of introductions accepted", figures.Describe());
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_declines_lower_the_share()
    {
        // Answered after 1, 2, 4 and 10 days: the median is 3; one decline of four is 75% accepted.
        List<IntroductionAnswer> answers =
        [
            Answer(10, IntroductionResponse.Decline),
            Answer(2, IntroductionResponse.Accept),
            Answer(1, IntroductionResponse.Attended),
            Answer(4, IntroductionResponse.Accept),
            Unanswered(),
            Unanswered(),
        ];
        var figures = ResponsivenessService.Compute(answers)!;
        Assert.Equal(3.0, figures.MedianDays);
        Assert.Equal(0.75, figures.ShareAccepted);
        Assert.Equal("Usually replies within 3 days · 75% of introductions accepted", figures.Describe());
    }

    [Fact]
    public void An_odd_count_takes_the_middle_and_part_days_round_up()
    {
        List<IntroductionAnswer> answers = [Answer(0.5, IntroductionResponse.Accept), Answer(2.2, IntroductionResponse.Decline), Answer(9, IntroductionResponse.Decline), Unanswered(), Unanswered()];
        var figures = ResponsivenessService.Compute(answers)!;
        Assert.Equal(2.2, figures.MedianDays, 6);
        Assert.Equal("Usually replies within 3 days · 33% of introductions accepted", figures.Describe());
        Assert.Null(ResponsivenessService.Compute([Unanswered(), Unanswered(), Unanswered(), Unanswered(), Unanswered()]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_figures_come_from_real_introductions_and_answers(Provider provider)
    {
        await using var world = await IntroductionServiceTests.World.CreateAsync(provider);
        var token = await world.IntroduceAsync();
        await using var db = world.Context();
        world.Clock.Advance(TimeSpan.FromDays(2));
        await IntroductionServiceTests.Service(db, world.Clock).RespondAsync(token, IntroductionResponse.Accept, null, 2);
        var service = new ResponsivenessService(db);
        Assert.Null(await service.ForAssetAsync(world.AssetId));

        // Four more, answered in a day each (added as rows: only their timing and answer count here).
        var first = await db.Introductions.AsNoTracking().SingleAsync();
        for (var i = 0; i < 4; i++)
        {
            db.Introductions.Add(new Introduction
            {
                ConnectionId = await NewConnectionAsync(db, world),
                PersonId = world.PersonId,
                CommunityAssetId = world.AssetId,
                ConsentRecordedByName = "Sam Practitioner",
                SharedName = "Someone",
                SharedContact = "01234 567890",
                RecipientEmail = first.RecipientEmail,
                TokenHash = IntroductionService.Hash($"token-{i}"),
                SentAt = world.Now,
                ExpiresAt = world.Now.AddDays(30),
                FirstResponse = i == 0 ? IntroductionResponse.Decline : IntroductionResponse.Accept,
                FirstRespondedAt = world.Now.AddDays(1),
            });
        }

        db.Actor = new Core.Platform.Audit.ProcessContext(null, "test");
        await db.SaveChangesAsync();
        var figures = await service.ForAssetAsync(world.AssetId);
        Assert.NotNull(figures);
        Assert.Equal("Usually replies within 1 day · 80% of introductions accepted", figures.Describe());
        Assert.Null(await service.ForAssetAsync(Guid.NewGuid()));
    }

    private static async Task<Guid> NewConnectionAsync(Kith.Core.Data.KithDbContext db, IntroductionServiceTests.World world) =>
        await ConnectionServiceTests.Service(db, world.Clock).CreateAsync(
            new Kith.Core.Connections.CreateConnectionOptions(world.PersonId, world.AssetId, Kith.Core.Connections.ConnectionKind.Introduction),
            new Core.Platform.Audit.ProcessContext("user-sam", "Sam Practitioner"));

    private static IntroductionAnswer Answer(double days, IntroductionResponse response) => new(Start, Start.AddDays(days), response);

    private static IntroductionAnswer Unanswered() => new(Start, null, null);
}
