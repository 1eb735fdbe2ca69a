using Guanjia.App.Funds;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-FD-07, R-PS-06: the bureau pays an accepted instalment from its ring-fenced purchased-service money, as a ledger payment tied to the
/// instalment, up to the instalment less the penalties recorded against it and what was paid before. Only a purchased-service account of the
/// bureau's own jurisdiction pays a contract; purchased-service money pays nothing else (<see cref="FundRules.PaymentRefusal"/>). The
/// instalment is tracked, so a payment racing another payment or a penalty loses with 409 rather than paying more than is due.
/// </summary>
public static class PayInstalment
{
    public sealed record Request(Guid? AccountId, FundSource? Source, long? AmountFen, string? Reference, string? Description, int? Version);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid contractId, Guid instalmentId, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var inst = await db.ContractInstalments.SingleOrDefaultAsync(i => i.Id == instalmentId && i.ContractId == contractId, ct)
            ?? throw new NotFound("ContractInstalment", "该期款项不存在", "The instalment does not exist");
        if (r.Version is { } v && v != inst.Version) throw new Conflict("该期款项已被他人处理，请刷新后重试", "The instalment was changed by someone else; reload and retry");
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        c.MaxLength("reference", r.Reference, 100, "凭证号", "Reference").MaxLength("description", r.Description, 500, "摘要", "Description")
            .When(inst.State != InstalmentState.Accepted, "instalmentId", "not_accepted", $"“{inst.Name}”尚未验收，不能支付（R-PS-06）",
                $"'{inst.Name}' is not accepted yet and cannot be paid (R-PS-06)")
            .When(inst.State == InstalmentState.Accepted && r.AmountFen > inst.AmountDueFen, "amountFen", "over_due",
                $"超出该期应付金额：合同约定{PurchasingSteps.Yuan(inst.AmountFen)}，扣减违约金{PurchasingSteps.Yuan(inst.PenaltyFen)}，已支付{PurchasingSteps.Yuan(inst.PaidFen)}，"
                + $"还可支付{PurchasingSteps.Yuan(inst.AmountDueFen)}（R-PS-06）",
                $"Exceeds what is due: {inst.AmountFen} fen less {inst.PenaltyFen} fen of penalties and {inst.PaidFen} fen paid leaves {inst.AmountDueFen} fen (R-PS-06)")
            .ThrowIfFailed();

        var bureau = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == contract.BureauId, ct);
        var acct = await FundBook.AccountAsync(db, r.AccountId, "accountId", ct);
        new Check()
            .When(FundRules.PaymentRefusal(acct.Kind, PaymentTarget.ContractInstalment) is not null, "accountId", "ring_fenced_required",
                "购买服务合同款项只能从购买服务专项资金账户支付，专款专用（R-FD-07）",
                "A purchase contract is paid only from a purchased-service account: the money is ring-fenced (R-FD-07)")
            .When(acct.Kind == AccountKind.PurchasedService && !bureau.Path.StartsWith(acct.ScopePath, StringComparison.Ordinal), "accountId", "other_unit",
                "只能从本级民政部门的购买服务专项资金账户支付", "The contract is paid from the bureau's own purchased-service account")
            .ThrowIfFailed();
        await FundBook.RequireMayMoveAsync(db, acct, ct);

        var contractor = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == contract.ContractorId).Select(x => x.Name).SingleAsync(ct);
        var holder = await FundBook.HolderAsync(db, acct, ct);
        var spend = await FundBook.EnsureAsync(db, clock, holder, AccountKind.Expenditure, null, null, ct, acct.TownId);
        var desc = string.IsNullOrWhiteSpace(r.Description)
            ? $"支付购买服务合同{contract.Number}“{inst.Name}”（承接方：{contractor}）"
            : r.Description.Trim();
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Payment, FundBook.YearNow(clock), desc,
            [new(spend, r.Source!.Value, r.AmountFen!.Value), new(acct, r.Source.Value, -r.AmountFen.Value)], ct,
            PaymentTarget.ContractInstalment, inst.Id, r.Reference?.Trim(), contractor);
        await db.Audit("PayContractInstalment").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
