using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Calendar;

/// <summary>
/// The working calendar every deadline uses (R-PL-01), loaded from the database and cached briefly so
/// an administrator's correction reaches every instance within a minute and this one at once.
/// </summary>
public sealed class CalendarProvider(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Cached? _cached;

    private sealed record Cached(WorkingCalendar Calendar, DateTimeOffset LoadedAt);

    public async Task<WorkingCalendar> GetAsync(GuanjiaDb db, CancellationToken ct = default)
    {
        var c = _cached;
        if (c is not null && clock.GetUtcNow() - c.LoadedAt < MaxAge) return c.Calendar;
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var calendar = new WorkingCalendar(days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)), years);
        _cached = new Cached(calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => _cached = null;
}
