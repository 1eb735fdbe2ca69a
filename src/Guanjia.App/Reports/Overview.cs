using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Reports;

public sealed record CountByChannel(Channel Channel, int Count);
public sealed record CountByMonth(string Month, int Count);
public sealed record CountByState(ProjectState State, int Count);
public sealed record CategoryMoney(ProjectCategory? Category, int Count, long BudgetFen);
public sealed record DeadlineCounts(int Open, int DueSoon, int Overdue, int MetOnTime, int MetLate);
public sealed record TownFigures(Guid TownId, string TownName, int Appeals, int Projects, long BudgetFen, int Overdue);

public sealed record OverviewView(IReadOnlyList<CountByChannel> AppealsByChannel, IReadOnlyList<CountByMonth> AppealsByMonth,
    IReadOnlyList<CountByState> ProjectsByState, IReadOnlyList<CategoryMoney> ProjectsByCategory, DeadlineCounts Deadlines,
    IReadOnlyList<TownFigures> ByTown);

/// <summary>
/// The dashboard's figures in the caller's scope, optionally one town: each a GROUP BY in the database
/// over indexed columns (received month, town, state), never rows brought back to count.
/// </summary>
public static class Overview
{
    public static async Task<OverviewView> GetAsync(GuanjiaDb db, TimeProvider clock, Guid? townId, int months, CancellationToken ct)
    {
        var appeals = db.Appeals.AsNoTracking();
        var projects = db.MicroProjects.AsNoTracking();
        var deadlines = db.Deadlines.AsNoTracking().Where(d => d.CancelledAt == null);
        if (townId is { } t)
        {
            appeals = appeals.Where(a => a.TownId == t);
            projects = projects.Where(p => p.TownId == t);
            var town = await db.Organizations.AsNoTracking().Where(o => o.Id == t).Select(o => o.Path).SingleOrDefaultAsync(ct) ?? "\u0001";
            deadlines = deadlines.Where(d => d.ScopePath.StartsWith(town));
        }
        var now = clock.GetUtcNow();
        var local = Domain.Calendar.ChinaTime.LocalDate(now);
        var first = new DateOnly(local.Year, local.Month, 1).AddMonths(-(Math.Clamp(months, 1, 36) - 1));
        var fromMonth = first.Year * 100 + first.Month;

        var byChannel = await appeals.GroupBy(a => a.Channel).Select(g => new CountByChannel(g.Key, g.Count())).ToListAsync(ct);
        var byMonthRaw = await appeals.Where(a => a.ReceivedMonth >= fromMonth).GroupBy(a => a.ReceivedMonth)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byMonth = new List<CountByMonth>();
        for (var m = first; m <= local; m = m.AddMonths(1))
            byMonth.Add(new CountByMonth($"{m:yyyy-MM}", byMonthRaw.FirstOrDefault(x => x.Key == m.Year * 100 + m.Month)?.Count ?? 0));
        var byState = await projects.GroupBy(p => p.State).Select(g => new CountByState(g.Key, g.Count())).ToListAsync(ct);
        var byCategory = await projects.GroupBy(p => p.Category)
            .Select(g => new CategoryMoney(g.Key, g.Count(), g.Sum(p => p.BudgetFen ?? 0))).ToListAsync(ct);
        var dl = await deadlines.GroupBy(_ => 1).Select(g => new DeadlineCounts(
            g.Count(d => d.IsOpen), g.Count(d => d.IsOpen && d.WarnAt <= now && d.DueAt >= now), g.Count(d => d.IsOpen && d.DueAt < now),
            g.Count(d => d.MetAt != null && d.MetLate == false), g.Count(d => d.MetLate == true))).FirstOrDefaultAsync(ct)
            ?? new DeadlineCounts(0, 0, 0, 0, 0);

        var appealsByTown = await appeals.GroupBy(a => a.TownId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var projectsByTown = await projects.GroupBy(p => p.TownId)
            .Select(g => new { g.Key, Count = g.Count(), Budget = g.Sum(p => p.BudgetFen ?? 0) }).ToListAsync(ct);
        var projectIdsOverdue = await deadlines.Where(d => d.IsOpen && d.DueAt < now).GroupBy(d => d.ScopePath)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var townIds = appealsByTown.Select(x => x.Key).Union(projectsByTown.Select(x => x.Key)).ToList();
        var towns = await db.Organizations.AsNoTracking().Where(o => townIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        var byTown = towns.Select(tw => new TownFigures(tw.Id, tw.Name,
                appealsByTown.FirstOrDefault(x => x.Key == tw.Id)?.Count ?? 0,
                projectsByTown.FirstOrDefault(x => x.Key == tw.Id)?.Count ?? 0,
                projectsByTown.FirstOrDefault(x => x.Key == tw.Id)?.Budget ?? 0,
                projectIdsOverdue.Where(x => x.Key.StartsWith(tw.Path, StringComparison.Ordinal)).Sum(x => x.Count)))
            .OrderByDescending(x => x.Appeals).ToList();
        return new OverviewView(byChannel.OrderByDescending(x => x.Count).ToList(), byMonth, byState.OrderBy(x => x.State).ToList(),
            byCategory, dl, byTown);
    }
}
