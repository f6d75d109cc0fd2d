using Kith.Core.Connections;
using Kith.Core.People;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Tests.Connections;

/// <summary>Which ONS4 check-in a connection is waiting for: start, follow-up, end, or none.</summary>
public class WellbeingPromptTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");

    // 3 December 2026, 09:00 UTC (09:00 in London: GMT in winter).
    private static readonly DateTime Made = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_connection_with_no_ons4_asks_for_one_at_the_start()
    {
        var prompt = WellbeingPrompt.For(View(Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Made)), []);

        Assert.Equal(new WellbeingPrompt(CheckInStage.Start, new DateOnly(2026, 12, 3)), prompt);
        Assert.Equal("At the start", prompt!.When);
    }

    [Fact]
    public void An_ons4_taken_on_the_day_the_connection_was_made_or_later_satisfies_the_start_one_but_an_earlier_one_does_not()
    {
        var connection = View(Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Made));

        Assert.Null(WellbeingPrompt.For(connection, [CheckIn(new DateOnly(2026, 12, 3))]));
        Assert.Null(WellbeingPrompt.For(connection, [CheckIn(new DateOnly(2026, 12, 20))]));
        Assert.NotNull(WellbeingPrompt.For(connection, [CheckIn(new DateOnly(2026, 12, 2))]));
    }

    [Fact]
    public void Only_ons4_check_ins_count()
    {
        var connection = View(Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Made));

        Assert.NotNull(WellbeingPrompt.For(connection, [CheckIn(new DateOnly(2026, 12, 5), "ucla-loneliness-3")]));
    }

    [Fact]
    public void Once_the_person_first_attended_a_follow_up_is_due_unless_one_was_taken_since()
    {
        var c = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Made);
        c.Introduce(Sam, Made.AddDays(1));
        c.Accept(Sam, Made.AddDays(2));
        c.Start(Sam, Made.AddDays(10));
        var connection = View(c);
        var startOne = CheckIn(new DateOnly(2026, 12, 3));

        Assert.Equal(new WellbeingPrompt(CheckInStage.FollowUp, new DateOnly(2026, 12, 13)), WellbeingPrompt.For(connection, [startOne]));
        Assert.Null(WellbeingPrompt.For(connection, [startOne, CheckIn(new DateOnly(2026, 12, 13))]));
    }

    [Theory]
    [InlineData(ConnectionStatus.Completed)]
    [InlineData(ConnectionStatus.Cancelled)]
    [InlineData(ConnectionStatus.Failed)]
    public void A_finished_connection_asks_for_one_at_the_end_unless_one_was_taken_since_it_finished(ConnectionStatus outcome)
    {
        var c = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Made);
        c.Introduce(Sam, Made.AddDays(1));
        c.Accept(Sam, Made.AddDays(2));
        c.Start(Sam, Made.AddDays(10));
        c.Finish(outcome, Sam, Made.AddDays(60), "Finished");
        var connection = View(c);
        var followUp = CheckIn(new DateOnly(2026, 12, 20));

        Assert.Equal(new WellbeingPrompt(CheckInStage.End, new DateOnly(2027, 2, 1)), WellbeingPrompt.For(connection, [followUp]));
        Assert.Null(WellbeingPrompt.For(connection, [followUp, CheckIn(new DateOnly(2027, 2, 1))]));
    }

    [Fact]
    public void A_declined_connection_asks_for_nothing()
    {
        var c = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.Introduction, Sam, Made);
        c.Introduce(Sam, Made.AddDays(1));
        c.Decline(Sam, Made.AddDays(2), "The group is full");

        Assert.Null(WellbeingPrompt.For(View(c), []));
    }

    [Fact]
    public void Days_are_uk_days_so_a_move_late_on_a_summer_evening_counts_from_the_next_day()
    {
        // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
        var late = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc);

        var prompt = WellbeingPrompt.For(ConnectionStatus.Draft, late, null, null, [new DateOnly(2026, 7, 1)]);

        Assert.Equal(new WellbeingPrompt(CheckInStage.Start, new DateOnly(2026, 7, 2)), prompt);
    }

    private static CheckIn CheckIn(DateOnly takenOn, string instrument = WellbeingPrompt.InstrumentKey) => new()
    {
        PersonId = Guid.NewGuid(),
        InstrumentKey = instrument,
        InstrumentVersion = "1",
        TakenOn = takenOn,
        Stage = CheckInStage.Other,
        RecordedAt = takenOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        RecordedByName = "Sam",
    };

    private static ConnectionView View(Connection c) => new(
        c.Id, c.PersonId, c.CommunityAssetId, "Garden", c.Kind, c.Status, c.StatusReason, c.MadeByName, c.CreatedAt, c.LastModified, c.Version,
        c.Transitions.Select(t => new ConnectionTransitionView(t.From, t.To, t.At, t.ByName, t.Note)).ToList());
}
