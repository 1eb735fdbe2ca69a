using Guanjia.App.CivilAffairs;
using Guanjia.App.Documents;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Organizations;
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

    /// <summary>
    /// One station (社会服务工作站 or 民政服务站) of the jurisdiction: its workers in post against those its communities need at the
    /// jurisdiction's ratio (R-PS-04, a workstation only; ADR 0042), its training compliance (R-CA-03: pre-job hours complete; this
    /// year's continuing hours, the workers still short), and its contract's reports on time, evaluation score and open rectifications.
    /// </summary>
    public sealed record StationRow(Guid StationId, string StationName, StationKind Kind, string TownName, int Communities, decimal? CommunitiesPerWorker,
        int? WorkersNeeded, int WorkersInPost, int WorkersShort, bool Short, int PreJobTrained, int PreJobRequiredHours, int ContinuingYear,
        int ContinuingRequiredHours, int ContinuingShort, Guid? ContractId, string? ContractNumber, string? ContractorName, int ReportsDue, int ReportsOnTime,
        decimal? OnTimePercent, decimal? EvaluationScore, Grade? Grade, string? GradeZh, int RectificationsOpen, int RectificationsOverdue);

    public sealed record Figures(DateTimeOffset At, IReadOnlyList<Row> Rows, IReadOnlyList<StationRow> Stations);

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
        var stations = await StationsAsync(db, rules, today, contracts, contractors, ct);
        var stationRows = stations.Select(x =>
        {
            var c = x.Contract;
            var r = c is null ? null : reports.GetValueOrDefault(c.Id);
            var e = c is null ? null : evaluations.GetValueOrDefault(c.Id);
            var open = c is null ? null : rectifications.GetValueOrDefault(c.Id);
            return x.Row with
            {
                ContractId = c?.Id, ContractNumber = c?.Number, ContractorName = c is null ? null : contractors.GetValueOrDefault(c.ContractorId),
                ReportsDue = r?.Due ?? 0, ReportsOnTime = r?.OnTime ?? 0, OnTimePercent = r is { Due: > 0 } ? Math.Round(100m * r.OnTime / r.Due, 1) : null,
                EvaluationScore = e?.TotalScore, Grade = e?.Grade, GradeZh = e?.Grade is { } g ? PurchasingTerms.Zh(g) : null,
                RectificationsOpen = open?.Open ?? 0, RectificationsOverdue = open?.Overdue ?? 0,
            };
        }).ToList();
        return new Figures(now, rows, stationRows);
    }

    private sealed record StationFacts(StationRow Row, ServiceContract? Contract);

    /// <summary>
    /// The stations in the caller's scope with their staffing and training, counted in the database per station and per worker
    /// (never every training line), and the contract each answers to: the contract whose package covers a community of the station's
    /// town, of the station's contractor when it has one, the one in its term today first, else the latest (ADR 0036).
    /// </summary>
    private static async Task<List<StationFacts>> StationsAsync(GuanjiaDb db, JurisdictionRulesProvider rules, DateOnly today,
        IReadOnlyList<ServiceContract> contracts, IReadOnlyDictionary<Guid, string> contractors, CancellationToken ct)
    {
        var stations = await db.CivilAffairsStations.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.ScopePath).Take(500).ToListAsync(ct);
        if (stations.Count == 0) return [];
        var townIds = stations.Select(x => x.TownId).ToList();
        var stationIds = stations.Select(x => x.Id).ToList();
        var towns = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => townIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var communitiesOfTown = (await db.Organizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.ParentId != null && townIds.Contains(o.ParentId.Value) && o.IsActive
                    && (o.Kind == OrganizationKind.Community || o.Kind == OrganizationKind.Village))
                .GroupBy(o => o.ParentId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.N);
        var workers = db.StaffMembers.AsNoTracking().Where(m => m.Role == StaffRole.Worker && m.Until == null && m.StationId != null
            && stationIds.Contains(m.StationId.Value));
        var inPost = (await workers.GroupBy(m => m.StationId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.N);
        // R-CA-03: hours per worker and kind (pre-job ever, continuing this Beijing year), summed in the database.
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var hours = await db.TrainingEntries.AsNoTracking()
            .Where(e => e.Kind == TrainingKind.PreJob || (e.Kind == TrainingKind.Continuing && e.On >= yearStart && e.On <= yearEnd))
            .Join(workers, e => e.StaffId, m => m.Id, (e, m) => new { Station = m.StationId!.Value, e.StaffId, e.Kind, e.Hours })
            .GroupBy(x => new { x.Station, x.StaffId, x.Kind })
            .Select(g => new { g.Key.Station, g.Key.StaffId, g.Key.Kind, Hours = g.Sum(x => x.Hours) }).ToListAsync(ct);
        // The packages covering the stations' towns, and their contracts (already read for the package rows).
        var covering = await db.PackageCommunities.AsNoTracking().Where(pc => townIds.Contains(pc.TownId)).Select(pc => new { pc.TownId, pc.PackageId })
            .Distinct().ToListAsync(ct);
        var result = new List<StationFacts>();
        foreach (var st in stations)
        {
            var set = StationProfiles.Communities(st.CommunityIdsJson);
            var communities = set.Count > 0 ? set.Count : communitiesOfTown.GetValueOrDefault(st.TownId);
            var all = (await rules.RequireAsync(db, st.ScopePath, ct)).Rules;
            var workstation = st.Kind == StationKind.SocialServiceWorkstation;
            int? needed = workstation ? Staffing.WorkersNeeded(communities, all.Purchasing.CommunitiesPerWorker) : null;
            var n = inPost.GetValueOrDefault(st.Id);
            var mine = hours.Where(h => h.Station == st.Id).ToList();
            var trained = mine.Count(h => h.Kind == TrainingKind.PreJob && TrainingLedger.MayServe(h.Hours, all.CivilAffairs));
            var continuingDone = mine.Count(h => h.Kind == TrainingKind.Continuing && h.Hours >= all.CivilAffairs.ContinuingEducationHoursPerYear);
            var packages = covering.Where(c => c.TownId == st.TownId).Select(c => c.PackageId).ToHashSet();
            var candidates = contracts.Where(c => packages.Contains(c.PackageId) && (st.ContractorId is null || c.ContractorId == st.ContractorId)).ToList();
            var contract = candidates.Where(c => c.TermStart <= today && today <= c.TermEnd).OrderByDescending(c => c.TermStart).FirstOrDefault()
                ?? candidates.OrderByDescending(c => c.TermStart).FirstOrDefault();
            var row = new StationRow(st.Id, st.Name, st.Kind, towns.GetValueOrDefault(st.TownId, ""), communities,
                workstation ? all.Purchasing.CommunitiesPerWorker : null, needed, n, needed is { } k ? Math.Max(0, k - n) : 0, needed is { } m && n < m,
                trained, all.CivilAffairs.PreJobTrainingHours, today.Year, all.CivilAffairs.ContinuingEducationHoursPerYear,
                all.CivilAffairs.ContinuingEducationHoursPerYear > 0 ? n - continuingDone : 0,
                null, null, null, 0, 0, null, null, null, null, 0, 0);
            result.Add(new StationFacts(row, contract));
        }
        return result;
    }

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("服务包", 14), new("合同编号", 16), new("承接方", 24), new("社区数", 8), new("应配社工", 8), new("项目主管", 8), new("督导", 6),
        new("应报告", 8), new("按时", 6), new("超期报送", 8), new("逾期未报", 8), new("按时率", 8), new("评估得分", 8), new("等次", 6),
        new("未销号整改", 10), new("其中逾期", 8), new("违约扣款（元）", 14), new("合同金额（元）", 14), new("已支付（元）", 14),
    ];

    public static readonly IReadOnlyList<TableColumn> StationColumns =
    [
        new("服务站", 24), new("街镇", 12), new("覆盖社区", 8), new("应配人数", 8), new("在岗人数", 8), new("配备情况", 10), new("岗前培训达标", 12),
        new("继续教育未达标", 12), new("合同编号", 16), new("应报告", 8), new("按时", 6), new("按时率", 8), new("评估得分", 8), new("等次", 6),
        new("未销号整改", 10),
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
        var stations = f.Stations.Select(r => (IReadOnlyList<object?>)
        [
            r.StationName, r.TownName, r.Communities, r.WorkersNeeded is { } n ? (object)n : "—", r.WorkersInPost, r.Short ? $"缺{r.WorkersShort}人" : "",
            $"{r.PreJobTrained}/{r.WorkersInPost}", r.ContinuingShort, r.ContractNumber ?? "—", r.ReportsDue, r.ReportsOnTime,
            r.OnTimePercent is { } p ? $"{p:0.#}%" : "—", r.EvaluationScore is { } s ? $"{s:0.##}" : "—", r.GradeZh ?? "—", r.RectificationsOpen,
        ]).ToList();
        var stationSheet = new TableSheet("服务站一览表", $"{unit}社会服务工作站（民政服务站）监管一览表", StationColumns, stations)
        {
            Lines = [$"统计时间：{FormText.DateTime(f.At)}    应配人数按每{f.Stations.FirstOrDefault(x => x.CommunitiesPerWorker is not null)?.CommunitiesPerWorker ?? 1.5m:0.#}个社区1名工作人员（R-PS-04）；"
                + $"岗前培训须满{f.Stations.FirstOrDefault()?.PreJobRequiredHours ?? 40}学时，继续教育每年{f.Stations.FirstOrDefault()?.ContinuingRequiredHours ?? 60}学时（R-CA-03）"],
        };
        return new DocumentFile(Xlsx.Write(sheet, stationSheet), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, title));
    }
}
