using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Purchasing;

/// <summary>
/// 瑶海区's purchase of services as a demo (Demo:Seed): the three demo contractors in the registry (invented credit codes with
/// correct check characters), this year's budget line, and 004 五's three packages of 22 communities for the twelve months from
/// this month. With Demo:Samples, the first package is tendered and signed, so its report schedule runs. Made through the use
/// cases as 瑶海区民政局's demo administrator; once, on a jurisdiction without packages. All figures are invented.
/// </summary>
public static class DemoPurchasing
{
    private static readonly string[] Codes = ["52340102MJ50010018", "52340102MJ5001002B", "52340102MJ5001003E"];

    public static async Task SeedAsync(GuanjiaDb system, Func<Actor, GuanjiaDb> dbAs, PurchasingServices s, bool samples, ILogger log, CancellationToken ct)
    {
        var admin = await system.Users.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "yaohai.admin", ct);
        if (admin is null || await system.ServicePackages.IgnoreQueryFilters().AnyAsync(p => p.ScopePath.StartsWith(Organizations.DemoData.YaohaiPath), ct)) return;
        var orgs = await system.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Path.StartsWith(Organizations.DemoData.YaohaiPath)).ToListAsync(ct);
        var contractors = orgs.Where(o => o.Kind == OrganizationKind.Contractor).OrderBy(o => o.Code).ToList();
        var now = s.Clock.GetUtcNow();
        for (var i = 0; i < contractors.Count && i < Codes.Length; i++)
        {
            if (await system.ContractorProfiles.IgnoreQueryFilters().AnyAsync(p => p.OrganizationId == contractors[i].Id, ct)) continue;
            system.ContractorProfiles.Add(new ContractorProfile
            {
                OrganizationId = contractors[i].Id, ScopePath = contractors[i].Path, Kind = ContractorKind.SocialOrganisation, CreditCode = Codes[i],
                LegalRepresentative = "演示法人（虚构）", Address = "合肥市瑶海区（虚构地址）", Phone = $"0551-0000000{i + 1}",
                ServiceContents = PurchasingTerms.Join([ServiceContent.ElderlyCare, ServiceContent.YouthServices, ServiceContent.SocialAssistance,
                    ServiceContent.OrganisationIncubation, ServiceContent.VentureRounds]),
                QualificationsJson = PurchasingSteps.Write(new[] { new Qualification("民办非企业单位登记证书", $"民证字第34010200{i + 1}号（虚构）", "瑶海区民政局", null) }),
                ContactsJson = PurchasingSteps.Write(new[] { new ContractorContact($"联系人{i + 1}（演示）", "项目主管", $"0551-1000000{i + 1}") }),
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await system.Audit("SeedDemo", "演示数据：瑶海区承接方").SaveChangesAsync(ct);

        var bureau = dbAs(ActorFactory.ForUser(admin));
        var today = ChinaTime.LocalDate(now);
        var start = new DateOnly(today.Year, today.Month, 1);
        var end = start.AddYears(1).AddDays(-1);
        await SetBudgetLine.HandleAsync(bureau, s.Clock, start.Year, new SetBudgetLine.Request(6_000_000_00, "瑶财预〔演示〕1号（虚构）",
            "民政局年初预算：购买基本公共养老、青少年活动及其他公益性服务（演示）", null, null), ct);
        // R-FD-07: the district's purchased-service money, ring-fenced in its own account, from which the bureau pays the instalments.
        await PurchasingFunds.ReceiveAsync(bureau, s.Clock, new PurchasingFunds.Receipt(FundSource.CityBudget, 6_000_000_00, start.Year,
            "区财政拨付政府购买社区服务资金（演示）", "瑶财拨〔演示〕1号（虚构）"), ct);
        var towns = orgs.Where(o => o.IsTownLevel).ToList();
        var file = Organizations.DemoData.PackagesOfYaohai();
        var packages = new List<PackageView>();
        foreach (var (number, townCodes) in file)
        {
            var ids = towns.Where(t => townCodes.Contains(t.Code)).Select(t => t.Id).ToList();
            var communities = orgs.Where(o => o.IsVillageLevel && o.ParentId is { } p && ids.Contains(p)).Select(o => o.Id).ToList();
            packages.Add(await SavePackage.CreateAsync(bureau, s, new SavePackage.Request($"第{"一二三"[number - 1]}包", start.ToString("yyyy-MM-dd"),
                end.ToString("yyyy-MM-dd"), [ServiceContent.ElderlyCare, ServiceContent.YouthServices, ServiceContent.SocialAssistance,
                    ServiceContent.RetiredWorkerVisits, ServiceContent.CentreOperation, ServiceContent.OrganisationIncubation, ServiceContent.VentureRounds],
                communities, "瑶海区购买服务实施办法第五条（演示）", null, null), ct));
        }
        log.LogInformation("Demo purchasing ready for 瑶海区: {Contractors} contractors, {Packages} packages", contractors.Count, packages.Count);
        if (!samples || contractors.Count < 2) return;

        var tender = await RecordTender.HandleAsync(bureau, s, new RecordTender.Request(packages[0].Id, TenderMethod.PublicTender, today.ToString("yyyy-MM-dd"),
            "演示采购代理（虚构）", [new Bidder(contractors[0].Id, 1_980_000_00), new Bidder(contractors[1].Id, 2_050_000_00)], contractors[0].Id, 1_980_000_00,
            "演示招标（虚构）"), ct);
        await SignContract.HandleAsync(bureau, s, new SignContract.Request(packages[0].Id, "瑶民购〔演示〕1号（虚构）", today.ToString("yyyy-MM-dd"),
            start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd"), tender.AmountFen, start.Year,
            [
                new SignContract.Instalment("首期款（40%）", 792_000_00, InstalmentMilestone.OnSigning, today.ToString("yyyy-MM-dd")),
                new SignContract.Instalment("中期款（30%）", 594_000_00, InstalmentMilestone.MidTermAcceptance, null),
                new SignContract.Instalment("尾款（30%）", 594_000_00, InstalmentMilestone.FinalAcceptance, null),
            ],
            [
                new PerformanceIndicator("困境老人、青少年建档率", IndicatorCategory.Effect, "100%"),
                new PerformanceIndicator("服务对象满意度", IndicatorCategory.Satisfaction, "不低于90%"),
                new PerformanceIndicator("月度简报按时报送率", IndicatorCategory.Process, "100%"),
            ],
            [
                new PlannedInspection(InspectionBody.CivilAffairs, "服务开展与台账", start.AddMonths(3)),
                new PlannedInspection(InspectionBody.Finance, "资金专项核算", start.AddMonths(6)),
                new PlannedInspection(InspectionBody.Audit, "年度审计", end),
            ],
            [new PenaltyClause("第十条", "未按时报送工作报告，每次扣减", 5_000_00), new PenaltyClause("第十一条", "整改不到位", 50_000_00)]), ct);
    }
}
