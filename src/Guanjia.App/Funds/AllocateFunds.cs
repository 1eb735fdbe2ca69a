using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record AllocationTable(int Year, FundProgramme Programme, FundSource Source, long PoolFen, IReadOnlyDictionary<AllocationFactor, int> Weights,
    IReadOnlyDictionary<AllocationFactor, long> Totals, IReadOnlyList<FormulaRow> Rows, long FormulaTotalFen, long PilotDeductedTotalFen, long CityPaysTotalFen,
    bool Committed, DateTimeOffset? CommittedAt);

/// <summary>
/// The yearly allocation from the city to the towns (R-FD-03): the preview shows the worked table (each town's inputs,
/// shares, amount, the rounding fen and, for 微实事, the pilot money left and deducted, R-FD-02) and changes nothing;
/// commit recomputes the same table and writes, in one save, the towns' <see cref="TownAllocation"/> (which the annual
/// plan reads), one ledger entry per town from the city's fund into the town's 微实事 account or 微心愿 fund (R-FD-05),
/// the transfer of each pilot town's leftover pilot money into its 微实事 account, and the run itself. Once per year and programme.
/// </summary>
public static class AllocateFunds
{
    public sealed record Request(FundProgramme? Programme, long? PoolFen, FundSource? Source, IReadOnlyDictionary<string, int>? Weights);

    private sealed record Plan(FundProgramme Programme, FundSource Source, FormulaResult Result, IReadOnlyList<Organization> Towns);

    private static void RequireCity(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以分配经费", "Only the city allocates the programme's money");
    }

    public static async Task<AllocationTable> PreviewAsync(GuanjiaDb db, int year, Request r, CancellationToken ct)
    {
        RequireCity(db);
        var p = await PlanAsync(db, year, r, ct);
        return Table(year, p, null);
    }

    public static async Task<AllocationTable> CommitAsync(GuanjiaDb db, TimeProvider clock, int year, Request r, CancellationToken ct)
    {
        RequireCity(db);
        var p = await PlanAsync(db, year, r, ct);
        if (await db.AllocationRuns.AnyAsync(x => x.Year == year && x.Programme == p.Programme, ct))
            throw new Conflict($"{year}年度该项经费已分配", "This year's allocation of that programme is already committed");
        // The caller's own city: the root of its jurisdiction (ADR 0040).
        var root = db.Actor.JurisdictionPath;
        var city = await db.Organizations.AsNoTracking().FirstAsync(o => o.Path == root && o.ParentId == null, ct);
        var cityFund = await FundBook.EnsureAsync(db, clock, city, AccountKind.CityProgramme, null, null, ct);
        var have = await FundBook.SourceBalanceAsync(db, cityFund.Id, p.Source, ct);
        if (have < p.Result.CityPaysTotalFen)
            throw new ValidationFailed("poolFen", "insufficient_funds", $"市专项资金的{FundNames.Zh(p.Source)}余额{have / 100m:0.00}元，不足拨付{p.Result.CityPaysTotalFen / 100m:0.00}元",
                $"The city fund holds {have} fen of {p.Source}, less than the {p.Result.CityPaysTotalFen} fen to pay out");
        var towns = p.Towns.ToDictionary(t => t.Id);
        var allocations = await db.TownAllocations.Where(a => a.Year == year).ToDictionaryAsync(a => a.TownId, ct);
        var now = clock.GetUtcNow();
        var label = p.Programme == FundProgramme.MicroProject ? "民生微实事" : "民生微心愿";
        foreach (var row in p.Result.Rows)
        {
            var town = towns[row.TownId];
            var holder = p.Programme == FundProgramme.MicroWish ? await OpenAccount.WishHolderAsync(db, town, ct) : town;
            var kind = p.Programme == FundProgramme.MicroProject ? AccountKind.TownMicroProject : AccountKind.TownWishFund;
            var to = await FundBook.EnsureAsync(db, clock, holder, kind, null, OpenAccount.DefaultName(town, holder, kind), ct, town.Id);
            if (row.CityPaysFen > 0)
                await FundBook.PostAsync(db, clock, EntryKind.Allocation, year, $"市拨付{town.Name}{year}年度“{label}”经费",
                    [new(to, p.Source, row.CityPaysFen), new(cityFund, p.Source, -row.CityPaysFen)], ct);
            if (row.PilotLeftoverFen > 0)
            {
                var pilot = await db.FundAccounts.SingleAsync(a => a.OrganizationId == town.Id && a.Kind == AccountKind.TownPilot, ct);
                var bySource = await db.LedgerLines.IgnoreQueryFilters().Where(l => l.AccountId == pilot.Id).GroupBy(l => l.Source)
                    .Select(g => new { g.Key, Sum = g.Sum(l => l.AmountFen) }).ToListAsync(ct);
                foreach (var s in bySource.Where(s => s.Sum > 0))
                    await FundBook.PostAsync(db, clock, EntryKind.Transfer, year, $"{town.Name}试点经费结余转入，抵扣{year}年度市拨付经费",
                        [new(to, s.Key, s.Sum), new(pilot, s.Key, -s.Sum)], ct);
            }
            if (!allocations.TryGetValue(town.Id, out var a))
            {
                a = new TownAllocation { Id = Guid.CreateVersion7(), TownId = town.Id, Year = year, ScopePath = town.Path };
                db.TownAllocations.Add(a);
            }
            if (p.Programme == FundProgramme.MicroProject) a.MicroProjectFen = row.CityPaysFen;
            else a.MicroWishFen = row.CityPaysFen;
            a.UpdatedAt = now;
        }
        var run = new AllocationRun
        {
            Id = Guid.CreateVersion7(), Year = year, Programme = p.Programme, Source = p.Source, PoolFen = p.Result.PoolFen, ScopePath = city.Path,
            WeightsJson = JsonSerializer.Serialize(p.Result.Weights.ToDictionary(w => w.Key.ToString(), w => w.Value)),
            TableJson = JsonSerializer.Serialize(p.Result.Rows), CommittedAt = now, ByName = db.Actor.Name,
        };
        db.AllocationRuns.Add(run);
        await db.Audit("CommitAllocation").SaveChangesAsync(ct);
        return Table(year, p, now);
    }

    public sealed record RunView(int Year, FundProgramme Programme, FundSource Source, long PoolFen, IReadOnlyDictionary<string, int> Weights,
        IReadOnlyList<FormulaRow> Rows, DateTimeOffset CommittedAt, string? ByName);

    /// <summary>The committed runs of a year with the weights and the worked table as committed.</summary>
    public static async Task<IReadOnlyList<RunView>> RunsAsync(GuanjiaDb db, int year, CancellationToken ct) =>
        (await db.AllocationRuns.AsNoTracking().Where(x => x.Year == year).OrderBy(x => x.Programme).ToListAsync(ct))
        .Select(x => new RunView(x.Year, x.Programme, x.Source, x.PoolFen, JsonSerializer.Deserialize<Dictionary<string, int>>(x.WeightsJson) ?? [],
            JsonSerializer.Deserialize<List<FormulaRow>>(x.TableJson) ?? [], x.CommittedAt, x.ByName)).ToList();

    private static AllocationTable Table(int year, Plan p, DateTimeOffset? committedAt) =>
        new(year, p.Programme, p.Source, p.Result.PoolFen, p.Result.Weights, p.Result.Totals, p.Result.Rows, p.Result.FormulaTotalFen,
            p.Result.PilotDeductedTotalFen, p.Result.CityPaysTotalFen, committedAt is not null, committedAt);

    private static async Task<Plan> PlanAsync(GuanjiaDb db, int year, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckYear(c, year);
        FundBook.CheckAmount(c, r.PoolFen, "poolFen");
        c.When(r.Programme is null || !Enum.IsDefined(r.Programme.Value), "programme", "required", "请选择经费类别", "programme must be MicroProject or MicroWish")
            .When(r.Source is { } s0 && !Enum.IsDefined(s0), "source", "invalid", "资金来源无效", "source is not valid");
        var weights = new Dictionary<AllocationFactor, int>();
        if (r.Programme is { } prog && Enum.IsDefined(prog))
        {
            var allowed = FundRules.Factors[prog];
            foreach (var (key, value) in r.Weights ?? new Dictionary<string, int>())
            {
                if (!Enum.TryParse<AllocationFactor>(key, true, out var f) || !allowed.Contains(f))
                    c.Add($"weights.{key}", "unknown_factor", $"该类经费的分配因素只能是：{string.Join("、", allowed.Select(Zh))}",
                        $"The factors of {prog} are {string.Join(", ", allowed)}");
                else if (value is < 0 or > 100) c.Add($"weights.{key}", "out_of_range", "权重须为0到100之间的整数（百分比）", "A weight is a whole percentage from 0 to 100");
                else weights[f] = value;
            }
            c.When(weights.Values.Sum() != 100, "weights", "sum_not_100", $"各因素权重之和须为100%，现为{weights.Values.Sum()}%",
                $"The weights must sum to 100%, not {weights.Values.Sum()}% (R-FD-03)");
        }
        c.ThrowIfFailed();
        var programme = r.Programme!.Value;
        var source = r.Source ?? (programme == FundProgramme.MicroProject ? FundSource.CityBudget : FundSource.CharityFederation);
        var towns = await db.Organizations.AsNoTracking().Where(o => o.IsActive
            && (o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park)).ToListAsync(ct);
        var factors = await db.TownFactors.AsNoTracking().Where(f => f.Year == year).ToDictionaryAsync(f => f.TownId, ct);
        var missing = towns.Where(t => !factors.ContainsKey(t.Id)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
            throw new ValidationFailed("year", "missing_factors", $"以下镇（街道）尚未填写{year}年度分配因素：{string.Join("、", missing.Take(10))}{(missing.Count > 10 ? "等" : "")}",
                $"{missing.Count} towns have no {year} allocation figures");
        var leftovers = programme == FundProgramme.MicroProject
            ? await db.FundAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.TownPilot).ToDictionaryAsync(a => a.OrganizationId, a => a.BalanceFen, ct)
            : [];
        var input = towns.Select(t =>
        {
            var f = factors[t.Id];
            var values = new Dictionary<AllocationFactor, long>
            {
                [AllocationFactor.Villages] = f.VillageCount, [AllocationFactor.Area] = f.AreaHectares, [AllocationFactor.Output] = f.OutputWan,
                [AllocationFactor.Population] = f.Population, [AllocationFactor.Strength] = f.OutputWan, [AllocationFactor.Need] = f.NeedCount,
            };
            return new FormulaTown(t.Id, t.Code, t.Name, values, leftovers.GetValueOrDefault(t.Id));
        }).ToList();
        var zero = weights.Where(w => w.Value > 0 && input.Sum(t => t.Inputs[w.Key]) <= 0).Select(w => w.Key).ToList();
        if (zero.Count > 0)
            throw new ValidationFailed("weights", "zero_total", $"因素“{string.Join("、", zero.Select(Zh))}”各镇（街道）合计为0，不能设置权重",
                $"The factors {string.Join(", ", zero)} total zero across towns and cannot carry weight");
        return new Plan(programme, source, FundRules.Allocate(r.PoolFen!.Value, weights, input), towns);
    }

    public static string Zh(AllocationFactor f) => f switch
    {
        AllocationFactor.Villages => "村（社区）数量",
        AllocationFactor.Area => "行政区划面积",
        AllocationFactor.Output => "经济总量",
        AllocationFactor.Population => "人口",
        AllocationFactor.Strength => "经济实力",
        AllocationFactor.Need => "实际帮扶需求",
        _ => f.ToString(),
    };
}
