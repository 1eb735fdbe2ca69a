using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// The town lead department records the village's procurement filing (R-ST-05: 报镇街“民生大莞家”牵头部门备案). A filing whose amount
/// differs from the item's agreed fee is recorded only with the town's confirmation of the difference (R-ST-10), which is kept with it.
/// </summary>
public static class RecordProcurementFiling
{
    public sealed record Request(string? Note, int? Version, bool? ConfirmDifference = null);

    public static async Task<FilingView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        Common.WorkflowGate.Check(db, ProcurementWorkflow.Workflow, f, "Record", ProcurementWorkflow.Zh(f.State), r.Version, f.Version, "采购备案表", "filing");
        var item = await db.StationItems.AsNoTracking().SingleAsync(i => i.Id == f.ItemId, ct);
        var differs = DraftProcurementFiling.Differs(f, item);
        new Check().MaxLength("note", r.Note, 1000, "备案意见", "Note")
            .When(differs && r.ConfirmDifference != true, "confirmDifference", "required",
                $"采购金额{f.AmountFen / 100m:0.00}元与协商确定的服务费用{(item.AmountFen ?? 0) / 100m:0.00}元不一致（村（社区）说明：{f.DifferenceReason}），请核实后确认差额再备案",
                "The filing's amount differs from the item's agreed fee: confirm the difference (confirmDifference: true) to record it (R-ST-10)")
            .ThrowIfFailed();
        await workflow.FireAsync(db, ProcurementWorkflow.Workflow, f, "Record", null, workflow.At(), ct);
        f.RecordedAt = workflow.Now;
        f.RecordedByName = db.Actor.Name;
        if (differs)
        {
            f.DifferenceConfirmedAt = f.RecordedAt;
            f.DifferenceConfirmedByName = db.Actor.Name;
            f.ConfirmedItemAmountFen = item.AmountFen;
        }
        f.RecordNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        await db.Audit("RecordProcurementFiling", f.RecordNote).SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }
}
