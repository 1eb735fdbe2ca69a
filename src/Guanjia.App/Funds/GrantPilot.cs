using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record PilotGrantView(Guid TownId, string TownName, int Year, long AmountFen, long LeftoverFen, Guid EntryId, DateTimeOffset GrantedAt);

/// <summary>
/// R-FD-02: each pilot town receives 2,000,000 CNY for 微实事 at once, into its pilot account; once per town, ever.
/// What is left of it when the year's 微实事 allocation is committed — in the town's pilot account and in its villages' pilot money, where the
/// town passes it (R-FD-09) — is deducted from it.
/// </summary>
public static class GrantPilot
{
    public sealed record Request(Guid? TownId, int? Year, FundSource? Source);

    public static async Task<PilotGrantView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以拨付试点经费", "Only the city grants pilot money");
        var town = r.TownId is { } id ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        var c = new Check()
            .When(town is null || !town.IsTownLevel, "townId", "not_a_town", "请选择镇（街道）", "townId must be a town, street or park")
            .When(town is { IsTownLevel: true, IsPilot: false }, "townId", "not_pilot", "该镇（街道）不是试点镇（街道）", "The town is not a pilot town (R-FD-02)")
            .When(r.Year is null, "year", "required", "请填写年度", "year is required");
        FundBook.CheckYear(c, r.Year);
        c.When(r.Source is not null and not (FundSource.CityBudget or FundSource.WelfareLottery), "source", "not_city_source",
            "试点经费来自市财政或福彩关爱基金", "Pilot money comes from the city budget or the welfare-lottery fund").ThrowIfFailed();
        if (await db.PilotGrants.IgnoreQueryFilters().AnyAsync(p => p.TownId == town!.Id, ct))
            throw new Conflict($"{town!.Name}已拨付试点经费，试点经费只拨付一次", "The town already received its pilot money (R-FD-02: once)");
        var root = Domain.Jurisdictions.Jurisdiction.RootOf(town!.Path);
        var city = await db.Organizations.AsNoTracking().FirstAsync(o => o.Path == root, ct);
        var from = await FundBook.EnsureAsync(db, clock, city, AccountKind.CityProgramme, null, null, ct);
        var to = await FundBook.EnsureAsync(db, clock, town!, AccountKind.TownPilot, null, null, ct, town!.Id);
        var source = r.Source ?? FundSource.CityBudget;
        var entry = await FundBook.PostAsync(db, clock, EntryKind.PilotGrant, r.Year!.Value, $"{town.Name}“民生微实事”试点经费（一次性拨付）",
            [new(to, source, FundRules.PilotGrantFen), new(from, source, -FundRules.PilotGrantFen)], ct, overdrawField: "source");
        var g = new PilotGrant { TownId = town.Id, Year = r.Year.Value, AmountFen = FundRules.PilotGrantFen, EntryId = entry.Id, ScopePath = town.Path, GrantedAt = entry.At };
        db.PilotGrants.Add(g);
        await db.Audit("GrantPilotMoney").SaveChangesAsync(ct);
        return new PilotGrantView(g.TownId, town.Name, g.Year, g.AmountFen, to.BalanceFen, g.EntryId, g.GrantedAt);
    }

    public static async Task<IReadOnlyList<PilotGrantView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var grants = await db.PilotGrants.AsNoTracking().ToListAsync(ct);
        var ids = grants.Select(g => g.TownId).ToList();
        var towns = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // R-FD-09: what is left is the pilot money not yet spent wherever it went: the town's pilot account and its villages' pilot money.
        var pilot = (await db.FundAccounts.IgnoreQueryFilters().AsNoTracking()
                .Where(a => (a.Kind == AccountKind.TownPilot || a.Kind == AccountKind.VillagePilot) && a.TownId != null && ids.Contains(a.TownId.Value))
                .Select(a => new { a.TownId, a.BalanceFen }).ToListAsync(ct))
            .GroupBy(a => a.TownId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.BalanceFen));
        return grants.OrderBy(g => g.GrantedAt).Select(g => new PilotGrantView(g.TownId, towns[g.TownId], g.Year, g.AmountFen, pilot.GetValueOrDefault(g.TownId),
            g.EntryId, g.GrantedAt)).ToList();
    }
}
