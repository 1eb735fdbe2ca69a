using Guanjia.App.Appeals;
using Guanjia.App.MicroProjects;
using Guanjia.App.MicroWishes;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Documents;

/// <summary>
/// Lists as CSV or Excel: the list endpoints' own filters and scope (their <c>Filtered</c> queries), without paging
/// up to <see cref="MaxRows"/>; more is refused, naming the limit, rather than cut silently. The columns are the
/// list's, in Chinese; personal data is as in the list (none), and free text is masked as it would be in public
/// (phone and ID numbers), since a file leaves the system.
/// </summary>
public static class ListExports
{
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyList<TableColumn> AppealColumns =
    [
        new("受理编号", 20), new("征集渠道", 18), new("诉求标题", 30), new("类别", 14), new("状态", 16), new("所属村（社区）", 16), new("受理时间", 18),
        new("是否已列为项目", 12),
    ];

    public static readonly IReadOnlyList<TableColumn> ProjectColumns =
    [
        new("项目编号", 18), new("项目名称", 30), new("类别", 14), new("办理方式", 10), new("状态", 16), new("项目预算（元）", 14), new("所属村（社区）", 16),
        new("年度", 8), new("登记时间", 18),
    ];

    public static readonly IReadOnlyList<TableColumn> WishColumns =
    [
        new("编号", 18), new("类型", 14), new("需求", 40), new("状态", 14), new("办理方式", 10), new("金额（元）", 14), new("所属村（社区）", 16),
        new("登记时间", 18),
    ];

    private static async Task CapAsync<T>(IQueryable<T> q, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        new Check().When(total > MaxRows, "limit", "too_many_rows", $"一次最多导出{MaxRows}条，当前筛选结果{total}条，请缩小筛选范围",
            $"At most {MaxRows} rows per export; this filter matches {total}. Narrow it").ThrowIfFailed();
    }

    private static DocumentFile File(FileFormat format, string title, IReadOnlyList<TableColumn> columns, List<IReadOnlyList<object?>> rows,
        DateTimeOffset now) =>
        new(format == FileFormat.Csv
                ? Csv.Write(columns, rows)
                : Xlsx.Write(new TableSheet(title, title, columns, rows) { Lines = [$"导出时间：{FormText.DateTime(now)}    共{rows.Count}条"] }),
            format, DocumentFile.Name(format, title, Domain.Calendar.ChinaTime.LocalDate(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));

    public static async Task<DocumentFile> AppealsAsync(GuanjiaDb db, TimeProvider clock, AppealQueries.Filter f, FileFormat format, CancellationToken ct)
    {
        var q = AppealQueries.Filtered(db, f);
        await CapAsync(q, ct);
        var rows = (await AppealQueries.RowsAsync(db, q, 0, MaxRows, ct)).Select(a => (IReadOnlyList<object?>)
        [
            a.TrackingNumber, Channels.Zh(a.Channel), Masking.FreeText(a.Title), FormLabels.Of(FormLabels.Categories, a.Category), FormLabels.Zh(a.State),
            a.VillageName, FormText.DateTime(a.ReceivedAt), a.MicroProjectId is null ? "否" : "是",
        ]).ToList();
        return File(format, "诉求清单", AppealColumns, rows, clock.GetUtcNow());
    }

    public static async Task<DocumentFile> ProjectsAsync(GuanjiaDb db, TimeProvider clock, ProjectQueries.Filter f, FileFormat format, CancellationToken ct)
    {
        var q = ProjectQueries.Filtered(db, f);
        await CapAsync(q, ct);
        var rows = (await ProjectQueries.RowsAsync(db, q, 0, MaxRows, ct)).Select(p => (IReadOnlyList<object?>)
        [
            p.Number, p.Name, FormLabels.Of(FormLabels.Categories, p.Category), FormLabels.Of(FormLabels.Routes, p.Route), ProjectWorkflow.Zh(p.State),
            p.BudgetFen is { } b ? new Fen(b) : null, p.VillageName, p.Year, FormText.DateTime(p.CreatedAt),
        ]).ToList();
        return File(format, "微实事项目清单", ProjectColumns, rows, clock.GetUtcNow());
    }

    public static async Task<DocumentFile> WishesAsync(GuanjiaDb db, TimeProvider clock, WishState? state, WishKind? kind, Guid? townId, FileFormat format,
        CancellationToken ct, Guid? villageId = null)
    {
        var q = WishQueries.Filtered(db, state, kind, townId, villageId);
        await CapAsync(q, ct);
        var list = await WishQueries.RowsAsync(db, q, 0, MaxRows, ct);
        var rows = list.Select(w => (IReadOnlyList<object?>)
        [
            w.Number, FormLabels.Zh(w.Kind), Masking.FreeText(w.Need), FormLabels.Zh(w.State), FormLabels.Of(FormLabels.Routes, w.Route),
            w.AmountFen is { } a ? new Fen(a) : null, w.VillageName ?? "", FormText.DateTime(w.CreatedAt),
        ]).ToList();
        return File(format, "微心愿清单", WishColumns, rows, clock.GetUtcNow());
    }
}
