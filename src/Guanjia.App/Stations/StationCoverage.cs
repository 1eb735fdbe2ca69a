using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

public sealed record VillageCoverage(Guid VillageId, string VillageName, Guid TownId, string TownName, int ActiveStations);

public sealed record TownCoverage(Guid TownId, string TownName, int Villages, int VillagesWithStation, int ActiveStations);

public sealed record CoverageView(Guid? TownId, int Villages, int VillagesWithStation, int ActiveStations, IReadOnlyList<TownCoverage> Towns,
    IReadOnlyList<VillageCoverage> VillagesWithoutStation, IReadOnlyList<VillageCoverage> PerVillage);

/// <summary>
/// R-ST-01 "每个村（社区）至少打造一个莞家驿站": active stations per village, and the villages that have none,
/// for one town or every town the caller sees. Stations are counted with one GROUP BY in the database.
/// </summary>
public static class StationCoverage
{
    public static async Task<CoverageView> GetAsync(GuanjiaDb db, Guid? townId, CancellationToken ct)
    {
        var actor = db.Actor;
        var villages = db.Organizations.AsNoTracking()
            .Where(o => (o.Kind == OrganizationKind.Village || o.Kind == OrganizationKind.Community) && o.IsActive && o.ParentId != null);
        if (townId is { } t)
        {
            var town = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == t, ct);
            if (town is null || !town.IsTownLevel || !(actor.SeesEverything || town.Path.StartsWith(actor.ScopePath, StringComparison.Ordinal)
                    || actor.ScopePath.StartsWith(town.Path, StringComparison.Ordinal)))
                throw new NotFound("Organization", "镇（街道）不存在或不在您的管辖范围内", "The town does not exist or is outside your scope");
            villages = villages.Where(o => o.ParentId == t);
        }
        if (!actor.SeesEverything) villages = villages.Where(o => o.Path.StartsWith(actor.ScopePath));
        var list = await villages.OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, TownId = o.ParentId!.Value }).ToListAsync(ct);
        // The scope filter already limits stations to what the caller sees.
        var stations = db.Stations.AsNoTracking().Where(s => s.IsActive);
        if (townId is { } tid) stations = stations.Where(s => s.TownId == tid);
        var counts = await stations.GroupBy(s => s.VillageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var towns = await Organizations.OrganizationQueries.NamesAsync(db, list.Select(v => v.TownId), ct);
        var per = list.Select(v => new VillageCoverage(v.Id, v.Name, v.TownId, towns.GetValueOrDefault(v.TownId, ""), counts.GetValueOrDefault(v.Id)))
            .ToList();
        var byTown = per.GroupBy(v => (v.TownId, v.TownName))
            .Select(g => new TownCoverage(g.Key.TownId, g.Key.TownName, g.Count(), g.Count(v => v.ActiveStations > 0), g.Sum(v => v.ActiveStations)))
            .OrderBy(x => x.TownName, StringComparer.Ordinal).ToList();
        return new CoverageView(townId, per.Count, per.Count(v => v.ActiveStations > 0), per.Sum(v => v.ActiveStations), byTown,
            per.Where(v => v.ActiveStations == 0).ToList(), per);
    }
}
