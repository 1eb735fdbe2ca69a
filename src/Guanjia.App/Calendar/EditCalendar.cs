using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Calendar;

/// <summary>
/// The administrator of a jurisdiction adds a year's official arrangement or corrects a day of its own calendar (R-PL-01,
/// ADR 0040). Edits are checked for contradictions before anything is written, and deadlines computed afterwards use them.
/// Every edit marks its year as edited locally, so a later release does not overwrite it (ADR 0021); restoring the shipped
/// arrangement clears the mark.
/// </summary>
public static class EditCalendar
{
    public sealed record DayInput(string? Date, DayKind? Kind, string? Name);

    /// <param name="IssuedOn">The day the State Council notice was issued.</param>
    public sealed record ReplaceYear(string? Notice, IReadOnlyList<DayInput>? Days, string? Reason, DateOnly? IssuedOn = null);

    public sealed record Restore(string? Reason);

    public sealed record SetDay(DayKind? Kind, string? Name, string? Reason);

    public static async Task<CalendarYearView> ReplaceYearAsync(GuanjiaDb db, CalendarProvider calendars, OfficialCalendarData shipped,
        TimeProvider clock, int year, ReplaceYear r, CancellationToken ct)
    {
        var check = new Check()
            .When(year is < 2000 or > 2100, "year", "out_of_range", "年份须在 2000 到 2100 之间", "year must be between 2000 and 2100")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .MaxLength("notice", r.Notice, 100, "通知文号", "Notice")
            .When(r.Days is null, "days", "required", "请提供节假日与调休日列表", "days is required")
            .When(r.IssuedOn is { } issued && issued.Year > year, "issuedOn", "after_year", $"通知发布日期不能晚于{year}年",
                $"The notice cannot be issued after {year}");
        var parsed = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < (r.Days?.Count ?? 0); i++)
        {
            var d = r.Days![i];
            var field = $"days[{i}]";
            if (!DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", out var date))
            {
                check.Add($"{field}.date", "invalid_date", $"日期格式不正确：“{d.Date}”", $"'{d.Date}' is not a valid date (yyyy-MM-dd)");
                continue;
            }
            check.When(date.Year != year, $"{field}.date", "wrong_year", $"{date:yyyy-MM-dd} 不属于 {year} 年", $"{date:yyyy-MM-dd} is not in {year}")
                .When(!seen.Add(date), $"{field}.date", "duplicate", $"{date:yyyy-MM-dd} 重复出现", $"{date:yyyy-MM-dd} is listed twice")
                .When(d.Kind is null, $"{field}.kind", "required", "请选择节假日或调休上班", "kind is required")
                .Required($"{field}.name", d.Name, "节日名称", "Name")
                .MaxLength($"{field}.name", d.Name, 40, "节日名称", "Name");
            if (d.Kind is { } kind)
            {
                check.When(!Enum.IsDefined(kind), $"{field}.kind", "invalid", "类型无效", "kind is not valid")
                    .When(kind == DayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                        $"{field}.kind", "contradiction", $"{date:yyyy-MM-dd} 是工作日，不能设为调休上班",
                        $"{date:yyyy-MM-dd} is a weekday and cannot be a make-up working day");
                parsed.Add(new CalendarDay(date, kind, d.Name ?? ""));
            }
        }
        check.ThrowIfFailed();

        var j = Own(db);
        var existing = await db.CalendarDays.Where(x => x.JurisdictionPath == j && x.Year == year).ToListAsync(ct);
        db.CalendarDays.RemoveRange(existing);
        var now = clock.GetUtcNow();
        db.CalendarDays.AddRange(parsed.Select(p => new CalendarDayRecord
        {
            JurisdictionPath = j, Date = p.Date, Kind = p.Kind, Name = p.Name.Trim(), Year = year, UpdatedAt = now,
        }));
        var y = await db.CalendarYears.FindAsync([j, year], ct);
        if (y is null)
        {
            y = new CalendarYearRecord { JurisdictionPath = j, Year = year };
            db.CalendarYears.Add(y);
        }
        y.Notice = r.Notice?.Trim();
        y.NoticeIssuedOn = r.IssuedOn;
        y.UpdatedAt = now;
        Mark(db, y, now);
        await db.Audit("ReplaceCalendarYear", r.Reason).SaveChangesAsync(ct);
        calendars.Invalidate(j);
        return await CalendarQueries.YearAsync(db, calendars, shipped, j, year, ct);
    }

    public static async Task<CalendarDayView> SetDayAsync(GuanjiaDb db, CalendarProvider calendars, TimeProvider clock,
        DateOnly date, SetDay r, CancellationToken ct)
    {
        new Check()
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value), "kind", "required", "请选择节假日或调休上班", "kind must be Holiday or MakeUpWorkday")
            .When(r.Kind == DayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                "kind", "contradiction", $"{date:yyyy-MM-dd} 是工作日，不能设为调休上班", $"{date:yyyy-MM-dd} is a weekday and cannot be a make-up working day")
            .Required("name", r.Name, "节日名称", "Name")
            .MaxLength("name", r.Name, 40, "节日名称", "Name")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .ThrowIfFailed();
        var now = clock.GetUtcNow();
        var j = Own(db);
        var row = await db.CalendarDays.FindAsync([j, date], ct);
        if (row is null)
            db.CalendarDays.Add(new CalendarDayRecord { JurisdictionPath = j, Date = date, Kind = r.Kind!.Value, Name = r.Name!.Trim(), Year = date.Year, UpdatedAt = now });
        else
        {
            row.Kind = r.Kind!.Value;
            row.Name = r.Name!.Trim();
            row.UpdatedAt = now;
        }
        Mark(db, await db.CalendarYears.FindAsync([j, date.Year], ct), now);
        await db.Audit("SetCalendarDay", r.Reason).SaveChangesAsync(ct);
        calendars.Invalidate(j);
        return CalendarQueries.View(await calendars.GetAsync(db, j, ct), date);
    }

    public static async Task<CalendarDayView> ClearDayAsync(GuanjiaDb db, CalendarProvider calendars, TimeProvider clock, DateOnly date, string? reason,
        CancellationToken ct)
    {
        new Check().Required("reason", reason, "修改原因", "Reason").MaxLength("reason", reason, 500, "修改原因", "Reason").ThrowIfFailed();
        var j = Own(db);
        var row = await db.CalendarDays.FindAsync([j, date], ct)
            ?? throw new NotFound("CalendarDay", $"{date:yyyy-MM-dd} 不是节假日或调休日", $"{date:yyyy-MM-dd} has no holiday or make-up entry");
        db.CalendarDays.Remove(row);
        Mark(db, await db.CalendarYears.FindAsync([j, date.Year], ct), clock.GetUtcNow());
        await db.Audit("ClearCalendarDay", reason).SaveChangesAsync(ct);
        calendars.Invalidate(j);
        return CalendarQueries.View(await calendars.GetAsync(db, j, ct), date);
    }

    /// <summary>Only the calendar of one's own jurisdiction can be edited; an account bound to none has no calendar to edit.</summary>
    private static string Own(GuanjiaDb db)
    {
        var j = db.Actor.JurisdictionPath;
        if (j == Domain.Jurisdictions.Jurisdiction.All)
            throw new Forbidden("请以管辖区管理员身份修改本管辖区的工作日历", "Edit the calendar as an administrator of a jurisdiction");
        return j;
    }

    /// <summary>
    /// Puts back what the release ships for a year and clears the city's edit mark, so later releases apply to it again.
    /// </summary>
    public static async Task<CalendarYearView> RestoreOfficialAsync(GuanjiaDb db, CalendarProvider calendars, OfficialCalendarData shipped,
        TimeProvider clock, int year, Restore r, CancellationToken ct)
    {
        var notice = shipped.Year(year);
        new Check().Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .When(notice is null, "year", "not_shipped", $"本版本未包含{year}年的国务院办公厅通知，请手工录入",
                $"This release ships no notice for {year}; enter it by hand")
            .ThrowIfFailed();
        var j = Own(db);
        var now = clock.GetUtcNow();
        await ApplyShippedCalendar.ReplaceDaysAsync(db, shipped, j, year, now, ct);
        var y = await db.CalendarYears.FindAsync([j, year], ct);
        if (y is null)
        {
            y = new CalendarYearRecord { JurisdictionPath = j, Year = year };
            db.CalendarYears.Add(y);
        }
        y.Notice = notice!.Notice;
        y.NoticeIssuedOn = notice.IssuedOn;
        y.ShippedHash = shipped.ContentHash(year);
        y.EditedAt = null;
        y.EditedBy = null;
        y.UpdatedAt = now;
        await db.Audit("RestoreOfficialCalendarYear", r.Reason).SaveChangesAsync(ct);
        calendars.Invalidate(j);
        return await CalendarQueries.YearAsync(db, calendars, shipped, j, year, ct);
    }

    /// <summary>The year's edit mark; a year without a row is marked by the days it holds (ApplyShippedCalendar.EditedAsync).</summary>
    private static void Mark(GuanjiaDb db, CalendarYearRecord? year, DateTimeOffset now)
    {
        if (year is null) return;
        year.EditedAt = now;
        year.EditedBy = db.Actor.Name;
    }
}
