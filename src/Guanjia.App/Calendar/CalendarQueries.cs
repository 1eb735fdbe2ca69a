using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Calendar;

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, DayKind? Kind, string? Name, string Weekday);

public sealed record CalendarYearView(int Year, bool OfficialDataLoaded, string? Notice, IReadOnlyList<CalendarDayView> Days);

/// <summary>Reads of the working-day calendar: a year's arrangement, one day, and deadline arithmetic.</summary>
public static class CalendarQueries
{
    private static readonly string[] Weekdays = ["日", "一", "二", "三", "四", "五", "六"];

    public static CalendarDayView View(WorkingCalendar cal, DateOnly d)
    {
        var day = cal.Find(d);
        return new CalendarDayView(d, cal.IsWorkingDay(d), day?.Kind, day?.Name, "星期" + Weekdays[(int)d.DayOfWeek]);
    }

    /// <summary>
    /// Whose calendar a read shows: the caller's own jurisdiction; the public (no jurisdiction) names one by its code, and
    /// without one reads the first jurisdiction running 民生大莞家, whose portal it is (ADR 0040).
    /// </summary>
    public static async Task<string> JurisdictionAsync(GuanjiaDb db, Jurisdictions.JurisdictionRulesProvider rules, string? code, CancellationToken ct)
    {
        var mine = db.Actor.JurisdictionPath;
        if (mine != Domain.Jurisdictions.Jurisdiction.All) return mine;
        if (!string.IsNullOrWhiteSpace(code))
            return await db.Organizations.AsNoTracking().Where(o => o.ParentId == null && o.Code == code.Trim()).Select(o => o.Path).FirstOrDefaultAsync(ct)
                ?? throw new NotFound("Jurisdiction", "没有该管辖区", "No such jurisdiction");
        return await rules.PortalJurisdictionAsync(db, ct) ?? Domain.Jurisdictions.Jurisdiction.All;
    }

    public static async Task<IReadOnlyList<object>> YearsAsync(GuanjiaDb db, string jurisdiction, CancellationToken ct) =>
        await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().Where(y => y.JurisdictionPath == jurisdiction).OrderBy(y => y.Year)
            .Select(y => (object)new { y.Year, y.Notice, y.UpdatedAt })
            .ToListAsync(ct);

    public static async Task<CalendarYearView> YearAsync(GuanjiaDb db, CalendarProvider calendars, string jurisdiction, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            throw new ValidationFailed("year", "out_of_range", "年份须在 2000 到 2100 之间", "year must be between 2000 and 2100");
        var cal = await calendars.GetAsync(db, jurisdiction, ct);
        var notice = await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().Where(y => y.JurisdictionPath == jurisdiction && y.Year == year)
            .Select(y => y.Notice).FirstOrDefaultAsync(ct);
        var days = cal.DaysOf(year).OrderBy(d => d.Date).Select(d => View(cal, d.Date)).ToList();
        return new CalendarYearView(year, cal.HasYear(year), notice, days);
    }

    public static async Task<CalendarDayView> DayAsync(GuanjiaDb db, CalendarProvider calendars, string jurisdiction, string date, CancellationToken ct) =>
        View(await calendars.GetAsync(db, jurisdiction, ct), Dates.Parse("date", date));

    public sealed record AddResult(DateOnly From, int Days, string Unit, DateOnly Result, int WorkingDaysBetween);

    public static async Task<AddResult> AddAsync(GuanjiaDb db, CalendarProvider calendars, string jurisdiction, string from, int days, string? unit,
        CancellationToken ct)
    {
        var start = Dates.Parse("from", from);
        new Check()
            .When(days is < -3650 or > 3650, "days", "out_of_range", "天数须在 -3650 到 3650 之间", "days must be between -3650 and 3650")
            .When(unit is not (null or "working" or "calendar"), "unit", "invalid", "单位只能是 working 或 calendar", "unit must be 'working' or 'calendar'")
            .ThrowIfFailed();
        var cal = await calendars.GetAsync(db, jurisdiction, ct);
        var result = unit == "calendar" ? start.AddDays(days) : cal.AddWorkingDays(start, days);
        return new AddResult(start, days, unit ?? "working", result, cal.WorkingDaysBetween(start, result));
    }
}
