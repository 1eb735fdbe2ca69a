using System.Globalization;
using Guanjia.App.Documents;
using Guanjia.App.Persistence;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// Issue 14 §8: the staffing and training table (人员配备与培训台账) as Excel, of one station or of every station and package in the
/// reader's scope. Sheet 1 is the roster with the general requirements and their exceptions (R-CA-02), the filing with the bureau, the
/// pre-job hours against 40 and whether the person may be assigned (R-CA-03), and this year's continuing education against 60. Sheet 2
/// is each station's staffing against 1 worker per 1.5 communities and its packages' manager and supervisor (R-PS-04). Numbers are
/// the jurisdiction's; the same views as the console, so the file and the page never disagree. No phones: a table travels.
/// </summary>
public static class StaffingTable
{
    private static readonly TableColumn[] RosterColumns =
    [
        new("序号", 6), new("服务站/服务包", 24), new("岗位", 10), new("姓名", 14), new("聘用单位", 24), new("年龄", 6), new("学历", 10), new("本地户籍", 8),
        new("不符合一般要求及原因", 30), new("公开招考", 8), new("社会保险", 8), new("报民政局备案", 14), new("到岗日期", 12), new("岗前培训学时", 10),
        new("可否分派个案", 16), new("本年继续教育学时", 12), new("继续教育提示", 18),
    ];

    private static readonly TableColumn[] StationColumns =
    [
        new("服务站", 26), new("类型", 14), new("覆盖村（社区）数", 10), new("应配工作人员", 10), new("在岗工作人员", 10), new("可分派个案人数", 10),
        new("配备情况", 12), new("服务包项目主管", 26), new("服务包督导", 26),
    ];

    public static string RoleZh(StaffRole r) => r switch
    {
        StaffRole.Worker => "工作人员",
        StaffRole.ProjectManager => "项目主管",
        StaffRole.Supervisor => "督导",
        _ => r.ToString(),
    };

    public static string EducationZh(EducationLevel e) => e switch
    {
        EducationLevel.BelowCollege => "大专以下",
        EducationLevel.College => "大专",
        EducationLevel.Bachelor => "本科",
        EducationLevel.Postgraduate => "研究生",
        _ => e.ToString(),
    };

    private static string Hours(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);

    public static async Task<DocumentFile> ExcelAsync(GuanjiaDb db, CaseworkServices s, Guid? stationId, CancellationToken ct)
    {
        StaffRoster.RequireReader(db);
        var stations = await db.CivilAffairsStations.AsNoTracking().Where(x => stationId == null || x.Id == stationId).OrderBy(x => x.ScopePath).ToListAsync(ct);
        if (stationId is not null && stations.Count == 0)
            throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");

        var staffing = new List<(CivilAffairsStation Station, StationStaffing Staffing)>();
        foreach (var st in stations) staffing.Add((st, await StationProfiles.StaffingAsync(db, s, st, ct)));
        // One station: its workers and its packages' managers and supervisors; else everyone in scope.
        var packageIds = staffing.SelectMany(x => x.Staffing.Packages ?? []).Select(p => p.PackageId).Distinct().ToList();
        var people = stationId is { } sid
            ? await StaffRoster.ViewsAsync(db, s, db.StaffMembers.Where(m => m.StationId == sid || (m.PackageId != null && packageIds.Contains(m.PackageId.Value))), ct)
            : await StaffRoster.ViewsAsync(db, s, db.StaffMembers, ct);
        var stationNames = stations.ToDictionary(x => x.Id, x => x.Name);
        var pids = people.Where(p => p.PackageId != null).Select(p => p.PackageId!.Value).Distinct().ToList();
        var packageNames = await db.ServicePackages.IgnoreQueryFilters().AsNoTracking().Where(p => pids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var i = 0;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in people.Where(p => p.Until is null)
                     .OrderBy(p => p.StationId is { } x ? stationNames.GetValueOrDefault(x, "") : "~" + packageNames.GetValueOrDefault(p.PackageId ?? Guid.Empty, ""))
                     .ThenBy(p => p.Role).ThenBy(p => p.Since))
        {
            var unit = p.StationId is { } x ? stationNames.GetValueOrDefault(x, "") : packageNames.GetValueOrDefault(p.PackageId ?? Guid.Empty, "");
            var exceptions = p.Exceptions.Count == 0 ? "" : string.Join("、", p.Exceptions.Select(e => ExceptionZh(e))) + "：" + p.ExceptionReason;
            rows.Add(
            [
                ++i, unit, RoleZh(p.Role), p.Name, p.EmployerName, p.Age, EducationZh(p.Education), p.LocalHukou ? "是" : "否", exceptions,
                p.HiredByOpenExam ? "是" : "否", p.SocialInsurance ? "是" : "否", p.FiledWithBureauOn is { } f ? f.ToString("yyyy-MM-dd") : "未备案",
                p.Since.ToString("yyyy-MM-dd"), $"{Hours(p.PreJobHours)}/{p.PreJobRequired}",
                p.Role != StaffRole.Worker ? "—" : p.MayServe ? "可以" : $"未满{p.PreJobRequired}学时，不能分派个案",
                $"{Hours(p.Continuing.DoneHours)}/{p.Continuing.RequiredHours}",
                p.Continuing.ShortHours <= 0 ? "已完成" : p.Continuing.Warn ? $"尚差{Hours(p.Continuing.ShortHours)}学时（第四季度提醒）" : $"尚差{Hours(p.Continuing.ShortHours)}学时",
            ]);
        }
        var stationRows = staffing.Select(x => (IReadOnlyList<object?>)
        [
            x.Station.Name, x.Station.Kind == StationKind.SocialServiceWorkstation ? "社会服务工作站" : "民政服务站", x.Staffing.Communities,
            x.Staffing.WorkersNeeded is { } n ? n : "—", x.Staffing.WorkersInPost, x.Staffing.WorkersMayServe,
            x.Staffing.WorkersNeeded is null ? "—" : x.Staffing.Short ? "不足" : "达标",
            Packages(x.Staffing.Packages, p => p.Managers), Packages(x.Staffing.Packages, p => p.Supervisors),
        ]).ToList();

        var unitName = stationId is not null ? stations[0].Name
            : await db.Organizations.AsNoTracking().Where(o => o.Path == db.Actor.JurisdictionPath).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var title = $"{unitName}人员配备与培训台账";
        var at = $"统计日期：{s.Today:yyyy-MM-dd}    导出人：{db.Actor.Name}";
        var roster = new TableSheet("人员与培训", title, RosterColumns, rows)
        {
            Lines = [at, "岗前培训不少于40学时方可分派个案；继续教育每年不少于60学时（R-CA-03）。一般要求：45周岁以下、大专及以上学历、本地户籍优先，例外须记录原因（R-CA-02）。"],
        };
        var staffingSheet = new TableSheet("配备情况", $"{unitName}工作站人员配备情况", StationColumns, stationRows)
        {
            Lines = [at, "社会服务工作站按每1.5个社区配备1名工作人员；每个服务包配备项目主管1名、督导1名（R-PS-04）。"],
        };
        return new DocumentFile(Xlsx.Write(roster, staffingSheet), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, title));
    }

    private static string ExceptionZh(string code) => code switch
    {
        StaffRequirements.OverAge => "超龄",
        StaffRequirements.BelowCollege => "学历低于大专",
        StaffRequirements.NotLocalHukou => "非本地户籍",
        _ => code,
    };

    private static string Packages(IReadOnlyList<PackageStaffing>? packages, Func<PackageStaffing, IReadOnlyList<string>> names) =>
        packages is null || packages.Count == 0 ? "—"
            : string.Join("；", packages.Select(p => $"{p.PackageName}：{(names(p).Count == 0 ? "未配备" : string.Join("、", names(p)))}"));
}
