using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Stations;

/// <summary>
/// The village affairs supervisory committee reviews the procurement filing and gives its opinion — who, what,
/// when — before the village files it with the town (R-ST-05: "经加具村（居）务监督委员会审核意见后").
/// </summary>
public static class GiveSupervisoryOpinion
{
    public sealed record Request(string? Reviewer, string? Opinion, DateOnly? ReviewedOn, int? Version);

    public static async Task<FilingView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        Common.WorkflowGate.Check(db, ProcurementWorkflow.Workflow, f, "GiveOpinion", ProcurementWorkflow.Zh(f.State), r.Version, f.Version, "采购备案表",
            "filing");
        var now = workflow.Now;
        new Check()
            .Required("reviewer", r.Reviewer, "审核人", "Reviewer").MaxLength("reviewer", r.Reviewer, 50, "审核人", "Reviewer")
            .Required("opinion", r.Opinion, "审核意见", "Opinion").MaxLength("opinion", r.Opinion, 2000, "审核意见", "Opinion")
            .When(r.ReviewedOn is null, "reviewedOn", "required", "请填写审核日期", "reviewedOn is required")
            .When(r.ReviewedOn > ChinaTime.LocalDate(now), "reviewedOn", "in_future", "审核日期不能晚于今天", "reviewedOn cannot be in the future")
            .ThrowIfFailed();
        f.OpinionBy = r.Reviewer!.Trim();
        f.OpinionText = r.Opinion!.Trim();
        f.OpinionOn = r.ReviewedOn!.Value;
        f.OpinionById = db.Actor.Id;
        f.OpinionAt = now;
        await workflow.FireAsync(db, ProcurementWorkflow.Workflow, f, "GiveOpinion", null, workflow.At(), ct);
        await db.Audit("GiveSupervisoryOpinion", f.OpinionText).SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }
}
