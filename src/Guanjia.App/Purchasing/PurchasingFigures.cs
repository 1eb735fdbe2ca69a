using Guanjia.App.Documents;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// Issue 14 §8, R-PS-04..06, R-CA-12: what the bureau answers for, per package and its contract. The staff the package needs at the
/// jurisdiction's ratio, the contractor's reports due so far (on time, late, still missing), the evaluation's score and grade, the
/// rectifications still open (and overdue), the penalties, and the money paid against the amount. Counted in the database per contract.
/// </summary>
public static class PurchasingFigures
{
    public sealed record Row(Guid PackageId, string PackageName, Guid? ContractId, string? ContractNumber, string? ContractorName, ContractState? State,
        int Communities, int WorkersNeeded, int ManagersNeeded, int SupervisorsNeeded, int ReportsDue, int ReportsOnTime, int ReportsLate, int ReportsMissing,
        decimal? OnTimePercent, decimal? EvaluationScore, Grade? Grade, string? GradeZh, int RectificationsOpen, int RectificationsOverdue, long PenaltyFen,
        long AmountFen, long PaidFen);

    public sealed record Figures(DateTimeOffset At, IReadOnlyList<Row> Rows);

    public static async Task<Figures> ByPackageAsync(GuanjiaDb db, JurisdictionRulesProvider rules, TimeProvider clock, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var now = clock.GetUtcNow();
        var today = Domain.Calendar.ChinaTime.LocalDate(now);
        var packages = await PurchasingQueries.PackagesAsync(db, rules, ct);
        var contracts = await db.ServiceContracts.AsNoTracking().ToListAsync(ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var contractors = await Organizations.OrganizationQueries.NamesAsync(db, contracts.Select(c => c.ContractorId), ct);
        var reports = (await db.ContractReports.AsNoTracking().Where(r => ids.Contains(r.ContractId) && r.Kind != ReportKind.MajorEvent
                && (r.State == ReportState.Filed || r.DueAt < now))
            .GroupBy(r => r.ContractId)
            .Select(g => new
            {
                g.Key,
                Due = g.Count(),
                OnTime = g.Count(r => r.State == ReportState.Filed && (r.DueAt == null || r.FiledAt <= r.DueAt)),
                Late = g.Count(r => r.State == ReportState.Filed && r.DueAt != null && r.FiledAt > r.DueAt),
                Missing = g.Count(r => r.State == ReportState.Due),
            }).ToListAsync(ct)).ToDictionary(x => x.Key);
        var evaluations = await db.ThirdPartyEvaluations.AsNoTracking().Where(e => ids.Contains(e.ContractId))
            .Select(e => new { e.ContractId, e.TotalScore, e.Grade }).ToDictionaryAsync(e => e.ContractId, ct);
        var rectifications = (await db.Rectifications.AsNoTracking().Where(r => ids.Contains(r.ContractId) && r.State != RectificationState.Closed)
            .GroupBy(r => r.ContractId).Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(r => r.DueOn < today) }).ToListAsync(ct))
            .ToDictionary(x => x.Key);
        var money = (await db.ContractInstalments.AsNoTracking().Where(i => ids.Contains(i.ContractId))
            .GroupBy(i => i.ContractId).Select(g => new { g.Key, Penalty = g.Sum(i => i.PenaltyFen), Paid = g.Sum(i => i.PaidFen) }).ToListAsync(ct))
            .ToDictionary(x => x.Key);
        var byPackage = contracts.ToLookup(c => c.PackageId);
        var rows = new List<Row>();
        foreach (var p in packages.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var cs = byPackage[p.Id].ToList();
            if (cs.Count == 0) cs = [null!];
            foreach (var c in cs)
            {
                var r = c is null ? null : reports.GetValueOrDefault(c.Id);
                var e = c is null ? null : evaluations.GetValueOrDefault(c.Id);
                var open = c is null ? null : rectifications.GetValueOrDefault(c.Id);
                var m = c is null ? null : money.GetValueOrDefault(c.Id);
                rows.Add(new Row(p.Id, p.Name, c?.Id, c?.Number, c is null ? null : contractors.GetValueOrDefault(c.ContractorId), c?.State, p.CommunityCount,
                    p.WorkersNeeded, p.ManagersNeeded, p.SupervisorsNeeded, r?.Due ?? 0, r?.OnTime ?? 0, r?.Late ?? 0, r?.Missing ?? 0,
                    r is { Due: > 0 } ? Math.Round(100m * r.OnTime / r.Due, 1) : null, e?.TotalScore, e?.Grade, e?.Grade is { } g ? PurchasingTerms.Zh(g) : null,
                    open?.Open ?? 0, open?.Overdue ?? 0, m?.Penalty ?? 0, c?.AmountFen ?? 0, m?.Paid ?? 0));
            }
        }
        return new Figures(now, rows);
    }

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("服务包", 14), new("合同编号", 16), new("承接方", 24), new("社区数", 8), new("应配社工", 8), new("项目主管", 8), new("督导", 6),
        new("应报告", 8), new("按时", 6), new("超期报送", 8), new("逾期未报", 8), new("按时率", 8), new("评估得分", 8), new("等次", 6),
        new("未销号整改", 10), new("其中逾期", 8), new("违约扣款（元）", 14), new("合同金额（元）", 14), new("已支付（元）", 14),
    ];

    public static async Task<DocumentFile> ExcelAsync(GuanjiaDb db, JurisdictionRulesProvider rules, TimeProvider clock, CancellationToken ct)
    {
        var f = await ByPackageAsync(db, rules, clock, ct);
        var unit = await db.Organizations.AsNoTracking().Where(o => o.Path == db.Actor.JurisdictionPath).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var rows = f.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.PackageName, r.ContractNumber ?? "未签订合同", r.ContractorName ?? "", r.Communities, r.WorkersNeeded, r.ManagersNeeded, r.SupervisorsNeeded,
            r.ReportsDue, r.ReportsOnTime, r.ReportsLate, r.ReportsMissing, r.OnTimePercent is { } p ? $"{p:0.#}%" : "—",
            r.EvaluationScore is { } s ? $"{s:0.##}" : "—", r.GradeZh ?? "—", r.RectificationsOpen, r.RectificationsOverdue, new Fen(r.PenaltyFen),
            new Fen(r.AmountFen), new Fen(r.PaidFen),
        ]).ToList();
        var title = $"{unit}政府购买社区服务监管一览表";
        var sheet = new TableSheet("监管一览表", title, Columns, rows)
        {
            Lines = [$"统计时间：{FormText.DateTime(f.At)}    导出人：{db.Actor.Name}"],
        };
        return new DocumentFile(Xlsx.Write(sheet), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, title));
    }
}
