using Guanjia.App.Persistence;
using Guanjia.App.Stations;
using Guanjia.Domain.Stations;
using static Guanjia.App.Documents.Docx;

namespace Guanjia.App.Documents;

/// <summary>
/// The 采购备案表 of a purchased or packaged station item (R-ST-05, 000 attachment 1). The attachment's layout is not
/// among the seeds (ADR 0010): the form carries what 000 asks the filing to hold — the item and its operating mode,
/// how it was procured, the contractor, amount and agreement, the supervisory committee's opinion and the town's
/// record — with the stamp lines of the village, the committee and the town.
/// </summary>
public static class ProcurementFilingForm
{
    public static async Task<DocumentFile> BuildAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var filing = await StationQueries.GetFilingAsync(db, id, ct);
        var item = await StationQueries.GetItemAsync(db, filing.ItemId, ct);
        return new DocumentFile(Build(filing, item), FileFormat.Docx,
            DocumentFile.Name(FileFormat.Docx, "采购备案表", filing.VillageName, item.Title));
    }

    public static byte[] Build(FilingView f, ItemView i)
    {
        int[] grid = [2000, 2000, 1800, 3838];
        var method = FormText.Boxes(FormLabels.Methods, m => m == f.Method, "   ") + (f.Method == ProcurementMethod.Other ? $"：{f.MethodOther}" : "");
        var opinion = f.SupervisoryOpinion is { } o
            ? $"{o.Text}\n\n审核人：{o.By}          （盖章）          {FormText.Date(o.On)}"
            : "\n\n审核人：                    （盖章）          年   月   日";
        var record = f.RecordedAt is { } at
            ? $"已备案。{f.RecordNote}\n\n经办人：{f.RecordedByName}          {f.TownName}“民生大莞家”牵头部门（盖章）          {FormText.Date(at)}"
            : "\n\n经办人：                    （盖章）          年   月   日";
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、项目情况", 4) },
            new[] { L("项目名称"), V(i.Title, 3) },
            new[] { L("所属驿站"), V(i.StationName), L("关联微实事项目"), V(i.MicroProjectNumber ?? "—") },
            new[] { L("服务内容"), V(i.Content, 3) },
            new[] { L("运作方式"), V(FormText.Boxes(FormLabels.Modes, m => m == i.Mode, "   "), 3) },
            new[] { L("服务形式"), V(FormText.Boxes(FormLabels.ServiceForms, x => i.ServiceForms.Contains(x), "   "), 3) },
            new[]
            {
                L("协商（决定）日期"), V(FormText.Date(i.ConsultedOn)), L("决定方式"),
                V(FormText.Boxes(FormLabels.DecisionBodies, x => x == i.DecidedBy, "  ")),
            },
            new[] { L("协商确定的候选承接方"), V(i.CandidateContractors.Count == 0 ? "—" : string.Join("；", i.CandidateContractors), 3) },
            new[] { Section("二、采购情况", 4) },
            new[] { L("采购方式"), V(method, 3) },
            new[] { L("承接服务方"), V(f.SupplierName, 3) },
            new[] { L("采购金额（万元）"), V(FormText.Wan(f.AmountFen)), L("协议签订日期"), V(FormText.Date(f.AgreementSignedOn)) },
            new[]
            {
                L("服务年限"), V(i.Years is { } y ? $"{y}年" : "—"), L("服务团队人数"), V(i.TeamSize is { } t ? $"{t}人" : "—"),
            },
            new[] { L("资金来源"), V("村（社区）“民生大莞家”专项资金", 3) },
            new[] { Section("三、审核与备案", 4) },
            new[] { L("村（居）务监督委员会审核意见"), V(opinion, 3) },
            new[] { L("镇（街道）“民生大莞家”牵头部门备案意见"), V(record, 3) },
            new[] { L("备注"), V("经确定项目服务承接方后，村（社区）与承接方签订购买服务协议，在系统填报本表，经加具村（居）务监督委员会审核意见后，报镇（街道）“民生大莞家”牵头部门备案。购买服务协议已上传系统。", 3) },
        };
        return new Docx()
            .Title($"东莞市{f.TownName}{f.VillageName}“民生大莞家”\n民生微实事项目采购备案表")
            .Paragraph($"填报单位：{f.VillageName}（盖章）          填报日期：{FormText.Date(f.FiledAt ?? f.CreatedAt)}", spaceAfter: 120)
            .Table(grid, rows)
            .Paragraph("")
            .Paragraph("填报人（签名）：                    村（社区）负责人（签名）：")
            .ToBytes();
    }
}
