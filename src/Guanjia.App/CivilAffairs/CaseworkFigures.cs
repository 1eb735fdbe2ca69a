using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public enum FiguresBy { Village = 1, Station = 2, Worker = 3, Obligation = 4 }

/// <summary>Due, done on time, done late, missing (past due, not done) and still open (not yet due) in the month.</summary>
public sealed record FigureRow(string Key, string? Name, int Due, int DoneOnTime, int Late, int Missing, int Open, decimal OnTimeRate);

public sealed record MonthFigures(int Month, FiguresBy By, string? Obligation, DateTimeOffset At, IReadOnlyList<FigureRow> Rows, FigureRow Total);

/// <summary>
/// The month's casework figures for towns and the city (issue 13 §9): the deadline rows of the casework obligations due in
/// the month, per village, station (town), worker or obligation, counted in the database over the covering index
/// (due_at, responsible_org_id, obligation, is_open, met_late) in the caller's scope.
/// </summary>
public static class CaseworkFigures
{
    private sealed record Group(Guid Key, string Obligation, int Due, int OnTime, int Late, int Missing, int Open);

    public static async Task<MonthFigures> GetAsync(GuanjiaDb db, CaseworkServices s, int? monthArg, FiguresBy by, string? obligation, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var month = monthArg ?? Casework.MonthOf(s.Now);
        new Check().When(month % 100 is < 1 or > 12 || month / 100 is < 2000 or > 2100, "month", "invalid_value", "月份格式应为 yyyyMM", "month must be yyyyMM")
            .When(obligation is not null && !CaseworkObligations.Keys.Contains(obligation), "obligation", "invalid_value", "事项不正确",
                "obligation is not a casework obligation")
            .When(!Enum.IsDefined(by), "by", "invalid_value", "统计维度不正确", "by is not valid").ThrowIfFailed();
        var now = s.Now;
        var start = CaseworkDeadlines.MonthStart(month);
        var end = CaseworkDeadlines.MonthEnd(month);
        var keys = obligation is null ? CaseworkObligations.Keys.ToList() : [obligation];
        // Cancelled rows (is_open false, met_late null) are not counted as due: every column read is in the covering index.
        var q = db.Deadlines.AsNoTracking().Where(d => d.DueAt >= start && d.DueAt <= end && keys.Contains(d.Obligation) && (d.IsOpen || d.MetLate != null));
        if (!db.Actor.SeesEverything)
        {
            // A casework row's responsible unit (the village, or the town for its evaluation) lies inside its subject's scope, so the
            // units the caller sees give the same rows as the scope filter, read from the covering index instead of every row's path.
            var scope = db.Actor.ScopePath;
            var units = await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(scope)).Select(o => o.Id).ToListAsync(ct);
            q = db.Deadlines.IgnoreQueryFilters().AsNoTracking().Where(d => d.DueAt >= start && d.DueAt <= end && keys.Contains(d.Obligation)
                && (d.IsOpen || d.MetLate != null) && units.Contains(d.ResponsibleOrgId));
        }

        List<Group> groups;
        if (by == FiguresBy.Worker)
        {
            groups = (await (from d in q
                             join f in db.CaseFiles on d.SubjectId equals f.Id
                             group d by new { W = f.AssignedWorkerId ?? Guid.Empty, d.Obligation } into g
                             select new
                             {
                                 g.Key.W, g.Key.Obligation, Due = g.Count(), OnTime = g.Count(d => d.MetLate == false), Late = g.Count(d => d.MetLate == true),
                                 Missing = g.Count(d => d.IsOpen && d.DueAt < now), Open = g.Count(d => d.IsOpen && d.DueAt >= now),
                             }).ToListAsync(ct))
                .Select(x => new Group(x.W, x.Obligation, x.Due, x.OnTime, x.Late, x.Missing, x.Open)).ToList();
        }
        else
        {
            groups = (await q.GroupBy(d => new { d.ResponsibleOrgId, d.Obligation })
                    .Select(g => new
                    {
                        g.Key.ResponsibleOrgId, g.Key.Obligation, Due = g.Count(), OnTime = g.Count(d => d.MetLate == false), Late = g.Count(d => d.MetLate == true),
                        Missing = g.Count(d => d.IsOpen && d.DueAt < now), Open = g.Count(d => d.IsOpen && d.DueAt >= now),
                    }).ToListAsync(ct))
                .Select(x => new Group(x.ResponsibleOrgId, x.Obligation, x.Due, x.OnTime, x.Late, x.Missing, x.Open)).ToList();
        }

        IEnumerable<(string Key, string? Name, Group G)> keyed;
        switch (by)
        {
            case FiguresBy.Obligation:
                keyed = groups.Select(g => (g.Obligation, (string?)Domain.Deadlines.Obligations.All[g.Obligation].Zh, g));
                break;
            case FiguresBy.Worker:
            {
                var names = await db.StationWorkers.AsNoTracking().ToDictionaryAsync(w => w.UserId, w => w.DisplayName, ct);
                keyed = groups.Select(g => (g.Key == Guid.Empty ? "unassigned" : g.Key.ToString(),
                    g.Key == Guid.Empty ? "未分配" : names.GetValueOrDefault(g.Key), g));
                break;
            }
            case FiguresBy.Station:
            {
                var orgIds = groups.Select(g => g.Key).Distinct().ToList();
                var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.ParentId, o.Kind })
                    .ToDictionaryAsync(o => o.Id, ct);
                Guid TownOf(Guid id) => orgs.TryGetValue(id, out var o) && Organization.IsVillageKind(o.Kind) && o.ParentId is { } p ? p : id;
                var stations = await db.CivilAffairsStations.AsNoTracking().ToDictionaryAsync(x => x.TownId, x => x, ct);
                var townNames = await Casework.NamesAsync(db, groups.Select(g => TownOf(g.Key)), ct);
                keyed = groups.Select(g =>
                {
                    var town = TownOf(g.Key);
                    return stations.TryGetValue(town, out var st) ? (st.Id.ToString(), (string?)st.Name, g)
                        : (town.ToString(), townNames.GetValueOrDefault(town) + "（未设民政服务站）", g);
                });
                break;
            }
            default:
            {
                var names = await Casework.NamesAsync(db, groups.Select(g => g.Key), ct);
                keyed = groups.Select(g => (g.Key.ToString(), (string?)names.GetValueOrDefault(g.Key), g));
                break;
            }
        }
        var rows = keyed.GroupBy(k => (k.Key, k.Name)).Select(g => Row(g.Key.Key, g.Key.Name, g.Select(x => x.G)))
            .OrderByDescending(r => r.Missing).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new MonthFigures(month, by, obligation, now, rows, Row("total", "合计", groups));
    }

    private static FigureRow Row(string key, string? name, IEnumerable<Group> gs)
    {
        var list = gs.ToList();
        var due = list.Sum(g => g.Due);
        var onTime = list.Sum(g => g.OnTime);
        return new FigureRow(key, name, due, onTime, list.Sum(g => g.Late), list.Sum(g => g.Missing), list.Sum(g => g.Open),
            EvaluatePolicy.Rate(onTime, due));
    }
}
