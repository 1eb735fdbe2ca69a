using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Accounts;
using Guanjia.App.Calendar;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Organizations;

public sealed record DemoUser(string UserName, string DisplayName, Role Role, string Where);

/// <summary>
/// First-start data, when demo data is switched on: two jurisdictions (ADR 0040) — the Dongguan organisation tree with
/// one demo account per role, and 合肥市瑶海区 (seed 004) with its bureau, academy, thirteen streets/towns/zones, 66
/// communities (invented names) and its accounts. (The official calendar loads for every jurisdiction on every start
/// either way: Calendar/ApplyShippedCalendar.)
/// </summary>
public static class DemoData
{
    public const string DemoPassword = "Demo@2026";
    public const string DemoHotlineToken = "gj_demo-12345-hotline-token-do-not-use-in-production";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The demo jurisdictions: the file of each tree and what it runs.</summary>
    public static readonly IReadOnlyList<(string File, string Code)> DemoJurisdictions = [("dongguan-organizations.json", "441900"), ("yaohai-organizations.json", "340102")];

    public const string DongguanPath = "/441900/";
    public const string YaohaiPath = "/340102/";

    public static async Task<IReadOnlyList<DemoUser>> SeedAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        foreach (var (fileName, code) in DemoJurisdictions)
        {
            var file = Load(fileName);
            if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.ParentId == null && o.Code == file.City.Code, ct))
                await SeedOrganizationsAsync(db, clock, file, ct);
            if (file.Programmes is { Count: > 0 } programmes)
            {
                var root = await db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.ParentId == null && o.Code == code, ct);
                await Guanjia.App.Jurisdictions.JurisdictionSettings.SeedAsync(db, null, clock, root,
                    JurisdictionRuleSet.For(programmes, ChinaTime.LocalDate(clock.GetUtcNow())), $"演示数据：{root.Name}开展的工作", ct);
            }
        }
        var users = await SeedUsersAsync(db, passwords, clock, ct);
        if (!await db.ApiTokens.IgnoreQueryFilters().AnyAsync(ct))
        {
            var city = await db.Organizations.IgnoreQueryFilters().FirstAsync(o => o.Path.StartsWith(DongguanPath)
                && o.Kind == OrganizationKind.CityDepartment && o.Function == DepartmentFunction.ServiceData, ct);
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.CreateVersion7(),
                Name = "12345热线（演示）",
                Prefix = DemoHotlineToken[..10],
                TokenHash = ApiTokens.HashOf(DemoHotlineToken),
                OrganizationId = city.Id,
                ScopePath = DongguanPath,
                Permissions = $"{Permissions.AppealsCreate} {Permissions.AppealsRead}",
                CreatedAt = clock.GetUtcNow(),
            });
            await db.Audit("SeedDemo").SaveChangesAsync(ct);
        }
        if (!await db.Policies.AnyAsync(ct))
        {
            var now = clock.GetUtcNow();
            foreach (var (name, dept, contact, covers, keywords) in DemoPolicies)
                db.Policies.Add(new Domain.PolicyCatalogue.Policy
                {
                    Id = Guid.CreateVersion7(), Name = name, Department = dept, Contact = contact, Covers = covers, Keywords = keywords, UpdatedAt = now,
                });
            await db.Audit("SeedDemo", "演示数据：现行民生保障政策清单").SaveChangesAsync(ct);
        }
        await CivilAffairs.DemoCasework.SeedStationAsync(db, clock, ct);
        log.LogInformation("Demo data ready: {Users} demo accounts", users.Count);
        return users;
    }

    /// <summary>An illustrative extract of a current livelihood policy list (R-IN-05); departments and contacts are for the demo only.</summary>
    private static readonly (string Name, string Dept, string Contact, string Covers, string Keywords)[] DemoPolicies =
    [
        ("最低生活保障", "镇（街道）社会事务局", "0769-12345-1", "家庭人均收入低于当地低保标准且财产符合规定的家庭，按月发放低保金", "低保,最低生活保障,生活困难,收入低"),
        ("特困人员救助供养", "镇（街道）社会事务局", "0769-12345-1", "无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人", "特困,五保,供养,孤寡"),
        ("临时救助", "镇（街道）社会事务局", "0769-12345-1", "因火灾、交通事故、突发重大疾病等导致基本生活陷入困境的家庭或个人", "临时救助,突发,意外,重大疾病,火灾"),
        ("困难残疾人生活补贴和重度残疾人护理补贴", "镇（街道）残疾人联合会", "0769-12345-2", "低保家庭中的残疾人生活补贴；一、二级及三、四级智力精神重度残疾人护理补贴", "残疾,残疾人,护理补贴,轮椅"),
        ("高龄老人津贴", "镇（街道）社会事务局", "0769-12345-1", "80周岁以上户籍老年人按月领取高龄津贴", "高龄,长者,老人津贴,80岁"),
        ("医疗救助", "市医疗保障局东莞分局", "0769-12345-3", "低保、特困等救助对象和因病致贫家庭的住院、门诊自付费用救助", "医疗救助,医药费,住院,看病"),
        ("学生资助", "镇（街道）教育管理中心", "0769-12345-4", "家庭经济困难学生的助学金、免学费和生活补助", "助学,学费,上学,学生资助"),
        ("公共租赁住房保障", "市住房和城乡建设局", "0769-12345-5", "住房困难的低收入家庭、新就业无房职工申请公共租赁住房或租赁补贴", "住房,公租房,租房,住房困难"),
        ("市政道路路灯维护", "镇（街道）城市管理和综合执法局", "0769-12345-6", "市政道路路灯、井盖等设施的日常维护和维修", "路灯,井盖,市政道路"),
    ];

    private static async Task SeedOrganizationsAsync(GuanjiaDb db, TimeProvider clock, OrganizationFile file, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Organization Add(string code, string name, string? nameEn, OrganizationKind kind, Organization? parent)
        {
            var o = new Organization
            {
                Id = Guid.CreateVersion7(), Code = code, Name = name, NameEn = nameEn, Kind = kind, ParentId = parent?.Id,
                Path = Organization.ChildPath(parent?.Path, code), CreatedAt = now,
            };
            db.Organizations.Add(o);
            return o;
        }
        var city = Add(file.City.Code, file.City.Name, file.City.NameEn, OrganizationKind.City, null);
        foreach (var d in file.CityDepartments)
        {
            var dept = Add(d.Code, d.Name, d.NameEn, OrganizationKind.CityDepartment, city);
            dept.Function = d.Function;
        }
        var towns = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var t in file.Towns)
        {
            var town = Add(t.Code, t.Name, t.NameEn, t.Kind, city);
            town.EconomicClass = t.EconomicClass;
            town.IsPilot = t.Pilot;
            towns[t.Code] = town;
            foreach (var d in t.Departments)
            {
                var dept = Add(d.Code, d.Name, d.NameEn, OrganizationKind.TownDepartment, town);
                dept.Function = d.Function;
                dept.IsLead = d.Lead;
            }
            foreach (var v in t.Villages) Add(v.Code, v.Name, v.NameEn, v.Kind, town);
        }
        Organization ParentOf(string? townCode) => townCode is not null && towns.TryGetValue(townCode, out var t) ? t : city;
        foreach (var c in file.Contractors) Add(c.Code, c.Name, c.NameEn, OrganizationKind.Contractor, ParentOf(c.TownCode));
        foreach (var s in file.SocialWorkPoints)
        {
            var p = Add(s.Code, s.Name, s.NameEn, OrganizationKind.SocialWorkPoint, ParentOf(s.TownCode));
            p.Address = s.Address;
            p.Phone = s.Phone;
        }
        foreach (var e in file.Evaluators) Add(e.Code, e.Name, e.NameEn, OrganizationKind.Evaluator, city);
        await db.Audit("SeedDemo", $"演示数据：{file.City.Name}组织架构").SaveChangesAsync(ct);
    }

    private static async Task<IReadOnlyList<DemoUser>> SeedUsersAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, CancellationToken ct)
    {
        var all = await db.Organizations.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var orgs = all.Where(o => o.Path.StartsWith(DongguanPath, StringComparison.Ordinal)).ToList();
        var yaohai = all.Where(o => o.Path.StartsWith(YaohaiPath, StringComparison.Ordinal)).ToList();
        Organization Town(string name) => orgs.First(o => o.Name == name && Organization.IsTownKind(o.Kind));
        Organization Lead(Organization town) => orgs.First(o => o.ParentId == town.Id && o.IsLead);
        Organization Dept(Organization town, DepartmentFunction f) => orgs.First(o => o.ParentId == town.Id && o.Function == f);
        Organization FirstVillage(Organization town) => orgs.Where(o => o.ParentId == town.Id && Organization.IsVillageKind(o.Kind)).OrderBy(o => o.Code).First();
        var dongcheng = Town("东城街道");
        var changan = Town("长安镇");
        var dcVillage = FirstVillage(dongcheng);
        var caVillage = FirstVillage(changan);
        var plan = new (string User, string Name, Role Role, Organization Org)[]
        {
            ("city.admin", "市民政局管理员", Role.CityCivilAffairs, orgs.Where(o => o.Kind == OrganizationKind.CityDepartment && o.Function == DepartmentFunction.CivilAffairs).OrderBy(o => o.Code).First()),
            ("dongcheng.lead", "东城街道牵头部门", Role.TownLead, Lead(dongcheng)),
            ("dongcheng.finance", "东城财政审核员", Role.TownReviewer, Dept(dongcheng, DepartmentFunction.Finance)),
            ("dongcheng.village", $"{dcVillage.Name}工作人员", Role.VillageStaff, dcVillage),
            ("dongcheng.station", $"{dcVillage.Name}驿站负责人", Role.StationHead, dcVillage),
            ("dongcheng.supervisor", $"{dcVillage.Name}监委会", Role.SupervisoryCommittee, dcVillage),
            ("dongcheng.deputy", "东城街道人大代表", Role.Deputy, dongcheng),
            ("dongcheng.worker", "东城民政服务站驻站人员（演示）", Role.StationWorker, dongcheng),
            ("dongcheng.worker2", "东城民政服务站驻站人员二（演示）", Role.StationWorker, dongcheng),
            ("changan.lead", "长安镇牵头部门", Role.TownLead, Lead(changan)),
            ("changan.village", $"{caVillage.Name}工作人员", Role.VillageStaff, caVillage),
            ("contractor.demo", "承接机构（演示）", Role.Contractor, orgs.Where(o => o.Kind == OrganizationKind.Contractor).OrderBy(o => o.Code).First()),
            ("evaluator.demo", "第三方评估（演示）", Role.Evaluator, orgs.Where(o => o.Kind == OrganizationKind.Evaluator).OrderBy(o => o.Code).First()),
            // 合肥市瑶海区: the district bureau, the 红光街道 department that runs its workstation, a contractor and an evaluator.
            ("yaohai.admin", "瑶海区民政局管理员", Role.CityCivilAffairs, yaohai.Where(o => o.Kind == OrganizationKind.CityDepartment
                && o.Function == DepartmentFunction.CivilAffairs).OrderBy(o => o.Code).First()),
            ("yaohai.street", "红光街道工作站负责人", Role.TownLead, yaohai.First(o => o.Kind == OrganizationKind.TownDepartment
                && o.ParentId == yaohai.First(t => t.Name == "红光街道").Id)),
            ("yaohai.contractor", "承接机构（瑶海演示）", Role.Contractor, yaohai.Where(o => o.Kind == OrganizationKind.Contractor).OrderBy(o => o.Code).First()),
            ("yaohai.evaluator", "第三方评估（瑶海演示）", Role.Evaluator, yaohai.Where(o => o.Kind == OrganizationKind.Evaluator).OrderBy(o => o.Code).First()),
        };
        var existing = await db.Users.IgnoreQueryFilters().Select(u => u.UserName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var p in plan.Where(p => !existing.Contains(p.User)))
        {
            var parent = all.FirstOrDefault(o => o.Id == p.Org.ParentId);
            var u = new User
            {
                Id = Guid.CreateVersion7(), UserName = p.User, DisplayName = p.Name, Role = p.Role, OrganizationId = p.Org.Id,
                ScopePath = RoleCatalog.ScopePathFor(p.Role, p.Org, parent), CreatedAt = now,
            };
            u.PasswordHash = passwords.Hash(u, DemoPassword);
            db.Users.Add(u);
        }
        await db.Audit("SeedDemo", "演示账号").SaveChangesAsync(ct);
        return plan.Select(p => new DemoUser(p.User, p.Name, p.Role, p.Org.Name)).ToList();
    }

    /// <summary>004 五's three packages: the package number and the codes of its streets, towns and zones.</summary>
    public static IReadOnlyList<(int Package, IReadOnlyList<string> TownCodes)> PackagesOfYaohai() =>
        Load("yaohai-organizations.json").Towns.Where(t => t.Package is not null).GroupBy(t => t.Package!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Code).ToList())).ToList();

    internal static OrganizationFile Load(string name = "dongguan-organizations.json")
    {
        using var s = typeof(Organization).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        return JsonSerializer.Deserialize<OrganizationFile>(s, Json) ?? throw new InvalidOperationException("empty organisation file");
    }

    /// <summary>A jurisdiction's demo tree; <c>Programmes</c> is what it runs (none listed: 民生大莞家 and casework, set at start).</summary>
    internal sealed record OrganizationFile(NamedUnit City, List<Department> CityDepartments, List<TownUnit> Towns,
        List<Member> Contractors, List<Member> SocialWorkPoints, List<Member> Evaluators, List<ProgrammeCode>? Programmes = null);

    internal sealed record NamedUnit(string Code, string Name, string? NameEn);

    internal sealed record Department(string Code, string Name, string? NameEn, DepartmentFunction Function, bool Lead);

    /// <summary><c>Package</c>: the purchase package of 004 五 the unit's communities belong to (Yaohai only).</summary>
    internal sealed record TownUnit(string Code, string Name, string? NameEn, OrganizationKind Kind, int EconomicClass, bool Pilot,
        List<Department> Departments, List<VillageUnit> Villages, int? Package = null);

    internal sealed record VillageUnit(string Code, string Name, string? NameEn, OrganizationKind Kind);

    internal sealed record Member(string Code, string Name, string? NameEn, string? TownCode, string? Address, string? Phone);
}
