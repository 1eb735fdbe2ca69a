using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-CA-12, R-PS-05: the contractor files a monthly brief, the mid-term or the final report of a contract — the uploaded file
/// and a structured summary — which meets its deadline (late only with a reason). A month's brief can be filed from the first
/// day of its month.
/// </summary>
public static class FileReport
{
    public sealed record Request(ReportKind? Kind, string? Period, ReportSummary? Summary, Guid? AttachmentId, string? LateReason, int? Version);

    public static async Task<ReportView> HandleAsync(GuanjiaDb db, PurchasingServices s, Guid contractId, Request r, CancellationToken ct)
    {
        PurchasingSteps.Require(db, Permissions.PurchasingReport, "只有承接方可以报送工作报告", "Only the contractor files reports");
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var c = new Check()
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value) || r.Kind == ReportKind.MajorEvent, "kind", "required",
                "请选择报告类型（月度工作简报、中期工作报告、末期工作报告）；重大事件请即时报告", "kind must be MonthlyBrief, MidTermReport or FinalReport");
        var period = r.Kind switch
        {
            ReportKind.MidTermReport => ReportSchedule.MidPeriod,
            ReportKind.FinalReport => ReportSchedule.FinalPeriod,
            _ => r.Period?.Trim(),
        };
        c.When(r.Kind == ReportKind.MonthlyBrief && string.IsNullOrWhiteSpace(period), "period", "required", "请选择简报所属月份（yyyy-MM）", "period (yyyy-MM) is required");
        c.ThrowIfFailed();
        var report = await db.ContractReports.SingleOrDefaultAsync(x => x.ContractId == contractId && x.Kind == r.Kind && x.Period == period, ct)
            ?? throw new ValidationFailed("period", "not_due", "合同没有该期报告", "The contract owes no such report");
        if (!PurchasingWorkflows.Report.Allows(report, "File")) throw new Conflict("该期报告已报送", "The report is already filed");
        if (r.Version is { } v && v != report.Version) throw new Conflict("报告已被他人修改，请刷新后重试", "The report was changed by someone else; reload and retry");
        var now = s.Clock.GetUtcNow();
        if (report.Kind == ReportKind.MonthlyBrief && DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", out var month))
            c.When(Domain.Calendar.ChinaTime.StartOfDay(month) > now, "period", "too_early", $"{period}尚未开始，不能报送该月简报", "The month has not begun");
        CheckSummary(c, r.Summary);
        await CheckAttachmentAsync(db, c, contract, r.AttachmentId, required: true, ct);
        c.ThrowIfFailed();
        // The row meets the report's deadline (a late one only with its reason) and files it.
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Report, report, "File", null, s.Workflow.At(lateReason: r.LateReason), ct);
        var late = db.Deadlines.Local.Any(d => d.SubjectId == report.Id && d.MetLate == true);
        report.FiledAt = now;
        report.FiledById = db.Actor.Id;
        report.FiledByName = db.Actor.Name;
        report.SummaryJson = PurchasingSteps.Write(r.Summary!);
        report.AttachmentId = r.AttachmentId;
        report.LateReason = late ? r.LateReason?.Trim() : null;
        await db.Audit("FileContractReport", report.LateReason).SaveChangesAsync(ct);
        return await PurchasingQueries.ReportAsync(db, s.Clock, report.Id, ct);
    }

    internal static void CheckSummary(Check c, ReportSummary? s)
    {
        if (s is null)
        {
            c.Add("summary", "required", "请填写报告摘要（服务人次、活动、亮点、问题、下一步计划）", "The structured summary is required");
            return;
        }
        c.When(s.PeopleServed is < 0, "summary.peopleServed", "out_of_range", "服务人次不能为负", "must not be negative")
            .When(s.ServiceSessions is < 0, "summary.serviceSessions", "out_of_range", "服务次数不能为负", "must not be negative")
            .When(s.Activities is < 0, "summary.activities", "out_of_range", "活动场次不能为负", "must not be negative")
            .When(s.HomeVisits is < 0, "summary.homeVisits", "out_of_range", "走访户次不能为负", "must not be negative")
            .Required("summary.highlights", s.Highlights, "工作开展情况", "Highlights")
            .MaxLength("summary.highlights", s.Highlights, 2000, "工作开展情况", "Highlights")
            .MaxLength("summary.problems", s.Problems, 2000, "存在问题", "Problems")
            .MaxLength("summary.nextPlan", s.NextPlan, 2000, "下一步计划", "Next plan");
    }

    /// <summary>The uploaded file must be one of the contract's own documents.</summary>
    internal static async Task CheckAttachmentAsync(GuanjiaDb db, Check c, ServiceContract contract, Guid? id, bool required, CancellationToken ct,
        string field = "attachmentId")
    {
        if (id is null)
        {
            c.When(required, field, "required", "请先上传报告文件", "Upload the report file first");
            return;
        }
        c.When(!await db.Attachments.AnyAsync(a => a.Id == id && a.OwnerType == nameof(ServiceContract) && a.OwnerId == contract.Id, ct), field,
            "unknown_attachment", "文件不属于该合同", "The file is not one of the contract's documents");
    }
}
