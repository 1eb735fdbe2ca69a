using System.Text.Json;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Documents.Docx;

namespace Guanjia.App.Documents;

/// <summary>
/// The micro-project's forms of 003, filled from the project as the system holds it: the registration form
/// (登记备案表, attachment 1, R-MS-05/R-MS-07/R-MS-08), the completion form (结项表, attachment 2, R-MS-13 with the
/// R-MS-14 survey section) and the questionnaire (满意度测评表, attachment 3). Read through the project's own query,
/// so a project outside the caller's scope is a 404 as everywhere else.
/// </summary>
public static class ProjectForms
{
    private static readonly int[] Grid = [1800, 1500, 1550, 1650, 1500, 1638];

    public static async Task<DocumentFile> RegistrationAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await ProjectQueries.GetAsync(db, s, id, ct);
        if (p.RegisteredAt is null && p.Consultations.All(c => !c.Passed))
            throw new Conflict("项目尚未协商通过，还没有登记备案表", "The project has no passed consultation yet, so no registration form");
        return new DocumentFile(Registration(p), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "登记备案表", p.Number, p.Name));
    }

    public static byte[] Registration(ProjectDetail p)
    {
        var c = p.Consultations.LastOrDefault(x => x.Passed);
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、项目基本信息", 6) },
            new[] { L("项目名称"), V(p.Name, 5) },
            new[]
            {
                L("项目内容"),
                V($"类别：{FormText.Boxes(FormLabels.Categories, x => x == p.Category, "    ")}\n" +
                  $"具体类型：{FormLabels.Of(FormLabels.SubTypes, p.SubType)}\n内容：{p.Content ?? c?.Content}\n（备注：具体内容结合“民生微实事”服务内容填写）", 5),
            },
            new[] { L("来源渠道"), V(FormText.Boxes(FormLabels.Sources, x => x == p.Source, "   "), 5) },
            new[] { L("实施地点"), V(p.Location, 3), L("项目预算（万元）"), V(FormText.Wan(p.BudgetFen)) },
            new[] { L("项目联系人"), V(p.ContactName), L("职务"), V(p.ContactTitle), L("联系电话"), V(p.ContactPhone) },
            new[] { Section("二、项目协商情况", 6) },
            new[] { L("协商时间"), V(FormText.DateTime(c?.HeldAt), 2), L("协商地点"), V(c?.Place, 2) },
            new[] { L("主持人"), V(c?.Host, 2), L("记录人"), V(c?.Recorder, 2) },
            new[]
            {
                L("协商形式"),
                V(FormText.Boxes(FormLabels.Forms, x => x == c?.Form, "   ") + (c?.Form == ConsultationForm.Other && c.FormOther is { } o ? $"：{o}" : ""), 5),
            },
            new[]
            {
                L("参与主体"),
                V(FormText.Boxes(FormLabels.Participants, x => c?.ParticipantTypes.Contains(x) == true, "   ") + $"    合共 {c?.HeadCount} 人", 5),
            },
            new[]
            {
                L("协商结果"),
                V($"经参会人员协商，确定“{p.Name}”项目实施如下：\n" +
                  $"1.项目建设（服务）内容：{c?.Content}\n" +
                  $"2.项目惠及人群：{c?.Beneficiaries}\n" +
                  $"3.项目办理方式：{FormText.Boxes(FormLabels.Routes, x => x == c?.Route, "  ")}\n（具体办理方式可参考对应的《操作指引》）\n" +
                  $"4.项目经费预算（万元）：{FormText.Wan(c?.BudgetFen)}\n" +
                  $"5.项目经费来源：{FormText.Boxes(FormLabels.Funding, x => c?.FundingSources.Contains(x) == true, "  ")}\n" +
                  $"6.实施主体（承接服务方）：{c?.ImplementingBody}" +
                  (string.IsNullOrWhiteSpace(c?.ImplementationPeriod) ? "" : $"\n7.实施时限：{c.ImplementationPeriod}"), 5),
            },
            new[] { Section("三、镇（街道）审核意见", 6) },
            new[]
            {
                L("部门审核意见"),
                V(p.DepartmentOpinions.Count == 0 ? "\n\n" : string.Join('\n', p.DepartmentOpinions.Select(o =>
                    $"{o.DepartmentName}：{o.Opinion}（{(o.Agrees ? "同意" : "不同意")}{(o.SignedOff ? "，已盖章确认" : "")}）{o.ByName} {FormText.Date(o.At)}")), 5),
            },
            new[] { L("镇（街道）审核意见"), V(TownOpinion(p), 5) },
            new[] { L("备注"), V("该表格主要用于“民生大莞家”服务项目的申报和备案。" + (p.IsSmall == true ? "本项目预算5万元以下，经协商后可直接组织实施，无须提交镇（街道）确认。" : ""), 5) },
        };
        return new Docx()
            .Title("东莞市“民生大莞家”服务项目“民生微实事”\n登记备案表")
            .Paragraph($"申报村（社区）：{p.TownName}{p.VillageName}（盖章）          项目编号：{p.Number}", spaceAfter: 120)
            .Table(Grid, rows)
            .Paragraph("")
            .Paragraph($"填报人：{p.ContactName}          填报日期：{FormText.Date(p.RegisteredAt)}")
            .ToBytes();
    }

    private static string TownOpinion(ProjectDetail p)
    {
        if (p.IsSmall == true && p.ReviewedAt is null)
            return "5万元以下项目，无须镇（街道）确认。" + (p.CheckResolvableByPolicy is { } r
                ? $"\n村（社区）对照现行民生保障政策清单核对：{(r ? $"可由现行政策解决，转{p.PolicyDepartment}办理（联系方式：{p.PolicyContact}）" : "现行政策不能解决")}" +
                  (string.IsNullOrWhiteSpace(p.PolicyCheckNote) ? "" : $"。{p.PolicyCheckNote}")
                : "");
        var checks = $"{Box(p.CheckConsultationCompliant == true)}协商过程规范  {Box(p.CheckBudgetReasonable == true)}预算安排合理  " +
                     $"{Box(p.CheckRouteFeasible == true)}办理方式可行  {Box(p.CheckResolvableByPolicy == true)}可由现行政策或其他专项资金解决";
        return $"{checks}\n{Sentence(p)}\n{p.ReviewOpinion}\n\n{p.TownName}公共服务办（盖章）          {FormText.Date(p.ReviewedAt)}";
    }

    /// <summary>
    /// The opinion in 003 attachment 1's own sentence (R-MS-20): 经…等部门审核，该项目属于/不属于“民生大莞家”服务范围，由现行政策/“民生大莞家”
    /// 服务机制解决，通过…途径办理，所需经费从…财政预算中列支/…村（社区）“民生大莞家”专项资金中列支/由社会捐赠解决。
    /// </summary>
    internal static string Sentence(ProjectDetail p)
    {
        var departments = p.DepartmentOpinions.Select(o => o.DepartmentName).Distinct().ToList();
        var by = departments.Count == 0 ? "" : $"经{string.Join("/", departments)}等部门审核，";
        var money = p.Funding switch
        {
            FundingChannel.FinanceBudget => $"所需经费从{p.FundingPayer}财政预算中列支",
            FundingChannel.VillageProgrammeFund => $"所需经费从{p.FundingPayer}“民生大莞家”专项资金中列支",
            FundingChannel.SocialDonation => "所需经费由社会捐赠解决",
            _ => null,
        };
        var tail = money is null ? "。" : $"，{money}。";
        return p.ReviewDecision switch
        {
            ReviewDecision.ProgrammeFunding => $"{by}该项目属于“民生大莞家”服务范围，由“民生大莞家”服务机制解决，通过{(p.Route is { } rt ? ProjectTaxonomy.Zh(rt) : "")}途径办理{tail}",
            ReviewDecision.PolicyReferral => $"{by}该项目由现行政策解决，通过{p.PolicyDepartment}相关政策途径办理（联系方式：{p.PolicyContact}）{tail}",
            ReviewDecision.ReturnToVillage => $"{by}退回村（社区）重新协商。",
            ReviewDecision.Reject => $"{by}该项目不属于“民生大莞家”服务范围，不予立项。",
            _ => "",
        };
    }

    public static async Task<DocumentFile> CompletionAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await ProjectQueries.GetAsync(db, s, id, ct);
        if (p.CompletionForm is null)
            throw new Conflict("项目尚未填报结项表", "The project has not filed its completion form yet");
        var report = await SurveyOfAsync(db, s, p, ct);
        return new DocumentFile(Completion(p, report), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "结项表", p.Number, p.Name));
    }

    internal static async Task<SurveyReport> SurveyOfAsync(GuanjiaDb db, ProjectServices s, ProjectDetail p, CancellationToken ct)
    {
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.ProjectId == p.Id).ToListAsync(ct);
        return SurveyReport.From(responses, rules.SurveyMinimumResponses);
    }

    public static byte[] Completion(ProjectDetail p, SurveyReport survey)
    {
        var f = p.CompletionForm!;
        var works = p.Category == ProjectCategory.ConvenienceWorks;
        var photos = p.Attachments.Where(a => a.Kind == AttachmentKind.Photo).ToList();
        var kinds = p.Attachments.Select(a => a.Kind).ToHashSet();
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、项目基本信息", 6) },
            new[] { L("项目名称"), V($"{p.Name}（{p.Number}）", 5) },
            new[]
            {
                L("项目类型"), V(string.Join("   ", FormLabels.Categories.Select(c => c.Item2 + Box(c.Item1 == p.Category))), 2),
                L("办理方式"), V(string.Join("  ", FormLabels.Routes.Select(r => r.Item2 + Box(r.Item1 == p.Route))), 2),
            },
            new[] { L("协商情况"), V($"于{FormText.Date(p.ConsultedAt)}经城乡社区协商会议研究讨论决定", 5) },
            new[] { L("实施主体"), V(p.ImplementingBody, 5) },
            new[] { L("项目实施时间"), V($"{FormText.Date(f.PeriodFrom)}至{FormText.Date(f.PeriodTo)}", 5) },
            new[] { L("受益对象"), V(f.Beneficiaries, 3), L("受益人数"), V(f.BeneficiaryCount?.ToString()) },
            new[] { Section("二、资金投入情况", 6) },
        };
        foreach (var (label, m) in new[] { ("预算投入", f.Budgeted), ("实际投入", f.Actual) })
        {
            rows.Add([L(label) with { MergeStart = true }, L("“民生大莞家”专项资金投入（万元）", 3) with { Bold = false }, V(FormText.Wan(m?.ProgrammeFen), 2)]);
            rows.Add([L("") with { MergeContinue = true }, L("村（社区）集体经济投入（万元）", 3) with { Bold = false }, V(FormText.Wan(m?.VillageFen), 2)]);
            rows.Add([L("") with { MergeContinue = true }, L("社会投入（万元）", 3) with { Bold = false }, V(FormText.Wan(m?.SocialFen), 2)]);
        }
        string Q(decimal? q) => q?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var w = works ? f.Works : null;
        var sv = works ? null : f.Service;
        rows.AddRange(
        [
            new[] { Section("三、项目实施情况", 6) },
            new[] { L($"{Box(works)}（一）便民工程项目", 3), L($"{Box(!works)}（二）公益服务项目", 3) },
            new[] { L("施工内容"), V(w?.Content ?? (works ? "" : "—"), 2), L("服务时间"), V(sv?.Time ?? (works ? "—" : ""), 2) },
            new[] { L("计量单位"), V(w?.Unit, 2), L("服务地点"), V(sv?.Place, 2) },
            new[] { L("计划工程量"), V(Q(w?.PlannedQuantity), 2), L("参与人数"), V(sv?.Participants?.ToString(), 2) },
            new[] { L("实际工程量"), V(Q(w?.ActualQuantity), 2), L(""), V("", 2) },
            new[] { Section("四、项目成效", 6) },
            new[]
            {
                V("（工程建设前后对比照片或现场活动照片、受助方感谢信息等）\n" + (photos.Count == 0 ? "" :
                    $"已上传成效照片{photos.Count}张：" + string.Join("、", photos.Select(a => a.FileName))) + "\n", 6),
            },
            new[] { Section("五、满意度测评情况", 6) },
        ]);
        rows.AddRange(SurveyRows(survey));
        rows.Add([V("备注：\n各村（社区）填报该表格时，需同步上传以下资料至系统归档：\n" +
            $"{Box(kinds.Contains(AttachmentKind.StampedRegistrationForm))}1.东莞市“民生大莞家”服务项目“民生微实事”登记备案表（需加盖公章）；\n" +
            $"{Box(kinds.Contains(AttachmentKind.Contract))}2.工程合同（服务协议）或帮扶协议；\n" +
            $"{Box(kinds.Contains(AttachmentKind.Invoice))}3.发票；\n" +
            $"{Box(kinds.Overlaps([AttachmentKind.ProcurementFiling, AttachmentKind.TenderDocuments, AttachmentKind.SupplierQualification, AttachmentKind.TaxRegistration]))}" +
            "4.其他资料（采购备案表、招投标文件、供应方资质证明、税务登记证明等，如项目无需开展招投标，则不需提供相关招投标文件）。", 6)]);
        return new Docx()
            .Title("东莞市“民生大莞家”服务项目结项表")
            .Paragraph("（适用于“民生微实事”项目）", center: true, spaceAfter: 120)
            .Paragraph($"填报单位：{p.TownName}{p.VillageName}（盖章）          填报日期：{FormText.Date(p.CompletionFiledAt)}", spaceAfter: 120)
            .Table(Grid, rows)
            .Paragraph("")
            .Paragraph("填报人（签名）：                    村（社区）负责人（签名）：")
            .ToBytes();
    }

    /// <summary>The survey section of the completion form: count, rate, score, then each aspect's counts per level.</summary>
    private static IEnumerable<IReadOnlyList<FormCell>> SurveyRows(SurveyReport r)
    {
        var none = r.Responses == 0;
        yield return [L("参与测评人数"), V(none ? "" : $"{r.Responses}（不少于{r.Minimum}人：{(r.MinimumMet ? "已达到" : "未达到")}）", 2),
            L("满意率 / 得分"), V(none ? "" : $"{r.SatisfactionRate}% / {r.Score}分", 2)];
        yield return [L("测评项目"), .. SurveyReport.LevelNames.Select(n => L(n))];
        foreach (var a in r.Aspects)
            yield return [L(a.Zh) with { Bold = false }, .. a.Counts.Select(n => V(none ? "" : n.ToString()) with { Center = true })];
    }

    /// <summary>Attachment 3 for paper use; with a project, its name is printed in the sentence that names it.</summary>
    public static byte[] Questionnaire(string? projectName)
    {
        var rows = new List<IReadOnlyList<FormCell>> { (FormCell[])[L("您对“民生大莞家”品牌服务项目的满意度评价"), .. SurveyReport.LevelNames.Select(n => L(n))] };
        foreach (var (_, zh) in SurveyReport.AspectNames.Append(("other", "其他")))
            rows.Add([L(zh) with { Bold = false }, .. SurveyReport.LevelNames.Select(_ => V(Box(false)) with { Center = true })]);
        rows.Add([V("你对“民生大莞家”项目的其它意见或建议：\n\n\n\n\n", 6)]);
        rows.Add([V("\n参加者签名（可选择不填写）：\n日    期：         年     月     日", 6) with { Left = true }]);
        var name = string.IsNullOrWhiteSpace(projectName) ? "                        " : $"“{projectName}”";
        return new Docx()
            .Title("东莞市“民生大莞家”项目满意度调查表")
            .Paragraph("亲爱的辖区居民：", spaceAfter: 60)
            .Paragraph("    您好！非常感谢您参与本次问卷调查活动！")
            .Paragraph("    为全面了解东莞市“民生大莞家”项目成果，客观评价实际成效，现诚邀您填写以下问卷，并提出宝贵意见建议，以便我们更好地为辖区居民群众服务。感谢您的配合！")
            .Paragraph($"    您参与评价的项目为：{name}项目。", spaceAfter: 120)
            .Table([2638, 1400, 1400, 1400, 1400, 1400], rows)
            .Paragraph("（请在每一行选择一项，打“√”）", halfPoints: 20)
            .ToBytes();
    }

    public static async Task<DocumentFile> QuestionnaireAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await ProjectQueries.GetAsync(db, s, id, ct);
        return new DocumentFile(Questionnaire(p.Name), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "满意度测评表", p.Number, p.Name));
    }

    public static DocumentFile BlankQuestionnaire() =>
        new(Questionnaire(null), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "东莞市“民生大莞家”项目满意度调查表"));
}
