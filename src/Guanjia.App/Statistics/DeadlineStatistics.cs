using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Statistics;

/// <summary>
/// Deadlines due in the period: met on time, met late, missed (still open after the due time) and open (not yet
/// due); cancelled ones are not counted. <see cref="OnTimeRate"/> is the share met on time of those decided
/// (met or missed), in percent to one decimal, null when none is.
/// </summary>
public sealed record DeadlineGroup(Guid? TownId, string? TownName, Guid? VillageId, string? VillageName, Guid? UnitId, string? UnitName,
    string? Obligation, string? RuleId, string? ObligationZh, int MetOnTime, int MetLate, int Missed, int Open, decimal? OnTimeRate);

public sealed record DeadlineStatisticsView(IReadOnlyList<string> GroupBy, string? From, string? To, Guid? TownId, Guid? VillageId,
    DeadlineGroup Total, IReadOnlyList<DeadlineGroup> Groups);

/// <summary>
/// Deadlines met vs missed per responsible unit and obligation (R-PL-08), for supervision and assessment: one
/// GROUP BY (responsible unit, obligation) over IX_deadlines_stats_due in the period, then rolled up to the
/// asked dimensions over the organisation tree (a village's deadlines count for its town).
/// </summary>
public static class DeadlineStatistics
{
    public static readonly string[] Dimensions = ["town", "village", "unit", "obligation"];

    public static async Task<DeadlineStatisticsView> GetAsync(GuanjiaDb db, TimeProvider clock, StatisticsRequest r, CancellationToken ct)
    {
        var f = await StatisticsFilter.ParseAsync(db, r, Dimensions, ct);
        var now = clock.GetUtcNow();
        // Deadlines carry the subject's path, not town and village ids: the scope filter stays, and the unit is a path
        // prefix. For the city the filter is always true; without it the planner answers from IX_deadlines_stats_due alone.
        var all = db.Deadlines.AsNoTracking();
        if (db.Actor.ScopePath == "/") all = all.IgnoreQueryFilters();
        var q = all.Where(d => d.IsOpen || d.MetLate != null);
        if (f.Nothing) q = q.Where(_ => false);
        if ((f.VillageId ?? f.TownId) is { } unit)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == unit).Select(o => o.Path).SingleAsync(ct);
            q = q.Where(d => d.ScopePath.StartsWith(path));
        }
        if (f.FromMonth is { } fm)
        {
            var from = ChinaTime.StartOfDay(new DateOnly(fm / 100, fm % 100, 1));
            q = q.Where(d => d.DueAt >= from);
        }
        if (f.ToMonth is { } tm)
        {
            var to = ChinaTime.StartOfDay(new DateOnly(tm / 100, tm % 100, 1).AddMonths(1));
            q = q.Where(d => d.DueAt < to);
        }
        var rows = await q.GroupBy(d => new { d.ResponsibleOrgId, d.Obligation }).Select(g => new
        {
            g.Key.ResponsibleOrgId,
            g.Key.Obligation,
            OnTime = g.Count(d => d.MetLate == false),
            Late = g.Count(d => d.MetLate == true),
            Missed = g.Count(d => d.IsOpen && d.DueAt < now),
            Open = g.Count(d => d.IsOpen && d.DueAt >= now),
        }).ToListAsync(ct);

        var unitIds = rows.Select(x => x.ResponsibleOrgId).Distinct().ToList();
        var units = await db.Organizations.AsNoTracking().Where(o => unitIds.Contains(o.Id)).ToListAsync(ct);
        var parentIds = units.Where(u => !u.IsTownLevel && u.ParentId is not null).Select(u => u.ParentId!.Value).Distinct().ToList();
        var parents = await db.Organizations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToListAsync(ct);
        var orgs = units.Concat(parents).DistinctBy(o => o.Id).ToDictionary(o => o.Id);

        var groups = rows.GroupBy(x =>
        {
            var u = orgs.GetValueOrDefault(x.ResponsibleOrgId);
            var town = u is null ? null : u.IsTownLevel ? u : u.ParentId is { } p ? orgs.GetValueOrDefault(p) : null;
            return (Town: f.By("town") ? town : null, Village: f.By("village") && u?.IsVillageLevel == true ? u : null,
                Unit: f.By("unit") ? u : null, Obligation: f.By("obligation") ? x.Obligation : null);
        }).Select(g =>
        {
            var info = g.Key.Obligation is { } o ? Obligations.All.GetValueOrDefault(o) : null;
            return Group(g.Key.Town?.Id, g.Key.Town?.Name, g.Key.Village?.Id, g.Key.Village?.Name, g.Key.Unit?.Id, g.Key.Unit?.Name,
                g.Key.Obligation, info?.RuleId, info?.Zh, g.Sum(x => x.OnTime), g.Sum(x => x.Late), g.Sum(x => x.Missed), g.Sum(x => x.Open));
        }).OrderBy(g => g.TownName, StringComparer.Ordinal).ThenBy(g => g.VillageName, StringComparer.Ordinal)
        .ThenBy(g => g.UnitName, StringComparer.Ordinal).ThenBy(g => g.Obligation, StringComparer.Ordinal).ToList();
        var total = Group(null, null, null, null, null, null, null, null, null, groups.Sum(g => g.MetOnTime), groups.Sum(g => g.MetLate),
            groups.Sum(g => g.Missed), groups.Sum(g => g.Open));
        return new DeadlineStatisticsView(f.Dimensions, f.From, f.To, f.TownId, f.VillageId, total, groups);
    }

    private static DeadlineGroup Group(Guid? townId, string? town, Guid? villageId, string? village, Guid? unitId, string? unit, string? obligation,
        string? rule, string? zh, int onTime, int late, int missed, int open)
    {
        var decided = onTime + late + missed;
        return new DeadlineGroup(townId, town, villageId, village, unitId, unit, obligation, rule, zh, onTime, late, missed, open,
            decided == 0 ? null : Math.Round(100m * onTime / decided, 1));
    }
}
