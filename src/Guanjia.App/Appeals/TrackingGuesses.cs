using System.Collections.Concurrent;
using Guanjia.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Guanjia.App.Appeals;

/// <summary>
/// Caps wrong guesses of the phone's last four digits per tracking number (issue 16, defect 7), whoever makes them:
/// the per-address limit alone let 127 wrong guesses from many addresses through, and then the right digits still
/// worked. After <c>RateLimits:TrackingGuessesPerNumberPerDay</c> (10) wrong guesses within a day the number answers
/// 429 until the day since the first of them has passed, the right digits included. Counted per number as written,
/// whether or not it exists, so the cap does not tell which numbers exist. Kept in memory on the injected clock.
/// </summary>
public sealed class TrackingGuesses(TimeProvider clock, IConfiguration config)
{
    private sealed class Count
    {
        public DateTimeOffset Since;
        public int Wrong;
    }

    private readonly int _cap = config.GetValue("RateLimits:TrackingGuessesPerNumberPerDay", 10);
    private readonly ConcurrentDictionary<string, Count> _numbers = new(StringComparer.Ordinal);

    public static string Key(string? number) => (number ?? "").Trim().ToUpperInvariant();

    public void Admit(string? number)
    {
        var now = clock.GetUtcNow();
        if (_numbers.Count > 100_000)
            foreach (var (k, c) in _numbers) if (now - c.Since >= TimeSpan.FromDays(1)) _numbers.TryRemove(k, out _);
        if (!_numbers.TryGetValue(Key(number), out var count)) return;
        lock (count)
        {
            if (now - count.Since >= TimeSpan.FromDays(1)) return;
            if (count.Wrong >= _cap)
                throw new TooManyRequests("该查询编号的错误尝试次数过多，请明天再试或联系村（社区）", "Too many wrong guesses for this tracking number; try again tomorrow",
                    count.Since + TimeSpan.FromDays(1) - now);
        }
    }

    public void Wrong(string? number)
    {
        var now = clock.GetUtcNow();
        var count = _numbers.GetOrAdd(Key(number), _ => new Count { Since = now });
        lock (count)
        {
            if (now - count.Since >= TimeSpan.FromDays(1))
            {
                count.Since = now;
                count.Wrong = 0;
            }
            count.Wrong++;
        }
    }
}
