using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// A disbursement (R-FD-06): from a money-holding account to a project, a wish or a purchased station item, as a balanced entry against the
/// payer's Expenditure account. Refused, with nothing saved, when it would overdraw the account's money of that source, exceed the project's
/// approved budget, the wish's decided amount or the item's recorded fee, go to a project or wish that is not approved or is closed, come
/// from an account that does not pay that target (projects and station items from the village's dedicated money, R-FD-05, R-ST-10; wishes
/// from the town's 微心愿 fund; ring-fenced money to purchased services only, R-FD-07), name a purchased service without what was bought,
/// or pay an expert-review or evaluation fee, which the same level's finance pays (R-FD-08).
/// </summary>
public static class MakePayment
{
    public sealed record Request(Guid? AccountId, FundSource? Source, long? AmountFen, PaymentTarget? TargetKind, Guid? TargetId, string? Payee,
        string? Description, string? Reference, int? Year, PaymentPurpose? Purpose = null);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.When(r.TargetKind is null || !Enum.IsDefined(r.TargetKind.Value), "targetKind", "required", "请选择支付对象类型",
                "targetKind must be Project, Wish or StationItem")
            .When(r.TargetKind == PaymentTarget.PurchasedService, "targetKind", "target_required",
                "购买服务费用须关联所购买的驿站服务项目（或购买服务合同），不能只填写收款方",
                "A purchased service is paid against what was bought: name the station item (or the contract), not a free-text payee (R-FD-06)")
            .When(r.TargetKind == PaymentTarget.ContractInstalment, "targetKind", "pay_on_contract",
                "购买服务合同的分期款项由民政局在合同页面验收后支付", "A purchase contract's instalment is paid by the bureau on the contract, after its acceptance (R-PS-06)")
            .When(r.TargetKind is PaymentTarget.Project or PaymentTarget.Wish or PaymentTarget.StationItem && r.TargetId is null, "targetId", "required",
                "请选择项目、微心愿或驿站服务项目", "targetId is required")
            .When(r.Purpose is { } pp && !Enum.IsDefined(pp), "purpose", "invalid", "支付用途无效", "purpose is not valid")
            .When(FundRules.IsReviewOrEvaluationFee(r.Purpose, r.Description), "purpose", "paid_by_finance",
                "邀请专家评审、委托第三方或有关项目专家开展评估的经费，由同级财政部门提供经费保障，不得从“民生大莞家”专项资金列支（东府办〔2020〕22号 八(二)）",
                "Expert-review and evaluation fees are paid by the same level's finance, not from the programme's money (R-FD-08, 002 §八(二))")
            .MaxLength("payee", r.Payee, 200, "收款方", "Payee").MaxLength("description", r.Description, 500, "摘要", "Description")
            .MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        if (!string.IsNullOrWhiteSpace(r.Payee) && await IsEvaluatorAsync(db, r.Payee.Trim(), ct))
            throw new ValidationFailed("payee", "paid_by_finance", "第三方评估机构的评估经费由同级财政部门保障，不得从“民生大莞家”专项资金列支",
                "A third-party evaluator is paid by the same level's finance, not from the programme's money (R-FD-08)");
        var acct = await FundBook.AccountAsync(db, r.AccountId, "accountId", ct);
        await FundBook.RequireMayMoveAsync(db, acct, ct);
        var refusal = FundRules.PaymentRefusal(acct.Kind, r.TargetKind!.Value);
        new Check().When(refusal == "ring_fenced", "accountId", "ring_fenced", "购买服务资金专款专用，只能支付购买服务",
                "Purchased-service money pays purchased services only (R-FD-07)")
            .When(refusal == "village_account_required", "accountId", "village_account_required",
                "“民生微实事”项目和驿站服务费用从村（社区）专用账户支付，镇（街道）账户的资金须先核拨到村（社区）",
                "Projects and station items are paid from the village's dedicated account; the town passes the money to the village first (R-FD-05)")
            .When(refusal == "wrong_account", "accountId", "wrong_account", "该账户不能支付此类对象", "This account cannot pay that kind of target")
            .ThrowIfFailed();
        var amount = r.AmountFen!.Value;
        string desc;
        var payee = r.Payee?.Trim();
        switch (r.TargetKind)
        {
            case PaymentTarget.Project:
            {
                // Tracked: the posting adds to its running paid amount, and its version makes a racing payment lose with 409.
                var p = await db.MicroProjects.SingleOrDefaultAsync(x => x.Id == r.TargetId, ct)
                    ?? throw new ValidationFailed("targetId", "unknown_target", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
                var paid = p.LedgerPaidFen;
                new Check()
                    .When(!p.ScopePath.StartsWith(acct.ScopePath, StringComparison.Ordinal), "targetId", "other_unit", "只能支付本账户所属单位的项目",
                        "The account pays only its own unit's projects")
                    .When(!FundRules.ProjectPayable(p.State), "targetId", "not_payable", $"项目当前状态（{p.State}）不能支付：须经镇（街道）审核确认且尚未结项",
                        $"A {p.State} project cannot be paid: it must be approved by the town and not closed or rejected")
                    .When(FundRules.ProjectPayable(p.State) && paid + amount > (p.BudgetFen ?? 0), "amountFen", "over_budget",
                        $"超出项目预算：预算{(p.BudgetFen ?? 0) / 100m:0.00}元，已支付{paid / 100m:0.00}元",
                        $"Exceeds the project's approved budget of {p.BudgetFen ?? 0} fen ({paid} fen already paid)")
                    .ThrowIfFailed();
                desc = $"支付“民生微实事”项目{p.Number}“{p.Name}”";
                break;
            }
            case PaymentTarget.Wish:
            {
                var w = await db.MicroWishes.SingleOrDefaultAsync(x => x.Id == r.TargetId, ct)
                    ?? throw new ValidationFailed("targetId", "unknown_target", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
                var paid = w.LedgerPaidFen;
                new Check()
                    .When(acct.TownId != w.TownId, "targetId", "other_unit", "只能支付本镇（街道）的微心愿", "The account pays only its own town's wishes")
                    .When(!FundRules.WishPayable(w.State) || w.AmountFen is null, "targetId", "not_payable",
                        $"微心愿当前状态（{w.State}）不能支付：须已确定资助金额且尚未关闭", $"A {w.State} wish cannot be paid: it needs a decided amount and must not be closed")
                    .When(FundRules.WishPayable(w.State) && w.AmountFen is not null && paid + amount > w.AmountFen, "amountFen", "over_budget",
                        $"超出确定的资助金额：{(w.AmountFen ?? 0) / 100m:0.00}元，已支付{paid / 100m:0.00}元",
                        $"Exceeds the wish's decided amount of {w.AmountFen} fen ({paid} fen already paid)")
                    .ThrowIfFailed();
                desc = $"支付“民生微心愿”{w.Number}";
                break;
            }
            default:
            {
                var (item, filing) = await PayableItemAsync(db, acct, r.TargetId!.Value, amount, ct);
                payee = filing.SupplierName;
                desc = $"支付“莞家驿站”服务项目“{item.Title}”{(item.Mode == OperatingMode.Packaged ? "整体打包运营" : "购买服务")}费用（承接方：{filing.SupplierName}）";
                break;
            }
        }
        var holder = await FundBook.HolderAsync(db, acct, ct);
        var spend = await FundBook.EnsureAsync(db, clock, holder, AccountKind.Expenditure, null, null, ct, acct.TownId);
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Payment, r.Year ?? FundBook.YearNow(clock),
            string.IsNullOrWhiteSpace(r.Description) ? desc : r.Description.Trim(),
            [new(spend, r.Source!.Value, amount), new(acct, r.Source.Value, -amount)], ct, r.TargetKind, r.TargetId, r.Reference?.Trim(), payee);
        await db.Audit("MakeFundPayment").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }

    /// <summary>
    /// R-ST-10: a purchased or packaged item's fee is paid by its village, from the village's dedicated 微实事 money (or its ring-fenced
    /// purchased-service money), to the contractor of the procurement filing the town has recorded; the filing agrees with the item's fee or
    /// the town confirmed the difference; payments add up to at most the filing's amount. The item is tracked: its running paid amount and
    /// version make a racing payment lose with 409.
    /// </summary>
    private static async Task<(StationItem Item, ProcurementFiling Filing)> PayableItemAsync(GuanjiaDb db, FundAccount acct, Guid id, long amount,
        CancellationToken ct)
    {
        var item = await db.StationItems.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ValidationFailed("targetId", "unknown_target", "驿站服务项目不存在或不在您的管辖范围内", "The station item does not exist or is outside your scope");
        var filing = await db.ProcurementFilings.AsNoTracking().SingleOrDefaultAsync(f => f.ItemId == id, ct);
        new Check()
            .When(acct.OrganizationId != item.VillageId, "accountId", "village_account_required", "驿站服务费用由本村（社区）从其专用账户支付",
                "A station item's fee is paid by its own village from the village's account (R-ST-10)")
            .When(!item.NeedsProcurement, "targetId", "not_payable", "无偿提供服务的项目不产生费用", "A free-service item has no fee to pay")
            .ThrowIfFailed();
        new Check()
            .When(filing is not { State: ProcurementState.Recorded }, "targetId", "filing_not_recorded", "该项目的采购备案表尚未经镇（街道）备案，不能支付",
                "The item's procurement filing must be recorded by the town before its fee is paid (R-ST-05, R-ST-10)")
            .When(filing is { State: ProcurementState.Recorded } && filing.AmountFen != item.AmountFen && filing.ConfirmedItemAmountFen != item.AmountFen,
                "targetId", "filing_disagrees", "采购备案金额与协商确定的服务费用不一致，且差额未经镇（街道）确认",
                "The filing's amount differs from the item's agreed fee and the town has not confirmed the difference (R-ST-10)")
            .ThrowIfFailed();
        new Check().When(item.LedgerPaidFen + amount > filing!.AmountFen, "amountFen", "over_budget",
            $"超出采购备案金额：{filing.AmountFen / 100m:0.00}元，已支付{item.LedgerPaidFen / 100m:0.00}元",
            $"Exceeds the recorded procurement amount of {filing.AmountFen} fen ({item.LedgerPaidFen} fen already paid)").ThrowIfFailed();
        return (item, filing);
    }

    private static Task<bool> IsEvaluatorAsync(GuanjiaDb db, string payee, CancellationToken ct) =>
        db.Organizations.AsNoTracking().AnyAsync(o => o.Kind == OrganizationKind.Evaluator && o.Name == payee, ct);
}
