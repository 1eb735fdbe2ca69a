using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Publicity;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// After completion the town completes the project's final accounts (决算) and audit and publishes the audit result,
/// the use of funds and the effect (R-MS-19, 002 §四(四)1). Once per project; the audit report is uploaded first.
/// </summary>
public static class RecordFinalAccounts
{
    public sealed record Request(long? FinalAccountsFen, string? AuditBody, string? AuditResult, string? Effect, Guid? AuditReportId, string? LateReason,
        int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "RecordFinalAccounts", r.Version, ct);
        new Check()
            .When(r.FinalAccountsFen is null or < 0, "finalAccountsFen", "out_of_range", "决算金额须为不小于0的整数（单位：分）", "finalAccountsFen must be 0 or more, in fen")
            .Required("auditBody", r.AuditBody, "审计单位", "Auditor").MaxLength("auditBody", r.AuditBody, 100, "审计单位", "Auditor")
            .Required("auditResult", r.AuditResult, "审计结果", "Audit result").MaxLength("auditResult", r.AuditResult, 2000, "审计结果", "Audit result")
            .Required("effect", r.Effect, "实施效果", "Effect").MaxLength("effect", r.Effect, 2000, "实施效果", "Effect")
            .When(r.AuditReportId is null, "auditReportId", "required", "请上传审计报告", "The audit report (auditReportId) is required")
            .ThrowIfFailed();
        await ProjectSteps.RequireAttachmentsAsync(db, p, "auditReportId", [r.AuditReportId!.Value], AttachmentKind.AuditReport, ct);
        var now = s.Clock.GetUtcNow();
        p.FinalAccountsFen = r.FinalAccountsFen;
        p.AuditBody = r.AuditBody!.Trim();
        p.AuditResult = r.AuditResult!.Trim();
        p.Effect = r.Effect!.Trim();
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address, p.ContactName, p.ContactPhone];
        Publicity.Publisher.Publish(db, new Publicity.Publisher.Draft(NoticeKind.ProjectAudit, "MicroProject", p.Id, p.Number, p.TownId, p.VillageId,
            $"“{p.Name}”项目决算审计结果及资金使用情况", new Dictionary<string, object?>
            {
                ["number"] = p.Number, ["name"] = p.Name, ["town"] = town, ["village"] = village, ["budgetFen"] = p.BudgetFen,
                ["finalAccountsFen"] = p.FinalAccountsFen, ["actualProgrammeFen"] = p.ActualProgrammeFen, ["actualVillageFen"] = p.ActualVillageFen,
                ["actualSocialFen"] = p.ActualSocialFen, ["paidFen"] = p.LedgerPaidFen, ["auditBody"] = p.AuditBody, ["auditResult"] = p.AuditResult,
                ["effect"] = p.Effect,
            }, PublicNotice.LinkedPlatforms, now, null), now, personal);
        // The row's guard reads FinalAccountsAt, so it is stamped only once the row has fired.
        await ProjectSteps.FireAsync(db, s, p, "RecordFinalAccounts", null, s.Workflow.At(lateReason: r.LateReason), ct);
        p.FinalAccountsAt = now;
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
