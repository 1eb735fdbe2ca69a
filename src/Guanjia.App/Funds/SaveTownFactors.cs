using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record TownFactorsView(Guid TownId, string TownName, int Year, long VillageCount, long AreaHectares, long OutputWan, long Population,
    long NeedCount, int? EconomicClass, bool IsPilot, int Version);

/// <summary>The city keeps each town's figures for a year that the allocation formula reads (R-FD-03): all towns in one call.</summary>
public static class SaveTownFactors
{
    public sealed record Row(Guid? TownId, long? VillageCount, long? AreaHectares, long? OutputWan, long? Population, long? NeedCount);

    public sealed record Request(IReadOnlyList<Row>? Towns);

    public static async Task<IReadOnlyList<TownFactorsView>> HandleAsync(GuanjiaDb db, TimeProvider clock, int year, Request r, CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以维护分配因素", "Only the city keeps the allocation figures");
        var rows = r.Towns ?? [];
        var towns = await db.Organizations.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var townIds = towns.Where(o => o.IsTownLevel).Select(o => o.Id).ToHashSet();
        var c = new Check();
        FundBook.CheckYear(c, year);
        c.When(rows.Count == 0, "towns", "required", "请填写各镇（街道）的分配因素", "towns is required");
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            if (x is null)
            {
                c.When(true, $"towns[{i}]", "required", "请填写该镇（街道）的分配因素", "The row is empty");
                continue;
            }
            c.When(x.TownId is null || !townIds.Contains(x.TownId.Value), $"towns[{i}].townId", "not_a_town", "请选择镇（街道）", "townId must be a town, street or park");
            foreach (var (name, v) in new[] { ("villageCount", x.VillageCount), ("areaHectares", x.AreaHectares), ("outputWan", x.OutputWan),
                         ("population", x.Population), ("needCount", x.NeedCount) })
                c.When(v is null or < 0, $"towns[{i}].{name}", "out_of_range", "须为不小于0的整数", $"{name} must be a whole number, not negative");
        }
        c.When(rows.Where(x => x?.TownId is not null).GroupBy(x => x.TownId).Any(g => g.Count() > 1), "towns", "duplicate", "同一镇（街道）不能填写两次", "A town appears twice");
        c.ThrowIfFailed();
        var ids = rows.Select(x => x.TownId!.Value).ToList();
        var existing = await db.TownFactors.Where(f => f.Year == year && ids.Contains(f.TownId)).ToDictionaryAsync(f => f.TownId, ct);
        var now = clock.GetUtcNow();
        foreach (var x in rows)
        {
            if (!existing.TryGetValue(x.TownId!.Value, out var f))
            {
                f = new TownFactors { Id = Guid.CreateVersion7(), TownId = x.TownId.Value, Year = year, ScopePath = towns.First(o => o.Id == x.TownId).Path };
                db.TownFactors.Add(f);
            }
            (f.VillageCount, f.AreaHectares, f.OutputWan, f.Population, f.NeedCount, f.UpdatedAt) =
                (x.VillageCount!.Value, x.AreaHectares!.Value, x.OutputWan!.Value, x.Population!.Value, x.NeedCount!.Value, now);
        }
        await db.Audit("SaveTownFactors").SaveChangesAsync(ct);
        return await ListAsync(db, year, ct);
    }

    public static async Task<IReadOnlyList<TownFactorsView>> ListAsync(GuanjiaDb db, int year, CancellationToken ct)
    {
        var rows = await db.TownFactors.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct);
        var ids = rows.Select(f => f.TownId).ToList();
        var towns = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return rows.OrderBy(f => towns[f.TownId].Code, StringComparer.Ordinal).Select(f => new TownFactorsView(f.TownId, towns[f.TownId].Name, f.Year,
            f.VillageCount, f.AreaHectares, f.OutputWan, f.Population, f.NeedCount, towns[f.TownId].EconomicClass, towns[f.TownId].IsPilot, f.Version)).ToList();
    }
}
