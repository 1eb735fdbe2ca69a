using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.App.Surveys;

namespace Guanjia.App.Documents;

/// <summary>The survey's results as a table (R-MS-14): each aspect's counts per level, rate and score; the suggestions, masked.</summary>
public static class SurveyResultsDocument
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("测评项目", 26), new("非常满意", 10), new("满意", 10), new("基本满意", 10), new("不满意", 10), new("非常不满意", 11), new("合计", 8),
        new("满意率（%）", 12), new("得分", 8),
    ];

    public static async Task<DocumentFile> BuildAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var v = await SurveyResults.GetAsync(db, s, id, ct);
        return new DocumentFile(Build(v, s.Clock.GetUtcNow()), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, "满意度测评结果", v.Number, v.Name));
    }

    public static byte[] Build(SurveyResultsView v, DateTimeOffset now)
    {
        var r = v.Report;
        var rows = r.Aspects.Select(a => (IReadOnlyList<object?>)[a.Zh, .. a.Counts.Cast<object?>(), a.Counts.Sum(), a.SatisfactionRate, a.Score]).ToList();
        var results = new TableSheet("测评结果", $"“{v.Name}”满意度测评结果", Columns, rows)
        {
            Lines =
            [
                $"项目编号：{v.Number}    所属镇（街道）：{v.TownName}    村（社区）：{v.VillageName}",
                $"参与测评人数：{r.Responses}人（原则上不少于{r.Minimum}人：{(r.MinimumMet ? "已达到" : "未达到")}）    " +
                $"满意率（非常满意+满意+基本满意）：{r.SatisfactionRate}%    综合得分：{r.Score}分",
            ],
            Totals = ["全部评价项", .. Enumerable.Range(0, 5).Select(i => (object?)r.Aspects.Sum(a => a.Counts[i])), r.Aspects.Sum(a => a.Counts.Sum()),
                r.SatisfactionRate, r.Score],
            Footer =
            [
                "得分：非常满意100分、满意75分、基本满意50分、不满意25分、非常不满意0分，取平均值。",
                $"测评组织单位（盖章）：                    负责人（签名）：                    日期：{FormText.Date(now)}",
            ],
        };
        var suggestions = new TableSheet("意见建议", "居民意见和建议（已隐去个人信息）", [new("序号", 8), new("意见或建议", 90)],
            v.Suggestions.Select((text, i) => (IReadOnlyList<object?>)[i + 1, text]).ToList()) { Landscape = false };
        return Xlsx.Write(results, suggestions);
    }
}
