using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;

namespace Kith.Core.Tests.Search;

public class OpeningTimesTests
{
    private static Schedule Rule(string? freq, string? byDay, string? opens = null, string? closes = null, int? interval = null) => new()
    {
        Freq = freq,
        ByDay = byDay,
        Interval = interval,
        OpensAt = opens is null ? null : TimeOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
        ClosesAt = closes is null ? null : TimeOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("WEEKLY", "TU", "10:00", "12:00", null, "Tuesdays 10:00 to 12:00, weekly")]
    [InlineData("WEEKLY", "MO,TH", "10:00", "12:00", null, "Mondays and Thursdays 10:00 to 12:00, weekly")]
    [InlineData("WEEKLY", "WE", "13:30", "15:00", 2, "Every other Wednesday, 13:30 to 15:00")]
    [InlineData("WEEKLY", "SA", "09:00", null, 3, "Every 3 weeks on Saturday, from 09:00")]
    [InlineData("MONTHLY", "1MO", "18:30", "20:00", null, "First Monday of the month, 18:30 to 20:00")]
    [InlineData("MONTHLY", "1MO,3MO", "18:30", "20:00", null, "First and third Monday of the month, 18:30 to 20:00")]
    [InlineData("MONTHLY", "-1FR", "19:00", "21:00", null, "Last Friday of the month, 19:00 to 21:00")]
    [InlineData("WEEKLY", "MO,TU,WE,TH,FR", "09:00", "17:00", null, "Monday to Friday, 09:00 to 17:00")]
    [InlineData("DAILY", null, "07:00", "22:00", null, "Daily, 07:00 to 22:00")]
    [InlineData("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", null, null, null, "Daily")]
    [InlineData("WEEKLY", "SU", null, null, null, "Sundays, weekly")]
    public void Describe_says_the_rule_in_words(string freq, string? byDay, string? opens, string? closes, int? interval, string expected) =>
        Assert.Equal(expected, OpeningTimes.Describe(Rule(freq, byDay, opens, closes, interval)));

    [Fact]
    public void Describe_uses_the_description_when_there_is_no_rule_and_says_when_a_rule_ends()
    {
        Assert.Equal("Most school holidays, ring first", OpeningTimes.Describe(new Schedule { Description = "Most school holidays, ring first" }));
        Assert.Equal(string.Empty, OpeningTimes.Describe(new Schedule()));

        var ending = Rule("WEEKLY", "TU", "10:00", "12:00");
        ending.Until = new DateOnly(2027, 3, 31);
        Assert.Equal("Tuesdays 10:00 to 12:00, weekly, until 31 March 2027", OpeningTimes.Describe(ending));

        var monthDay = Rule("MONTHLY", null, "10:00", "11:00");
        monthDay.ByMonthDay = "15";
        Assert.Equal("15th of the month, 10:00 to 11:00", OpeningTimes.Describe(monthDay));
    }

    [Theory]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Tuesday, null, true)]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Wednesday, null, false)]
    [InlineData("WEEKLY", "TU", 2, DayOfWeek.Tuesday, null, true)]
    [InlineData("MONTHLY", "1MO", null, DayOfWeek.Monday, null, true)]
    [InlineData("MONTHLY", "-1FR", null, DayOfWeek.Thursday, null, false)]
    [InlineData("DAILY", null, null, DayOfWeek.Sunday, null, true)]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Tuesday, "10:00", true)]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Tuesday, "11:59", true)]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Tuesday, "12:00", false)]
    [InlineData("WEEKLY", "TU", null, DayOfWeek.Tuesday, "09:59", false)]
    public void IsRunningOn_checks_the_weekday_and_the_time(string freq, string? byDay, int? interval, DayOfWeek day, string? at, bool expected)
    {
        var schedule = Rule(freq, byDay, "10:00", "12:00", interval);
        var time = at is null ? (TimeOnly?)null : TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, OpeningTimes.IsRunningOn(schedule, day, time));
    }

    [Fact]
    public void A_time_asked_of_a_schedule_without_times_does_not_match()
    {
        Assert.False(OpeningTimes.IsRunningOn(Rule("WEEKLY", "TU"), DayOfWeek.Tuesday, new TimeOnly(10, 0)));
        Assert.True(OpeningTimes.IsRunningOn(Rule("WEEKLY", "TU"), DayOfWeek.Tuesday));
    }

    [Fact]
    public void NextOccurrences_expands_a_fortnightly_rule_in_london_time()
    {
        var schedule = Rule("WEEKLY", "WE", "13:30", "15:00", 2);
        schedule.DtStart = new DateOnly(2026, 10, 7);

        var next = OpeningTimes.NextOccurrences(schedule, new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc), 3);

        // 21 October is still British Summer Time (13:30 BST = 12:30 UTC); the clocks go back on 25 October.
        Assert.Equal(
            [
                new DateTime(2026, 10, 21, 12, 30, 0, DateTimeKind.Utc),
                new DateTime(2026, 11, 4, 13, 30, 0, DateTimeKind.Utc),
                new DateTime(2026, 11, 18, 13, 30, 0, DateTimeKind.Utc),
            ],
            next);
        Assert.All(next, d => Assert.Equal(DateTimeKind.Utc, d.Kind));
    }

    [Fact]
    public void NextOccurrences_honours_first_monday_until_and_no_rule()
    {
        var monthly = Rule("MONTHLY", "1MO", "18:30", "20:00");
        monthly.DtStart = new DateOnly(2026, 1, 5);
        monthly.Until = new DateOnly(2027, 1, 31);

        var next = OpeningTimes.NextOccurrences(monthly, new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), 5);

        Assert.Equal([new DateTime(2026, 12, 7, 18, 30, 0, DateTimeKind.Utc), new DateTime(2027, 1, 4, 18, 30, 0, DateTimeKind.Utc)], next);
        Assert.Equal("FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270131T235959Z", OpeningTimes.ToRRule(monthly));
        Assert.Empty(OpeningTimes.NextOccurrences(new Schedule { Description = "Ask at reception" }, DateTime.UtcNow, 3));

        monthly.Timezone = "Not/AZone";
        Assert.Equal(new DateTime(2026, 12, 7, 18, 30, 0, DateTimeKind.Utc), OpeningTimes.NextOccurrences(monthly, new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), 1).Single());
    }
}
