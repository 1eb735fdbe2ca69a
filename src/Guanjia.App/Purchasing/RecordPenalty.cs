using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-06 (004 九: 对违法、违规行为，按合同约定和相关法律予以处罚): the bureau records a penalty under one of the contract's clauses,
/// within the clause's maximum, against the next instalment not yet paid in full; that instalment's amount due falls by it, in the
/// same save (the ledger then pays the instalment less the penalty).
/// </summary>
public static class RecordPenalty
{
    public sealed record Request(string? ClauseCode, long? AmountFen, string? Reason, Guid? RectificationId);

    public static async Task<PenaltyView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid contractId, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var clauses = PurchasingSteps.ReadList<PenaltyClause>(contract.PenaltyClausesJson);
        var clause = clauses.FirstOrDefault(x => x.Code == r.ClauseCode?.Trim());
        var c = new Check()
            .When(clause is null, "clauseCode", "unknown_clause", clauses.Count == 0 ? "合同没有约定违约条款，不能处罚（R-PS-06）"
                : $"请选择合同约定的违约条款（{string.Join("、", clauses.Select(x => x.Code))}）（R-PS-06）", "Name one of the contract's penalty clauses (R-PS-06)")
            .When(r.AmountFen is null or <= 0, "amountFen", "out_of_range", "违约金须大于0（单位：分）", "amountFen must be more than 0 (fen)")
            .When(clause?.MaxFen is { } max && r.AmountFen > max, "amountFen", "over_clause_maximum",
                $"该条款约定的违约金最多{PurchasingSteps.Yuan(clause?.MaxFen ?? 0)}（R-PS-06）", $"The clause allows at most {clause?.MaxFen} fen (R-PS-06)")
            .Required("reason", r.Reason, "处罚事由", "Reason").MaxLength("reason", r.Reason, 1000, "处罚事由", "Reason");
        if (r.RectificationId is { } rid)
            c.When(!await db.Rectifications.AnyAsync(x => x.Id == rid && x.ContractId == contract.Id, ct), "rectificationId", "unknown_rectification",
                "整改事项不属于该合同", "The rectification is not one of the contract's");
        // The next instalment the ledger has not paid in full takes the penalty.
        var instalments = await db.ContractInstalments.Where(i => i.ContractId == contract.Id).OrderBy(i => i.Seq).ToListAsync(ct);
        var next = instalments.FirstOrDefault(i => i.AmountDueFen > 0);
        c.When(next is null, "amountFen", "nothing_left", "合同已无未支付的款项可以抵扣违约金", "No instalment is left to deduct the penalty from");
        c.When(next is not null && r.AmountFen > next.AmountDueFen, "amountFen", "exceeds_next_instalment",
            $"违约金超过下一期款项“{next?.Name}”的应付金额{PurchasingSteps.Yuan(next?.AmountDueFen ?? 0)}（R-PS-06）",
            $"The penalty exceeds what is due on the next instalment ({next?.AmountDueFen} fen) (R-PS-06)");
        c.ThrowIfFailed();
        var p = new ContractPenalty
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, InstalmentId = next!.Id, ScopePath = contract.ScopePath, ClauseCode = clause!.Code!,
            AmountFen = r.AmountFen!.Value, Reason = r.Reason!.Trim(), RectificationId = r.RectificationId, RecordedAt = clock.GetUtcNow(), RecordedByName = db.Actor.Name,
        };
        db.ContractPenalties.Add(p);
        next.PenaltyFen += p.AmountFen;
        await db.Audit("RecordPenalty", r.Reason).SaveChangesAsync(ct);
        return PurchasingQueries.ToView(p, contract, next);
    }
}
