using Guanjia.App.Persistence;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record MatchingRow(Guid TownId, string TownName, int? EconomicClass, int? RequiredPercent, long CityAllocationFen, long? ObligationFen,
    long RaisedFen, long? ShortfallFen);

/// <summary>
/// R-FD-04: each town's matching obligation for a year: towns of economic class 1–2 raise at least 100% of the city's
/// allocation (微实事 and 微心愿 as in <see cref="Domain.MicroProjects.TownAllocation"/>, pilot money excluded), class 3–4
/// at least 50%; raised is the year's matching receipts net of reversals; the shortfall is what is still missing.
/// </summary>
public static class MatchingQueries
{
    public static async Task<IReadOnlyList<MatchingRow>> ListAsync(GuanjiaDb db, int year, CancellationToken ct)
    {
        var towns = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park).ToListAsync(ct);
        towns = towns.Where(t => db.Actor.SeesEverything || t.Path.StartsWith(db.Actor.ScopePath, StringComparison.Ordinal)).ToList();
        var allocations = await db.TownAllocations.AsNoTracking().Where(a => a.Year == year)
            .ToDictionaryAsync(a => a.TownId, a => a.MicroProjectFen + a.MicroWishFen, ct);
        // Matching receipts and their reversals, per town of the receiving account.
        var raised = await db.LedgerLines.AsNoTracking()
            .Where(l => l.Year == year && l.AmountFen != 0
                && db.FundAccounts.Any(a => a.Id == l.AccountId && a.Kind != AccountKind.External && a.Kind != AccountKind.Expenditure)
                && db.LedgerEntries.IgnoreQueryFilters().Any(e => e.Id == l.EntryId && (e.Kind == EntryKind.Matching
                    || (e.Kind == EntryKind.Reversal && db.LedgerEntries.IgnoreQueryFilters().Any(o => o.Id == e.ReversesId && o.Kind == EntryKind.Matching)))))
            .Join(db.FundAccounts, l => l.AccountId, a => a.Id, (l, a) => new { a.TownId, l.AmountFen })
            .GroupBy(x => x.TownId).Select(g => new { g.Key, Sum = g.Sum(x => x.AmountFen) }).ToListAsync(ct);
        var raisedBy = raised.Where(x => x.Key != null).ToDictionary(x => x.Key!.Value, x => x.Sum);
        return towns.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t =>
        {
            var city = allocations.GetValueOrDefault(t.Id);
            var obligation = FundRules.MatchingObligationFen(city, t.EconomicClass);
            var got = raisedBy.GetValueOrDefault(t.Id);
            return new MatchingRow(t.Id, t.Name, t.EconomicClass, FundRules.MatchingPercent(t.EconomicClass), city, obligation, got,
                obligation is { } o ? Math.Max(0, o - got) : null);
        }).ToList();
    }
}
