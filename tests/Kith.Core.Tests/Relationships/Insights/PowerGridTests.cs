using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;

namespace Kith.Core.Tests.Relationships.Insights;

public class PowerGridTests
{
    [Theory]
    [InlineData(4, 4, PowerQuadrant.ManageClosely)]
    [InlineData(5, 5, PowerQuadrant.ManageClosely)]
    [InlineData(3, 4, PowerQuadrant.KeepSatisfied)]
    [InlineData(1, 5, PowerQuadrant.KeepSatisfied)]
    [InlineData(4, 3, PowerQuadrant.KeepInformed)]
    [InlineData(5, 1, PowerQuadrant.KeepInformed)]
    [InlineData(3, 3, PowerQuadrant.Monitor)]
    [InlineData(1, 1, PowerQuadrant.Monitor)]
    public void Four_and_five_are_high_one_to_three_low(int interest, int influence, PowerQuadrant expected) =>
        Assert.Equal(expected, PowerGrid.QuadrantOf(interest, influence));

    [Fact]
    public void Figures_out_of_range_are_refused_or_leave_the_actor_unplaced()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerGrid.QuadrantOf(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerGrid.QuadrantOf(3, 6));
        Assert.Null(PowerGrid.TryQuadrantOf(null, 3));
        Assert.Null(PowerGrid.TryQuadrantOf(3, 9));
    }

    [Fact]
    public void The_grid_places_actors_with_both_figures_gives_desired_positions_and_lists_the_rest()
    {
        var commissioner = Actor("Commissioner", 5, 5);
        var council = Actor("Council", 2, 5, desiredInterest: 4);
        var group = Actor("Walking group", 5, 2, desiredInfluence: 4, desiredInterest: 5);
        var unknown = Actor("Unknown", null, 4);
        var view = PowerGrid.Of([group, council, unknown, commissioner]);

        Assert.Equal(["Commissioner", "Council", "Walking group"], view.Entries.Select(e => e.Actor.Name));
        Assert.Equal([unknown], view.Unplaced);
        Assert.Null(view.Entries[0].Desired);
        Assert.Equal(PowerQuadrant.KeepSatisfied, view.Entries[1].Quadrant);
        Assert.Equal(PowerQuadrant.ManageClosely, view.Entries[1].Desired);
        Assert.Equal(PowerQuadrant.KeepInformed, view.Entries[2].Quadrant);
        Assert.Equal(PowerQuadrant.ManageClosely, view.Entries[2].Desired);
        Assert.Equal([commissioner], view.In(PowerQuadrant.ManageClosely).Select(e => e.Actor));
    }

    [Fact]
    public void Moves_since_a_snapshot_name_who_changed_quarter_who_was_newly_placed_and_who_left()
    {
        var moved = Actor("Moved", 5, 5);
        var same = Actor("Same", 2, 2);
        var newlyPlaced = Actor("Newly placed", 4, 1);
        var cleared = Actor("Cleared", null, null);
        var snapshot = new RelationshipSnapshot { Label = "Spring" };
        snapshot.Actors.Add(Snap(moved.Id, "Moved", 2, 2));
        snapshot.Actors.Add(Snap(same.Id, "Same", 3, 1));
        snapshot.Actors.Add(Snap(cleared.Id, "Cleared", 5, 5));
        var gone = Guid.NewGuid();
        snapshot.Actors.Add(Snap(gone, "Gone", 1, 5));
        snapshot.Actors.Add(Snap(newlyPlaced.Id, "Newly placed", null, 3));

        var moves = PowerGrid.MovesSince(snapshot, [moved, same, newlyPlaced, cleared]);

        Assert.Equal(
            [
                new PowerGridMove(cleared.Id, "Cleared", PowerQuadrant.ManageClosely, null),
                new PowerGridMove(gone, "Gone", PowerQuadrant.KeepSatisfied, null),
                new PowerGridMove(moved.Id, "Moved", PowerQuadrant.Monitor, PowerQuadrant.ManageClosely),
                new PowerGridMove(newlyPlaced.Id, "Newly placed", null, PowerQuadrant.KeepInformed),
            ],
            moves);
    }

    private static RelationshipActor Actor(string name, int? interest, int? influence, int? desiredInterest = null, int? desiredInfluence = null) =>
        new()
        {
            Name = name,
            Kind = ActorKind.Organisation,
            Interest = interest,
            Influence = influence,
            DesiredInterest = desiredInterest,
            DesiredInfluence = desiredInfluence,
        };

    private static RelationshipSnapshotActor Snap(Guid id, string name, int? interest, int? influence) =>
        new() { ActorId = id, Name = name, Interest = interest, Influence = influence };
}
