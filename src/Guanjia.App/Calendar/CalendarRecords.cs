using Guanjia.Domain.Calendar;
using Guanjia.Domain.Jurisdictions;

namespace Guanjia.App.Calendar;

/// <summary>
/// A holiday or make-up working day as stored; weekdays and weekends need no row. Each jurisdiction keeps its own
/// calendar (loaded from the official arrangements when it is set up), so one administrator's correction moves only
/// the deadlines of their own jurisdiction (ADR 0040).
/// </summary>
public sealed class CalendarDayRecord : IJurisdictional
{
    public required string JurisdictionPath { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A year whose official arrangement is loaded; deadlines in other years count weekends only.</summary>
public sealed class CalendarYearRecord : IJurisdictional
{
    public required string JurisdictionPath { get; set; }
    public int Year { get; set; }
    public string? Notice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
