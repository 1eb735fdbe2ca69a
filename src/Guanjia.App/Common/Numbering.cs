using Guanjia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Common;

/// <summary>
/// Record numbers people quote (项目编号, 心愿编号, 认领编号): the next in the series, without two parallel requests
/// counting the same rows and colliding on the unique index. The increment commits on its own, so a request
/// that fails afterwards leaves a gap in the series, never a duplicate.
/// </summary>
public static class Numbering
{
    /// <param name="existing">How many numbers the series already has: the start for a series used the first time.</param>
    public static async Task<long> NextAsync(GuanjiaDb db, string series, Func<CancellationToken, Task<int>> existing, CancellationToken ct)
    {
        if (!await db.NumberSeries.AsNoTracking().AnyAsync(x => x.Series == series, ct))
        {
            long start = await existing(ct);
            // Two first users may both get here: one row wins, and the UPDATE below still hands them different numbers.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO number_series (series, last_value) VALUES ({series}, {start}) ON CONFLICT (series) DO NOTHING", ct);
        }
        var next = await db.Database.SqlQuery<long>(
            $"UPDATE number_series SET last_value = last_value + 1 WHERE series = {series} RETURNING last_value AS \"Value\"").ToListAsync(ct);
        return next.Single();
    }
}
