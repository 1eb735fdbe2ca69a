using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Calendar;

/// <summary>
/// On every start (R-PL-01, ADR 0021), in every jurisdiction (ADR 0040): each year the release ships is applied to the
/// jurisdiction's calendar unless its administrator edited that year. A year the jurisdiction lacks is loaded; a year
/// whose shipped data changed since it was applied (a new notice, a correction) is replaced; a year the jurisdiction
/// edited is kept as it is, with its edit mark. A new jurisdiction gets every shipped year this way too. Stored by
/// date-year, as administrators edit them (a break that starts in December belongs to that December's year).
/// </summary>
public static class ApplyShippedCalendar
{
    public sealed record Result(IReadOnlyList<int> Applied, IReadOnlyList<int> KeptEdited);

    /// <summary>Applies the release to every jurisdiction (every root of the organisation tree); the years applied or kept anywhere.</summary>
    public static async Task<Result> RunAsync(GuanjiaDb db, OfficialCalendarData shipped, TimeProvider clock, ILogger? log, CancellationToken ct)
    {
        var roots = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Path)
            .Select(o => o.Path).ToListAsync(ct);
        var applied = new SortedSet<int>();
        var kept = new SortedSet<int>();
        foreach (var root in roots)
        {
            var r = await RunAsync(db, shipped, root, clock, log, ct);
            applied.UnionWith(r.Applied);
            kept.UnionWith(r.KeptEdited);
        }
        return new Result([.. applied], [.. kept]);
    }

    /// <summary>Applies the release to one jurisdiction's calendar.</summary>
    public static async Task<Result> RunAsync(GuanjiaDb db, OfficialCalendarData shipped, string jurisdiction, TimeProvider clock, ILogger? log,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.CalendarYears.IgnoreQueryFilters().Where(y => y.JurisdictionPath == jurisdiction).ToDictionaryAsync(y => y.Year, ct);
        var applied = new List<int>();
        var kept = new List<int>();
        foreach (var notice in shipped.Years)
        {
            var year = notice.Year;
            var hash = shipped.ContentHash(year);
            rows.TryGetValue(year, out var row);
            if (row is { ShippedHash: var h } && h == hash && row.EditedAt is null) continue;
            if (await EditedAsync(db, jurisdiction, row, year, ct))
            {
                if (row?.ShippedHash != hash) kept.Add(year);
                continue;
            }
            await ReplaceDaysAsync(db, shipped, jurisdiction, year, now, ct);
            if (row is null)
            {
                row = new CalendarYearRecord { JurisdictionPath = jurisdiction, Year = year };
                db.CalendarYears.Add(row);
            }
            row.Notice = notice.Notice;
            row.NoticeIssuedOn = notice.IssuedOn;
            row.ShippedHash = hash;
            row.UpdatedAt = now;
            applied.Add(year);
        }
        if (applied.Count > 0)
        {
            var notices = string.Join("；", applied.Select(y => $"{y}年：{shipped.Year(y)!.Notice}"));
            await db.Audit("ApplyOfficialCalendar", $"随系统发布的国务院办公厅节假日安排通知（{notices}）").SaveChangesAsync(ct);
            log?.LogInformation("Official calendar applied for {Years} in {Jurisdiction}", string.Join(", ", applied), jurisdiction);
        }
        if (kept.Count > 0)
            log?.LogWarning("Official calendar: years {Years} were edited in {Jurisdiction} and are kept; the shipped notice is shown beside them",
                string.Join(", ", kept), jurisdiction);
        return new Result(applied, kept);
    }

    /// <summary>
    /// The jurisdiction's edit mark: set on the year by any edit; a year without a row but with days of its own was edited
    /// too (a day set before the year's notice was loaded).
    /// </summary>
    public static async Task<bool> EditedAsync(GuanjiaDb db, string jurisdiction, CalendarYearRecord? row, int year, CancellationToken ct) =>
        row is not null ? row.EditedAt is not null
            : await db.CalendarDays.IgnoreQueryFilters().AnyAsync(d => d.JurisdictionPath == jurisdiction && d.Year == year, ct);

    /// <summary>The jurisdiction's stored days of the year become exactly the shipped days dated in it.</summary>
    internal static async Task ReplaceDaysAsync(GuanjiaDb db, OfficialCalendarData shipped, string jurisdiction, int year, DateTimeOffset now,
        CancellationToken ct)
    {
        var existing = await db.CalendarDays.IgnoreQueryFilters().Where(d => d.JurisdictionPath == jurisdiction && d.Year == year)
            .ToDictionaryAsync(d => d.Date, ct);
        var wanted = shipped.DaysDatedIn(year);
        foreach (var d in wanted)
        {
            if (existing.Remove(d.Date, out var row))
            {
                if (row.Kind == d.Kind && row.Name == d.Name) continue;
                row.Kind = d.Kind;
                row.Name = d.Name;
                row.UpdatedAt = now;
            }
            else db.CalendarDays.Add(new CalendarDayRecord { JurisdictionPath = jurisdiction, Date = d.Date, Kind = d.Kind, Name = d.Name, Year = year, UpdatedAt = now });
        }
        db.CalendarDays.RemoveRange(existing.Values);
    }
}
