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
public sealed class CalendarProvider(TimeProvider clock, OfficialCalendarData shipped)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Cached> _cached = new(StringComparer.Ordinal);

    private sealed record Cached(WorkingCalendar Calendar, DateTimeOffset LoadedAt);

    /// <summary>The calendar of the actor's own jurisdiction; without one (the system), the official national arrangement this release ships.</summary>
    public Task<WorkingCalendar> GetAsync(GuanjiaDb db, CancellationToken ct = default) => GetAsync(db, db.Actor.JurisdictionPath, ct);

    /// <summary>The calendar of the jurisdiction a path lies in: deadlines of a record count on its own jurisdiction's days.</summary>
    public async Task<WorkingCalendar> GetAsync(GuanjiaDb db, string path, CancellationToken ct = default)
    {
        var root = Jurisdiction.RootOf(path);
        if (root == Jurisdiction.All) return shipped.Calendar;
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
}
