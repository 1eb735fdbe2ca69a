using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// The demo's civil-affairs casework: 东城街道民政服务站 with its two demo workers (with the accounts), and on an empty
/// casework about 200 invented people (names marked （演示）, ID numbers with the non-existent area code 990000, so they can
/// be nobody's) in several categories, with last month's and this month's visits, some overdue, assessments, an
/// investigation with a flag, a screening, a plan and a resource link, all made through the use cases.
/// </summary>
public static class DemoCasework
{
    public const string DemoArea = "990000";

    public static async Task SeedStationAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        var town = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == "东城街道" && o.Kind == OrganizationKind.Street, ct)
            ?? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == "东城街道", ct);
        if (town is null) return;
        var station = await db.CivilAffairsStations.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.TownId == town.Id, ct);
        if (station is null)
        {
            station = new CivilAffairsStation
            {
                Id = Guid.CreateVersion7(), TownId = town.Id, ScopePath = town.Path, Name = CivilAffairsStations.NameFor(town), Address = "东城街道党群服务中心二楼（演示）",
                Phone = "0769-00000013", CreatedAt = clock.GetUtcNow(),
            };
            db.CivilAffairsStations.Add(station);
        }
        var workers = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Role == Role.StationWorker && u.OrganizationId == town.Id).ToListAsync(ct);
        var linked = await db.StationWorkers.IgnoreQueryFilters().Select(w => w.UserId).ToListAsync(ct);
        foreach (var u in workers.Where(u => !linked.Contains(u.Id)))
            db.StationWorkers.Add(new StationWorker
            {
                Id = Guid.CreateVersion7(), StationId = station.Id, UserId = u.Id, DisplayName = u.DisplayName, ScopePath = station.ScopePath,
                Since = ChinaTime.LocalDate(clock.GetUtcNow()).AddYears(-1),
            });
        await db.Audit("SeedDemo", "演示数据：民政服务站").SaveChangesAsync(ct);
    }

    /// <summary>A valid GB 11643 number in the demo area: the check digit is right, the area is nobody's.</summary>
    public static string DemoId(DateOnly birth, int order)
    {
        var first17 = $"{DemoArea}{birth:yyyyMMdd}{order % 1000:000}";
        return first17 + IdNumber.CheckDigitOf(first17);
    }

    private static readonly string[] Surnames = ["陈", "李", "黄", "张", "梁", "刘", "林", "何", "罗", "叶", "钟", "邓", "袁", "卢", "莫", "蔡"];
    private static readonly string[] Given = ["演华", "演英", "演明", "演芳", "演强", "演珍", "演伟", "演娟", "演成", "演兰", "演福", "演秀", "演康", "演莲"];

    public static async Task SeedPeopleAsync(Func<Actor, TimeProvider, GuanjiaDb> newDb, CaseworkServices services, ILogger log, CancellationToken ct)
    {
        var system = newDb(Actor.System, services.Clock);
        if (await system.CaseFiles.IgnoreQueryFilters().AnyAsync(ct)) return;
        var worker = await system.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "dongcheng.worker", ct);
        var worker2 = await system.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "dongcheng.worker2", ct);
        if (worker is null || worker2 is null) return;
        var villages = await system.Organizations.AsNoTracking().Where(o => o.ParentId == worker.OrganizationId
            && (o.Kind == OrganizationKind.Village || o.Kind == OrganizationKind.Community)).OrderBy(o => o.Code).Take(6).ToListAsync(ct);
        if (villages.Count == 0) return;
        var realClock = services.Clock;
        var today = ChinaTime.LocalDate(realClock.GetUtcNow());
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        // People were registered at the start of last month and last month's duties done then (a few visits missed): the steps run on a
        // clock that far back. Registering them earlier would leave months of duties nobody did, burying everyone's real work.
        TimeProvider At(DateOnly day, int hour = 10) => new Shifted(realClock, ChinaTime.StartOfDay(day).AddHours(hour) - realClock.GetUtcNow());
        GuanjiaDb As(Domain.Accounts.User u, TimeProvider clock) => newDb(Accounts.ActorFactory.ForUser(u), clock);
        CaseworkServices With(TimeProvider clock) => services with { Clock = clock };

        var registeredOn = monthStart.AddMonths(-1);
        var plan = new List<(string Cat, int Count)>
        {
            (CaseworkSettings.ExtremelyPoorDispersed, 60), (CaseworkSettings.ExtremelyPoorConcentrated, 8), (CaseworkSettings.Subsistence, 45),
            (CaseworkSettings.LowIncome, 20), ("OldestOld", 12), ("LivingAlone", 10), ("EmptyNest", 8), ("LeftBehindChild", 8), ("ChildInDifficulty", 6),
            ("RetiredWorkerInHardship", 10), ("VeteranInHardship", 5), ("YouthInDifficulty", 4), ("Orphan", 2), (CaseworkSettings.Disabled, 2),
        };
        var n = 0;
        var dispersed = new List<(Guid Id, Domain.Accounts.User Worker)>();
        var subsistenceHouseholds = new List<Guid>();
        foreach (var (cat, count) in plan)
            for (var i = 0; i < count; i++, n++)
            {
                var old = cat is "LeftBehindChild" or "ChildInDifficulty" or "Orphan" ? 8 + n % 9 : cat == "YouthInDifficulty" ? 15 + n % 4 : 58 + n % 35;
                var birth = new DateOnly(today.Year - old, 1 + n % 12, 1 + n % 27);
                var w = n % 3 == 0 ? worker2 : worker;
                var village = villages[n % villages.Count];
                var cats = new List<RegisterPerson.CategoryInput> { new(cat, cat == CaseworkSettings.Disabled ? 2 : null, registeredOn, null, null) };
                if (cat == CaseworkSettings.ExtremelyPoorDispersed && n % 4 == 0) cats.Add(new("LivingAlone", null, registeredOn, null, null));
                if (cat == CaseworkSettings.Subsistence && n % 9 == 0) cats.Add(new(CaseworkSettings.Disabled, 3, registeredOn, null, "肢体残疾（演示）"));
                var regClock = At(registeredOn);
                var file = await RegisterPerson.HandleAsync(As(w, regClock), With(regClock), new RegisterPerson.Request(village.Id, null, null,
                    cat is CaseworkSettings.Subsistence or CaseworkSettings.LowIncome && n % 5 == 0, Relation.Head,
                    $"{Surnames[n % Surnames.Length]}{Given[n / Surnames.Length % Given.Length]}（演示）", DocumentKind.ResidentId, DemoId(birth, 100 + n), null, null,
                    $"1390000{n:0000}", n % 6 != 0, $"{village.Name}演示路{n % 40 + 1}号", n % 3 == 0 ? "高血压，需长期服药（演示）" : null, null, cats, w.Id,
                    registeredOn, null), ct);
                if (cat == CaseworkSettings.ExtremelyPoorDispersed) dispersed.Add((file.Id, w));
                if (cat == CaseworkSettings.Subsistence && n % 5 == 0) subsistenceHouseholds.Add(file.HouseholdId);
            }

        // Last month: every dispersed person was due a visit; most were visited, a few were not (missing).
        var lastMonth = monthStart.AddMonths(-1);
        var lastClock = At(lastMonth.AddDays(1), 9);
        await CaseworkDeadlines.OpenPeriodAsync(newDb(Actor.System, lastClock), With(lastClock), ct);
        for (var i = 0; i < dispersed.Count; i++)
        {
            if (i % 12 == 5) continue;
            var day = lastMonth.AddDays(3 + i % 20);
            var clock = At(day, 15);
            await RecordVisit.HandleAsync(As(dispersed[i].Worker, clock), With(clock), Visit(dispersed[i].Id, ChinaTime.StartOfDay(day).AddHours(10),
                i % 7 == 3 ? VisitMode.Phone : VisitMode.Home, i), null, ct);
        }
        // Last month's household investigations (R-CA-05) and each village's screening (R-CA-04) were done.
        var lateInMonth = lastMonth.AddDays(20);
        var investigated = At(lateInMonth, 14);
        foreach (var household in subsistenceHouseholds)
            await InvestigateMeans.HandleAsync(As(worker, investigated), With(investigated), household, new InvestigateMeans.Request(lateInMonth,
                [InvestigationMethod.HomeVisit], "收入情况无明显变化（演示）", "自有住房（演示）", "初中", "慢性病（演示）",
                [new("演示户主", Relation.Head, "零工", 250_000, 170_000, "因病", "一般")]), ct);
        foreach (var village in villages)
            await RecordScreening.HandleAsync(As(worker, investigated), With(investigated), new RecordScreening.Request(village.Id, lateInMonth,
                [ScreeningMethod.DataComparison], 40, 0, "比对民政、残联数据（演示）", []), ct);
        // This month: the month opens; about half have been visited so far (the rest are on the workers' due lists).
        var nowClock = realClock;
        await CaseworkDeadlines.OpenPeriodAsync(newDb(Actor.System, nowClock), With(nowClock), ct);
        var visitedSoFar = Math.Max(1, (today.Day - 1) * dispersed.Count / 60);
        for (var i = 0; i < Math.Min(visitedSoFar, dispersed.Count); i++)
        {
            var day = monthStart.AddDays(i % Math.Max(1, today.Day - 1));
            if (day >= today) day = today.AddDays(-1) < monthStart ? today : today.AddDays(-1);
            var clock = At(day, 16);
            await RecordVisit.HandleAsync(As(dispersed[i].Worker, clock), With(clock), Visit(dispersed[i].Id, ChinaTime.StartOfDay(day).AddHours(10),
                i % 5 == 2 ? VisitMode.Phone : VisitMode.Home, i + 1), null, ct);
        }
        // Assessments this year for the first twenty, with every result class.
        for (var i = 0; i < Math.Min(20, dispersed.Count); i++)
        {
            var lost = i % 6;
            var day = registeredOn.AddDays(7);
            var clock = At(day, 11);
            await AssessSelfCare.HandleAsync(As(dispersed[i].Worker, clock), With(clock), dispersed[i].Id, new AssessSelfCare.Request(day,
                AssessmentReason.Initial, null, new AssessSelfCare.Items(lost < 1, lost < 2, lost < 3, lost < 4, lost < 5, true), "入户评估（演示）"), ct);
        }
        var wDb = As(worker, realClock);
        if (subsistenceHouseholds.Count > 0)
            await InvestigateMeans.HandleAsync(wDb, services, subsistenceHouseholds[0], new InvestigateMeans.Request(today, [InvestigationMethod.HomeVisit],
                "户主打零工，收入不稳定（演示）", "自有住房，老旧（演示）", "初中", "慢性病（演示）",
                [new("演示户主", Relation.Head, "零工", 260_000, 180_000, "因病", "一般"), new("演示家属", Relation.Spouse, "无业", 0, 50_000, "因病", "一般")]), ct);
        await RecordScreening.HandleAsync(As(worker, realClock), services, new RecordScreening.Request(villages[0].Id, today,
            [ScreeningMethod.DataComparison, ScreeningMethod.HomeVisits], 86, 2, "比对低保、残联数据，入户摸排（演示）",
            [new(ProblemArea.Housing, "一户独居老人房屋漏水，需镇街协调维修（演示）")]), ct);
        var plan1 = await CasePlans.CreateAsync(wDb, services, dispersed[0].Id, new CasePlans.Create(PlanKind.Individual, "独居，行动不便，用药依从性差（演示）",
            "每周电话问候，每月上门，协助就医配药（演示）"), ct);
        await CasePlans.AddEntryAsync(As(worker, realClock), services, plan1.Id, new CasePlans.Entry(PlanEntryKind.Action, today, "链接社区医生上门随访（演示）"), ct);
        await LinkResource.HandleAsync(As(worker, realClock), services, dispersed[1].Id, new LinkResource.Request(LinkKind.Policy, LinkSource.Health,
            "东城街道社区卫生服务中心（演示）", null, "家庭医生签约与慢病随访（演示）", today), ct);
        log.LogInformation("Demo casework ready: {People} people, {Dispersed} dispersed extremely poor", n, dispersed.Count);
    }

    private static RecordVisit.Request Visit(Guid fileId, DateTimeOffset at, VisitMode mode, int i) => new(fileId, mode, at,
        i % 4 == 0 ? "血压偏高，按时服药（演示）" : "身体状况稳定（演示）", i % 9 == 0 ? MentalState.Fair : MentalState.Good,
        i % 11 == 0 ? BasicLiving.Difficult : BasicLiving.Secure, i % 8 == 0 ? [Hazard.Slippery] : [], i % 3 == 0 ? [CareGiven.Medicine, CareGiven.Water] : [],
        null, i % 17 == 4 ? SuddenChange.Fall : SuddenChange.None, i % 17 == 4 ? "在家中滑倒，轻微擦伤（演示）" : null, null,
        i % 11 == 0 ? [new RecordVisit.ProblemInput(ProblemArea.Living, "冬季缺少御寒衣物（演示）")] : null, null);

    private sealed class Shifted(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    }
}
