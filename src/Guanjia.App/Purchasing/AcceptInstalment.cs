using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-06: an instalment is payable once the bureau accepts its milestone, in order: at signing; after the mid-term report is filed
/// and acknowledged; after the final report is acknowledged, the third-party evaluation accepted and every rectification closed.
/// What the ledger may then pay is the amount less the penalties recorded against it (<c>amountDueFen</c>).
/// </summary>
public static class AcceptInstalment
{
    public sealed record Request(string? Note, int? Version);

    public static async Task<InstalmentView> HandleAsync(GuanjiaDb db, PurchasingServices s, Guid contractId, Guid instalmentId, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct);
        var all = await db.ContractInstalments.Where(i => i.ContractId == contractId).OrderBy(i => i.Seq).ToListAsync(ct);
        var inst = all.SingleOrDefault(i => i.Id == instalmentId)
            ?? throw new NotFound("ContractInstalment", "该期款项不存在", "The instalment does not exist");
        if (r.Version is { } v && v != inst.Version) throw new Conflict("该期款项已被他人处理，请刷新后重试", "The instalment was changed by someone else; reload and retry");
        if (!PurchasingWorkflows.Instalment.Allows(inst, "Accept")) throw new Conflict("该期款项已验收", "The instalment is already accepted");
        var c = new Check().MaxLength("note", r.Note, 500, "验收意见", "Note");
        var earlier = all.FirstOrDefault(i => i.Seq < inst.Seq && i.State != InstalmentState.Accepted);
        c.When(earlier is not null, "instalmentId", "earlier_pending", $"请先验收“{earlier?.Name}”", $"Accept '{earlier?.Name}' first");
        switch (inst.Milestone)
        {
            case InstalmentMilestone.MidTermAcceptance:
                c.When(!await AcknowledgedAsync(db, contractId, ReportKind.MidTermReport, ct), "instalmentId", "mid_term_not_accepted",
                    "中期工作报告尚未报送并经民政局确认，不能验收该期款项（R-PS-06）", "The mid-term report is not filed and acknowledged yet (R-PS-06)");
                break;
            case InstalmentMilestone.FinalAcceptance:
                c.When(!await AcknowledgedAsync(db, contractId, ReportKind.FinalReport, ct), "instalmentId", "final_report_not_accepted",
                    "末期工作报告尚未报送并经民政局确认（R-PS-06）", "The final report is not filed and acknowledged yet (R-PS-06)");
                var evaluation = await db.ThirdPartyEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.ContractId == contractId, ct);
                c.When(evaluation?.State != EvaluationState.Accepted, "instalmentId", "not_evaluated",
                    "第三方评估尚未完成并经民政局确认，不能末期验收（R-PS-06）", "The third-party evaluation is not done and accepted yet (R-PS-06)");
                var open = await db.Rectifications.CountAsync(x => x.ContractId == contractId && x.State != RectificationState.Closed, ct);
                c.When(open > 0, "instalmentId", "rectifications_open", $"还有{open}项整改未销号，不能末期验收（R-PS-06）",
                    $"{open} rectifications are still open (R-PS-06)");
                break;
        }
        c.ThrowIfFailed();
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Instalment, inst, "Accept", null, s.Workflow.At(reason: r.Note), ct);
        inst.AcceptedAt = s.Clock.GetUtcNow();
        inst.AcceptedByName = db.Actor.Name;
        inst.AcceptanceNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (all.All(i => i.State == InstalmentState.Accepted))
            await s.Workflow.FireAsync(db, PurchasingWorkflows.Contract, contract, "Complete", null, s.Workflow.At(), ct);
        await db.Audit("AcceptInstalment", r.Note).SaveChangesAsync(ct);
        return PurchasingQueries.ToView(contract, inst);
    }

    private static async Task<bool> AcknowledgedAsync(GuanjiaDb db, Guid contractId, ReportKind kind, CancellationToken ct) =>
        await db.ContractReports.Where(x => x.ContractId == contractId && x.Kind == kind && x.State == ReportState.Filed)
            .AnyAsync(x => db.ReportAcknowledgements.Any(a => a.ReportId == x.Id && a.Party == AcknowledgingParty.Bureau), ct);
}
