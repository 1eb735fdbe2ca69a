using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// The village files the procurement filing with the town lead department (R-ST-05). Without the supervisory
/// committee's review opinion it is refused and nothing changes. The town's inbox is told.
/// </summary>
public static class FileProcurementFiling
{
    public sealed record Request(int? Version);

    public static async Task<FilingView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        Common.WorkflowGate.Check(db, ProcurementWorkflow.Workflow, f, "File", ProcurementWorkflow.Zh(f.State), r.Version, f.Version, "采购备案表", "filing");
        var item = await db.StationItems.AsNoTracking().SingleAsync(i => i.Id == f.ItemId, ct);
        new Check().When(f.OpinionText is null, "supervisoryOpinion", "required",
                "采购备案表须经村（居）务监督委员会出具审核意见后，方可报镇（街道）备案",
                "The supervisory committee's review opinion is required before filing with the town (R-ST-05)")
            // The item may have changed since the draft: the amounts agree or the difference is explained (R-ST-10).
            .When(DraftProcurementFiling.Differs(f, item) && f.DifferenceReason is null, "differenceReason", "amount_differs",
                $"采购金额{f.AmountFen / 100m:0.00}元与协商确定的服务费用{(item.AmountFen ?? 0) / 100m:0.00}元不一致，请先在采购备案表中说明差额原因",
                "The filing's amount differs from the item's agreed fee: explain the difference in the filing first (R-ST-10)")
            .ThrowIfFailed();
        var now = workflow.Now;
        await workflow.FireAsync(db, ProcurementWorkflow.Workflow, f, "File", null, workflow.At(), ct);
        f.FiledAt = now;
        var village = await db.Organizations.AsNoTracking().Where(o => o.Id == f.VillageId).Select(o => o.Name).SingleAsync(ct);
        // Addressed to the town, kept in the village's scope (the village writes it; the town sees it).
        db.StaffNotifications.Add(new StaffNotification
        {
            Id = Guid.CreateVersion7(), OrganizationId = f.TownId, ScopePath = f.ScopePath, Kind = "ProcurementFiling", CreatedAt = now,
            Text = $"{village}报送“莞家驿站”服务项目“{item.Title}”采购备案表（{StationTerms.Zh(item.Mode)}，承接方{f.SupplierName}，{f.AmountFen / 1_000_000m:0.####}万元"
                + (DraftProcurementFiling.Differs(f, item) ? $"，与协商确定的服务费用{(item.AmountFen ?? 0) / 1_000_000m:0.####}万元不一致，须确认差额" : "") + "），请备案。",
        });
        await db.Audit("FileProcurementFiling").SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }
}
