using System.Globalization;
using Kith.Core.Directory;
using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>
/// What a person has said about getting to things, for connecting them with community assets: how far they will
/// travel, when they are free, what they can pay and the access they need. One per person; every field optional
/// (unknown is not "no"). Language and age come from <see cref="Person"/>.
/// </summary>
public class ConnectingPreferences : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    /// <summary>How far from home they are willing to travel, in kilometres; null when they have not said.</summary>
    public double? TravelKm { get; set; }

    /// <summary>The parts of the week they are free; <see cref="FreeTimes.None"/> when they have not said.</summary>
    public FreeTimes FreeTimes { get; set; }

    /// <summary>The most they can pay for one session, in pounds; 0 for free things only; null when they have not said.</summary>
    public decimal? CostLimit { get; set; }

    /// <summary>Bit <c>1 &lt;&lt; (int)feature</c> set for each accessibility feature they need (see <see cref="AccessNeeds"/>).</summary>
    public int AccessNeedsMask { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The accessibility features they need, in enum order.</summary>
    public IReadOnlyList<AccessibilityFeature> AccessNeeds
    {
        get => Enum.GetValues<AccessibilityFeature>().Where(f => (AccessNeedsMask & (1 << (int)f)) != 0).ToList();
        set => AccessNeedsMask = (value ?? []).Aggregate(0, (mask, f) => mask | (1 << (int)f));
    }
}

/// <summary>A part of the day, in local (Europe/London) time.</summary>
public enum DayPart
{
    /// <summary>06:00 to 12:00.</summary>
    Morning,

    /// <summary>12:00 to 17:00.</summary>
    Afternoon,

    /// <summary>17:00 to 22:00.</summary>
    Evening,
}

/// <summary>
/// The parts of the week someone is free: for each day, morning, afternoon and evening (<see cref="DayPart"/>),
/// as 21 bits (bit <c>day × 3 + part</c>, Sunday = 0). Stored as that number.
/// </summary>
public readonly record struct FreeTimes
{
    private const int AllBits = (1 << 21) - 1;

    private FreeTimes(int mask) => Mask = mask & AllBits;

    /// <summary>Not said.</summary>
    public static FreeTimes None => default;

    public int Mask { get; }

    public bool IsEmpty => Mask == 0;

    public static FreeTimes FromMask(int mask) => new(mask);

    /// <summary>Free in these parts on each of these days.</summary>
    public static FreeTimes On(IEnumerable<DayOfWeek> days, params DayPart[] parts)
    {
        ArgumentNullException.ThrowIfNull(days);
        var mask = 0;
        foreach (var day in days)
        {
            foreach (var part in parts)
            {
                mask |= Bit(day, part);
            }
        }

        return new FreeTimes(mask);
    }

    /// <summary>Monday to Friday.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Local times at which a part starts (inclusive) and ends (exclusive).</summary>
    public static (TimeOnly Starts, TimeOnly Ends) Bounds(DayPart part) => part switch
    {
        DayPart.Morning => (new TimeOnly(6, 0), new TimeOnly(12, 0)),
        DayPart.Afternoon => (new TimeOnly(12, 0), new TimeOnly(17, 0)),
        _ => (new TimeOnly(17, 0), new TimeOnly(22, 0)),
    };

    public FreeTimes With(DayOfWeek day, DayPart part) => new(Mask | Bit(day, part));

    public bool IsFree(DayOfWeek day, DayPart part) => (Mask & Bit(day, part)) != 0;

    /// <summary>"Tuesday mornings", "Saturday evenings".</summary>
    public static string Describe(DayOfWeek day, DayPart part) =>
        string.Create(CultureInfo.InvariantCulture, $"{day} {part.ToString().ToLowerInvariant()}s");

    private static int Bit(DayOfWeek day, DayPart part) => 1 << (((int)day * 3) + (int)part);
}
