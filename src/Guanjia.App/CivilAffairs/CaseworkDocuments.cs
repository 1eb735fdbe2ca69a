using Guanjia.App.Documents;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;
using static Guanjia.App.Documents.Docx;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// The casework's documents (issue 13 §11): a person's file (一人一档) as Word (PDF through LibreOffice), the month's visit
/// ledger (探视巡访台账) and the year's assessment list as Excel, the assessment and investigation forms as Word. Files
/// carry the full ID number and health only for callers with casework.sensitive, and such a file is recorded as a view.
/// </summary>
public static class CaseworkDocuments
{
    private static readonly (MentalState V, string Zh)[] Mental = [(MentalState.Good, "良好"), (MentalState.Fair, "一般"), (MentalState.Poor, "较差")];
    private static readonly (BasicLiving V, string Zh)[] Living = [(BasicLiving.Secure, "有保障"), (BasicLiving.Difficult, "有困难"), (BasicLiving.Urgent, "急需帮扶")];

    private static readonly (Hazard V, string Zh)[] Hazards =
    [
        (Hazard.Electrical, "用电"), (Hazard.Gas, "燃气"), (Hazard.Fire, "消防"), (Hazard.Structure, "房屋结构"), (Hazard.Slippery, "防滑防跌"),
        (Hazard.Hygiene, "卫生"), (Hazard.Other, "其他"),
    ];

    private static readonly (CareGiven V, string Zh)[] Care =
    [
        (CareGiven.Meals, "用餐"), (CareGiven.Water, "饮水"), (CareGiven.Medicine, "用药"), (CareGiven.Dressing, "穿(脱)衣"), (CareGiven.Washing, "洗漱"),
        (CareGiven.Bathing, "洗澡"), (CareGiven.Toileting, "如厕"), (CareGiven.SickCare, "生病看护"),
    ];

    private static string Zh<T>((T V, string Zh)[] table, T v) where T : struct, Enum => table.FirstOrDefault(x => x.V.Equals(v)).Zh ?? v.ToString();

    private static string List<T>((T V, string Zh)[] table, IEnumerable<T> values) where T : struct, Enum =>
        string.Join("、", values.Select(v => Zh(table, v))) is { Length: > 0 } s ? s : "无";

    private static string SexZh(Sex? s) => s switch { Sex.Male => "男", Sex.Female => "女", _ => "" };

    public static async Task<DocumentFile> PersonFileAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        var f = await CaseQueries.GetAsync(db, s, id, audit: false, ct);
        if (f.Full)
        {
            var entity = await db.CaseFiles.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            await CaseQueries.RecordAccessAsync(db, s, entity, "file-document", ct);
        }
        var assessments = await AssessSelfCare.HistoryAsync(db, id, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.CaseFileId == id).OrderByDescending(v => v.VisitedAt).Take(24).ToListAsync(ct);
        var plans = await CasePlans.ForFileAsync(db, id, ct);
        var links = await db.ResourceLinks.AsNoTracking().Where(l => l.CaseFileId == id).OrderByDescending(l => l.LinkedOn).ToListAsync(ct);
        int[] grid = [1800, 3019, 1800, 3019];
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { Section("一、基本情况", 4) },
            new[] { L("档案编号"), V(f.Number), L("建档日期"), V(FormText.Date(f.RegisteredOn)) },
            new[] { L("姓名"), V(f.Name), L("性别"), V(SexZh(f.Sex)) },
            new[] { L("证件号码"), V(f.DocumentNumber ?? f.DocumentMasked), L("出生日期"), V(FormText.Date(f.BirthDate)) },
            new[] { L("联系电话"), V(f.Phone), L("户籍"), V(f.LocalHukou ? "本地户籍" : "非本地户籍") },
            new[] { L("所在村（社区）"), V(f.VillageName), L("状态"), V(f.Status switch
            {
                CaseStatus.InCare => "在册", CaseStatus.Died => "死亡", CaseStatus.TransferredOut => "已转出", _ => "退出救助",
            }) },
            new[] { L("住址"), V(f.Address, 3) },
            new[] { L("对象类别"), V(string.Join("；", f.Categories.Select(c => $"{c.Zh}{(c.Grade is { } g ? $"（{g}级）" : "")}（{c.ValidFrom:yyyy-MM-dd}起{(c.ValidTo is { } t ? $"至{t:yyyy-MM-dd}" : "")}）")), 3) },
            new[] { L("自理能力"), V(f.SelfCare is { } sc ? SelfCare.Zh(sc) : "未评估"), L("照料等级"), V(f.CareLevel is { } cl ? SelfCare.Zh(cl) : "—") },
            new[] { L("健康状况"), V(f.Full ? f.Health ?? "—" : "（仅限有权限人员查看）", 3) },
            new[] { Section("二、自理能力评估记录", 4) },
        };
        rows.AddRange(assessments.Count == 0 ? [new[] { V("暂无评估记录", 4) }]
            : assessments.Select(a => (IReadOnlyList<FormCell>)new[] { V(FormText.Date(a.AssessedOn)), V(a.ResultZh), V($"照料等级：{a.CareLevelZh}"), V($"评估人：{a.AssessorName}") }));
        rows.Add(new[] { Section("三、探视巡访记录（最近24次）", 4) });
        rows.AddRange(visits.Count == 0 ? [new[] { V("暂无探视记录", 4) }]
            : visits.Select(v => (IReadOnlyList<FormCell>)new[]
            {
                V(FormText.DateTime(v.VisitedAt)), V(VisitQueries.ModeZh(v.Mode)),
                V($"精神：{Zh(Mental, v.MentalState)}；生活：{Zh(Living, v.BasicLiving)}"), V($"驻站人员：{v.WorkerName}"),
            }));
        rows.Add(new[] { Section("四、一人一策服务方案", 4) });
        rows.AddRange(plans.Count == 0 ? [new[] { V("暂无服务方案", 4) }]
            : plans.Select(p => (IReadOnlyList<FormCell>)new[]
            {
                V(FormText.Date(p.CreatedAt)), V($"需求：{p.Needs}"), V($"目标：{p.Goals}"),
                V(p.State == PlanState.Closed ? $"已结案：{p.ClosureNote}" : $"进行中（{p.Entries.Count}条记录）"),
            }));
        rows.Add(new[] { Section("五、资源链接", 4) });
        rows.AddRange(links.Count == 0 ? [new[] { V("暂无资源链接", 4) }]
            : links.Select(l => (IReadOnlyList<FormCell>)new[]
            {
                V(FormText.Date(l.LinkedOn)), V(l.ProviderName), V(l.Need), V(l.State switch { LinkState.Linked => "跟进中", LinkState.Succeeded => $"成功：{l.Result}", _ => $"未成功：{l.Result}" }),
            }));
        var doc = new Docx().Title("服务对象档案（一人一档）").Paragraph($"{f.VillageName}    档案编号：{f.Number}", center: true)
            .Table(grid, rows).Paragraph($"打印时间：{FormText.DateTime(s.Now)}    打印人：{db.Actor.Name}", right: true);
        return new DocumentFile(doc.ToBytes(), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "一人一档", f.Number));
    }

    public static readonly IReadOnlyList<TableColumn> LedgerColumns =
    [
        new("序号", 6), new("探视时间", 16), new("村（社区）", 12), new("档案编号", 14), new("姓名", 8), new("证件号码", 20), new("方式", 6),
        new("驻站人员", 10), new("精神状态", 8), new("基本生活", 8), new("安全隐患", 16), new("生活照料", 18), new("需求转介", 16), new("突发情况", 12),
        new("上报问题", 6),
    ];

    /// <summary>The month's 探视巡访台账 in the caller's scope, and on a second sheet the people due a visit and not visited.</summary>
    public static async Task<DocumentFile> VisitLedgerAsync(GuanjiaDb db, CaseworkServices s, int? monthArg, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var month = monthArg ?? Casework.MonthOf(s.Now);
        new Check().When(month % 100 is < 1 or > 12 || month / 100 is < 2000 or > 2100, "month", "invalid_value", "月份格式应为 yyyyMM", "month must be yyyyMM")
            .ThrowIfFailed();
        var visits = await (from v in db.Visits.AsNoTracking()
                            join f in db.CaseFiles on v.CaseFileId equals f.Id
                            where v.Month == month
                            orderby v.VisitedAt
                            select new { v, f.Number, f.Name, f.DocumentMasked }).Take(50_000).ToListAsync(ct);
        var ids = visits.Select(x => x.v.Id).ToList();
        var problems = await db.ReportedProblems.AsNoTracking().Where(p => p.Source == ProblemSource.Visit && ids.Contains(p.SourceId))
            .GroupBy(p => p.SourceId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var villages = await Casework.NamesAsync(db, visits.Select(x => x.v.VillageId), ct);
        var masked = db.Actor.ReadOnly;
        var rows = visits.Select((x, i) => (IReadOnlyList<object?>)
        [
            i + 1, FormText.DateTime(x.v.VisitedAt), villages.GetValueOrDefault(x.v.VillageId), x.Number, masked ? Masking.Name(x.Name) : x.Name, x.DocumentMasked,
            VisitQueries.ModeZh(x.v.Mode), x.v.WorkerName, Zh(Mental, x.v.MentalState), Zh(Living, x.v.BasicLiving),
            List(Hazards, Casework.Split<Hazard>(x.v.Hazards)), List(Care, Casework.Split<CareGiven>(x.v.CareGiven)), x.v.Referrals ?? "",
            x.v.SuddenChange == SuddenChange.None ? "无" : x.v.SuddenChangeNote ?? x.v.SuddenChange.ToString(), problems.GetValueOrDefault(x.v.Id),
        ]).ToList();
        var start = CaseworkDeadlines.MonthStart(month);
        var end = CaseworkDeadlines.MonthEnd(month);
        var missing = await (from d in db.Deadlines.AsNoTracking()
                             join f in db.CaseFiles on d.SubjectId equals f.Id
                             where d.Obligation == CaseworkObligations.MonthlyVisit && d.DueAt >= start && d.DueAt <= end && d.CancelledAt == null && d.MetAt == null
                             orderby f.VillageId, f.Name
                             select new { f.Number, f.Name, f.VillageId, f.LastVisitAt }).Take(50_000).ToListAsync(ct);
        var missingVillages = await Casework.NamesAsync(db, missing.Select(m => m.VillageId), ct);
        var unit = await db.Organizations.AsNoTracking().Where(o => o.Path == db.Actor.ScopePath).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "东莞市";
        var ledger = new TableSheet("探视巡访台账", $"{unit}分散特困人员探视巡访台账（{month / 100}年{month % 100}月）", LedgerColumns, rows)
        {
            Lines = [$"填报单位：{unit}    共 {rows.Count} 次探视    导出时间：{FormText.DateTime(s.Now)}"],
            Footer = ["驻站人员：                    镇（街道）民政办审核：                    （盖章）"],
        };
        var notVisited = new TableSheet("未探视名单", $"本月应探视未探视名单（{month / 100}年{month % 100}月）",
            [new("序号", 6), new("村（社区）", 14), new("档案编号", 14), new("姓名", 10), new("最近探视", 16)],
            missing.Select((m, i) => (IReadOnlyList<object?>)[i + 1, missingVillages.GetValueOrDefault(m.VillageId), m.Number,
                masked ? Masking.Name(m.Name) : m.Name, FormText.DateTime(m.LastVisitAt)]).ToList());
        return new DocumentFile(Xlsx.Write(ledger, notVisited), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, "探视巡访台账", unit, Months.Text(month)));
    }

    public static async Task<DocumentFile> AssessmentListAsync(GuanjiaDb db, CaseworkServices s, int? yearArg, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var year = yearArg ?? s.Today.Year;
        new Check().When(year is < 2000 or > 2100, "year", "invalid_value", "年度不正确", "year is not valid").ThrowIfFailed();
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var rows = await (from a in db.SelfCareAssessments.AsNoTracking()
                          join f in db.CaseFiles on a.CaseFileId equals f.Id
                          where a.AssessedOn >= yearStart && a.AssessedOn <= yearEnd
                          orderby f.VillageId, f.Name, a.AssessedOn
                          select new { a, f.Number, f.Name, f.VillageId, f.DocumentMasked }).Take(50_000).ToListAsync(ct);
        var villages = await Casework.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        string Y(bool met) => met ? "能" : "不能";
        var masked = db.Actor.ReadOnly;
        var sheet = new TableSheet("自理能力评估", $"特困人员生活自理能力评估名单（{year}年）",
            [
                new("序号", 6), new("村（社区）", 12), new("档案编号", 14), new("姓名", 8), new("证件号码", 20), new("评估日期", 12), new("原因", 10),
                new("进食", 5), new("洗澡", 5), new("穿衣", 5), new("如厕", 5), new("上下床", 6), new("行走", 5), new("未达项", 6), new("评估结果", 18),
                new("照料等级", 8), new("评估人", 10),
            ],
            rows.Select((r, i) => (IReadOnlyList<object?>)
            [
                i + 1, villages.GetValueOrDefault(r.VillageId), r.Number, masked ? Masking.Name(r.Name) : r.Name, r.DocumentMasked, r.a.AssessedOn.ToString("yyyy-MM-dd"),
                r.a.Reason switch { AssessmentReason.Yearly => "年度评估", AssessmentReason.SuddenChange => "突发变更", _ => "首次评估" },
                Y(r.a.Eating), Y(r.a.Bathing), Y(r.a.Dressing), Y(r.a.Toileting), Y(r.a.Transfer), Y(r.a.Walking), r.a.NotMet, SelfCare.Zh(r.a.Result),
                SelfCare.Zh(r.a.CareLevel), r.a.AssessorName,
            ]).ToList())
        {
            Lines = [$"共 {rows.Count} 人次    导出时间：{FormText.DateTime(s.Now)}    分类依据：6项全部能完成为具备；1–3项不能为部分丧失；4项及以上不能为完全丧失（R-CA-07）"],
        };
        return new DocumentFile(Xlsx.Write(sheet), FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, "自理能力评估名单", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static async Task<DocumentFile> AssessmentFormAsync(GuanjiaDb db, CaseworkServices s, Guid assessmentId, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var a = await db.SelfCareAssessments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == assessmentId, ct)
            ?? throw new NotFound("SelfCareAssessment", "评估记录不存在或不在您的范围内", "The assessment does not exist or is outside your scope");
        var f = await CaseQueries.GetAsync(db, s, a.CaseFileId, audit: false, ct);
        int[] grid = [2400, 2419, 2400, 2419];
        string Item(bool met) => $"{Box(met)}能独立完成   {Box(!met)}不能独立完成";
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { L("姓名"), V(f.Name), L("档案编号"), V(f.Number) },
            new[] { L("性别"), V(SexZh(f.Sex)), L("证件号码"), V(f.DocumentMasked) },
            new[] { L("所在村（社区）"), V(f.VillageName), L("评估日期"), V(FormText.Date(a.AssessedOn)) },
            new[] { L("评估原因"), V(FormText.Boxes([(AssessmentReason.Yearly, "年度评估"), (AssessmentReason.SuddenChange, "突发情况变更"), (AssessmentReason.Initial, "首次评估")],
                x => x == a.Reason, "   "), 3) },
            new[] { Section("评估项目（R-CA-07）", 4) },
            new[] { L("进食"), V(Item(a.Eating), 3) }, new[] { L("洗澡"), V(Item(a.Bathing), 3) }, new[] { L("穿衣"), V(Item(a.Dressing), 3) },
            new[] { L("如厕"), V(Item(a.Toileting), 3) }, new[] { L("上下床"), V(Item(a.Transfer), 3) }, new[] { L("行走"), V(Item(a.Walking), 3) },
            new[] { L("不能完成项数"), V(a.NotMet.ToString(System.Globalization.CultureInfo.InvariantCulture)), L("照料等级"), V(SelfCare.Zh(a.CareLevel)) },
            new[] { L("评估结论"), V(FormText.Boxes([(SelfCareResult.Capable, "具备生活自理能力"), (SelfCareResult.PartlyLost, "部分丧失生活自理能力"),
                (SelfCareResult.FullyLost, "完全丧失生活自理能力")], x => x == a.Result, "   "), 3) },
            new[] { L("备注"), V(a.Notes, 3) },
            new[] { L("评估人签名"), V(a.AssessorName), L("服务对象（监护人）签名"), V("") },
        };
        var doc = new Docx().Title("特困人员生活自理能力评估表").Table(grid, rows)
            .Paragraph("镇（街道）民政办审核意见：                                        （盖章）      年   月   日", spaceAfter: 240);
        return new DocumentFile(doc.ToBytes(), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "自理能力评估表", f.Number, a.AssessedOn.ToString("yyyyMMdd")));
    }

    public static async Task<DocumentFile> InvestigationFormAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        var x = await InvestigateMeans.GetAsync(db, s, id, ct);
        var h = await db.CaseHouseholds.AsNoTracking().SingleAsync(h => h.Id == x.HouseholdId, ct);
        var head = await db.CaseFiles.AsNoTracking().Where(f => f.HouseholdId == h.Id).OrderBy(f => f.Relation).Select(f => new { f.Name, f.Number }).FirstOrDefaultAsync(ct);
        var village = await Casework.NamesAsync(db, [h.VillageId], ct);
        int[] grid = [1400, 1300, 1300, 1400, 1400, 1419, 1419];
        var methods = FormText.Boxes([(InvestigationMethod.HomeVisit, "入户调查"), (InvestigationMethod.NeighbourInterview, "邻里访问"), (InvestigationMethod.DataCheck, "信息核对")],
            m => x.Methods.Contains(m), "   ");
        var rows = new List<IReadOnlyList<FormCell>>
        {
            new[] { L("户主"), V(head?.Name, 2), L("档案编号"), V(head?.Number, 3) },
            new[] { L("村（社区）"), V(village.GetValueOrDefault(h.VillageId), 2), L("调查日期"), V(FormText.Date(x.InvestigatedOn), 3) },
            new[] { L("家庭住址"), V(h.Address, 6) },
            new[] { L("调查方式"), V(methods, 6) },
            new[] { L("家庭经济状况"), V(x.Economy, 6) },
            new[] { L("居住条件"), V(x.Housing, 6) },
            new[] { L("文化程度"), V(x.Education, 6) },
            new[] { L("身体状况"), V(x.Health ?? "（仅限有权限人员查看）", 6) },
            new[] { Section("家庭成员情况", 7) },
            new[] { L("姓名"), L("关系"), L("就业情况"), L("月收入（元）"), L("月支出（元）"), L("困难类型"), L("困难程度") },
        };
        rows.AddRange((x.Members ?? []).Select(m => (IReadOnlyList<FormCell>)new[]
        {
            V(m.Name), V(m.Relation?.ToString()), V(m.Employment), V(FormText.Yuan(m.MonthlyIncomeFen)), V(FormText.Yuan(m.MonthlyExpenditureFen)),
            V(m.HardshipType), V(m.HardshipDegree),
        }));
        rows.Add(new[] { L("家庭人口"), V(x.MemberCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), L("月人均收入（元）"),
            V(x.IncomePerHeadFen is { } p ? FormText.Yuan(p) : "（仅限有权限人员查看）"), L("当年低保标准（元）"), V(FormText.Yuan(x.StandardFen), 2) });
        rows.Add(new[] { L("系统提示"), V(x.FlagZh + "（仅供镇街研判，系统不自动调整救助状态）", 6) });
        rows.Add(new[] { L("镇街意见"), V(x.Decision switch
        {
            TownDecision.Pending => "待研判", TownDecision.StatusChangeStarted => $"启动认定调整：{x.DecisionNote}", _ => $"维持不变{(x.DecisionNote is { } n ? "：" + n : "")}",
        }, 6) });
        rows.Add(new[] { L("调查人"), V(x.InvestigatorName, 2), L("被调查人签名"), V("", 3) });
        var doc = new Docx().Title("家庭经济状况调查表（家计调查）").Paragraph($"调查月份：{Months.Text(x.Month)}", center: true).Table(grid, rows);
        return new DocumentFile(doc.ToBytes(), FileFormat.Docx, DocumentFile.Name(FileFormat.Docx, "家计调查表", head?.Number, Months.Text(x.Month)));
    }
}
