using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// Demo data of issue 14 part C (ADR 0042): 东城街道民政服务站's profile and 红光街道社会服务工作站 in 瑶海区, each with a roster (one
/// worker short of the 40 pre-job hours, one hired with a recorded exception), training entries, the year's plan, the month's focus,
/// this week's activities, a policy publicity and a news report, and the publicity deadline rows; 红光街道's package gets its project
/// manager and its supervisor from the governance academy. Runs after the purchasing demo (it needs the packages and the
/// jurisdictions' rules), once. Names are invented and marked （演示）.
/// </summary>
public static class DemoStations
{
    public static async Task SeedAsync(GuanjiaDb db, CaseworkServices s, CancellationToken ct)
    {
        if (await db.StaffMembers.IgnoreQueryFilters().AnyAsync(ct)) return;
        var now = s.Now;
        var today = s.Today;
        var orgs = db.Organizations.IgnoreQueryFilters().AsNoTracking();

        // 东莞: the station seeded by the casework demo gets its profile.
        var dongcheng = await db.CivilAffairsStations.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Name == "东城街道民政服务站", ct);
        var dgContractor = await orgs.Where(o => o.Kind == OrganizationKind.Contractor && o.Path.StartsWith("/441900/")).OrderBy(o => o.Code).FirstOrDefaultAsync(ct);
        if (dongcheng is not null && dgContractor is not null)
        {
            Profile(dongcheng, dgContractor.Id, "陈站长（演示）", "东城街道党群服务中心二楼（演示）", "东城街道民政服务站投诉建议电话 0769-00000012；东莞市民政局监督电话 0769-00000014（演示）");
            Roster(db, dongcheng, dgContractor.Id, today, now, ["李晓敏（演示）", "黄志强（演示）", "周雨（演示）"]);
            Activities(db, dongcheng, today, now);
            await StationActivities.OpenPublicityAsync(db, s, dongcheng, ct);
        }

        // 瑶海区: 红光街道's workstation, run by the district's first demo contractor.
        var hongguang = await orgs.FirstOrDefaultAsync(o => o.Name == "红光街道" && o.Path.StartsWith("/340102/"), ct);
        var yhContractor = await orgs.Where(o => o.Kind == OrganizationKind.Contractor && o.Path.StartsWith("/340102/")).OrderBy(o => o.Code).FirstOrDefaultAsync(ct);
        if (hongguang is not null && yhContractor is not null
            && !await db.CivilAffairsStations.IgnoreQueryFilters().AnyAsync(x => x.TownId == hongguang.Id, ct))
        {
            var ws = new CivilAffairsStation
            {
                Id = Guid.CreateVersion7(), TownId = hongguang.Id, ScopePath = hongguang.Path, Kind = StationKind.SocialServiceWorkstation,
                Name = StationNames.For(hongguang.Name, StationKind.SocialServiceWorkstation), Address = "红光街道社区服务中心三楼（演示）",
                Phone = "0551-00000001", CreatedAt = now,
            };
            Profile(ws, yhContractor.Id, "王站长（演示）", "红光街道社区服务中心三楼（演示）", "工作站投诉建议电话 0551-00000001；瑶海区民政局监督电话 0551-00000002（演示）");
            db.CivilAffairsStations.Add(ws);
            Roster(db, ws, yhContractor.Id, today, now, ["刘佳（演示）", "孙磊（演示）", "吴静（演示）"]);
            Activities(db, ws, today, now);
            await StationActivities.OpenPublicityAsync(db, s, ws, ct);

            // R-PS-04: the package that covers 红光街道 gets its project manager (the contractor's) and supervisor (the academy's).
            var packageId = await db.PackageCommunities.IgnoreQueryFilters().Where(pc => pc.TownId == hongguang.Id && pc.PeriodStart <= today && today <= pc.PeriodEnd)
                .Select(pc => (Guid?)pc.PackageId).FirstOrDefaultAsync(ct);
            var package = packageId is { } pid ? await db.ServicePackages.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == pid, ct) : null;
            var academy = await orgs.FirstOrDefaultAsync(o => o.Name == "瑶海区基层治理学院", ct);
            if (package is not null && academy is not null)
            {
                db.StaffMembers.Add(Person(StaffRole.ProjectManager, null, package.Id, yhContractor.Id, package.ScopePath, "赵项目（演示）", 0, today, now));
                db.StaffMembers.Add(Person(StaffRole.Supervisor, null, package.Id, academy.Id, package.ScopePath, "钱督导（演示）", 1, today, now));
            }
        }
        await db.Audit("SeedDemo", "演示数据：服务站资料、人员与培训、活动与宣传").SaveChangesAsync(ct);
    }

    private static void Profile(CivilAffairsStation st, Guid contractorId, string contact, string venue, string complaint)
    {
        st.ContractorId = contractorId;
        st.ContactName = contact;
        st.Venue = venue;
        st.VenueUse = "周一至周五 8:30-12:00、14:30-17:30 开放；活动室、谈心室可预约使用（演示）";
        st.Services = "社会救助政策咨询与申请协助\n困难群众探视巡访\n“一老一小”关爱服务\n残疾人与困境儿童帮扶";
        st.ComplaintChannel = complaint;
        st.ServiceProcess = "来访登记 → 需求评估 → 制定服务计划 → 提供服务 → 回访评估";
        st.BrandProject = "“邻里守望”一站一品（演示）";
        st.BrandIndicators = "结对独居老人不少于30户；每月探访不少于2次；满意度不低于90%";
    }

    private static StaffMember Person(StaffRole role, Guid? stationId, Guid? packageId, Guid employerId, string path, string name, int i, DateOnly today,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Role = role, StationId = stationId, PackageId = packageId, EmployerId = employerId, ScopePath = path, Name = name,
        Phone = $"1390000{i:0000}", BirthDate = today.AddYears(-30 - i * 4).AddDays(-40), Education = EducationLevel.Bachelor, LocalHukou = true,
        HiredByOpenExam = true, SocialInsurance = true, FiledWithBureauOn = today.AddMonths(-6).AddDays(7), Since = today.AddMonths(-6), CreatedAt = now,
    };

    private static void Roster(GuanjiaDb db, CivilAffairsStation st, Guid employerId, DateOnly today, DateTimeOffset now, string[] names)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        for (var i = 0; i < names.Length; i++)
        {
            var m = Person(StaffRole.Worker, st.Id, null, employerId, st.ScopePath, names[i], i, today, now);
            var last = i == names.Length - 1;
            if (i == 1)
            {
                // R-CA-02: local hukou is preferred, not required; the exception is recorded with its reason.
                m.LocalHukou = false;
                m.Exceptions = StaffRequirements.NotLocalHukou;
                m.ExceptionReason = "长期在本街道居住，熟悉社区情况，经公开招考择优录用（演示）";
            }
            if (last)
            {
                // New this week, not yet filed with the bureau.
                m.Since = StationWeek.Monday(today) < today ? StationWeek.Monday(today) : today;
                m.FiledWithBureauOn = null;
            }
            db.StaffMembers.Add(m);
            // The last one is new: 32 of the 40 pre-job hours so far, so casework would refuse them (R-CA-03).
            db.TrainingEntries.Add(new TrainingEntry
            {
                Id = Guid.CreateVersion7(), StaffId = m.Id, ScopePath = m.ScopePath, On = m.Since, Hours = last ? 32m : 40m, Kind = TrainingKind.PreJob,
                Topic = "岗前培训：社会救助政策与社会工作方法（演示）", Provider = "民政局（演示）", CreatedAt = now,
            });
            if (!last)
                db.TrainingEntries.Add(new TrainingEntry
                {
                    // Continuing education of this year: 24 and 44 of 60 hours, so the last quarter warns both.
                    Id = Guid.CreateVersion7(), StaffId = m.Id, ScopePath = m.ScopePath, On = today.DayOfYear > 15 ? yearStart.AddDays(14) : today,
                    Hours = 24 + i * 20, Kind = TrainingKind.Continuing, Topic = "继续教育：个案管理与危机干预（演示）", Provider = "基层治理学院（演示）", CreatedAt = now,
                });
        }
    }

    private static void Activities(GuanjiaDb db, CivilAffairsStation st, DateOnly today, DateTimeOffset now)
    {
        StationActivity Row(ActivityKind kind, string title, DateOnly on, string? time = null, string? place = null, string? source = null) => new()
        {
            Id = Guid.CreateVersion7(), StationId = st.Id, ScopePath = st.ScopePath, Kind = kind, Title = title, On = on, Time = time, Place = place,
            Source = source, CreatedAt = now,
        };
        var monday = StationWeek.Monday(today);
        db.StationActivities.Add(Row(ActivityKind.YearlyPlan, $"{today.Year}年度服务计划（演示）", new DateOnly(today.Year, 1, 1)));
        db.StationActivities.Add(Row(ActivityKind.MonthlyFocus, $"{today.Month}月重点：困难群众走访慰问（演示）", new DateOnly(today.Year, today.Month, 1)));
        (int Day, string Time, string Title, string Place)[] week =
        [
            (0, "09:30", "长者健康讲座（演示）", "多功能活动室"), (2, "15:00", "困境儿童课业辅导（演示）", "四点半课堂"),
            (4, "10:00", "社会救助政策宣传进社区（演示）", "社区广场"), (5, "09:00", "邻里守望志愿探访（演示）", "辖区独居老人家中"),
        ];
        foreach (var (day, time, title, place) in week)
            db.StationActivities.Add(Row(ActivityKind.WeeklyActivity, title, monday.AddDays(day), time, place));
        // R-CA-11: one news report this year (of the 3 required); this month's policy publicity is left to do, so the page shows it open.
        db.StationActivities.Add(Row(ActivityKind.NewsReport, "“邻里守望”志愿探访获区融媒体报道（演示）", today.DayOfYear > 60 ? new DateOnly(today.Year, 3, 1) : today,
            source: "区融媒体中心（演示）"));
    }
}
