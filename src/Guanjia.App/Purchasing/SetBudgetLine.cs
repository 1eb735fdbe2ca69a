using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-08: 经费从民政局年初预算安排. The bureau records its budget line for the year; every purchase contract of that
/// budget year is charged to it and may not take it past its amount, and the line may not be cut below what is signed.
/// </summary>
public static class SetBudgetLine
{
    public sealed record Request(long? AmountFen, string? DocumentNumber, string? Note, int? Version, string? Reason);

    public static async Task<BudgetLineView> HandleAsync(GuanjiaDb db, TimeProvider clock, int year, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var (_, bureau) = await PurchasingSteps.BureauAsync(db, ct);
        var c = new Check()
            .When(year is < 2000 or > 2100, "year", "out_of_range", "年度须在2000到2100之间", "year must be between 2000 and 2100")
            .When(r.AmountFen is null or <= 0, "amountFen", "out_of_range", "年初预算金额须大于0（单位：分）", "amountFen must be more than 0 (fen)")
            .MaxLength("documentNumber", r.DocumentNumber, 100, "预算文号", "Document number")
            .MaxLength("note", r.Note, 500, "备注", "Note");
        var line = await db.BudgetLines.SingleOrDefaultAsync(b => b.BureauId == bureau.Id && b.Year == year, ct);
        if (line is not null)
        {
            if (r.Version != line.Version) throw new Conflict("年初预算已被他人修改，请刷新后重试", "The budget line was changed by someone else; reload and retry");
            c.Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason");
        }
        var committed = await CommittedAsync(db, bureau.Id, year, ct);
        c.When(r.AmountFen is { } a && a < committed, "amountFen", "below_committed",
            $"{year}年度已签订的购买服务合同共{PurchasingSteps.Yuan(committed)}，年初预算不能低于此数（R-PS-08）",
            $"Contracts of {year} already commit {committed} fen; the budget cannot be less (R-PS-08)");
        c.ThrowIfFailed();
        var now = clock.GetUtcNow();
        if (line is null)
        {
            line = new BudgetLine { Id = Guid.CreateVersion7(), BureauId = bureau.Id, ScopePath = bureau.Path, Year = year, CreatedAt = now };
            db.BudgetLines.Add(line);
        }
        line.AmountFen = r.AmountFen!.Value;
        line.DocumentNumber = string.IsNullOrWhiteSpace(r.DocumentNumber) ? null : r.DocumentNumber.Trim();
        line.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        line.UpdatedAt = now;
        await db.Audit("SetBudgetLine", r.Reason).SaveChangesAsync(ct);
        return new BudgetLineView(line.Id, line.Year, line.AmountFen, committed, line.AmountFen - committed, line.DocumentNumber, line.Note, line.Version);
    }

    /// <summary>What the bureau's contracts of a budget year amount to.</summary>
    public static async Task<long> CommittedAsync(GuanjiaDb db, Guid bureauId, int year, CancellationToken ct) =>
        await db.ServiceContracts.IgnoreQueryFilters().Where(c => c.BureauId == bureauId && c.BudgetYear == year).SumAsync(c => (long?)c.AmountFen, ct) ?? 0;

    public static async Task<IReadOnlyList<BudgetLineView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking().OrderByDescending(b => b.Year).ToListAsync(ct);
        var list = new List<BudgetLineView>();
        foreach (var l in lines)
        {
            var committed = await CommittedAsync(db, l.BureauId, l.Year, ct);
            list.Add(new BudgetLineView(l.Id, l.Year, l.AmountFen, committed, l.AmountFen - committed, l.DocumentNumber, l.Note, l.Version));
        }
        return list;
    }
}
