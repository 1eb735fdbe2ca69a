using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The completion form (结项表) within 5 working days of completion, with its three-way funding split,
/// its works or service section, outcome photos and the required attachments (R-MS-13). A small
/// project carries its own survey and closes; a large one goes to the town's survey (R-MS-14).
/// </summary>
public static class FileCompletion
{
    public sealed record Request(
        DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Beneficiaries, int? BeneficiaryCount, MoneySplit? Budgeted, MoneySplit? Actual,
        WorksSection? Works, ServiceSection? Service, IReadOnlyList<Guid>? OutcomePhotoIds, bool? Tendered, string? LateReason, int? Version)
    {
        public CompletionForm Form() => new(PeriodFrom, PeriodTo, Beneficiaries?.Trim(), BeneficiaryCount, Budgeted, Actual, Works, Service,
            OutcomePhotoIds, Tendered);
    }

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "FileCompletion", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var works = p.Category == ProjectCategory.ConvenienceWorks;
        var c = new Check()
            .When(r.PeriodFrom is null, "periodFrom", "required", "请填写项目实施开始日期", "periodFrom is required")
            .When(r.PeriodTo is null, "periodTo", "required", "请填写项目实施结束日期", "periodTo is required")
            .When(r.PeriodFrom > r.PeriodTo, "periodTo", "invalid_range", "结束日期不能早于开始日期", "periodTo cannot be before periodFrom")
            .Required("beneficiaries", r.Beneficiaries, "受益对象", "Beneficiaries").MaxLength("beneficiaries", r.Beneficiaries, 200, "受益对象", "Beneficiaries")
            .When(r.BeneficiaryCount is null or < 1, "beneficiaryCount", "out_of_range", "受益人数须为正整数", "beneficiaryCount must be positive");
        CheckMoney(c, "budgeted", r.Budgeted);
        CheckMoney(c, "actual", r.Actual);
        if (r.Budgeted is { ProgrammeFen: { } a, VillageFen: { } b, SocialFen: { } soc } && a + b + soc != p.BudgetFen)
            c.Add("budgeted", "sum_mismatch", $"预算投入合计须等于项目预算{p.BudgetFen / 1_000_000m:0.####}万元",
                $"The budgeted split must add up to the project budget of {p.BudgetFen} fen");
        if (works)
            c.When(r.Works is null, "works", "required", "便民工程须填写施工内容和工程量", "works is required for convenience works")
                .Required("works.content", r.Works?.Content, "施工内容", "Works content").Required("works.unit", r.Works?.Unit, "计量单位", "Unit")
                .When(r.Works?.PlannedQuantity is null or <= 0, "works.plannedQuantity", "out_of_range", "计划工程量须大于0", "plannedQuantity must be positive")
                .When(r.Works?.ActualQuantity is null or < 0, "works.actualQuantity", "out_of_range", "实际工程量不能为负", "actualQuantity must not be negative");
        else
            c.When(r.Service is null, "service", "required", "公益服务须填写服务时间、地点和参与人数", "service is required for welfare services")
                .Required("service.time", r.Service?.Time, "服务时间", "Service time").Required("service.place", r.Service?.Place, "服务地点", "Service place")
                .When(r.Service?.Participants is null or < 1, "service.participants", "out_of_range", "参与人数须为正整数", "participants must be positive");
        c.When(r.OutcomePhotoIds is null || r.OutcomePhotoIds.Count == 0, "outcomePhotoIds", "required", "请上传项目成效照片", "outcome photos are required");
        c.ThrowIfFailed();
        await ProjectSteps.RequireAttachmentsAsync(db, p, "outcomePhotoIds", r.OutcomePhotoIds!, AttachmentKind.Photo, ct);

        // The note under the form: the stamped registration form, contract, invoice, and procurement papers when tendered.
        var need = new List<AttachmentKind> { AttachmentKind.StampedRegistrationForm, AttachmentKind.Contract, AttachmentKind.Invoice };
        if (r.Tendered == true)
            need.AddRange([AttachmentKind.ProcurementFiling, AttachmentKind.TenderDocuments, AttachmentKind.SupplierQualification, AttachmentKind.TaxRegistration]);
        var have = await db.Attachments.AsNoTracking().Where(x => x.OwnerType == "MicroProject" && x.OwnerId == p.Id)
            .Select(x => x.Kind).Distinct().ToListAsync(ct);
        var missing = need.Except(have).ToList();
        new Check().When(missing.Count > 0, "attachments", "missing_attachment",
            $"结项须同步上传：{string.Join("、", missing.Select(KindZh))}", $"Completion needs these attachments: {string.Join(", ", missing)}").ThrowIfFailed();

        var responses = await db.SurveyResponses.AsNoTracking().CountAsync(x => x.ProjectId == p.Id, ct);
        var small = p.IsSmall == true;
        new Check().When(small && responses < rules.SurveyMinimumResponses, "survey", "survey_minimum",
            $"5万元以下项目须先由村（社区）组织满意度测评，参与人数不少于{rules.SurveyMinimumResponses}人（现有{responses}份）",
            $"A small project needs its survey first: at least {rules.SurveyMinimumResponses} responses ({responses} so far)").ThrowIfFailed();

        var form = r.Form();
        var now = s.Clock.GetUtcNow();
        p.CompletionFiledAt = now;
        p.CompletionFormJson = form.ToJson();
        p.ActualProgrammeFen = r.Actual!.ProgrammeFen;
        p.ActualVillageFen = r.Actual.VillageFen;
        p.ActualSocialFen = r.Actual.SocialFen;
        // A small project carries its own survey and closes (办结) here; a large one goes to the town's survey (R-MS-14).
        await ProjectSteps.FireAsync(db, s, p, "FileCompletion", null, s.Workflow.At(lateReason: r.LateReason), ct);
        if (small) await CloseProject.ClosedAsync(db, s, p, ct);
        await db.Audit("FileCompletion").SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }

    private static void CheckMoney(Check c, string field, MoneySplit? m)
    {
        c.When(m is null, field, "required", "请填写资金投入情况", $"{field} is required");
        if (m is null) return;
        foreach (var (name, v) in new[] { ("programmeFen", m.ProgrammeFen), ("villageFen", m.VillageFen), ("socialFen", m.SocialFen) })
            c.When(v is null or < 0, $"{field}.{name}", "out_of_range", "金额须为不小于0的整数（单位：分）", "must be a non-negative amount in fen");
    }

    internal static string KindZh(AttachmentKind k) => k switch
    {
        AttachmentKind.Minutes => "协商记录",
        AttachmentKind.StampedRegistrationForm => "登记备案表（盖章）",
        AttachmentKind.Contract => "工程合同（服务协议）或帮扶协议",
        AttachmentKind.Invoice => "发票",
        AttachmentKind.Photo => "照片",
        AttachmentKind.ProcurementFiling => "采购备案表",
        AttachmentKind.TenderDocuments => "招投标文件",
        AttachmentKind.SupplierQualification => "供应方资质证明",
        AttachmentKind.TaxRegistration => "税务登记证明",
        AttachmentKind.SurveySheet => "满意度测评表",
        _ => "其他资料",
    };
}
