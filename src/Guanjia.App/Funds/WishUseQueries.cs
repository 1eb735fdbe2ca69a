using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// One town's 微心愿 money in a year (R-MW-07): what the city allocated to its 微心愿 fund (the year's allocation and adjustment entries),
/// what it paid to wishes (the year's wish payments net of reversals), the use rate paid / allocated in percent (one decimal; none when
/// nothing was allocated; above 100 when the town also paid from its matching or donated money), and the fund's balance now.
/// </summary>
public sealed record WishUseRow(Guid TownId, string TownName, long AllocatedFen, long PaidFen, decimal? UseRatePercent, long BalanceFen);

/// <summary>
/// R-MW-07 (002 §五(一)2): 微心愿 money is managed and used within the year it is allocated, and the next year's city amount takes the use
/// into account, so the city reads each town's use rate for the year from the ledger; a town reads its own.
/// </summary>
public static class WishUseQueries
{
    public static async Task<IReadOnlyList<WishUseRow>> ListAsync(GuanjiaDb db, int year, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckYear(c, year);
        c.ThrowIfFailed();
        var towns = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park).ToListAsync(ct))
            .Where(t => db.Actor.SeesEverything || t.Path.StartsWith(db.Actor.ScopePath, StringComparison.Ordinal)).ToList();
        var funds = db.FundAccounts.IgnoreQueryFilters().Where(a => a.Kind == AccountKind.TownWishFund);
        var allocated = await db.LedgerLines.IgnoreQueryFilters().Where(l => l.Year == year)
            .Join(funds, l => l.AccountId, a => a.Id, (l, a) => new { l.EntryId, a.TownId, l.AmountFen })
            .Join(db.LedgerEntries.IgnoreQueryFilters().Where(e => e.Kind == EntryKind.Allocation || e.Kind == EntryKind.Adjustment),
                x => x.EntryId, e => e.Id, (x, e) => new { x.TownId, x.AmountFen })
            .GroupBy(x => x.TownId).Select(g => new { g.Key, Sum = g.Sum(x => x.AmountFen) }).ToListAsync(ct);
        var paid = await db.LedgerLines.IgnoreQueryFilters().Where(l => l.Year == year && l.TargetKind == PaymentTarget.Wish)
            .Join(db.FundAccounts.IgnoreQueryFilters().Where(a => a.Kind == AccountKind.Expenditure), l => l.AccountId, a => a.Id,
                (l, a) => new { a.TownId, l.AmountFen })
            .GroupBy(x => x.TownId).Select(g => new { g.Key, Sum = g.Sum(x => x.AmountFen) }).ToListAsync(ct);
        var balances = await funds.GroupBy(a => a.TownId).Select(g => new { g.Key, Sum = g.Sum(a => a.BalanceFen) }).ToListAsync(ct);
        var allocatedBy = allocated.Where(x => x.Key != null).ToDictionary(x => x.Key!.Value, x => x.Sum);
        var paidBy = paid.Where(x => x.Key != null).ToDictionary(x => x.Key!.Value, x => x.Sum);
        var balanceBy = balances.Where(x => x.Key != null).ToDictionary(x => x.Key!.Value, x => x.Sum);
        return towns.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t =>
        {
            var a = allocatedBy.GetValueOrDefault(t.Id);
            var p = paidBy.GetValueOrDefault(t.Id);
            return new WishUseRow(t.Id, t.Name, a, p, a > 0 ? Math.Round(p * 100m / a, 1, MidpointRounding.AwayFromZero) : null, balanceBy.GetValueOrDefault(t.Id));
        }).ToList();
    }
}
