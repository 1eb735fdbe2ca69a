using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Documents;

/// <summary>
/// The town's 年度“民生微实事”项目实施计划表 (R-MS-17) as a table: one row per planned project, adjustments marked
/// and paid from matching funds, the total against the city's allocation, and the stamp line of the town's party
/// committee or government. 003 gives the table's name, not its columns; these are the fields the plan holds.
/// </summary>
public static class AnnualPlanDocument
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("序号", 5), new("项目编号", 15), new("项目名称", 18), new("村（社区）", 11), new("项目类别", 13), new("具体类型", 11), new("项目内容", 26),
        new("受益人群", 15), new("办理方式", 9), new("实施主体", 15), new("项目预算（万元）", 10), new("经费来源", 11), new("列入方式", 9), new("备注", 14),
    ];

    public static async Task<DocumentFile> BuildAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var plan = await AnnualPlans.GetAsync(db, id, ct);
        var ids = plan.Items.Select(i => i.ProjectId).ToList();
        var projects = await db.MicroProjects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, projects.Values.Select(p => p.VillageId).Append(plan.TownId), ct);
        var town = names.GetValueOrDefault(plan.TownId, "");
        return new DocumentFile(Build(plan, projects, names), FileFormat.Xlsx,
            DocumentFile.Name(FileFormat.Xlsx, $"{town}{plan.Year}年度“民生微实事”项目实施计划表"));
    }

    public static byte[] Build(PlanView plan, IReadOnlyDictionary<Guid, MicroProject> projects, IReadOnlyDictionary<Guid, string> names)
    {
        var town = names.GetValueOrDefault(plan.TownId, "");
        var rows = plan.Items.OrderBy(i => i.IsAdjustment).ThenBy(i => i.AddedAt).ThenBy(i => i.Number).Select((i, n) =>
        {
            var p = projects.GetValueOrDefault(i.ProjectId);
            return (IReadOnlyList<object?>)
            [
                n + 1, i.Number, i.Name, p is null ? "" : names.GetValueOrDefault(p.VillageId, ""), FormLabels.Of(FormLabels.Categories, p?.Category),
                FormLabels.Of(FormLabels.SubTypes, p?.SubType), p?.Content, p?.Beneficiaries, FormLabels.Of(FormLabels.Routes, p?.Route), p?.ImplementingBody,
                i.BudgetFen / 1_000_000m, i.Funding == PlanFunding.Allocation ? "市分配经费" : "镇（街道）配套资金",
                i.IsAdjustment ? "动态调整" : "集中征集", i.Reason,
            ];
        }).ToList();
        var reaches = plan.PlannedFen >= plan.AllocationFen;
        var sheet = new TableSheet("实施计划", $"{town}{plan.Year}年度“民生微实事”项目实施计划表", Columns, rows)
        {
            Lines =
            [
                $"填报单位：{town}（盖章）    填报日期：{FormText.Date(plan.FiledAt)}    状态：{(plan.State == PlanState.Filed ? "已报市民政局" : "草稿")}",
                $"市分配“民生微实事”经费额度：{FormText.Wan(plan.AllocationFen)}万元    集中征集项目合计：{FormText.Wan(plan.PlannedFen)}万元" +
                $"（{(reaches ? "不少于" : "少于")}市分配额度）    动态调整项目合计：{FormText.Wan(plan.AdjustedFen)}万元（从镇（街道）配套资金列支）",
            ],
            Totals = ["合计", $"{rows.Count}项", "", "", "", "", "", "", "", "", (plan.PlannedFen + plan.AdjustedFen) / 1_000_000m, "", "", ""],
            Footer =
            [
                plan.StampNote is { Length: > 0 } note ? $"盖章说明：{note}" : "",
                "填表人：                    审核人：                    镇（街道）党委或政府（盖章）",
            ],
        };
        return Xlsx.Write(sheet);
    }
}
