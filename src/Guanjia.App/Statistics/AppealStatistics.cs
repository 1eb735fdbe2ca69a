using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Statistics.GroupKeys;

namespace Guanjia.App.Statistics;

public sealed record AppealGroup(Guid? TownId, string? TownName, Guid? VillageId, string? VillageName, Channel? Channel,
    ProjectCategory? Category, AppealState? State, string? Month, int Count);

public sealed record AppealStatisticsView(IReadOnlyList<string> GroupBy, string? From, string? To, Guid? TownId, Guid? VillageId, int Total,
    IReadOnlyList<AppealGroup> Groups);

/// <summary>
/// Appeals counted by any of town, village, channel, category, state and month received, in a period and a unit
/// within the caller's scope (R-PL-03, R-IN-01): one GROUP BY over IX_appeals_stats_town / IX_appeals_stats_month.
/// </summary>
public static class AppealStatistics
{
    public sealed class Key
    {
        public Guid? TownId { get; set; }
        public Guid? VillageId { get; set; }
        public Channel? Channel { get; set; }
        public ProjectCategory? Category { get; set; }
        public AppealState? State { get; set; }
        public int? Month { get; set; }
    }

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        Dim<Appeal, Guid>("town", nameof(Key.TownId), a => a.TownId),
        Dim<Appeal, Guid>("village", nameof(Key.VillageId), a => a.VillageId),
        Dim<Appeal, Channel>("channel", nameof(Key.Channel), a => a.Channel),
        Dim<Appeal, ProjectCategory?>("category", nameof(Key.Category), a => a.Category),
        Dim<Appeal, AppealState>("state", nameof(Key.State), a => a.State),
        Dim<Appeal, int>("month", nameof(Key.Month), a => a.ReceivedMonth),
    ];

    public static async Task<AppealStatisticsView> GetAsync(GuanjiaDb db, StatisticsRequest r, CancellationToken ct)
    {
        var f = await StatisticsFilter.ParseAsync(db, r, Names(Dimensions), ct);
        var q = f.InPeriod(f.Place(db.Appeals.AsNoTracking(), a => a.TownId, a => a.VillageId), a => a.ReceivedMonth);
        var rows = await q.GroupBy(For<Appeal, Key>(f, Dimensions)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await OrganizationQueries.NamesAsync(db, rows.SelectMany(x => new[] { x.Key.TownId, x.Key.VillageId }).OfType<Guid>(), ct);
        var groups = rows.Select(x => new AppealGroup(x.Key.TownId, Name(names, x.Key.TownId), x.Key.VillageId, Name(names, x.Key.VillageId),
                x.Key.Channel, x.Key.Category, x.Key.State, x.Key.Month is { } m ? StatisticsFilter.MonthText(m) : null, x.Count))
            .OrderBy(g => g.Month, StringComparer.Ordinal).ThenByDescending(g => g.Count).ThenBy(g => g.TownName, StringComparer.Ordinal)
            .ThenBy(g => g.VillageName, StringComparer.Ordinal).ToList();
        return new AppealStatisticsView(f.Dimensions, f.From, f.To, f.TownId, f.VillageId, groups.Sum(g => g.Count), groups);
    }

    internal static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
}
