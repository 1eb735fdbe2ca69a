using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record AdjustmentView(Guid Id, int Year, FundProgramme Programme, Guid TownId, string TownName, IReadOnlyList<SourceAmountFen> Before,
    IReadOnlyList<SourceAmountFen> After, long BeforeFen, long AfterFen, string Reason, Guid EntryId, DateTimeOffset At, string? ByName);

/// <summary>
/// R-FD-03, R-FD-06: a committed allocation is never overwritten. The city corrects one town's amount with a reason: the request names the
/// town's new amount per source (what the city pays it; a source not named keeps its amount), one ledger entry moves the difference per
/// source between the city's fund and the town's 微实事 account or 微心愿 fund, the town's allocation (which the plan and the matching
/// read, R-MS-17, R-FD-04) takes the new total, and the adjustment is kept beside the run, which stays as committed.
/// </summary>
public static class AdjustAllocation
{
    public sealed record Request(FundProgramme? Programme, Guid? TownId, IReadOnlyList<AllocateFunds.SourceRequest>? Amounts, string? Reason);

    public static async Task<AdjustmentView> HandleAsync(GuanjiaDb db, TimeProvider clock, int year, Request r, CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以调整经费分配", "Only the city adjusts an allocation");
        var c = new Check();
        FundBook.CheckYear(c, year);
        c.When(r.Programme is null || !Enum.IsDefined(r.Programme.Value), "programme", "required", "请选择经费类别", "programme must be MicroProject or MicroWish")
            .When(r.TownId is null, "townId", "required", "请选择镇（街道）", "townId is required")
            .Required("reason", r.Reason, "调整原因", "Reason").MaxLength("reason", r.Reason, 500, "调整原因", "Reason")
            .When(r.Amounts is null || r.Amounts.Count == 0, "amounts", "required", "请填写调整后的金额", "Name the town's new amount per source");
        var amounts = r.Amounts ?? [];
        for (var i = 0; i < amounts.Count; i++)
        {
            c.When(amounts[i]?.Source is null || !Enum.IsDefined(amounts[i]!.Source!.Value), $"amounts[{i}].source", "required", "请选择资金来源",
                "source is required (R-FD-01)");
            c.When(amounts[i]?.AmountFen is null or < 0, $"amounts[{i}].amountFen", "out_of_range", "金额须为不小于0的整数（单位：分）",
                "amountFen must be a whole number of fen, not negative");
        }
        c.When(amounts.Where(x => x?.Source is not null).GroupBy(x => x!.Source).Any(g => g.Count() > 1), "amounts", "duplicate",
            "同一资金来源只能填写一次", "A source appears twice");
        c.ThrowIfFailed();
        var programme = r.Programme!.Value;
        var run = await db.AllocationRuns.AsNoTracking().SingleOrDefaultAsync(x => x.Year == year && x.Programme == programme, ct)
            ?? throw new NotFound("AllocationRun", $"{year}年度该项经费尚未分配，无可调整", "That year's allocation of the programme is not committed; there is nothing to adjust");
        var row = AllocateFunds.RowsOf(run, AllocateFunds.PoolsOf(run)).FirstOrDefault(x => x.TownId == r.TownId);
        var town = row is null ? null : await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == row.TownId, ct);
        if (row is null || town is null)
            throw new ValidationFailed("townId", "not_in_run", "该镇（街道）不在本次分配中", "The town is not in that allocation");

        var current = await CurrentAsync(db, run, row, ct);
        var after = new Dictionary<FundSource, long>(current);
        foreach (var x in amounts) after[x.Source!.Value] = x.AmountFen!.Value;
        var diffs = after.Where(x => x.Value != current.GetValueOrDefault(x.Key)).ToDictionary(x => x.Key, x => x.Value - current.GetValueOrDefault(x.Key));
        if (diffs.Count == 0) throw new ValidationFailed("amounts", "unchanged", "调整后的金额与现有金额相同", "The amounts are what the town has already");

        var city = await db.Organizations.AsNoTracking().FirstAsync(o => o.Kind == OrganizationKind.City, ct);
        var cityFund = await FundBook.EnsureAsync(db, clock, city, AccountKind.CityProgramme, null, null, ct);
        var to = await AllocateFunds.TownAccountAsync(db, clock, programme, town, ct);
        var postings = diffs.OrderBy(x => x.Key)
            .SelectMany(x => new FundBook.Posting[] { new(to, x.Key, x.Value), new(cityFund, x.Key, -x.Value) }).ToList();
        var reason = r.Reason!.Trim();
        var label = AllocateFunds.Label(programme);
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Adjustment, year,
            $"调整{town.Name}{year}年度“{label}”市拨付经费：{Yuan(current.Values.Sum())}元调整为{Yuan(after.Values.Sum())}元", postings, ct,
            overdrawField: "amounts");
        var allocation = await db.TownAllocations.SingleOrDefaultAsync(a => a.TownId == town.Id && a.Year == year, ct);
        if (allocation is null)
        {
            allocation = new TownAllocation { Id = Guid.CreateVersion7(), TownId = town.Id, Year = year, ScopePath = town.Path };
            db.TownAllocations.Add(allocation);
        }
        if (programme == FundProgramme.MicroProject) allocation.MicroProjectFen = after.Values.Sum();
        else allocation.MicroWishFen = after.Values.Sum();
        allocation.UpdatedAt = clock.GetUtcNow();
        var adjustment = new AllocationAdjustment
        {
            Id = Guid.CreateVersion7(), RunId = run.Id, Year = year, Programme = programme, TownId = town.Id, ScopePath = town.Path,
            BeforeJson = Serialize(current), AfterJson = Serialize(after), BeforeFen = current.Values.Sum(), AfterFen = after.Values.Sum(), Reason = reason,
            EntryId = entry.Id, At = entry.At, ByName = db.Actor.Name,
        };
        db.AllocationAdjustments.Add(adjustment);
        await db.Audit("AdjustAllocation", reason).SaveChangesAsync(ct);
        return View(adjustment, town.Name);
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What the city pays the town now, per source: the run's row plus every adjustment's difference (a sum, so the order of adjustments
    /// made in the same instant does not matter; two made at once conflict on the town's allocation row).
    /// </summary>
    private static async Task<Dictionary<FundSource, long>> CurrentAsync(GuanjiaDb db, AllocationRun run, FormulaRow row, CancellationToken ct)
    {
        var current = row.BySource!.ToDictionary(x => x.Source, x => x.CityPaysFen);
        var made = await db.AllocationAdjustments.IgnoreQueryFilters().AsNoTracking().Where(a => a.RunId == run.Id && a.TownId == row.TownId)
            .Select(a => new { a.BeforeJson, a.AfterJson }).ToListAsync(ct);
        foreach (var a in made)
        {
            foreach (var x in Parse(a.BeforeJson)) current[x.Source] = current.GetValueOrDefault(x.Source) - x.AmountFen;
            foreach (var x in Parse(a.AfterJson)) current[x.Source] = current.GetValueOrDefault(x.Source) + x.AmountFen;
        }
        return current;
    }

    private static string Serialize(Dictionary<FundSource, long> amounts) =>
        JsonSerializer.Serialize(amounts.OrderBy(x => x.Key).Select(x => new SourceAmountFen(x.Key, x.Value)), AllocateFunds.Json);

    private static List<SourceAmountFen> Parse(string json) => JsonSerializer.Deserialize<List<SourceAmountFen>>(json, AllocateFunds.Json) ?? [];

    private static AdjustmentView View(AllocationAdjustment a, string townName) => new(a.Id, a.Year, a.Programme, a.TownId, townName, Parse(a.BeforeJson),
        Parse(a.AfterJson), a.BeforeFen, a.AfterFen, a.Reason, a.EntryId, a.At, a.ByName);

    /// <summary>The year's adjustments in the caller's scope (the city all, a town its own), oldest first.</summary>
    public static async Task<IReadOnlyList<AdjustmentView>> ListAsync(GuanjiaDb db, int year, CancellationToken ct)
    {
        var rows = await db.AllocationAdjustments.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var ids = rows.Select(a => a.TownId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(a => View(a, names.GetValueOrDefault(a.TownId, ""))).ToList();
    }
}
