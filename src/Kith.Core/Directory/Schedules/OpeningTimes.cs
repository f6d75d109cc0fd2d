using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Kith.Core.Directory.Schedules;

/// <summary>Schedules in plain words, and whether an asset runs at a given time.</summary>
/// <remarks>
/// Schedules hold the parts of an RFC 5545 recurrence rule (HSDS <c>schedule</c>). Times are local
/// to the schedule's time zone, which Kith keeps as Europe/London.
/// </remarks>
public static class OpeningTimes
{
    /// <summary>The zone Kith's schedules are written in.</summary>
    public const string LondonZone = "Europe/London";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private static readonly string[] Ordinals = ["", "First", "Second", "Third", "Fourth", "Fifth"];

    /// <summary>One schedule in words, e.g. "Tuesdays 10:00 to 12:00, weekly" or "First Monday of the month, 18:30 to 20:00".</summary>
    /// <returns>The schedule's own description when it has no rule Kith can read; an empty string when it has neither.</returns>
    public static string Describe(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var rule = ScheduleRule.From(schedule);
        var times = DescribeTimes(schedule.OpensAt, schedule.ClosesAt);
        var text = rule.Frequency switch
        {
            Frequency.Daily => DescribeDaily(rule, times),
            Frequency.Weekly when rule.Days.Count > 0 => DescribeWeekly(rule, times),
            Frequency.Monthly when rule.Days.Count > 0 || rule.MonthDays.Count > 0 => DescribeMonthly(rule, times),
            _ => null,
        };
        if (text is null)
        {
            return schedule.Description?.Trim() ?? string.Empty;
        }

        if (schedule.Until is { } until)
        {
            text += ", until " + until.ToString("d MMMM yyyy", Invariant);
        }
        else if (schedule.Count is > 0 and var count)
        {
            text += count == 1 ? ", once" : string.Create(Invariant, $", {count} times");
        }

        return text;
    }

    /// <summary>
    /// Whether the schedule runs on that day of the week, and, when <paramref name="time"/> is given,
    /// is open at that local time (opening inclusive, closing exclusive).
    /// </summary>
    /// <remarks>
    /// A rule that repeats less often than weekly (every other week, first Monday of the month) counts
    /// as running on its weekday: the question is "does this happen on Tuesdays", not "this Tuesday".
    /// A rule by day of the month (the 15th) has no fixed weekday and never counts. A time asked for
    /// against a schedule without times does not count either.
    /// </remarks>
    public static bool IsRunningOn(Schedule schedule, DayOfWeek day, TimeOnly? time = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ScheduleRule.From(schedule).IsRunningOn(day, time);
    }

    /// <summary>
    /// The next start instants (UTC) of the schedule at or after <paramref name="fromUtc"/>, expanded
    /// from its recurrence rule in the schedule's time zone (so the hour stays put across clock changes).
    /// </summary>
    /// <returns>Up to <paramref name="count"/> instants, earliest first; empty when the schedule has no rule or has ended.</returns>
    public static IReadOnlyList<DateTime> NextOccurrences(Schedule schedule, DateTime fromUtc, int count)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || string.IsNullOrWhiteSpace(schedule.Freq))
        {
            return [];
        }

        fromUtc = fromUtc.Kind == DateTimeKind.Utc ? fromUtc : DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        // An unknown zone in imported data falls back to Europe/London rather than failing the page.
        var zone = string.IsNullOrWhiteSpace(schedule.Timezone) || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.Timezone, out _)
            ? LondonZone
            : schedule.Timezone;
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var startDate = schedule.DtStart ?? schedule.ValidFrom ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, tz));
        var startTime = schedule.OpensAt ?? TimeOnly.MinValue;

        var calendarEvent = new CalendarEvent
        {
            DtStart = new CalDateTime(startDate.Year, startDate.Month, startDate.Day, startTime.Hour, startTime.Minute, startTime.Second, zone),
        };
        if (schedule.ClosesAt is { } closes && closes > startTime)
        {
            calendarEvent.Duration = Ical.Net.DataTypes.Duration.FromTimeSpanExact(closes - startTime);
        }

        calendarEvent.RecurrenceRule = new RecurrencePattern(ToRRule(schedule, tz));

        var lastDate = schedule.ValidTo;
        var results = new List<DateTime>(count);
        foreach (var occurrence in calendarEvent.GetOccurrences(new CalDateTime(fromUtc.AddDays(-1), "UTC")))
        {
            var start = occurrence.Period.StartTime.AsUtc;
            if (lastDate is { } last && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, tz)) > last)
            {
                break;
            }

            if (start < fromUtc)
            {
                continue;
            }

            results.Add(DateTime.SpecifyKind(start, DateTimeKind.Utc));
            if (results.Count == count)
            {
                break;
            }
        }

        return results;
    }

    /// <summary>The RFC 5545 RRULE value built from the schedule's HSDS parts (without DTSTART), e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE".</summary>
    public static string ToRRule(Schedule schedule, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var rule = new StringBuilder();
        rule.Append("FREQ=").Append(schedule.Freq?.Trim().ToUpperInvariant() ?? "WEEKLY");
        if (schedule.Interval is > 1 and var interval)
        {
            rule.Append(Invariant, $";INTERVAL={interval}");
        }

        if (!string.IsNullOrWhiteSpace(schedule.ByDay))
        {
            rule.Append(";BYDAY=").Append(schedule.ByDay.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(schedule.ByMonthDay))
        {
            rule.Append(";BYMONTHDAY=").Append(schedule.ByMonthDay.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        if (schedule.Until is { } until)
        {
            // UNTIL is inclusive and, with a zoned DTSTART, must be given in UTC: the end of that local day.
            var tz = zone ?? TimeZoneInfo.FindSystemTimeZoneById(LondonZone);
            var endLocal = until.ToDateTime(new TimeOnly(23, 59, 59));
            var endUtc = TimeZoneInfo.ConvertTimeToUtc(endLocal, tz);
            rule.Append(";UNTIL=").Append(endUtc.ToString("yyyyMMdd'T'HHmmss'Z'", Invariant));
        }
        else if (schedule.Count is > 0 and var count)
        {
            rule.Append(Invariant, $";COUNT={count}");
        }

        return rule.ToString();
    }

    private static string? DescribeTimes(TimeOnly? opens, TimeOnly? closes) => (opens, closes) switch
    {
        ({ } o, { } c) => $"{Format(o)} to {Format(c)}",
        ({ } o, null) => $"from {Format(o)}",
        (null, { } c) => $"until {Format(c)}",
        _ => null,
    };

    private static string Format(TimeOnly time) => time.ToString("HH:mm", Invariant);

    private static string WithTimes(string days, string? times) => times is null ? days : $"{days}, {times}";

    private static string DescribeDaily(ScheduleRule rule, string? times)
    {
        if (rule.Days.Count > 0 && rule.Days.Count < 7)
        {
            return DescribeWeekly(rule with { Frequency = Frequency.Weekly }, times);
        }

        var days = rule.Interval switch
        {
            1 => "Daily",
            2 => "Every other day",
            var n => string.Create(Invariant, $"Every {n} days"),
        };
        return WithTimes(days, times);
    }

    private static string DescribeWeekly(ScheduleRule rule, string? times)
    {
        var days = rule.Days.Select(d => d.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        if (rule.Interval == 1 && days.Count == 7)
        {
            return WithTimes("Daily", times);
        }

        if (rule.Interval == 1 && days.Count >= 3 && IsConsecutive(days))
        {
            return WithTimes($"{days[0]} to {days[^1]}", times);
        }

        if (rule.Interval == 1)
        {
            var plural = JoinWords(days.Select(d => d + "s").ToList());
            return times is null ? $"{plural}, weekly" : $"{plural} {times}, weekly";
        }

        var names = JoinWords(days.Select(d => d.ToString()).ToList());
        var every = rule.Interval == 2 ? $"Every other {names}" : string.Create(Invariant, $"Every {rule.Interval} weeks on {names}");
        return WithTimes(every, times);
    }

    private static string DescribeMonthly(ScheduleRule rule, string? times)
    {
        var month = rule.Interval switch
        {
            1 => "the month",
            2 => "every other month",
            var n => string.Create(Invariant, $"every {n} months"),
        };
        string what;
        if (rule.Days.Count > 0)
        {
            var groups = rule.Days.GroupBy(d => d.Day).Select(g =>
            {
                var positions = g.Select(d => d.Position).Distinct().OrderBy(p => p <= 0 ? 10 + p : p).ToList();
                var words = positions.Select(OrdinalWord).ToList();
                return $"{JoinWords(words)} {g.Key}";
            }).ToList();
            what = $"{JoinWords(groups)} of {month}";
        }
        else
        {
            var days = rule.MonthDays.Select(d => d == -1 ? "Last day" : OrdinalNumber(d)).ToList();
            what = $"{JoinWords(days)} of {month}";
        }

        return WithTimes(char.ToUpperInvariant(what[0]) + what[1..], times);
    }

    private static string OrdinalWord(int position) => position switch
    {
        -1 => "last",
        -2 => "second to last",
        > 0 and < 6 => Ordinals[position].ToLowerInvariant(),
        _ => "every",
    };

    private static string OrdinalNumber(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(Invariant, $"{n}{suffix}");
    }

    private static bool IsConsecutive(List<DayOfWeek> mondayFirst)
    {
        for (var i = 1; i < mondayFirst.Count; i++)
        {
            if (((int)mondayFirst[i] + 6) % 7 != ((int)mondayFirst[i - 1] + 6) % 7 + 1)
            {
                return false;
            }
        }

        return true;
    }

    private static string JoinWords(IReadOnlyList<string> words) => words.Count switch
    {
        0 => string.Empty,
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
    };

    internal enum Frequency
    {
        None,
        Daily,
        Weekly,
        Monthly,
    }

    /// <summary>A BYDAY entry: a weekday and, for monthly rules, which one in the month (0 for every; -1 for last).</summary>
    internal readonly record struct WeekdayPosition(DayOfWeek Day, int Position);

    /// <summary>The parts of a schedule's rule Kith reads, parsed once.</summary>
    internal sealed record ScheduleRule(
        Frequency Frequency,
        int Interval,
        IReadOnlyList<WeekdayPosition> Days,
        IReadOnlyList<int> MonthDays,
        TimeOnly? Opens,
        TimeOnly? Closes)
    {
        /// <summary>Bit (1 &lt;&lt; (int)DayOfWeek) set for each weekday the rule runs on.</summary>
        public int DayMask { get; } = ComputeMask(Frequency, Days);

        public static ScheduleRule From(Schedule schedule)
        {
            var days = ParseByDay(schedule.ByDay);
            var monthDays = ParseMonthDays(schedule.ByMonthDay);
            var frequency = schedule.Freq?.Trim().ToUpperInvariant() switch
            {
                "DAILY" => Frequency.Daily,
                "WEEKLY" => Frequency.Weekly,
                "MONTHLY" => Frequency.Monthly,
                null or "" when days.Count > 0 => days.Any(d => d.Position != 0) ? Frequency.Monthly : Frequency.Weekly,
                _ => Frequency.None,
            };
            if (frequency == Frequency.Weekly && days.Count == 0 && schedule.DtStart is { } start)
            {
                days = [new WeekdayPosition(start.DayOfWeek, 0)];
            }

            var interval = schedule.Interval is > 1 and var i ? i : 1;
            return new ScheduleRule(frequency, interval, days, monthDays, schedule.OpensAt, schedule.ClosesAt);
        }

        public bool IsRunningOn(DayOfWeek day, TimeOnly? time)
        {
            if ((DayMask & (1 << (int)day)) == 0)
            {
                return false;
            }

            if (time is not { } t)
            {
                return true;
            }

            return (Opens, Closes) switch
            {
                ({ } o, { } c) when c > o => t >= o && t < c,
                ({ } o, { } c) => t >= o || t < c, // runs past midnight
                ({ } o, null) => t >= o,
                (null, { } c) => t < c,
                _ => false,
            };
        }

        private static int ComputeMask(Frequency frequency, IReadOnlyList<WeekdayPosition> days)
        {
            if (frequency == Frequency.Daily && days.Count == 0)
            {
                return 0b111_1111;
            }

            if (frequency == Frequency.None)
            {
                return 0;
            }

            var mask = 0;
            foreach (var d in days)
            {
                mask |= 1 << (int)d.Day;
            }

            return mask;
        }

        private static List<WeekdayPosition> ParseByDay(string? byDay)
        {
            var result = new List<WeekdayPosition>();
            if (string.IsNullOrWhiteSpace(byDay))
            {
                return result;
            }

            foreach (var raw in byDay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (raw.Length < 2)
                {
                    continue;
                }

                var code = raw[^2..].ToUpperInvariant();
                var index = Array.IndexOf(DayCodes, code);
                if (index < 0)
                {
                    continue;
                }

                var prefix = raw[..^2];
                var position = 0;
                if (prefix.Length > 0 && !int.TryParse(prefix, NumberStyles.AllowLeadingSign, Invariant, out position))
                {
                    continue;
                }

                result.Add(new WeekdayPosition((DayOfWeek)index, position));
            }

            return result;
        }

        private static List<int> ParseMonthDays(string? byMonthDay)
        {
            var result = new List<int>();
            if (string.IsNullOrWhiteSpace(byMonthDay))
            {
                return result;
            }

            foreach (var raw in byMonthDay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(raw, NumberStyles.AllowLeadingSign, Invariant, out var n) && n is >= -31 and <= 31 and not 0)
                {
                    result.Add(n);
                }
            }

            return result;
        }
    }
}
