using Guanjia.Domain.Calendar;

namespace Guanjia.App.Calendar;

/// <summary>A holiday or make-up working day as stored; weekdays and weekends need no row.</summary>
public sealed class CalendarDayRecord
{
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A year whose official arrangement is loaded; deadlines in other years count weekends only.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public string? Notice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
