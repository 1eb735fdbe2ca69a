using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guanjia.Domain.Calendar;
using Xunit;

namespace Guanjia.Domain.Tests.Calendar;

// R-PL-01: deadlines count mainland-China working days (weekday rule overridden by the
// State Council's holidays and make-up workdays) and end at 23:59:59 Beijing time.
public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingCalendar Official = OfficialCalendar.Create();

    private static readonly string[] StatutoryFestivals = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Bj(int y, int m, int d, int h, int min, int s) => new(y, m, d, h, min, s, Beijing);

    // ---- pinned days -------------------------------------------------------------------

    // R-PL-01
    [Theory]
    [InlineData("2024-02-04")]
    [InlineData("2024-02-18")]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void R_PL_01_MakeUpWeekendDaysAreWorkingDays(string iso)
    {
        var date = D(iso);
        Assert.True(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "fixture must be a weekend day");
        Assert.True(Official.IsWorkingDay(date));
        Assert.Equal(DayKind.MakeUpWorkday, Official.KindOf(date));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_MakeUpDaysCarryTheNameOfTheHolidayTheyMakeUpFor()
    {
        Assert.Equal(new CalendarDay(D("2024-02-04"), DayKind.MakeUpWorkday, "春节"), Official.Find(D("2024-02-04")));
        Assert.Equal("春节", Official.Find(D("2025-02-08"))?.Name);
        Assert.Equal("国庆节", Official.Find(D("2026-09-20"))?.Name);
        Assert.Equal("元旦", Official.Find(D("2026-01-04"))?.Name);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_NationalDay2024IsSevenDaysOffBetweenTwoMakeUpDays()
    {
        for (var date = D("2024-10-01"); date <= D("2024-10-07"); date = date.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(date), $"{date:O} should be a holiday");
            Assert.Equal(DayKind.Holiday, Official.KindOf(date));
            Assert.Equal("国庆节", Official.Find(date)?.Name);
        }

        Assert.True(Official.IsWorkingDay(D("2024-09-29"))); // Sunday make-up
        Assert.True(Official.IsWorkingDay(D("2024-09-30"))); // plain Monday
        Assert.True(Official.IsWorkingDay(D("2024-10-08"))); // plain Tuesday
        Assert.True(Official.IsWorkingDay(D("2024-10-12"))); // Saturday make-up
        Assert.False(Official.IsWorkingDay(D("2024-10-13"))); // plain Sunday
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_SpringFestival2025RunsFromNewYearsEveForEightDays()
    {
        for (var date = D("2025-01-28"); date <= D("2025-02-04"); date = date.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(date), $"{date:O} should be a holiday");
        }

        Assert.True(Official.IsWorkingDay(D("2025-01-27")));
        Assert.True(Official.IsWorkingDay(D("2025-02-05")));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_SpringFestivalAndNationalDay2026()
    {
        for (var date = D("2026-02-15"); date <= D("2026-02-23"); date = date.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(date), $"{date:O} should be a Spring Festival holiday");
            Assert.Equal("春节", Official.Find(date)?.Name);
        }

        Assert.True(Official.IsWorkingDay(D("2026-02-14"))); // Saturday make-up
        Assert.True(Official.IsWorkingDay(D("2026-02-24"))); // back to work Tuesday
        Assert.True(Official.IsWorkingDay(D("2026-02-28"))); // Saturday make-up

        for (var date = D("2026-10-01"); date <= D("2026-10-07"); date = date.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(date), $"{date:O} should be a National Day holiday");
        }

        Assert.True(Official.IsWorkingDay(D("2026-10-08"))); // plain Thursday
        Assert.True(Official.IsWorkingDay(D("2026-10-10"))); // Saturday make-up
        Assert.False(Official.IsWorkingDay(D("2026-09-25"))); // 中秋节, a Friday
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_PlainWeekendIsNotWorkingAndPlainWeekdayIs()
    {
        Assert.Equal(DayOfWeek.Saturday, D("2024-03-16").DayOfWeek);
        Assert.False(Official.IsWorkingDay(D("2024-03-16")));
        Assert.False(Official.IsWorkingDay(D("2024-03-17")));
        Assert.Null(Official.KindOf(D("2024-03-16")));

        Assert.Equal(DayOfWeek.Wednesday, D("2024-03-13").DayOfWeek);
        Assert.True(Official.IsWorkingDay(D("2024-03-13")));
        Assert.Null(Official.Find(D("2024-03-13")));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_SpringFestival2020ExtensionMadeFirstFebruaryAHoliday()
    {
        // 国办发明电〔2020〕1号 extended the break to 2 Feb, overriding the 1 Feb make-up day.
        for (var date = D("2020-01-24"); date <= D("2020-02-02"); date = date.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(date), $"{date:O} should be a holiday");
        }

        Assert.Equal(DayKind.Holiday, Official.KindOf(D("2020-02-01")));
        Assert.True(Official.IsWorkingDay(D("2020-01-19"))); // Sunday make-up, still in force
        Assert.True(Official.IsWorkingDay(D("2020-02-03")));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_NewYear2023BreakStartsOnLastDayOf2022()
    {
        Assert.Equal(new CalendarDay(D("2022-12-31"), DayKind.Holiday, "元旦"), Official.Find(D("2022-12-31")));
        Assert.False(Official.IsWorkingDay(D("2023-01-02"))); // a Monday
        Assert.True(Official.IsWorkingDay(D("2023-01-03")));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_NewYearsEve2024WasOnlyEncouragedOffAndIsAWorkingDay()
    {
        Assert.True(Official.IsWorkingDay(D("2024-02-09")));
        Assert.Null(Official.KindOf(D("2024-02-09")));
    }

    // ---- AddWorkingDays -----------------------------------------------------------------

    // R-PL-01
    [Theory]
    [InlineData("2024-03-15", 1, "2024-03-18")] // Friday + 1 = Monday
    [InlineData("2024-03-15", 5, "2024-03-22")]
    [InlineData("2024-03-16", 1, "2024-03-18")] // from a Saturday
    [InlineData("2024-03-17", 1, "2024-03-18")] // from a Sunday
    [InlineData("2024-03-13", 2, "2024-03-15")]
    public void R_PL_01_AddWorkingDaysSkipsWeekends(string start, int n, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), n));
    }

    // R-PL-01
    [Theory]
    [InlineData("2024-09-30", 1, "2024-10-08")] // over the National Day week
    [InlineData("2024-09-30", 2, "2024-10-09")]
    [InlineData("2025-01-27", 1, "2025-02-05")] // over Spring Festival 2025
    [InlineData("2026-02-13", 1, "2026-02-14")] // Friday → Saturday make-up
    [InlineData("2026-02-13", 2, "2026-02-24")] // then nine days off
    [InlineData("2024-05-30", 8, "2024-06-12")] // over the 端午 Monday
    public void R_PL_01_AddWorkingDaysSkipsHolidays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), n));
    }

    // R-PL-01
    [Theory]
    [InlineData("2024-02-02", 1, "2024-02-04")] // Friday before the make-up Sunday
    [InlineData("2024-02-08", 1, "2024-02-09")]
    [InlineData("2024-02-08", 2, "2024-02-18")] // Sunday make-up after Spring Festival
    [InlineData("2024-02-08", 3, "2024-02-19")]
    [InlineData("2024-09-27", 1, "2024-09-29")] // Friday → Sunday make-up
    [InlineData("2024-10-11", 1, "2024-10-12")] // Friday → Saturday make-up
    [InlineData("2024-10-11", 2, "2024-10-14")]
    public void R_PL_01_AddWorkingDaysCountsMakeUpWeekendDays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), n));
    }

    // R-PL-01
    [Theory]
    [InlineData("2024-03-13", "2024-03-13")] // working day stays
    [InlineData("2024-03-16", "2024-03-18")] // Saturday → Monday
    [InlineData("2024-10-01", "2024-10-08")] // holiday → first day back
    [InlineData("2024-02-04", "2024-02-04")] // make-up Sunday is itself a working day
    [InlineData("2024-02-09", "2024-02-09")]
    public void R_PL_01_AddZeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay(string start, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), 0));
    }

    // R-PL-01
    [Theory]
    [InlineData("2024-03-18", -1, "2024-03-15")] // Monday − 1 = Friday
    [InlineData("2024-03-16", -1, "2024-03-15")] // Saturday − 1 = Friday
    [InlineData("2024-10-08", -1, "2024-09-30")] // back over National Day
    [InlineData("2024-10-08", -2, "2024-09-29")] // onto the make-up Sunday
    [InlineData("2024-02-19", -1, "2024-02-18")]
    [InlineData("2024-02-19", -2, "2024-02-09")]
    [InlineData("2024-02-05", -1, "2024-02-04")]
    public void R_PL_01_NegativeWorkingDaysCountBackwards(string start, int n, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), n));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_NextWorkingDayIsStrictlyAfter()
    {
        Assert.Equal(D("2024-03-14"), Official.NextWorkingDay(D("2024-03-13")));
        Assert.Equal(D("2024-10-08"), Official.NextWorkingDay(D("2024-09-30")));
        Assert.Equal(D("2024-02-04"), Official.NextWorkingDay(D("2024-02-02")));
    }

    // ---- WorkingDaysBetween ---------------------------------------------------------------

    // R-PL-01
    [Fact]
    public void R_PL_01_WorkingDaysBetweenCountsHalfOpenRange()
    {
        Assert.Equal(1, Official.WorkingDaysBetween(D("2024-03-15"), D("2024-03-18")));
        Assert.Equal(-1, Official.WorkingDaysBetween(D("2024-03-18"), D("2024-03-15")));
        Assert.Equal(0, Official.WorkingDaysBetween(D("2024-03-15"), D("2024-03-15")));
        Assert.Equal(0, Official.WorkingDaysBetween(D("2024-03-16"), D("2024-03-17")));
        Assert.Equal(1, Official.WorkingDaysBetween(D("2024-09-30"), D("2024-10-08")));
        Assert.Equal(2, Official.WorkingDaysBetween(D("2024-09-27"), D("2024-09-30"))); // Sun make-up + Mon
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_WorkingDaysInWholeYearsMatchTheNotices()
    {
        // 2024: 366 days, 104 weekend days → 262 weekdays. Weekday holidays: 元旦 1, 春节 5,
        // 清明 2, 劳动 3, 端午 1, 中秋 2, 国庆 5 = 19. Make-up days 8. 262 − 19 + 8 = 251.
        Assert.Equal(251, Official.WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")));

        // 2025: 365 days, 104 weekend days → 261 weekdays. Weekday holidays: 元旦 1, 春节 6,
        // 清明 1, 劳动 3, 端午 1, 国庆中秋 6 = 18. Make-up days 5. 261 − 18 + 5 = 248.
        Assert.Equal(248, Official.WorkingDaysBetween(D("2024-12-31"), D("2025-12-31")));
    }

    // ---- properties over seeded random dates ------------------------------------------------

    public static TheoryData<int> Seeds => new() { 1, 20240204, 77777 };

    // R-PL-01
    [Theory]
    [MemberData(nameof(Seeds))]
    public void R_PL_01_AddWorkingDaysAlwaysLandsOnAWorkingDayAndIsMonotonic(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var d = RandomDate(random);
            var n = random.Next(1, 60);

            var due = Official.AddWorkingDays(d, n);
            Assert.True(Official.IsWorkingDay(due), $"{d:O}+{n} = {due:O} is not a working day");
            Assert.True(due > d);

            // Strictly increasing in n.
            Assert.True(Official.AddWorkingDays(d, n + 1) > due, $"not strictly monotonic in n at {d:O}+{n}");

            // Non-decreasing in the start date.
            Assert.True(Official.AddWorkingDays(d.AddDays(1), n) >= due, $"not monotonic in d at {d:O}+{n}");

            // No working day is skipped: exactly n working days in (d, due].
            Assert.Equal(n, CountWorkingDaysNaively(d, due));

            var zero = Official.AddWorkingDays(d, 0);
            Assert.True(Official.IsWorkingDay(zero) && zero >= d);
            Assert.Equal(0, CountWorkingDaysNaively(d.AddDays(-1), zero.AddDays(-1)));
        }
    }

    // R-PL-01
    [Theory]
    [MemberData(nameof(Seeds))]
    public void R_PL_01_WorkingDaysBetweenIsConsistentWithAddWorkingDays(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var d = RandomDate(random);
            var n = random.Next(1, 60);

            Assert.Equal(n, Official.WorkingDaysBetween(d, Official.AddWorkingDays(d, n)));

            // Counting back from a working day is the exact inverse as well.
            var w = Official.AddWorkingDays(d, 0);
            var back = Official.AddWorkingDays(w, -n);
            Assert.Equal(-n, Official.WorkingDaysBetween(w, back));
            Assert.Equal(w, Official.AddWorkingDays(back, n));
        }
    }

    // R-PL-01
    [Theory]
    [MemberData(nameof(Seeds))]
    public void R_PL_01_WorkingDaysBetweenAgreesWithDayByDayCount(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 600; i++)
        {
            var a = RandomDate(random);
            var b = a.AddDays(random.Next(-400, 400));
            var expected = b >= a ? CountWorkingDaysNaively(a, b) : -CountWorkingDaysNaively(b, a);
            Assert.Equal(expected, Official.WorkingDaysBetween(a, b));
        }
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_LargeCountsStayConsistent()
    {
        var start = D("2020-01-02"); // first working day of 2020
        var far = Official.AddWorkingDays(start, 5000);
        Assert.Equal(5000, Official.WorkingDaysBetween(start, far));
        Assert.Equal(start, Official.AddWorkingDays(far, -5000));

        // From a holiday, counting back lands before it: 2020-01-01 is 元旦, so the 5000th working
        // day before `far` is the working day preceding it.
        var fromHoliday = Official.AddWorkingDays(D("2020-01-01"), 5000);
        Assert.Equal(5000, Official.WorkingDaysBetween(D("2020-01-01"), fromHoliday));
        Assert.Equal(D("2019-12-31"), Official.AddWorkingDays(fromHoliday, -5000));
    }

    // ---- official data per year --------------------------------------------------------------

    // Expected counts come from the notices' own spans, not from the JSON. Counts are by calendar
    // date, so 2022-12-31 (元旦 of the 2023 notice) belongs to 2022.
    public static TheoryData<int, int, int> YearTotals => new()
    {
        // 元旦 1 + 春节 10 (1/24–2/2, extended) + 清明 3 + 劳动 5 + 端午 3 + 国庆中秋 8 = 30;
        // make-up 1/19, 4/26, 5/9, 6/28, 9/27, 10/10 = 6 (2/1 cancelled by the extension).
        { 2020, 30, 6 },
        // 3 + 7 + 3 + 5 + 3 + 3 + 7 = 31; make-up 2/7, 2/20, 4/25, 5/8, 9/18, 9/26, 10/9 = 7.
        { 2021, 31, 7 },
        // 3 + 7 + 3 + 5 + 3 + 3 + 7 = 31, plus 12/31 from the 2023 notice = 32;
        // make-up 1/29, 1/30, 4/2, 4/24, 5/7, 10/8, 10/9 = 7.
        { 2022, 32, 7 },
        // 元旦 3 (12/31–1/2) + 7 + 1 + 5 + 3 + 中秋国庆 8 = 27, minus 12/31 counted in 2022 = 26;
        // make-up 1/28, 1/29, 4/23, 5/6, 6/25, 10/7, 10/8 = 7.
        { 2023, 26, 7 },
        // 1 + 8 + 3 + 5 + 1 + 3 + 7 = 28; make-up 2/4, 2/18, 4/7, 4/28, 5/11, 9/14, 9/29, 10/12 = 8.
        { 2024, 28, 8 },
        // 1 + 8 + 3 + 5 + 3 + 国庆中秋 8 = 28; make-up 1/26, 2/8, 4/27, 9/28, 10/11 = 5.
        { 2025, 28, 5 },
        // 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33; make-up 1/4, 2/14, 2/28, 5/9, 9/20, 10/10 = 6.
        { 2026, 33, 6 },
    };

    // R-PL-01
    [Theory]
    [MemberData(nameof(YearTotals))]
    public void R_PL_01_EachYearHasTheNoticesHolidayAndMakeUpCounts(int year, int holidays, int makeUps)
    {
        Assert.True(Official.HasYear(year));
        var days = Official.DaysOf(year);
        Assert.Equal(holidays, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(makeUps, days.Count(d => d.Kind == DayKind.MakeUpWorkday));
        Assert.All(days, d => Assert.Equal(year, d.Date.Year));
    }

    // R-PL-01
    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void R_PL_01_EachYearHasExactlyTheSevenStatutoryFestivals(int year)
    {
        // Merged breaks are named as in the notice ("国庆节、中秋节"), so split them.
        var festivals = Official.DaysOf(year)
            .Where(d => d.Kind == DayKind.Holiday)
            .SelectMany(d => d.Name.Split('、'))
            .ToHashSet();
        Assert.Equal(StatutoryFestivals.Order(), festivals.Order());

        var makeUpNames = Official.DaysOf(year)
            .Where(d => d.Kind == DayKind.MakeUpWorkday)
            .SelectMany(d => d.Name.Split('、'));
        Assert.All(makeUpNames, name => Assert.Contains(name, StatutoryFestivals));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_OfficialDataCoversExactly2020To2026()
    {
        Assert.Equal(new[] { 2020, 2021, 2022, 2023, 2024, 2025, 2026 }, OfficialCalendar.Years);
        Assert.Equal(OfficialCalendar.Years, Official.Years);
        Assert.False(Official.HasYear(2019));
        Assert.False(Official.HasYear(2027));
        Assert.Equal("国办发明电〔2023〕7号", OfficialCalendar.Notices[2024]);
        Assert.Contains("国办发明电〔2020〕1号", OfficialCalendar.Notices[2020]);
        Assert.Contains("国办发明电〔2020〕1号", OfficialCalendar.Source);
        Assert.Equal(OfficialCalendar.Load().Count, Official.Days.Count);
        Assert.All(
            OfficialCalendar.Load().Where(d => d.Kind == DayKind.MakeUpWorkday),
            d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_YearsWithoutDataFallBackToTheWeekdayRule()
    {
        Assert.True(Official.IsWorkingDay(D("2027-10-01"))); // a Friday; no 2027 notice loaded
        Assert.Empty(Official.DaysOf(2027));
    }

    // ---- instant-level deadlines ----------------------------------------------------------------

    // R-PL-01
    [Fact]
    public void R_PL_01_FridayLateEveningPlusOneWorkingDayIsDueMondayEndOfDayBeijing()
    {
        var start = new DateTimeOffset(2024, 3, 15, 15, 30, 0, TimeSpan.Zero); // Fri 23:30 in Beijing
        var due = Official.DueAfterWorkingDays(start, 1);

        Assert.Equal(Bj(2024, 3, 18, 23, 59, 59), due);
        Assert.Equal(Beijing, due.Offset);
        Assert.Equal(0, due.Ticks % TimeSpan.TicksPerSecond);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_InstantIsReadAsItsBeijingDate()
    {
        var start = new DateTimeOffset(2024, 9, 30, 20, 0, 0, TimeSpan.Zero); // 2024-10-01 04:00 Beijing
        Assert.Equal(D("2024-10-01"), ChinaTime.LocalDate(start));

        // Read as 10-01 (a holiday), 0 working days is 10-08; read as the UTC date 09-30 it would
        // be 09-30. Calendar days and months likewise start from 10-01, not 09-30.
        Assert.Equal(Bj(2024, 10, 8, 23, 59, 59), Official.DueAfterWorkingDays(start, 0));
        Assert.Equal(Bj(2024, 10, 8, 23, 59, 59), Official.DueAfterWorkingDays(start, 1));
        Assert.Equal(Bj(2024, 10, 2, 23, 59, 59), Official.DueAfterCalendarDays(start, 1));
        Assert.Equal(Bj(2024, 11, 1, 23, 59, 59), Official.DueAfterMonths(start, 1));

        // One second earlier in Beijing (09-30 23:59:59, a working Monday) is still 09-30.
        var justBefore = new DateTimeOffset(2024, 9, 30, 15, 59, 59, TimeSpan.Zero);
        Assert.Equal(Bj(2024, 9, 30, 23, 59, 59), Official.DueAfterWorkingDays(justBefore, 0));
        Assert.Equal(Bj(2024, 10, 1, 23, 59, 59), Official.DueAfterCalendarDays(justBefore, 1));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_DueAfterHoursIsPlainElapsedTime()
    {
        var friday = Bj(2024, 3, 15, 10, 0, 0);
        Assert.Equal(Bj(2024, 3, 18, 10, 0, 0), Official.DueAfterHours(friday, 72));

        var beforeNationalDay = new DateTimeOffset(2024, 9, 30, 4, 15, 0, TimeSpan.Zero);
        var due = Official.DueAfterHours(beforeNationalDay, 48);
        Assert.Equal(beforeNationalDay.AddHours(48), due);
        Assert.Equal(Beijing, due.Offset);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_CalendarDayAndMonthDeadlinesEndAtEndOfBeijingDay()
    {
        var start = Bj(2024, 1, 31, 9, 0, 0);
        Assert.Equal(Bj(2024, 2, 29, 23, 59, 59), Official.DueAfterMonths(start, 1)); // clamps to month end
        Assert.Equal(Bj(2024, 2, 10, 23, 59, 59), Official.DueAfterCalendarDays(start, 10)); // holidays not skipped
        Assert.Equal(Bj(2024, 1, 31, 23, 59, 59), Official.DueAfterCalendarDays(start, 0));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_NegativeDeadlinePeriodsAreRejected()
    {
        var start = Bj(2024, 3, 15, 9, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.DueAfterWorkingDays(start, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.DueAfterCalendarDays(start, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.DueAfterHours(start, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.DueAfterMonths(start, -1));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_ChinaTimeDayBoundariesAreBeijingWallClock()
    {
        Assert.Equal(Beijing, ChinaTime.Zone.GetUtcOffset(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartOfDay(D("2024-10-01")));
        Assert.Equal(new DateTimeOffset(2024, 10, 1, 15, 59, 59, TimeSpan.Zero), ChinaTime.EndOfDay(D("2024-10-01")));
        Assert.Equal(Beijing, ChinaTime.EndOfDay(D("2024-10-01")).Offset);
        Assert.Equal(Bj(2024, 10, 1, 4, 0, 0), ChinaTime.ToLocal(new DateTimeOffset(2024, 9, 30, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D("2024-09-30"), ChinaTime.LocalDate(new DateTimeOffset(2024, 9, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(D("2024-10-01"), ChinaTime.LocalDate(new DateTimeOffset(2024, 9, 30, 16, 0, 0, TimeSpan.Zero)));
    }

    // ---- construction and admin edits ---------------------------------------------------------

    // R-PL-01
    [Fact]
    public void R_PL_01_ConstructorRejectsDateListedTwice()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [Holiday("2024-10-01", "国庆节"), Holiday("2024-10-01", "国庆节")], [2024]));
        Assert.Contains("2024-10-01", ex.Message);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_ConstructorRejectsMakeUpWorkdayOnAWeekday()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [MakeUp("2024-10-09", "国庆节")], [2024]));
        Assert.Contains("2024-10-09", ex.Message);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_ConstructorRejectsHolidayAndMakeUpOnSameDate()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [Holiday("2024-09-29", "国庆节"), MakeUp("2024-09-29", "国庆节")], [2024]));
        Assert.Contains("2024-09-29", ex.Message);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_ConstructorRejectsBlankNamesUnknownKindsAndNulls()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Holiday("2024-10-01", " ")], [2024]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [new CalendarDay(D("2024-10-01"), (DayKind)7, "国庆节")], [2024]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([null!], [2024]));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendar(null!, [2024]));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_WithReplacesEntriesAndLeavesOriginalUntouched()
    {
        // An extra day off on Wednesday 2024-03-13 and the 2024-10-12 make-up Saturday revoked as a holiday.
        var edited = Official.With([Holiday("2024-03-13", "特别假日"), Holiday("2024-10-12", "国庆节")]);

        Assert.False(edited.IsWorkingDay(D("2024-03-13")));
        Assert.False(edited.IsWorkingDay(D("2024-10-12")));
        Assert.Equal(D("2024-10-14"), edited.AddWorkingDays(D("2024-10-11"), 1));

        Assert.True(Official.IsWorkingDay(D("2024-03-13")));
        Assert.True(Official.IsWorkingDay(D("2024-10-12")));
        Assert.Equal(Official.Years, edited.Years);
        Assert.Equal(Official.Days.Count + 1, edited.Days.Count);
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_WithValidatesTheResult()
    {
        Assert.Throws<ArgumentException>(() => Official.With([MakeUp("2024-03-13", "春节")]));
        Assert.Throws<ArgumentException>(() => Official.With([Holiday("2024-03-13", "x"), MakeUp("2024-03-13", "x")]));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_WithoutFallsBackToTheWeekdayRule()
    {
        var edited = Official.Without(D("2024-10-01")).Without(D("2024-02-04"));

        Assert.True(edited.IsWorkingDay(D("2024-10-01"))); // a Tuesday
        Assert.False(edited.IsWorkingDay(D("2024-02-04"))); // a Sunday
        Assert.Null(edited.Find(D("2024-10-01")));
        Assert.False(Official.IsWorkingDay(D("2024-10-01")));
        Assert.Same(Official, Official.Without(D("2024-03-13")));
    }

    // R-PL-01
    [Fact]
    public void R_PL_01_WithYearsMarksNewlyEnteredYearsAsLoaded()
    {
        var edited = Official.With([Holiday("2027-01-01", "元旦")]).WithYears([2027]);
        Assert.True(edited.HasYear(2027));
        Assert.False(Official.HasYear(2027));
        Assert.Single(edited.DaysOf(2027));
    }

    private static CalendarDay Holiday(string iso, string name) => new(D(iso), DayKind.Holiday, name);

    private static CalendarDay MakeUp(string iso, string name) => new(D(iso), DayKind.MakeUpWorkday, name);

    private static DateOnly RandomDate(Random random) =>
        D("2020-01-01").AddDays(random.Next(0, D("2026-12-31").DayNumber - D("2020-01-01").DayNumber + 1));

    // Oracle: working days in (from, to], walked one day at a time.
    private static int CountWorkingDaysNaively(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (Official.IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
