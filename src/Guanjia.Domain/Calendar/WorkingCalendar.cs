using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Guanjia.Domain.Calendar;

/// <summary>
/// The mainland-China working-day calendar: Monday–Friday are working days unless listed as a
/// <see cref="DayKind.Holiday"/>, Saturday/Sunday are not unless listed as a
/// <see cref="DayKind.MakeUpWorkday"/>. Immutable, so one instance can be shared by every request;
/// admin edits produce a new instance through <see cref="With"/> / <see cref="Without"/>.
/// </summary>
/// <remarks>
/// Dates in years that are not in <see cref="Years"/> still get an answer from the weekday rule
/// alone. Callers computing legal deadlines should check <see cref="HasYear"/> for the years they
/// touch, because that answer ignores holidays nobody has loaded yet.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDay> _byDate;

    // Sorted copy of the listed dates with each date's effect on the weekday count, so that
    // WorkingDaysBetween touches only the listed days inside the range.
    private readonly DateOnly[] _sortedDates;
    private readonly int[] _adjustments;

    private readonly FrozenSet<int> _yearSet;
    private readonly ReadOnlyCollection<int> _years;
    private readonly ReadOnlyCollection<CalendarDay> _days;
    private readonly FrozenDictionary<int, ReadOnlyCollection<CalendarDay>> _daysByYear;

    /// <param name="days">Listed holidays and make-up workdays.</param>
    /// <param name="years">Years whose official arrangement is fully contained in <paramref name="days"/>.</param>
    /// <exception cref="ArgumentException">The entries contradict each other or the weekday rule.</exception>
    public WorkingCalendar(IEnumerable<CalendarDay> days, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(years);

        var index = Index(days, nameof(days));
        _byDate = index.ToFrozenDictionary();

        var sorted = index.Values.OrderBy(d => d.Date).ToArray();
        _days = Array.AsReadOnly(sorted);
        _sortedDates = sorted.Select(d => d.Date).ToArray();
        _adjustments = sorted.Select(Adjustment).ToArray();
        _daysByYear = sorted
            .GroupBy(d => d.Date.Year)
            .ToFrozenDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()));

        var yearList = years.Distinct().Order().ToArray();
        foreach (var year in yearList)
        {
            if (year < DateOnly.MinValue.Year || year > DateOnly.MaxValue.Year)
            {
                throw new ArgumentException($"Year {year} is outside the supported range.", nameof(years));
            }
        }

        _years = Array.AsReadOnly(yearList);
        _yearSet = yearList.ToFrozenSet();
    }

    /// <summary>Years whose official arrangement is loaded, ascending.</summary>
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Every listed day, ascending by date.</summary>
    public IReadOnlyList<CalendarDay> Days => _days;

    public bool HasYear(int year) => _yearSet.Contains(year);

    /// <summary>Listed days whose date falls in <paramref name="year"/> (by date, not by notice), ascending.</summary>
    public IReadOnlyList<CalendarDay> DaysOf(int year) =>
        _daysByYear.TryGetValue(year, out var list) ? list : Array.Empty<CalendarDay>();

    public CalendarDay? Find(DateOnly date) => _byDate.GetValueOrDefault(date);

    public DayKind? KindOf(DateOnly date) => _byDate.TryGetValue(date, out var day) ? day.Kind : null;

    public bool IsWorkingDay(DateOnly date) =>
        _byDate.TryGetValue(date, out var day) ? day.Kind == DayKind.MakeUpWorkday : !IsWeekend(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// n ≥ 1: the n-th working day strictly after <paramref name="start"/>;
    /// n = 0: <paramref name="start"/> if it is a working day, else the next one;
    /// n &lt; 0: the |n|-th working day strictly before <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        if (n == 0)
        {
            return IsWorkingDay(start) ? start : AddWorkingDays(start, 1);
        }

        // Linear in the distance walked: each step is one O(1) lookup, and a run of
        // non-working days is at most a couple of weeks long.
        var step = n > 0 ? 1 : -1;
        var remaining = Math.Abs((long)n);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// Number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>;
    /// the negative of the reverse count when <paramref name="to"/> is earlier; 0 when equal.
    /// </summary>
    /// <remarks>
    /// Inverse of <see cref="AddWorkingDays"/> for n ≥ 1. For n &lt; 0 it is the inverse only when
    /// the start is itself a working day, because the range excludes its lower end.
    /// </remarks>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return 0;
        }

        return to < from ? -CountAfterUpTo(to, from) : CountAfterUpTo(from, to);
    }

    /// <summary>End of the local day (23:59:59 +08:00) n working days after the local date of <paramref name="start"/>.</summary>
    public DateTimeOffset DueAfterWorkingDays(DateTimeOffset start, int n)
    {
        RequireNonNegative(n);
        return ChinaTime.EndOfDay(AddWorkingDays(ChinaTime.LocalDate(start), n));
    }

    /// <summary>End of the local day n calendar days after the local date of <paramref name="start"/>.</summary>
    public DateTimeOffset DueAfterCalendarDays(DateTimeOffset start, int n)
    {
        RequireNonNegative(n);
        return ChinaTime.EndOfDay(ChinaTime.LocalDate(start).AddDays(n));
    }

    /// <summary>Exactly n elapsed hours after <paramref name="start"/>; weekends and holidays do not pause the clock.</summary>
    public DateTimeOffset DueAfterHours(DateTimeOffset start, int n)
    {
        RequireNonNegative(n);

        // Same instant as start + n h, expressed in +08:00 like the other deadlines.
        return ChinaTime.ToLocal(start.AddHours(n));
    }

    /// <summary>
    /// End of the local day n months after the local date of <paramref name="start"/>; a day that
    /// does not exist in the target month clamps to its last day (31 Jan + 1 month = 28/29 Feb).
    /// </summary>
    public DateTimeOffset DueAfterMonths(DateTimeOffset start, int n)
    {
        RequireNonNegative(n);
        return ChinaTime.EndOfDay(ChinaTime.LocalDate(start).AddMonths(n));
    }

    /// <summary>
    /// A new calendar where each entry of <paramref name="changes"/> replaces whatever was listed on its
    /// date. The loaded years stay the same.
    /// </summary>
    /// <exception cref="ArgumentException">The changes, or the calendar they produce, are inconsistent.</exception>
    public WorkingCalendar With(IEnumerable<CalendarDay> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);

        var incoming = Index(changes, nameof(changes));
        var kept = _days.Where(d => !incoming.ContainsKey(d.Date));
        return new WorkingCalendar(kept.Concat(incoming.Values), _years);
    }

    /// <summary>A new calendar without any entry on <paramref name="date"/>, which falls back to the weekday rule.</summary>
    public WorkingCalendar Without(DateOnly date) =>
        _byDate.ContainsKey(date) ? new WorkingCalendar(_days.Where(d => d.Date != date), _years) : this;

    /// <summary>A new calendar that additionally marks <paramref name="years"/> as loaded (after an admin enters a new notice).</summary>
    public WorkingCalendar WithYears(IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return new WorkingCalendar(_days, _years.Concat(years));
    }

    private static Dictionary<DateOnly, CalendarDay> Index(IEnumerable<CalendarDay> days, string paramName)
    {
        var index = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
        {
            if (day is null)
            {
                throw new ArgumentException("Calendar entries must not be null.", paramName);
            }

            if (!Enum.IsDefined(day.Kind))
            {
                throw new ArgumentException($"{Iso(day.Date)} has an unknown day kind ({(int)day.Kind}).", paramName);
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                throw new ArgumentException($"{Iso(day.Date)} needs the name of its holiday.", paramName);
            }

            if (day.Kind == DayKind.MakeUpWorkday && !IsWeekend(day.Date))
            {
                throw new ArgumentException(
                    $"{Iso(day.Date)} is a {day.Date.DayOfWeek}; a make-up workday must fall on a Saturday or Sunday.",
                    paramName);
            }

            if (index.TryGetValue(day.Date, out var existing))
            {
                var message = existing.Kind == day.Kind
                    ? $"{Iso(day.Date)} is listed twice."
                    : $"{Iso(day.Date)} is listed both as a holiday and as a make-up workday.";
                throw new ArgumentException(message, paramName);
            }

            index.Add(day.Date, day);
        }

        return index;
    }

    private int CountAfterUpTo(DateOnly from, DateOnly to)
    {
        var count = WeekdaysThrough(to) - WeekdaysThrough(from);

        // First listed date strictly after `from`.
        var i = Array.BinarySearch(_sortedDates, from);
        i = i >= 0 ? i + 1 : ~i;
        for (; i < _sortedDates.Length && _sortedDates[i] <= to; i++)
        {
            count += _adjustments[i];
        }

        return (int)count;
    }

    // Monday–Friday days from 0001-01-01 (a Monday) through `date`, inclusive.
    private static long WeekdaysThrough(DateOnly date)
    {
        long days = date.DayNumber + 1L;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    // How a listed day changes the plain weekday count: a holiday on a weekend changes nothing.
    private static int Adjustment(CalendarDay day) => day.Kind switch
    {
        DayKind.Holiday => IsWeekend(day.Date) ? 0 : -1,
        DayKind.MakeUpWorkday => IsWeekend(day.Date) ? 1 : 0,
        _ => 0,
    };

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void RequireNonNegative(int n)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A deadline period must not be negative.");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
