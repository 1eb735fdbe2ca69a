using System.Collections.Concurrent;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Calendar;

/// <summary>
/// The working calendar every deadline uses (R-PL-01), per jurisdiction (ADR 0040), loaded from the database and cached
/// briefly so an administrator's correction reaches every instance within a minute and this one at once.
/// </summary>
public sealed class CalendarProvider(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Cached> _cached = new(StringComparer.Ordinal);

    private sealed record Cached(WorkingCalendar Calendar, DateTimeOffset LoadedAt);

    /// <summary>The calendar of the actor's own jurisdiction; without one (the system), the official national arrangement as shipped.</summary>
    public Task<WorkingCalendar> GetAsync(GuanjiaDb db, CancellationToken ct = default) => GetAsync(db, db.Actor.JurisdictionPath, ct);

    /// <summary>The calendar of the jurisdiction a path lies in: deadlines of a record count on its own jurisdiction's days.</summary>
    public async Task<WorkingCalendar> GetAsync(GuanjiaDb db, string path, CancellationToken ct = default)
    {
        var root = Jurisdiction.RootOf(path);
        if (root == Jurisdiction.All) return OfficialCalendar.Create();
        if (_cached.TryGetValue(root, out var c) && clock.GetUtcNow() - c.LoadedAt < MaxAge) return c.Calendar;
        var days = await db.CalendarDays.IgnoreQueryFilters().AsNoTracking().Where(d => d.JurisdictionPath == root).ToListAsync(ct);
        var years = await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().Where(y => y.JurisdictionPath == root).Select(y => y.Year).ToListAsync(ct);
        var calendar = new WorkingCalendar(days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)), years);
        _cached[root] = new Cached(calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate(string? jurisdictionPath = null)
    {
        if (jurisdictionPath is null) _cached.Clear();
        else _cached.TryRemove(Jurisdiction.RootOf(jurisdictionPath), out _);
    }

    /// <summary>
    /// Loads the official arrangements shipped with the system into every jurisdiction that has no calendar yet (a new
    /// jurisdiction starts from them; its administrator corrects its own copy afterwards).
    /// </summary>
    public static async Task SeedAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        var roots = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).Select(o => o.Path).ToListAsync(ct);
        var have = await db.CalendarYears.IgnoreQueryFilters().AsNoTracking().Select(y => y.JurisdictionPath).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var root in roots.Except(have, StringComparer.Ordinal))
        {
            foreach (var d in OfficialCalendar.Load())
                db.CalendarDays.Add(new CalendarDayRecord { JurisdictionPath = root, Date = d.Date, Kind = d.Kind, Name = d.Name, Year = d.Date.Year, UpdatedAt = now });
            foreach (var (year, notice) in OfficialCalendar.Notices)
                db.CalendarYears.Add(new CalendarYearRecord { JurisdictionPath = root, Year = year, Notice = notice, UpdatedAt = now });
            added = true;
        }
        if (added) await db.Audit("LoadOfficialCalendar", "国务院办公厅节假日安排通知（随系统发布）").SaveChangesAsync(ct);
    }
}
