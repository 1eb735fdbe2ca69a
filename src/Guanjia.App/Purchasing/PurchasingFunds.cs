using Guanjia.App.Funds;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-FD-07: the bureau's ring-fenced purchased-service money, in the same ledger as every other fund but reached from the purchasing
/// module, because a jurisdiction that only buys services (瑶海区) does not run the 民生大莞家 funds pages. The account is held by the
/// jurisdiction's root and opened with its first receipt; payments are the contract's (<see cref="PayInstalment"/>).
/// </summary>
public static class PurchasingFunds
{
    public sealed record Receipt(FundSource? Source, long? AmountFen, int? Year, string? Description, string? Reference);

    public sealed record Reversal(string? Reason);

    public static Task<IReadOnlyList<AccountView>> AccountsAsync(GuanjiaDb db, CancellationToken ct) =>
        LedgerQueries.AccountsAsync(db, null, AccountKind.PurchasedService, false, ct);

    public static async Task<EntryView> ReceiveAsync(GuanjiaDb db, TimeProvider clock, Receipt r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        // Checked before the account is opened, so a refused receipt leaves no empty account behind.
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.MaxLength("description", r.Description, 500, "摘要", "Description").MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        var root = await db.Organizations.AsNoTracking().SingleAsync(o => o.Path == db.Actor.JurisdictionPath, ct);
        var acct = await db.FundAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.OrganizationId == root.Id && a.Kind == AccountKind.PurchasedService, ct);
        if (acct is null)
        {
            acct = await FundBook.EnsureAsync(db, clock, root, AccountKind.PurchasedService, null, $"{root.Name}购买服务专项资金", ct);
            await db.Audit("OpenFundAccount").SaveChangesAsync(ct);
        }
        return await RecordReceipt.HandleAsync(db, clock, new RecordReceipt.Request(acct.Id, r.Source, r.AmountFen, r.Year, false,
            string.IsNullOrWhiteSpace(r.Description) ? "收到政府购买服务资金" : r.Description, r.Reference), ct);
    }

    /// <summary>The ledger's payments (and their reversals) of a contract's instalments, oldest first.</summary>
    public static async Task<IReadOnlyList<EntryView>> PaymentsAsync(GuanjiaDb db, Guid contractId, CancellationToken ct)
    {
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var ids = await db.ContractInstalments.AsNoTracking().Where(i => i.ContractId == contract.Id).Select(i => (Guid?)i.Id).ToListAsync(ct);
        // The contract is in the caller's scope, so are the payments to it: the contractor sees what it was paid.
        var entries = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.TargetKind == PaymentTarget.ContractInstalment && ids.Contains(e.TargetId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return await LedgerQueries.ViewsAsync(db, entries, ct);
    }

    /// <summary>A wrong payment is corrected by the ledger's reversal, which takes the instalment's paid amount back (ADR 0041).</summary>
    public static async Task<EntryView> ReverseAsync(GuanjiaDb db, TimeProvider clock, Guid contractId, Guid entryId, Reversal r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var entry = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is not { TargetKind: PaymentTarget.ContractInstalment, TargetId: { } target }
            || !await db.ContractInstalments.AnyAsync(i => i.Id == target && i.ContractId == contract.Id, ct))
            throw new NotFound("LedgerEntry", "该合同没有这笔支付", "The contract has no such payment");
        return await ReverseEntry.HandleAsync(db, clock, entryId, new ReverseEntry.Request(r.Reason), ct);
    }
}
