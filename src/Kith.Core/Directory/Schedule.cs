namespace Kith.Core.Directory;

/// <summary>
/// HSDS <c>schedule</c>: when an asset runs, as the parts of an RFC 5545 recurrence rule.
/// Times are local to <see cref="Timezone"/> (Europe/London unless said otherwise).
/// </summary>
public class Schedule
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? ServiceAtLocationId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>First occurrence date.</summary>
    public DateOnly? DtStart { get; set; }

    /// <summary>IANA time zone; Kith uses Europe/London.</summary>
    public string Timezone { get; set; } = "Europe/London";

    public DateOnly? Until { get; set; }

    public int? Count { get; set; }

    /// <summary>RFC 5545 FREQ: DAILY, WEEKLY or MONTHLY.</summary>
    public string? Freq { get; set; }

    public int? Interval { get; set; }

    /// <summary>RFC 5545 BYDAY, e.g. "TU" or "1MO,3MO".</summary>
    public string? ByDay { get; set; }

    public string? ByWeekNo { get; set; }

    public string? ByMonthDay { get; set; }

    public string? ByYearDay { get; set; }

    /// <summary>Local opening time.</summary>
    public TimeOnly? OpensAt { get; set; }

    /// <summary>Local closing time, exclusive.</summary>
    public TimeOnly? ClosesAt { get; set; }

    public string? Description { get; set; }

    public string? ScheduleLink { get; set; }

    public string? AttendingType { get; set; }

    public string? Notes { get; set; }
}
