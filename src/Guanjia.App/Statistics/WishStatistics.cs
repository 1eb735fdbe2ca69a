using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Statistics.GroupKeys;

namespace Guanjia.App.Statistics;

/// <summary>
/// Amounts in fen: requested by the appellant, set by the review or meeting (R-MW-03), paid as reported on completion
/// (R-MW-04), and paid through the funds ledger net of reversals (LedgerPaidFen, the wishes' running ledger_paid_fen; ADR 0015).
/// </summary>
public sealed record WishGroup(Guid? TownId, string? TownName, Guid? VillageId, string? VillageName, WishKind? Kind, Route? Route, WishState? State,
    string? Month, int Count, long RequestedFen, long AmountFen, long PaidFen, long LedgerPaidFen);

public sealed record WishStatisticsView(IReadOnlyList<string> GroupBy, string? From, string? To, Guid? TownId, Guid? VillageId, WishGroup Total,
    IReadOnlyList<WishGroup> Groups);

/// <summary>Micro-wishes counted and summed by town, village, kind, route, state and month made: one GROUP BY over IX_micro_wishes_stats_town.</summary>
public static class WishStatistics
{
    public sealed class Key
    {
        public Guid? TownId { get; set; }
        public Guid? VillageId { get; set; }
        public WishKind? Kind { get; set; }
        public Route? Route { get; set; }
        public WishState? State { get; set; }
        public int? Month { get; set; }
    }

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        Dim<MicroWish, Guid>("town", nameof(Key.TownId), w => w.TownId),
        Dim<MicroWish, Guid>("village", nameof(Key.VillageId), w => w.VillageId),
        Dim<MicroWish, WishKind>("kind", nameof(Key.Kind), w => w.Kind),
        Dim<MicroWish, Route?>("route", nameof(Key.Route), w => w.Route),
        Dim<MicroWish, WishState>("state", nameof(Key.State), w => w.State),
        Dim<MicroWish, int>("month", nameof(Key.Month), w => w.CreatedMonth),
    ];

    public static async Task<WishStatisticsView> GetAsync(GuanjiaDb db, StatisticsRequest r, CancellationToken ct)
    {
        var f = await StatisticsFilter.ParseAsync(db, r, Names(Dimensions), ct);
        var q = f.InPeriod(f.Place(db.MicroWishes.AsNoTracking(), w => w.TownId, w => w.VillageId), w => w.CreatedMonth);
        var rows = await q.GroupBy(For<MicroWish, Key>(f, Dimensions)).Select(g => new
        {
            g.Key,
            Count = g.Count(),
            Requested = g.Sum(w => w.RequestedFen ?? 0),
            Amount = g.Sum(w => w.AmountFen ?? 0),
            Paid = g.Sum(w => w.PaidFen ?? 0),
            LedgerPaid = g.Sum(w => w.LedgerPaidFen),
        }).ToListAsync(ct);
        var names = await OrganizationQueries.NamesAsync(db, rows.SelectMany(x => new[] { x.Key.TownId, x.Key.VillageId }).OfType<Guid>(), ct);
        var groups = rows.Select(x => new WishGroup(x.Key.TownId, AppealStatistics.Name(names, x.Key.TownId), x.Key.VillageId,
                AppealStatistics.Name(names, x.Key.VillageId), x.Key.Kind, x.Key.Route, x.Key.State,
                x.Key.Month is { } m ? StatisticsFilter.MonthText(m) : null, x.Count, x.Requested, x.Amount, x.Paid, x.LedgerPaid))
            .OrderBy(g => g.Month, StringComparer.Ordinal).ThenByDescending(g => g.Count).ThenBy(g => g.TownName, StringComparer.Ordinal)
            .ThenBy(g => g.VillageName, StringComparer.Ordinal).ToList();
        var total = new WishGroup(null, null, null, null, null, null, null, null, groups.Sum(g => g.Count), groups.Sum(g => g.RequestedFen),
            groups.Sum(g => g.AmountFen), groups.Sum(g => g.PaidFen), groups.Sum(g => g.LedgerPaidFen));
        return new WishStatisticsView(f.Dimensions, f.From, f.To, f.TownId, f.VillageId, total, groups);
    }
}
