using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Statistics.GroupKeys;

namespace Guanjia.App.Statistics;

/// <summary>
/// Money in fen: the consulted budget of every project, the budget of those approved (past the town's review,
/// or filed under the threshold, R-MS-07/R-MS-10), and the actual spending of the completion form (R-MS-13).
/// PaidFen is what the funds ledger paid, net of reversals: the projects' running ledger_paid_fen, summed by the same query (ADR 0015).
/// </summary>
public sealed record ProjectGroup(Guid? TownId, string? TownName, Guid? VillageId, string? VillageName, ProjectCategory? Category, Route? Route,
    ProjectState? State, string? Month, int Count, long BudgetFen, int Approved, long ApprovedFen, long ActualFen, long PaidFen);

public sealed record ProjectStatisticsView(IReadOnlyList<string> GroupBy, string? From, string? To, Guid? TownId, Guid? VillageId,
    ProjectGroup Total, IReadOnlyList<ProjectGroup> Groups);

/// <summary>Micro-projects counted and summed by town, village, category, route, state and month made: one GROUP BY over IX_micro_projects_stats_town.</summary>
public static class ProjectStatistics
{
    public sealed class Key
    {
        public Guid? TownId { get; set; }
        public Guid? VillageId { get; set; }
        public ProjectCategory? Category { get; set; }
        public Route? Route { get; set; }
        public ProjectState? State { get; set; }
        public int? Month { get; set; }
    }

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        Dim<MicroProject, Guid>("town", nameof(Key.TownId), p => p.TownId),
        Dim<MicroProject, Guid>("village", nameof(Key.VillageId), p => p.VillageId),
        Dim<MicroProject, ProjectCategory?>("category", nameof(Key.Category), p => p.Category),
        Dim<MicroProject, Route?>("route", nameof(Key.Route), p => p.Route),
        Dim<MicroProject, ProjectState>("state", nameof(Key.State), p => p.State),
        Dim<MicroProject, int>("month", nameof(Key.Month), p => p.CreatedMonth),
    ];

    /// <summary>Approved: the town confirmed it for programme funding, or it was filed under the threshold; not referred, rejected or still before review.</summary>
    public static bool IsApproved(ProjectState s) => s is ProjectState.AwaitingPublicity or ProjectState.Publicity or ProjectState.Implementation
        or ProjectState.Completed or ProjectState.AwaitingSurvey or ProjectState.Closed;

    public static async Task<ProjectStatisticsView> GetAsync(GuanjiaDb db, StatisticsRequest r, CancellationToken ct)
    {
        var f = await StatisticsFilter.ParseAsync(db, r, Names(Dimensions), ct);
        var q = f.InPeriod(f.Place(db.MicroProjects.AsNoTracking(), p => p.TownId, p => p.VillageId), p => p.CreatedMonth);
        // The approved states written out, so the SQL is a CASE over constants (IsApproved says the same).
        var rows = await q.GroupBy(For<MicroProject, Key>(f, Dimensions)).Select(g => new
        {
            g.Key,
            Count = g.Count(),
            Budget = g.Sum(p => p.BudgetFen ?? 0),
            Approved = g.Count(p => p.State == ProjectState.AwaitingPublicity || p.State == ProjectState.Publicity
                || p.State == ProjectState.Implementation || p.State == ProjectState.Completed || p.State == ProjectState.AwaitingSurvey
                || p.State == ProjectState.Closed),
            ApprovedFen = g.Sum(p => p.State == ProjectState.AwaitingPublicity || p.State == ProjectState.Publicity
                || p.State == ProjectState.Implementation || p.State == ProjectState.Completed || p.State == ProjectState.AwaitingSurvey
                || p.State == ProjectState.Closed ? p.BudgetFen ?? 0 : 0),
            Actual = g.Sum(p => (p.ActualProgrammeFen ?? 0) + (p.ActualVillageFen ?? 0) + (p.ActualSocialFen ?? 0)),
            Paid = g.Sum(p => p.LedgerPaidFen),
        }).ToListAsync(ct);
        var names = await OrganizationQueries.NamesAsync(db, rows.SelectMany(x => new[] { x.Key.TownId, x.Key.VillageId }).OfType<Guid>(), ct);
        var groups = rows.Select(x => new ProjectGroup(x.Key.TownId, AppealStatistics.Name(names, x.Key.TownId), x.Key.VillageId,
                AppealStatistics.Name(names, x.Key.VillageId), x.Key.Category, x.Key.Route, x.Key.State,
                x.Key.Month is { } m ? StatisticsFilter.MonthText(m) : null, x.Count, x.Budget, x.Approved, x.ApprovedFen, x.Actual, x.Paid))
            .OrderBy(g => g.Month, StringComparer.Ordinal).ThenByDescending(g => g.Count).ThenBy(g => g.TownName, StringComparer.Ordinal)
            .ThenBy(g => g.VillageName, StringComparer.Ordinal).ToList();
        var total = new ProjectGroup(null, null, null, null, null, null, null, null, groups.Sum(g => g.Count), groups.Sum(g => g.BudgetFen),
            groups.Sum(g => g.Approved), groups.Sum(g => g.ApprovedFen), groups.Sum(g => g.ActualFen), groups.Sum(g => g.PaidFen));
        return new ProjectStatisticsView(f.Dimensions, f.From, f.To, f.TownId, f.VillageId, total, groups);
    }
}
