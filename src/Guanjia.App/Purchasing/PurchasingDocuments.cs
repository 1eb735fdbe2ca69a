using Guanjia.App.Documents;
using Guanjia.App.Persistence;
using Guanjia.Domain.Purchasing;
using static Guanjia.App.Documents.Docx;

namespace Guanjia.App.Purchasing;

/// <summary>
/// Issue 14 §8: the purchase's documents. The contract summary (合同履约概要) and the third-party evaluation report (第三方评估报告)
/// as Word (PDF through LibreOffice), and the bureau's supervision table (监管一览表) as Excel. Built from the same views the pages read,
/// so a document says what the screen says; every text went through the boundary's cleaning, so no stored string breaks them.
/// </summary>
public static class PurchasingDocuments
{
    private static readonly int[] Grid4 = [1900, 2919, 1900, 2919];

    public static async Task<DocumentFile> ContractSummaryAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await PurchasingQueries.ContractAsync(db, clock, id, ct);
        var reports = c.Reports.Where(r => r.Kind != ReportKind.MajorEvent).ToList();
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、合同基本情况", 4) },
            new[] { L("合同编号"), V(c.Number), L("协议编号"), V(c.AgreementNumber ?? "—") },
            new[] { L("服务包"), V(c.PackageName), L("承接方"), V(c.ContractorName) },
            new[] { L("服务期限"), V($"{FormText.Date(c.TermStart)}至{FormText.Date(c.TermEnd)}"), L("签订日期"), V(FormText.Date(c.SignedOn)) },
            new[] { L("合同金额（元）"), V(FormText.Yuan(c.AmountFen)), L("预算年度"), V($"{c.BudgetYear}年") },
            new[] { L("履约状态"), V(PurchasingTerms.Zh(c.State)), L("违约扣款合计（元）"), V(FormText.Yuan(c.Penalties.Sum(p => p.AmountFen))) },
            new[] { Section("二、分期付款", 4) },
        };
        rows.AddRange(c.Instalments.Select(i => (IReadOnlyList<FormCell>)new[]
        {
            V($"{i.Seq}. {i.Name}"), V($"{i.MilestoneZh}：{PurchasingTerms.Zh(i.State)}"),
            V($"金额{FormText.Yuan(i.AmountFen)}元，扣款{FormText.Yuan(i.PenaltyFen)}元"), V($"已付{FormText.Yuan(i.PaidFen)}元，待付{FormText.Yuan(i.AmountDueFen)}元"),
        }));
        rows.Add(new[] { Section("三、绩效指标", 4) });
        rows.AddRange(c.Indicators.Count == 0 ? [new[] { V("未约定", 4) }]
            : c.Indicators.Select(x => (IReadOnlyList<FormCell>)new[] { V(x.Name, 2), V(x.Category is { } k ? PurchasingTerms.Zh(k) : ""), V(x.Target) }));
        rows.Add(new[] { Section("四、工作报告", 4) });
        var filed = reports.Count(r => r.State == ReportState.Filed);
        rows.Add(new[]
        {
            L("应报送"), V($"{reports.Count(r => r.State == ReportState.Filed || r.Overdue)}份（其中已报送{filed}份）"),
            L("超期报送 / 逾期未报"), V($"{reports.Count(r => r.Late)}份 / {reports.Count(r => r.Overdue)}份"),
        });
        var events = c.Reports.Where(r => r.Kind == ReportKind.MajorEvent).ToList();
        rows.Add(new[] { L("重大事项报告"), V(events.Count == 0 ? "无" : string.Join("；", events.Select(e => $"{FormText.DateTime(e.OccurredAt)} {e.Title}")), 3) });
        rows.Add(new[] { Section("五、监督检查与整改", 4) });
        rows.AddRange(c.Inspections.Count == 0 ? [new[] { V("暂无检查记录", 4) }]
            : c.Inspections.Select(x => (IReadOnlyList<FormCell>)new[] { V(FormText.Date(x.InspectedOn)), V(x.BodyZh), V(x.Summary), V($"发现问题{x.FindingCount}项") }));
        rows.AddRange(c.Rectifications.Select(r => (IReadOnlyList<FormCell>)new[]
        {
            V("整改事项"), V(r.Finding), V($"整改期限：{FormText.Date(r.DueOn)}"), V(r.StateZh + (r.Overdue ? "（已逾期）" : "")),
        }));
        rows.AddRange(c.Penalties.Select(p => (IReadOnlyList<FormCell>)new[]
        {
            V("违约扣款"), V($"{p.ClauseCode}：{p.Reason}"), V($"{FormText.Yuan(p.AmountFen)}元"), V($"抵扣{p.InstalmentName}"),
        }));
        rows.Add(new[] { Section("六、第三方评估", 4) });
        rows.Add(c.Evaluation is { } ev
            ? new[] { L("评估机构"), V(ev.EvaluatorName), L("总分 / 等次"), V(ev.TotalScore is { } s ? $"{s:0.##}分 / {ev.GradeZh}" : PurchasingTerms.Zh(ev.State)) }
            : new[] { V("尚未委托第三方评估", 4) });
        var doc = new Docx().Title("政府购买社区服务合同履约概要").Paragraph($"{c.ContractorName}    合同编号：{c.Number}", center: true)
            .Table(Grid4, rows).Paragraph($"打印时间：{FormText.DateTime(clock.GetUtcNow())}    打印人：{db.Actor.Name}", right: true);
        return new DocumentFile(doc.ToBytes(), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "合同履约概要", c.Number));
    }

    public static async Task<DocumentFile> EvaluationReportAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var e = await PurchasingQueries.EvaluationAsync(db, id, ct);
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、评估对象", 4) },
            new[] { L("合同编号"), V(e.ContractNumber), L("承接方"), V(e.ContractorName) },
            new[] { L("服务包"), V(e.PackageName), L("服务期限"), V($"{FormText.Date(e.TermStart)}至{FormText.Date(e.TermEnd)}") },
            new[] { L("评估机构"), V(e.EvaluatorName), L("委托日期"), V(FormText.Date(e.CommissionedAt)) },
            new[] { Section("二、评估指标与得分", 4) },
            new[] { L("指标"), L("类别 / 权重"), L("评分标准"), L("得分 / 说明") },
        };
        rows.AddRange(e.Indicators.Select(i => (IReadOnlyList<FormCell>)new[]
        {
            V(i.Name), V($"{(i.Category is { } k ? PurchasingTerms.Zh(k) : "")} / {i.WeightPercent}%"), V(i.Criteria ?? ""),
            V($"{(i.Score is { } s ? $"{s:0.##}" : "未评分")}{(string.IsNullOrWhiteSpace(i.Comment) ? "" : $"（{i.Comment}）")}"),
        }));
        rows.Add(new[] { L("实际效果权重"), V($"{e.EffectWeightPercent}%"), L("满意度权重"), V($"{e.SatisfactionWeightPercent}%") });
        rows.Add(new[]
        {
            L("服务对象满意度调查"), V(e.SurveyRespondents is { } n ? $"{n}人作答，满意率{e.SurveySatisfactionPercent:0.#}%" : "未开展"),
            L("总分 / 等次"), V(e.TotalScore is { } t ? $"{t:0.##}分 / {e.GradeZh}" : PurchasingTerms.Zh(e.State)),
        });
        rows.Add(new[] { Section("三、评估结论", 4) });
        rows.Add(new[] { V(string.IsNullOrWhiteSpace(e.Summary) ? "（尚未填写）" : e.Summary, 4) });
        rows.Add(new[] { Section("四、发现的问题及整改建议", 4) });
        rows.AddRange(e.Findings.Count == 0 ? [new[] { V("无", 4) }]
            : e.Findings.Select((f, i) => (IReadOnlyList<FormCell>)new[]
            {
                V($"{i + 1}"), V(f.Description, 2), V(f.DueOn is { } d ? $"建议{FormText.Date(d)}前整改" : ""),
            }));
        rows.Add(new[] { L("民政局确认"), V(e.AcceptedAt is { } at ? $"已于{FormText.Date(at)}确认" : "尚未确认", 3) });
        var doc = new Docx().Title("政府购买社区服务第三方评估报告").Paragraph($"{e.EvaluatorName}    合同编号：{e.ContractNumber}", center: true)
            .Table(Grid4, rows).Paragraph($"打印时间：{FormText.DateTime(clock.GetUtcNow())}    打印人：{db.Actor.Name}", right: true);
        return new DocumentFile(doc.ToBytes(), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "第三方评估报告", e.ContractNumber));
    }
}
