using System.Collections.Concurrent;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Guanjia.App.Accounts;

/// <summary>How many sign-in attempts a minute one address may make, and how many wrong passwords one account may take a minute from everywhere.</summary>
public sealed record SignInLimits(int PerAddressPerMinute, int FailuresPerAccountPerMinute)
{
    public static SignInLimits From(IConfiguration c) => new(
        c.GetValue("RateLimits:SignInPerAddressPerMinute", 20), c.GetValue("RateLimits:SignInFailuresPerAccountPerMinute", 30));
}

/// <summary>
/// Sign-in throttling and lockout (ADR 0031), kept in memory on the injected clock:
/// <list type="bullet">
/// <item>one address may try <see cref="SignInLimits.PerAddressPerMinute"/> times a minute, whatever the names (429);</item>
/// <item>one account may take <see cref="SignInLimits.FailuresPerAccountPerMinute"/> wrong passwords a minute from all
/// addresses together (429 until the minute ends);</item>
/// <item>five wrong passwords in a row from one address for one user name lock that pair, not the account, for 15
/// minutes (423): a stranger cannot lock the owner out, and an unknown name locks exactly like a known one.</item>
/// </list>
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, SignInLimits limits, LockoutPolicy policy)
{
    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }

    private sealed class Pair
    {
        public int Failures;
        public DateTimeOffset? LockedUntil;
        public DateTimeOffset Touched;
    }

    private readonly ConcurrentDictionary<string, Window> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), Pair> _pairs = new();

    public LockoutPolicy Policy => policy;

    public static string AccountKey(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>Counts the attempt against the address; throws 429 when the address or the account is over its limit.</summary>
    public void Admit(string address, string account)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        if (!Take(_addresses, address, limits.PerAddressPerMinute, now, count: true, out var wait))
            throw new TooManyRequests("登录尝试过于频繁，请稍后再试", "Too many sign-in attempts from this address; try again later", wait);
        if (!Take(_accounts, account, limits.FailuresPerAccountPerMinute, now, count: false, out wait))
            throw new TooManyRequests("该账号登录失败次数过多，请稍后再试", "Too many failed sign-ins for this account; try again later", wait);
    }

    /// <summary>When the pair of this address and user name is locked, until when.</summary>
    public DateTimeOffset? LockedUntil(string address, string account)
    {
        var now = clock.GetUtcNow();
        return _pairs.TryGetValue((address, account), out var p) && p.LockedUntil is { } until && until > now ? until : null;
    }

    /// <summary>Records a wrong password (or an unknown name); answers the end of the lock when this failure locks the pair.</summary>
    public DateTimeOffset? Failed(string address, string account)
    {
        var now = clock.GetUtcNow();
        Take(_accounts, account, int.MaxValue, now, count: true, out _);
        var pair = _pairs.GetOrAdd((address, account), _ => new Pair());
        lock (pair)
        {
            pair.Touched = now;
            if (pair.LockedUntil is { } until && until <= now) pair.LockedUntil = null;
            if (++pair.Failures < policy.MaxFailures) return null;
            pair.Failures = 0;
            pair.LockedUntil = now + policy.Duration;
            return pair.LockedUntil;
        }
    }

    public void Succeeded(string address, string account) => _pairs.TryRemove((address, account), out _);

    /// <summary>An administrator's unlock ends every lock on the account.</summary>
    public void Unlock(string account)
    {
        foreach (var key in _pairs.Keys.Where(k => k.Item2 == account).ToList()) _pairs.TryRemove(key, out _);
        _accounts.TryRemove(account, out _);
    }

    private static bool Take(ConcurrentDictionary<string, Window> windows, string key, int limit, DateTimeOffset now, bool count, out TimeSpan wait)
    {
        var w = windows.GetOrAdd(key, _ => new Window { Start = now });
        lock (w)
        {
            if (now - w.Start >= TimeSpan.FromMinutes(1) || now < w.Start)
            {
                w.Start = now;
                w.Count = 0;
            }
            wait = w.Start + TimeSpan.FromMinutes(1) - now;
            if (w.Count >= limit) return false;
            if (count) w.Count++;
            return true;
        }
    }

    private DateTimeOffset _lastPrune;

    /// <summary>Forgets windows and pairs nobody has touched for a while, so the tables stay small.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (now - _lastPrune < TimeSpan.FromMinutes(1) && _addresses.Count + _pairs.Count < 50_000) return;
        _lastPrune = now;
        foreach (var (k, w) in _addresses) if (now - w.Start > TimeSpan.FromMinutes(2)) _addresses.TryRemove(k, out _);
        foreach (var (k, w) in _accounts) if (now - w.Start > TimeSpan.FromMinutes(2)) _accounts.TryRemove(k, out _);
        foreach (var (k, p) in _pairs)
            if (now - p.Touched > policy.Duration + TimeSpan.FromMinutes(1) && (p.LockedUntil is null || p.LockedUntil < now)) _pairs.TryRemove(k, out _);
    }
}
