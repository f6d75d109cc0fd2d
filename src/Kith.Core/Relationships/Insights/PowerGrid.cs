namespace Kith.Core.Relationships.Insights;

/// <summary>The four quarters of the power/interest grid.</summary>
public enum PowerQuadrant
{
    /// <summary>High influence and high interest.</summary>
    ManageClosely,

    /// <summary>High influence, low interest.</summary>
    KeepSatisfied,

    /// <summary>Low influence, high interest.</summary>
    KeepInformed,

    /// <summary>Low influence and low interest.</summary>
    Monitor,
}

/// <summary>An actor's place on the grid now, and where the work would like it to be (null when no desired position is set).</summary>
public sealed record PowerGridEntry(RelationshipActor Actor, int Interest, int Influence, PowerQuadrant Quadrant, PowerQuadrant? Desired);

/// <summary>An actor whose quarter differs from a snapshot's (null on one side when not placed there).</summary>
public sealed record PowerGridMove(Guid ActorId, string Name, PowerQuadrant? Before, PowerQuadrant? Now);

/// <summary>The grid now.</summary>
/// <param name="Unplaced">Actors with no interest or no influence recorded.</param>
public sealed record PowerGridView(IReadOnlyList<PowerGridEntry> Entries, IReadOnlyList<RelationshipActor> Unplaced)
{
    public IEnumerable<PowerGridEntry> In(PowerQuadrant quadrant) => Entries.Where(e => e.Quadrant == quadrant);
}

/// <summary>
/// The power/interest grid. Interest and influence are 1–5; <see cref="HighFrom"/> (4) and above is high, 1–3 low.
/// A desired position takes the desired interest and influence, each falling back to the current value when only
/// the other is set.
/// </summary>
public static class PowerGrid
{
    /// <summary>The lowest score that counts as high.</summary>
    public const int HighFrom = 4;

    public static PowerQuadrant QuadrantOf(int interest, int influence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interest, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(interest, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(influence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(influence, 5);
        return (influence >= HighFrom, interest >= HighFrom) switch
        {
            (true, true) => PowerQuadrant.ManageClosely,
            (true, false) => PowerQuadrant.KeepSatisfied,
            (false, true) => PowerQuadrant.KeepInformed,
            _ => PowerQuadrant.Monitor,
        };
    }

    /// <summary>The quarter for figures that may be missing or out of range; null when either is.</summary>
    public static PowerQuadrant? TryQuadrantOf(int? interest, int? influence) =>
        interest is >= 1 and <= 5 && influence is >= 1 and <= 5 ? QuadrantOf(interest.Value, influence.Value) : null;

    public static PowerGridView Of(IEnumerable<RelationshipActor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var entries = new List<PowerGridEntry>();
        var unplaced = new List<RelationshipActor>();
        foreach (var actor in actors.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id))
        {
            if (TryQuadrantOf(actor.Interest, actor.Influence) is not { } quadrant)
            {
                unplaced.Add(actor);
                continue;
            }

            PowerQuadrant? desired = actor.DesiredInterest is null && actor.DesiredInfluence is null
                ? null
                : TryQuadrantOf(actor.DesiredInterest ?? actor.Interest, actor.DesiredInfluence ?? actor.Influence);
            entries.Add(new PowerGridEntry(actor, actor.Interest!.Value, actor.Influence!.Value, quadrant, desired));
        }

        return new PowerGridView(entries, unplaced);
    }

    /// <summary>
    /// Who changed quarter between a snapshot and now, by actor: moved, newly placed (Before null) or no longer placed
    /// (Now null: figures cleared, or the actor left the map). Ordered by name.
    /// </summary>
    public static IReadOnlyList<PowerGridMove> MovesSince(RelationshipSnapshot snapshot, IEnumerable<RelationshipActor> now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(now);
        var before = snapshot.Actors.ToDictionary(a => a.ActorId);
        var current = now.ToDictionary(a => a.Id);
        var moves = new List<PowerGridMove>();
        foreach (var id in before.Keys.Union(current.Keys))
        {
            var then = before.TryGetValue(id, out var b) ? TryQuadrantOf(b.Interest, b.Influence) : null;
            var today = current.TryGetValue(id, out var c) ? TryQuadrantOf(c.Interest, c.Influence) : null;
            if (then != today)
            {
                moves.Add(new PowerGridMove(id, c?.Name ?? b!.Name, then, today));
            }
        }

        return moves.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.ActorId).ToList();
    }

    /// <summary>"Manage closely", for headings and tables.</summary>
    public static string Describe(PowerQuadrant quadrant) => quadrant switch
    {
        PowerQuadrant.ManageClosely => "Manage closely",
        PowerQuadrant.KeepSatisfied => "Keep satisfied",
        PowerQuadrant.KeepInformed => "Keep informed",
        PowerQuadrant.Monitor => "Monitor",
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "Unknown quadrant."),
    };
}
