using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Calendar;

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, DayKind? Kind, string? Name, string Weekday);

/// <summary>Where a year's arrangement comes from: a release as shipped, a release's data the city edited, or the city alone.</summary>
public enum CalendarSource { Shipped = 1, Edited = 2, Entered = 3 }

/// <summary>
/// A year's provenance (R-PL-01, ADR 0021): the State Council notice and its issue date, whether the city edited it
/// (who, when), and what the release ships for it when that is not what is stored.
/// </summary>
public sealed record CalendarYearInfo(
    int Year, bool OfficialDataLoaded, string? Notice, DateOnly? NoticeIssuedOn, CalendarSource? Source, bool EditedLocally,
    DateTimeOffset? EditedAt, string? EditedBy, string? ShippedNotice, DateOnly? ShippedIssuedOn, bool ShippedDiffers, DateTimeOffset? UpdatedAt);

public sealed record CalendarYearView(int Year, bool OfficialDataLoaded, string? Notice, IReadOnlyList<CalendarDayView> Days,
    CalendarYearInfo? Provenance = null);

/// <summary>Reads of the working-day calendar: a year's arrangement and provenance, one day, and deadline arithmetic.</summary>
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

    /// <summary>Every year the jurisdiction stores or the release ships, with where it comes from.</summary>
    public static async Task<IReadOnlyList<CalendarYearInfo>> YearsAsync(GuanjiaDb db, OfficialCalendarData shipped, string jurisdiction, CancellationToken ct)
    {
        var rows = await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().Where(y => y.JurisdictionPath == jurisdiction).ToDictionaryAsync(y => y.Year, ct);
        var years = rows.Keys.Union(shipped.Years.Select(y => y.Year)).Order().ToList();
        var list = new List<CalendarYearInfo>();
        foreach (var y in years) list.Add(await InfoAsync(db, shipped, jurisdiction, y, rows.GetValueOrDefault(y), ct));
        return list;
    }

    public static async Task<CalendarYearInfo> InfoAsync(GuanjiaDb db, OfficialCalendarData shipped, string jurisdiction, int year,
        CalendarYearRecord? row, CancellationToken ct)
    {
        var edited = await ApplyShippedCalendar.EditedAsync(db, jurisdiction, row, year, ct);
        var ship = shipped.Year(year);
        var hash = ship is null ? null : shipped.ContentHash(year);
        CalendarSource? source = row is null ? (edited ? CalendarSource.Entered : null)
            : row.ShippedHash is null ? CalendarSource.Entered
            : edited ? CalendarSource.Edited : CalendarSource.Shipped;
        return new CalendarYearInfo(year, row is not null, row?.Notice, row?.NoticeIssuedOn, source, edited, row?.EditedAt, row?.EditedBy,
            ship?.Notice, ship?.IssuedOn, ship is not null && (row is null || edited || row.ShippedHash != hash), row?.UpdatedAt);
    }

    public static async Task<CalendarYearView> YearAsync(GuanjiaDb db, CalendarProvider calendars, OfficialCalendarData shipped, string jurisdiction,
        int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            throw new ValidationFailed("year", "out_of_range", "年份须在 2000 到 2100 之间", "year must be between 2000 and 2100");
        var cal = await calendars.GetAsync(db, jurisdiction, ct);
        var row = await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(y => y.JurisdictionPath == jurisdiction && y.Year == year, ct);
        var days = cal.DaysOf(year).OrderBy(d => d.Date).Select(d => View(cal, d.Date)).ToList();
        return new CalendarYearView(year, cal.HasYear(year), row?.Notice, days, await InfoAsync(db, shipped, jurisdiction, year, row, ct));
    }

    public static async Task<CalendarDayView> DayAsync(GuanjiaDb db, CalendarProvider calendars, string jurisdiction, string date, CancellationToken ct) =>
        View(await calendars.GetAsync(db, jurisdiction, ct), Dates.Parse("date", date));

    /// <summary>The working-days result, and whether a year it crosses has no notice yet (its weekends only are counted).</summary>
    public sealed record AddResult(DateOnly From, int Days, string Unit, DateOnly Result, int WorkingDaysBetween, bool WorkingDaysProvisional = false);

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
        var (lo, hi) = start <= result ? (start.Year, result.Year) : (result.Year, start.Year);
        var provisional = unit != "calendar" && Enumerable.Range(lo, hi - lo + 1).Any(y => !cal.HasYear(y));
        return new AddResult(start, days, unit ?? "working", result, cal.WorkingDaysBetween(start, result), provisional);
    }
}
