using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// A disbursement (R-FD-06): from a money-holding account to a project, a wish or a purchased service, as a balanced
/// entry against the payer's Expenditure account. Refused, with nothing saved, when it would overdraw the account's
/// money of that source, exceed the project's approved budget or the wish's decided amount, go to a project or wish
/// that is not approved or is closed, or take ring-fenced money elsewhere than to purchased services (R-FD-07).
/// </summary>
public static class MakePayment
{
    public sealed record Request(Guid? AccountId, FundSource? Source, long? AmountFen, PaymentTarget? TargetKind, Guid? TargetId, string? Payee,
        string? Description, string? Reference, int? Year);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.When(r.TargetKind is null || !Enum.IsDefined(r.TargetKind.Value), "targetKind", "required", "请选择支付对象类型", "targetKind must be Project, Wish or PurchasedService")
            .When(r.TargetKind is PaymentTarget.Project or PaymentTarget.Wish && r.TargetId is null, "targetId", "required", "请选择项目或微心愿", "targetId is required")
            .When(r.TargetKind == PaymentTarget.PurchasedService && string.IsNullOrWhiteSpace(r.Payee), "payee", "required", "请填写服务承接方", "payee is required for a purchased service")
            .MaxLength("payee", r.Payee, 200, "收款方", "Payee").MaxLength("description", r.Description, 500, "摘要", "Description")
            .MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        var acct = await FundBook.AccountAsync(db, r.AccountId, "accountId", ct);
        await FundBook.RequireMayMoveAsync(db, acct, ct);
        var refusal = FundRules.PaymentRefusal(acct.Kind, r.TargetKind!.Value);
        new Check().When(refusal == "ring_fenced", "accountId", "ring_fenced", "购买服务资金专款专用，只能支付购买服务",
                "Purchased-service money pays purchased services only (R-FD-07)")
            .When(refusal == "wrong_account", "accountId", "wrong_account", "该账户不能支付此类对象", "This account cannot pay that kind of target")
            .ThrowIfFailed();
        var amount = r.AmountFen!.Value;
        string desc;
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
                desc = $"支付购买服务：{r.Payee!.Trim()}";
                break;
        }
        var holder = await FundBook.HolderAsync(db, acct, ct);
        var spend = await FundBook.EnsureAsync(db, clock, holder, AccountKind.Expenditure, null, null, ct, acct.TownId);
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Payment, r.Year ?? FundBook.YearNow(clock),
            string.IsNullOrWhiteSpace(r.Description) ? desc : r.Description.Trim(),
            [new(spend, r.Source!.Value, amount), new(acct, r.Source.Value, -amount)], ct, r.TargetKind, r.TargetId, r.Reference?.Trim(), r.Payee?.Trim());
        await db.Audit("MakeFundPayment").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
