using System;

namespace Guanjia.Domain.Calendar;

/// <summary>
/// Mainland-China civil time. Deadlines are legal dates in Beijing time, so every
/// instant-to-date conversion in the calendar goes through here, never through the
/// server's local zone.
/// </summary>
public static class ChinaTime
{
    private static readonly TimeOnly EndOfDayTime = new(23, 59, 59);

    /// <summary>Asia/Shanghai, or a fixed UTC+08:00 zone where the host has no tz data.</summary>
    public static TimeZoneInfo Zone { get; } = ResolveZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>00:00:00 Beijing time on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => AtLocal(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// 23:59:59 Beijing time on <paramref name="date"/>. Whole seconds only: this is the value
    /// shown to users and stored as the deadline, and it must round-trip through any store.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => AtLocal(date.ToDateTime(EndOfDayTime));

    private static DateTimeOffset AtLocal(DateTime wallClock) => new(wallClock, Zone.GetUtcOffset(wallClock));

    private static TimeZoneInfo ResolveZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
        }
        catch (InvalidTimeZoneException)
        {
        }

        // Minimal containers ship without tzdata; China has had no DST since 1991, so a
        // fixed offset gives the same answers for every date this system deals with.
        return TimeZoneInfo.CreateCustomTimeZone(
            "Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
