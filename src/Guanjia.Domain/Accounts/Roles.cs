using Guanjia.Domain.Organizations;

namespace Guanjia.Domain.Accounts;

/// <summary>The roles of R-PL-03. The public has no account and no role.</summary>
public enum Role
{
    CityCivilAffairs = 1,
    TownLead = 2,
    TownReviewer = 3,
    VillageStaff = 4,
    StationHead = 5,
    SupervisoryCommittee = 6,
    Contractor = 7,
    Evaluator = 8,
    Deputy = 9,
    /// <summary>驻站人员: a resident worker of a town's civil-affairs service station (issue 13).</summary>
    StationWorker = 10,
}

/// <summary>Named permissions; endpoints require these, never roles directly.</summary>
public static class Permissions
{
    public const string OrganizationsManage = "organizations.manage";
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string TokensManage = "tokens.manage";
    public const string CalendarManage = "calendar.manage";
    public const string AuditRead = "audit.read";
    public const string AuditVerify = "audit.verify";
    public const string AppealsRead = "appeals.read";
    public const string AppealsCreate = "appeals.create";
    /// <summary>Village steps of the micro-project process: acknowledge, meetings, registration, implementation, completion.</summary>
    public const string ProjectsVillage = "projects.village";
    /// <summary>The town lead department's steps: review, publicity, survey, annual plan.</summary>
    public const string ProjectsTown = "projects.town";
    /// <summary>A town functional department's opinion in a review (R-MS-08).</summary>
    public const string ProjectsOpinion = "projects.opinion";
    public const string DeadlinesRead = "deadlines.read";
    public const string RulesManage = "rules.manage";
    public const string TemplatesManage = "templates.manage";
    /// <summary>See the feedback in one's scope that has not reached its appellant, and send one again (R-PL-06).</summary>
    public const string MessagesManage = "messages.manage";
    public const string AllocationsManage = "allocations.manage";
    /// <summary>The city keeps the current livelihood policy list (R-IN-05).</summary>
    public const string PoliciesManage = "policies.manage";
    /// <summary>Recording a department's handling and result of a policy referral.</summary>
    public const string ReferralsHandle = "referrals.handle";
    /// <summary>Read 莞家驿站 records: stations, items, procurement filings, publications, referrals (R-ST).</summary>
    public const string StationsRead = "stations.read";
    /// <summary>The village's station steps: register stations and items, procurement filings, publications, referrals (R-ST-01..08).</summary>
    public const string StationsManage = "stations.manage";
    /// <summary>The village affairs supervisory committee's review opinion on a procurement filing (R-ST-05).</summary>
    public const string StationsSupervise = "stations.supervise";
    /// <summary>The town lead department records procurement filings (R-ST-05).</summary>
    public const string StationsRecord = "stations.record";
    /// <summary>The city maintains the directory of social-work service points (R-ST-08, 000 attachment 2).</summary>
    public const string StationsDirectory = "stations.directory";
    /// <summary>The city lead department publishes 莞家直达 items on the claim board (R-RT-02).</summary>
    public const string ClaimsPublish = "claims.publish";

    /// <summary>A third-party evaluator enters the survey of the projects a town commissioned it for, and sees only those (R-MS-14, R-MS-18).</summary>
    public const string SurveysEvaluate = "surveys.evaluate";

    /// <summary>Read fund accounts, the ledger, allocations and matching in one's scope (R-FD).</summary>
    public const string FundsRead = "funds.read";
    /// <summary>The city: open accounts, record the city's receipts, town factors, pilot money, commit allocations (R-FD-01..03).</summary>
    public const string FundsManage = "funds.manage";
    /// <summary>
    /// The town's lead department (which keeps the 资金发放台账, 003 §三(三)) and finance department: receipts, transfers, payments, reversals;
    /// and a village's staff, from the village's own dedicated accounts only (003 §三(三): 核拨到各村（社区）专用账户管理和使用; 000 §三: the
    /// village pays its contractors), who pay and correct but do not transfer (R-FD-09).
    /// </summary>
    public const string FundsPay = "funds.pay";

    /// <summary>Read the purchase of community services in one's scope: the bureau all, a contractor its own, an evaluator what it evaluates (R-PS).</summary>
    public const string PurchasingRead = "purchasing.read";
    /// <summary>The bureau: contractors, the year's budget, packages, tenders, contracts, acceptance, inspections, evaluations, penalties (R-PS-01..08).</summary>
    public const string PurchasingManage = "purchasing.manage";
    /// <summary>The contractor files its reports and rectification evidence (R-CA-12, R-PS-05, R-PS-06).</summary>
    public const string PurchasingReport = "purchasing.report";
    /// <summary>The third-party evaluator scores the contracts it is commissioned for (R-PS-06).</summary>
    public const string PurchasingEvaluate = "purchasing.evaluate";
    /// <summary>The street/town acknowledges a major event reported in its area (R-CA-12).</summary>
    public const string PurchasingAcknowledge = "purchasing.acknowledge";

    /// <summary>Read the civil-affairs casework in one's scope: files with masked ID numbers, visits, figures (R-CA).</summary>
    public const string CaseworkRead = "casework.read";
    /// <summary>See full ID numbers and health and income details; every such view of a file is audited.</summary>
    public const string CaseworkSensitive = "casework.sensitive";
    /// <summary>The station worker's casework: register, plan, visit, assess, investigate, screen, link, evaluate (R-CA-04..09, 13).</summary>
    public const string CaseworkRecord = "casework.record";
    /// <summary>The village answers problems reported to it from visits (R-CA-08).</summary>
    public const string CaseworkVillageAnswer = "casework.village-answer";
    /// <summary>The town answers reported problems, decides on investigation flags and transfers, keeps its station's workers.</summary>
    public const string CaseworkTown = "casework.town";
    /// <summary>The city keeps the casework settings (categories, 低保 standard) and the stations.</summary>
    public const string CaseworkConfigure = "casework.configure";

    /// <summary>What an API token for an integration may be granted.</summary>
    public static readonly IReadOnlySet<string> GrantableToTokens =
        new HashSet<string>(StringComparer.Ordinal) { AppealsCreate, AppealsRead };

    /// <summary>Actions a city user may take on any unit's behalf: none of the village's or town's own steps.</summary>
    private static readonly string[] UnitSteps = [ProjectsVillage, ProjectsTown, ProjectsOpinion, StationsManage, StationsSupervise, StationsRecord,
        FundsPay, SurveysEvaluate, CaseworkRecord, CaseworkVillageAnswer, CaseworkTown, PurchasingReport, PurchasingEvaluate, PurchasingAcknowledge];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        OrganizationsManage, UsersRead, UsersManage, TokensManage, CalendarManage, AuditRead, AuditVerify,
        AppealsRead, AppealsCreate, ProjectsVillage, ProjectsTown, ProjectsOpinion, DeadlinesRead, RulesManage,
        TemplatesManage, MessagesManage, AllocationsManage, PoliciesManage, ReferralsHandle, StationsRead, StationsManage, StationsSupervise, StationsRecord,
        StationsDirectory,
        ClaimsPublish,
        FundsRead, FundsManage, FundsPay,
        SurveysEvaluate,
        CaseworkRead, CaseworkSensitive, CaseworkRecord, CaseworkVillageAnswer, CaseworkTown, CaseworkConfigure,
        PurchasingRead, PurchasingManage, PurchasingReport, PurchasingEvaluate, PurchasingAcknowledge,
    };

    /// <summary>The city supervises and configures; the village's and town's steps stay theirs.</summary>
    public static readonly IReadOnlySet<string> City = new HashSet<string>(All.Except(UnitSteps), StringComparer.Ordinal);
}

/// <summary>How wide a role sees: the whole city, its town, its village, or only its own organisation.</summary>
public enum ScopeLevel { City = 1, Town = 2, Village = 3, Own = 4 }

public sealed record RoleInfo(
    Role Role,
    string Zh,
    string En,
    ScopeLevel Scope,
    bool ReadOnly,
    IReadOnlySet<OrganizationKind> BindsTo,
    IReadOnlySet<string> Permissions);

/// <summary>The role table: one place that says who sees what and may do what (R-PL-03).</summary>
public static class RoleCatalog
{
    private static HashSet<OrganizationKind> Kinds(params OrganizationKind[] k) => [.. k];
    private static HashSet<string> Perms(params string[] p) => new(p, StringComparer.Ordinal);

    private static readonly OrganizationKind[] TownKinds =
        [OrganizationKind.Town, OrganizationKind.Street, OrganizationKind.Park];
    private static readonly OrganizationKind[] VillageKinds = [OrganizationKind.Village, OrganizationKind.Community];

    public static readonly IReadOnlyDictionary<Role, RoleInfo> All = new Dictionary<Role, RoleInfo>
    {
        [Role.CityCivilAffairs] = new(Role.CityCivilAffairs, "市民政局", "City civil-affairs bureau", ScopeLevel.City, false,
            Kinds(OrganizationKind.City, OrganizationKind.CityDepartment), Perms([.. Permissions.City])),
        [Role.TownLead] = new(Role.TownLead, "镇街牵头部门", "Town lead department", ScopeLevel.Town, false,
            Kinds([.. TownKinds, OrganizationKind.TownDepartment]),
            Perms(Permissions.UsersRead, Permissions.UsersManage, Permissions.AuditRead, Permissions.AppealsRead,
                Permissions.AppealsCreate, Permissions.ProjectsTown, Permissions.DeadlinesRead, Permissions.ReferralsHandle, Permissions.StationsRead,
                Permissions.StationsRecord, Permissions.MessagesManage,
                Permissions.FundsRead, Permissions.FundsPay,
                Permissions.CaseworkRead, Permissions.CaseworkSensitive, Permissions.CaseworkRecord, Permissions.CaseworkTown,
                Permissions.PurchasingRead, Permissions.PurchasingAcknowledge)),
        [Role.TownReviewer] = new(Role.TownReviewer, "镇街职能部门审核人", "Town department reviewer", ScopeLevel.Town, false,
            Kinds(OrganizationKind.TownDepartment), Perms(Permissions.AppealsRead, Permissions.ProjectsOpinion, Permissions.DeadlinesRead, Permissions.ReferralsHandle,
                Permissions.FundsRead, Permissions.FundsPay)),
        [Role.VillageStaff] = new(Role.VillageStaff, "村(社区)工作人员", "Village/community staff", ScopeLevel.Village, false,
            Kinds(VillageKinds), Perms(Permissions.UsersRead, Permissions.AppealsRead, Permissions.AppealsCreate,
                Permissions.ProjectsVillage, Permissions.DeadlinesRead, Permissions.StationsRead, Permissions.StationsManage,
                Permissions.FundsRead, Permissions.FundsPay, Permissions.CaseworkRead, Permissions.CaseworkVillageAnswer)),
        [Role.StationHead] = new(Role.StationHead, "驿站负责人", "Station head", ScopeLevel.Village, false,
            Kinds(VillageKinds), Perms(Permissions.AppealsRead, Permissions.StationsRead, Permissions.StationsManage)),
        [Role.SupervisoryCommittee] = new(Role.SupervisoryCommittee, "村(居)务监督委员会", "Village affairs supervisory committee",
            ScopeLevel.Village, false, Kinds(VillageKinds), Perms(Permissions.AppealsRead, Permissions.DeadlinesRead, Permissions.StationsRead,
                Permissions.StationsSupervise)),
        [Role.Contractor] = new(Role.Contractor, "承接方", "Contractor", ScopeLevel.Own, false,
            Kinds(OrganizationKind.Contractor, OrganizationKind.SocialWorkPoint), Perms(Permissions.DeadlinesRead, Permissions.PurchasingRead,
                Permissions.PurchasingReport)),
        [Role.Evaluator] = new(Role.Evaluator, "第三方评估机构", "Third-party evaluator", ScopeLevel.Own, false,
            Kinds(OrganizationKind.Evaluator), Perms(Permissions.SurveysEvaluate, Permissions.PurchasingRead, Permissions.PurchasingEvaluate)),
        [Role.Deputy] = new(Role.Deputy, "两代表一委员", "Deputy / supervisor", ScopeLevel.Own, true,
            Kinds([OrganizationKind.City, .. TownKinds, .. VillageKinds]), Perms(Permissions.AppealsRead, Permissions.DeadlinesRead, Permissions.StationsRead,
                Permissions.FundsRead, Permissions.CaseworkRead)),
        [Role.StationWorker] = new(Role.StationWorker, "驻站人员", "Station worker", ScopeLevel.Town, false,
            Kinds(TownKinds), Perms(Permissions.DeadlinesRead, Permissions.CaseworkRead, Permissions.CaseworkSensitive, Permissions.CaseworkRecord)),
    };

    public static RoleInfo Get(Role role) => All[role];

    /// <summary>
    /// A manager may grant only roles that see no wider than they do; a town may not create a city user.
    /// </summary>
    public static bool CanGrant(Role granter, Role granted) =>
        Get(granter).Scope switch
        {
            ScopeLevel.City => true,
            ScopeLevel.Town => Get(granted).Scope is ScopeLevel.Town or ScopeLevel.Village or ScopeLevel.Own
                && granted is not Role.Contractor and not Role.Evaluator,
            _ => false,
        };

    /// <summary>
    /// The path a user of this role at this organisation sees: the bureau sees its own jurisdiction (the root of the
    /// tree it belongs to, never another jurisdiction's, ADR 0040), a town department's reviewer sees the town, a
    /// village user sees the village, a deputy sees the unit that elected them.
    /// </summary>
    public static string ScopePathFor(Role role, Organization org, Organization? parent)
    {
        var info = Get(role);
        if (!info.BindsTo.Contains(org.Kind))
            throw new InvalidOperationException($"Role {role} cannot bind to {org.Kind}");
        return info.Scope switch
        {
            ScopeLevel.City => Jurisdictions.Jurisdiction.RootOf(org.Path),
            ScopeLevel.Town => org.Kind == OrganizationKind.TownDepartment ? parent!.Path : org.Path,
            _ => org.Path,
        };
    }
}
