namespace Guanjia.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand; the host reads time only through TimeProvider.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => Guanjia.Domain.Calendar.ChinaTime.Zone;

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }

    public void Set(DateTimeOffset to)
    {
        lock (_lock) _now = to.ToUniversalTime();
    }
}
