using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record AllocationTable(int Year, FundProgramme Programme, IReadOnlyList<SourceTotal> Sources, long PoolFen,
    IReadOnlyDictionary<AllocationFactor, int> Weights, IReadOnlyDictionary<AllocationFactor, long> Totals, IReadOnlyList<FormulaRow> Rows,
    long FormulaTotalFen, long PilotDeductedTotalFen, long CityPaysTotalFen, bool Committed, DateTimeOffset? CommittedAt);

/// <summary>
/// The yearly allocation from the city to the towns (R-FD-03): one run allocates a pool drawn from several sources (R-FD-01: for 微实事 in
/// 2020, the city budget's and the welfare lottery's money), each source by the same formula. The preview shows the worked table (each
/// town's inputs, shares, amount per source, the rounding fen and, for 微实事, the pilot money left wherever it went and deducted, R-FD-02,
/// R-FD-09) and changes nothing; commit recomputes the same table and writes, in one save, the towns' <see cref="TownAllocation"/> (which
/// the annual plan reads), one ledger entry per town from the city's fund into the town's 微实事 account or 微心愿 fund with a line per
/// source (R-FD-05), the settlement of each pilot town's deducted pilot money, and the run itself. Once per year and programme; a
/// correction afterwards is an adjustment (<see cref="AdjustAllocation"/>).
/// </summary>
public static class AllocateFunds
{
    /// <summary>One source of the pool.</summary>
    public sealed record SourceRequest(FundSource? Source, long? AmountFen);

    /// <summary><c>Sources</c> names the pool per source; <c>PoolFen</c> with <c>Source</c> is the same for a single source.</summary>
    public sealed record Request(FundProgramme? Programme, long? PoolFen, FundSource? Source, IReadOnlyDictionary<string, int>? Weights,
        IReadOnlyList<SourceRequest>? Sources = null);

    /// <summary>JSON of the stored runs and adjustments: enums by name (older rows hold numbers, which this reads too).</summary>
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A pool's source with the request field that named it (for the refusal that points at it).</summary>
    private sealed record Pool(FundSource Source, long AmountFen, string Field);

    private sealed record Plan(FundProgramme Programme, IReadOnlyList<Pool> Pools, FormulaResult Result, IReadOnlyList<Organization> Towns);

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
        var short_ = new Check();
        foreach (var (pool, total) in p.Pools.Zip(p.Result.Sources))
        {
            var have = await FundBook.SourceBalanceAsync(db, cityFund.Id, pool.Source, ct);
            short_.When(have < total.CityPaysFen, pool.Field, "insufficient_funds",
                // In 万元 like the rest of the allocation screen, exact to the fen.
                $"市专项资金的{FundNames.Zh(pool.Source)}余额{Wan(have)}万元，不足拨付{Wan(total.CityPaysFen)}万元",
                $"The city fund holds {Wan(have)} ten-thousand yuan of {pool.Source}, less than the {Wan(total.CityPaysFen)} to pay out");
        }
        short_.ThrowIfFailed();
        var towns = p.Towns.ToDictionary(t => t.Id);
        var allocations = await db.TownAllocations.Where(a => a.Year == year).ToDictionaryAsync(a => a.TownId, ct);
        var now = clock.GetUtcNow();
        var label = Label(p.Programme);
        foreach (var row in p.Result.Rows)
        {
            var town = towns[row.TownId];
            var to = await TownAccountAsync(db, clock, p.Programme, town, ct);
            var postings = row.BySource!.Where(x => x.CityPaysFen > 0)
                .SelectMany(x => new FundBook.Posting[] { new(to, x.Source, x.CityPaysFen), new(cityFund, x.Source, -x.CityPaysFen) }).ToList();
            if (postings.Count > 0)
                await FundBook.PostAsync(db, clock, EntryKind.Allocation, year, $"市拨付{town.Name}{year}年度“{label}”经费", postings, ct);
            if (row.PilotDeductedFen > 0) await SettlePilotAsync(db, clock, year, town, to, row.PilotDeductedFen, ct);
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
            Id = Guid.CreateVersion7(), Year = year, Programme = p.Programme, PoolFen = p.Result.PoolFen, ScopePath = city.Path,
            SourcesJson = JsonSerializer.Serialize(p.Pools.Select(x => new SourceAmountFen(x.Source, x.AmountFen)), Json),
            WeightsJson = JsonSerializer.Serialize(p.Result.Weights.ToDictionary(w => w.Key.ToString(), w => w.Value)),
            TableJson = JsonSerializer.Serialize(p.Result.Rows, Json), CommittedAt = now, ByName = db.Actor.Name,
        };
        db.AllocationRuns.Add(run);
        await db.Audit("CommitAllocation").SaveChangesAsync(ct);
        return Table(year, p, now);
    }

    internal static string Label(FundProgramme p) => p == FundProgramme.MicroProject ? "民生微实事" : "民生微心愿";

    /// <summary>The town's account an allocation of the programme goes into: its 微实事 account, or the 微心愿 fund its charity (or finance) holds.</summary>
    internal static async Task<FundAccount> TownAccountAsync(GuanjiaDb db, TimeProvider clock, FundProgramme programme, Organization town, CancellationToken ct)
    {
        var holder = programme == FundProgramme.MicroWish ? await OpenAccount.WishHolderAsync(db, town, ct) : town;
        var kind = programme == FundProgramme.MicroProject ? AccountKind.TownMicroProject : AccountKind.TownWishFund;
        return await FundBook.EnsureAsync(db, clock, holder, kind, null, OpenAccount.DefaultName(town, holder, kind), ct, town.Id);
    }

    /// <summary>
    /// R-FD-02, R-FD-09: the pilot money deducted from the town's allocation stops being pilot money where it is — the town's pilot account's
    /// into its 微实事 account, each village's pilot money into that village's dedicated account — in one entry, the town's pilot account
    /// first, then the villages by code, each by source. Whatever was not deducted (more was left than the town's allocation) stays pilot
    /// money for the next allocation.
    /// </summary>
    private static async Task SettlePilotAsync(GuanjiaDb db, TimeProvider clock, int year, Organization town, FundAccount townAccount, long amount,
        CancellationToken ct)
    {
        var pilots = await db.FundAccounts.IgnoreQueryFilters()
            .Where(a => a.TownId == town.Id && (a.Kind == AccountKind.TownPilot || a.Kind == AccountKind.VillagePilot) && a.BalanceFen > 0).ToListAsync(ct);
        var ids = pilots.Select(a => a.Id).ToList();
        var balances = (await db.LedgerLines.IgnoreQueryFilters().Where(l => ids.Contains(l.AccountId)).GroupBy(l => new { l.AccountId, l.Source })
            .Select(g => new { g.Key.AccountId, g.Key.Source, Sum = g.Sum(l => l.AmountFen) }).ToListAsync(ct)).ToLookup(x => x.AccountId);
        var orgIds = pilots.Select(a => a.OrganizationId).ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var postings = new List<FundBook.Posting>();
        var left = amount;
        foreach (var pilot in pilots.OrderBy(a => a.Kind == AccountKind.TownPilot ? 0 : 1).ThenBy(a => orgs[a.OrganizationId].Code, StringComparer.Ordinal))
        {
            var into = pilot.Kind == AccountKind.TownPilot ? townAccount
                : await FundBook.EnsureAsync(db, clock, orgs[pilot.OrganizationId], AccountKind.VillageMicroProject, null, null, ct, town.Id);
            foreach (var b in balances[pilot.Id].Where(b => b.Sum > 0).OrderBy(b => b.Source))
            {
                if (left == 0) break;
                var x = Math.Min(b.Sum, left);
                postings.Add(new(into, b.Source, x));
                postings.Add(new(pilot, b.Source, -x));
                left -= x;
            }
        }
        if (postings.Count > 0)
            await FundBook.PostAsync(db, clock, EntryKind.PilotSettlement, year,
                $"{town.Name}试点经费结余{(amount - left) / 100m:0.00}元（含拨付村（社区）未使用部分）抵扣{year}年度市拨付经费，转为“民生微实事”经费", postings, ct);
    }

    public sealed record RunView(int Year, FundProgramme Programme, IReadOnlyList<SourceTotal> Sources, long PoolFen, IReadOnlyDictionary<string, int> Weights,
        IReadOnlyList<FormulaRow> Rows, DateTimeOffset CommittedAt, string? ByName);

    /// <summary>The committed runs of a year with the weights and the worked table as committed (adjustments are listed apart).</summary>
    public static async Task<IReadOnlyList<RunView>> RunsAsync(GuanjiaDb db, int year, CancellationToken ct) =>
        (await db.AllocationRuns.AsNoTracking().Where(x => x.Year == year).OrderBy(x => x.Programme).ToListAsync(ct)).Select(x =>
        {
            var pools = PoolsOf(x);
            var rows = RowsOf(x, pools);
            var sources = pools.Select(s => new SourceTotal(s.Source, s.AmountFen, Sum(rows, s.Source, r => r.FormulaFen), Sum(rows, s.Source, r => r.PilotDeductedFen),
                Sum(rows, s.Source, r => r.CityPaysFen))).ToList();
            return new RunView(x.Year, x.Programme, sources, x.PoolFen, JsonSerializer.Deserialize<Dictionary<string, int>>(x.WeightsJson) ?? [], rows,
                x.CommittedAt, x.ByName);
        }).ToList();

    private static long Sum(IEnumerable<FormulaRow> rows, FundSource s, Func<SourceShare, long> f) =>
        rows.Sum(r => r.BySource!.Where(b => b.Source == s).Sum(f));

    internal static IReadOnlyList<SourceAmountFen> PoolsOf(AllocationRun run) =>
        JsonSerializer.Deserialize<List<SourceAmountFen>>(run.SourcesJson, Json) ?? [];

    /// <summary>The run's rows; rows committed before runs had several sources get their one source's shares.</summary>
    internal static IReadOnlyList<FormulaRow> RowsOf(AllocationRun run, IReadOnlyList<SourceAmountFen> pools) =>
        (JsonSerializer.Deserialize<List<FormulaRow>>(run.TableJson, Json) ?? []).Select(r => r.BySource is not null ? r
            : r with { BySource = [new SourceShare(pools.Count > 0 ? pools[0].Source : FundSource.CityBudget, r.FormulaFen, r.PilotDeductedFen, r.CityPaysFen)] })
        .ToList();

    private static AllocationTable Table(int year, Plan p, DateTimeOffset? committedAt) =>
        new(year, p.Programme, p.Result.Sources, p.Result.PoolFen, p.Result.Weights, p.Result.Totals, p.Result.Rows, p.Result.FormulaTotalFen,
            p.Result.PilotDeductedTotalFen, p.Result.CityPaysTotalFen, committedAt is not null, committedAt);

    private static List<Pool> CheckPools(Check c, Request r, FundProgramme? programme)
    {
        if (r.Sources is null)
        {
            FundBook.CheckAmount(c, r.PoolFen, "poolFen");
            c.When(r.Source is { } s0 && !Enum.IsDefined(s0), "source", "invalid", "资金来源无效", "source is not valid");
            var source = r.Source ?? (programme == FundProgramme.MicroWish ? FundSource.CharityFederation : FundSource.CityBudget);
            return [new Pool(source, r.PoolFen ?? 0, "poolFen")];
        }
        c.When(r.Sources.Count == 0, "sources", "required", "请填写各资金来源的分配金额", "Name the amount of each source (R-FD-01)");
        for (var i = 0; i < r.Sources.Count; i++)
        {
            var x = r.Sources[i];
            c.When(x?.Source is null || !Enum.IsDefined(x.Source.Value), $"sources[{i}].source", "required", "请选择资金来源", "source is required (R-FD-01)");
            FundBook.CheckAmount(c, x?.AmountFen, $"sources[{i}].amountFen");
        }
        c.When(r.Sources.Where(x => x?.Source is not null).GroupBy(x => x!.Source).Any(g => g.Count() > 1), "sources", "duplicate",
            "同一资金来源只能填写一次", "A source appears twice");
        return r.Sources.Select((x, i) => new Pool(x?.Source ?? FundSource.CityBudget, x?.AmountFen ?? 0, $"sources[{i}].amountFen"))
            .OrderBy(x => x.Source).ToList();
    }

    private static async Task<Plan> PlanAsync(GuanjiaDb db, int year, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckYear(c, year);
        c.When(r.Programme is null || !Enum.IsDefined(r.Programme.Value), "programme", "required", "请选择经费类别", "programme must be MicroProject or MicroWish");
        var pools = CheckPools(c, r, r.Programme);
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
        var towns = await db.Organizations.AsNoTracking().Where(o => o.IsActive
            && (o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park)).ToListAsync(ct);
        var factors = await db.TownFactors.AsNoTracking().Where(f => f.Year == year).ToDictionaryAsync(f => f.TownId, ct);
        var missing = towns.Where(t => !factors.ContainsKey(t.Id)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
            throw new ValidationFailed("year", "missing_factors", $"以下镇（街道）尚未填写{year}年度分配因素：{string.Join("、", missing.Take(10))}{(missing.Count > 10 ? "等" : "")}",
                $"{missing.Count} towns have no {year} allocation figures");
        var leftovers = programme == FundProgramme.MicroProject ? await PilotLeftoversAsync(db, ct) : [];
        var input = towns.Select(t =>
        {
            var f = factors[t.Id];
            var values = new Dictionary<AllocationFactor, long>
            {
                [AllocationFactor.Villages] = f.VillageCount, [AllocationFactor.Area] = f.AreaHectares, [AllocationFactor.Output] = f.OutputWan,
                [AllocationFactor.Population] = f.Population, [AllocationFactor.Strength] = f.OutputWan, [AllocationFactor.Need] = f.NeedCount,
            };
            var left = leftovers.GetValueOrDefault(t.Id) ?? new Dictionary<FundSource, long>();
            return new FormulaTown(t.Id, t.Code, t.Name, values, left.Values.Sum(), left);
        }).ToList();
        var zero = weights.Where(w => w.Value > 0 && input.Sum(t => t.Inputs[w.Key]) <= 0).Select(w => w.Key).ToList();
        if (zero.Count > 0)
            throw new ValidationFailed("weights", "zero_total", $"因素“{string.Join("、", zero.Select(Zh))}”各镇（街道）合计为0，不能设置权重",
                $"The factors {string.Join(", ", zero)} total zero across towns and cannot carry weight");
        return new Plan(programme, pools, FundRules.Allocate(pools.Select(x => new SourceAmountFen(x.Source, x.AmountFen)).ToList(), weights, input), towns);
    }

    /// <summary>
    /// R-FD-02, R-FD-09: each town's pilot money not yet spent, by source, wherever it is: its pilot account and its villages' pilot money.
    /// </summary>
    public static async Task<Dictionary<Guid, Dictionary<FundSource, long>>> PilotLeftoversAsync(GuanjiaDb db, CancellationToken ct)
    {
        var rows = await db.LedgerLines.IgnoreQueryFilters()
            .Join(db.FundAccounts.IgnoreQueryFilters().Where(a => a.Kind == AccountKind.TownPilot || a.Kind == AccountKind.VillagePilot),
                l => l.AccountId, a => a.Id, (l, a) => new { a.TownId, l.Source, l.AmountFen })
            .GroupBy(x => new { x.TownId, x.Source }).Select(g => new { g.Key.TownId, g.Key.Source, Sum = g.Sum(x => x.AmountFen) }).ToListAsync(ct);
        return rows.Where(x => x.TownId != null && x.Sum > 0).GroupBy(x => x.TownId!.Value)
            .ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Source, x => x.Sum));
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

    private static string Wan(long fen) => (fen / 1_000_000m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
