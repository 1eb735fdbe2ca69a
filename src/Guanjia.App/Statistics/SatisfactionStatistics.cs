using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Statistics.GroupKeys;

namespace Guanjia.App.Statistics;

/// <summary>
/// Survey results per unit: projects surveyed, responses, ratings counted per level over all seven aspects
/// (非常满意, 满意, 基本满意, 不满意, 非常不满意), the satisfaction rate and the score as <see cref="SurveySummary"/>
/// computes them for one project.
/// </summary>
public sealed record SatisfactionGroup(Guid? TownId, string? TownName, Guid? VillageId, string? VillageName, int Projects, int Responses,
    IReadOnlyList<int> Levels, decimal SatisfactionRate, decimal Score);

public sealed record SatisfactionStatisticsView(IReadOnlyList<string> GroupBy, string? From, string? To, Guid? TownId, Guid? VillageId,
    SatisfactionGroup Total, IReadOnlyList<SatisfactionGroup> Groups);

/// <summary>
/// Public satisfaction per town and village (R-MS-14, R-MS-18), of the projects made in the period: the projects
/// come from IX_micro_projects_stats_town, their responses from (project_id, at), counted per level in one GROUP BY.
/// </summary>
public static class SatisfactionStatistics
{
    public sealed class Key
    {
        public Guid? TownId { get; set; }
        public Guid? VillageId { get; set; }
    }

    private sealed class Pair
    {
        public required MicroProject P { get; init; }
        public required SurveyResponse R { get; init; }
    }

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        Dim<Pair, Guid>("town", nameof(Key.TownId), x => x.P.TownId),
        Dim<Pair, Guid>("village", nameof(Key.VillageId), x => x.P.VillageId),
    ];

    private const SatisfactionLevel L5 = SatisfactionLevel.VerySatisfied, L4 = SatisfactionLevel.Satisfied,
        L3 = SatisfactionLevel.FairlySatisfied, L2 = SatisfactionLevel.Dissatisfied;

    public static async Task<SatisfactionStatisticsView> GetAsync(GuanjiaDb db, StatisticsRequest r, CancellationToken ct)
    {
        var f = await StatisticsFilter.ParseAsync(db, r, Names(Dimensions), ct);
        var projects = f.InPeriod(f.Place(db.MicroProjects.AsNoTracking(), p => p.TownId, p => p.VillageId), p => p.CreatedMonth);
        var pairs = projects.Join(db.SurveyResponses.AsNoTracking().IgnoreQueryFilters(), p => p.Id, s => s.ProjectId, (p, s) => new Pair { P = p, R = s });
        // Levels are stored by name, so each is counted by equality over the seven aspects; 非常不满意 is the rest.
        var rows = await pairs.GroupBy(For<Pair, Key>(f, Dimensions)).Select(g => new
        {
            g.Key,
            Projects = g.Select(x => x.P.Id).Distinct().Count(),
            Responses = g.Count(),
            V5 = g.Sum(x => (x.R.Overall == L5 ? 1 : 0) + (x.R.Quality == L5 ? 1 : 0) + (x.R.Effect == L5 ? 1 : 0) + (x.R.Attitude == L5 ? 1 : 0)
                + (x.R.Efficiency == L5 ? 1 : 0) + (x.R.Closeness == L5 ? 1 : 0) + (x.R.Openness == L5 ? 1 : 0)),
            V4 = g.Sum(x => (x.R.Overall == L4 ? 1 : 0) + (x.R.Quality == L4 ? 1 : 0) + (x.R.Effect == L4 ? 1 : 0) + (x.R.Attitude == L4 ? 1 : 0)
                + (x.R.Efficiency == L4 ? 1 : 0) + (x.R.Closeness == L4 ? 1 : 0) + (x.R.Openness == L4 ? 1 : 0)),
            V3 = g.Sum(x => (x.R.Overall == L3 ? 1 : 0) + (x.R.Quality == L3 ? 1 : 0) + (x.R.Effect == L3 ? 1 : 0) + (x.R.Attitude == L3 ? 1 : 0)
                + (x.R.Efficiency == L3 ? 1 : 0) + (x.R.Closeness == L3 ? 1 : 0) + (x.R.Openness == L3 ? 1 : 0)),
            V2 = g.Sum(x => (x.R.Overall == L2 ? 1 : 0) + (x.R.Quality == L2 ? 1 : 0) + (x.R.Effect == L2 ? 1 : 0) + (x.R.Attitude == L2 ? 1 : 0)
                + (x.R.Efficiency == L2 ? 1 : 0) + (x.R.Closeness == L2 ? 1 : 0) + (x.R.Openness == L2 ? 1 : 0)),
        }).ToListAsync(ct);
        var names = await OrganizationQueries.NamesAsync(db, rows.SelectMany(x => new[] { x.Key.TownId, x.Key.VillageId }).OfType<Guid>(), ct);
        var groups = rows.Select(x => Group(x.Key.TownId, AppealStatistics.Name(names, x.Key.TownId), x.Key.VillageId,
                AppealStatistics.Name(names, x.Key.VillageId), x.Projects, x.Responses, [x.V5, x.V4, x.V3, x.V2, x.Responses * 7 - x.V5 - x.V4 - x.V3 - x.V2]))
            .OrderByDescending(g => g.SatisfactionRate).ThenBy(g => g.TownName, StringComparer.Ordinal).ThenBy(g => g.VillageName, StringComparer.Ordinal)
            .ToList();
        var total = Group(null, null, null, null, groups.Sum(g => g.Projects), groups.Sum(g => g.Responses),
            Enumerable.Range(0, 5).Select(i => groups.Sum(g => g.Levels[i])).ToArray());
        return new SatisfactionStatisticsView(f.Dimensions, f.From, f.To, f.TownId, f.VillageId, total, groups);
    }

    private static SatisfactionGroup Group(Guid? townId, string? town, Guid? villageId, string? village, int projects, int responses, int[] levels)
    {
        var (rate, score) = SurveySummary.RateAndScore(levels);
        return new SatisfactionGroup(townId, town, villageId, village, projects, responses, levels, rate, score);
    }
}
