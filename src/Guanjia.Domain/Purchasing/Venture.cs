using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Purchasing;

// Incubating community social organisations and the micro venture-philanthropy rounds (微公益创投) of 004 四(六) and 001 三(二)
// (R-CA-10, R-PS-02; ADR 0035). Every record lives at its street's (town's) path: the street sees its own, the bureau all of its
// jurisdiction, nobody in another jurisdiction any.

/// <summary>What 004 四(六) and 001 三(二) name as the organisations being incubated and applying to a round.</summary>
public enum CommunityOrganisationKind
{
    /// <summary>社会组织.</summary>
    SocialOrganisation = 1,
    /// <summary>社区社会组织.</summary>
    CommunitySocialOrganisation = 2,
    /// <summary>社居委下设委员会 (居民委员会下属委员会).</summary>
    ResidentsCommitteeSubcommittee = 3,
    /// <summary>楼栋"两长多员"团队.</summary>
    BuildingTeam = 4,
}

/// <summary>001 三(二)1: the groups the incubated organisations serve.</summary>
public enum ServedGroup
{
    /// <summary>低保对象.</summary>
    SubsistenceAllowance = 1,
    /// <summary>特困人员.</summary>
    ExtremelyPoor = 2,
    /// <summary>空巢老人.</summary>
    EmptyNestElderly = 3,
    /// <summary>农村留守人员.</summary>
    LeftBehind = 4,
    /// <summary>困境儿童.</summary>
    ChildrenInDifficulty = 5,
    /// <summary>残疾人.</summary>
    Disabled = 6,
    /// <summary>困难家庭.</summary>
    FamiliesInHardship = 7,
    /// <summary>社区居民.</summary>
    Residents = 8,
}

/// <summary>004 四(六)2: the kinds of project a round supports first.</summary>
public enum VentureCategory
{
    /// <summary>养老服务类.</summary>
    ElderlyCare = 1,
    /// <summary>儿童青少年服务类.</summary>
    ChildrenAndYouth = 2,
    /// <summary>社会救助类.</summary>
    SocialAssistance = 3,
    /// <summary>社区协商类.</summary>
    CommunityConsultation = 4,
    /// <summary>楼栋自治类.</summary>
    BuildingSelfGovernance = 5,
    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>Moved only by <see cref="VentureWorkflows"/>; New is never saved.</summary>
public enum IncubationState { New = 0, Incubating = 1, Graduated = 2, Filed = 3, Withdrawn = 4 }

/// <summary>Moved only by <see cref="VentureWorkflows"/>; New is never saved.</summary>
public enum VentureRoundState { New = 0, Draft = 1, Open = 2, Reviewing = 3, Decided = 4, Closed = 5 }

/// <summary>An application's standing: submitted, then funded or not by the decision; a funded project is closed with its result.</summary>
public enum VentureApplicationState { New = 0, Submitted = 1, Funded = 2, NotFunded = 3, Completed = 4 }

/// <summary>R-CA-10: a community social organisation being incubated (孵化培育), at its street's path.</summary>
public sealed class IncubatedOrganisation : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public CommunityOrganisationKind Kind { get; set; }
    public Guid TownId { get; set; }
    public Guid? CommunityId { get; set; }
    public required string ScopePath { get; set; }

    /// <summary>The groups it serves, comma-joined <see cref="ServedGroup"/>.</summary>
    public required string ServedGroups { get; set; }

    /// <summary>The contractor or station (its organisation) incubating it, if any.</summary>
    public Guid? IncubatorId { get; set; }
    public string? Leader { get; set; }
    public string? Description { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>Moved only by <see cref="VentureWorkflows"/>.</summary>
    public IncubationState State { get; internal set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(IncubatedOrganisation), Id, Name);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>R-CA-10 (001 三(二)2): a capacity-building event of an incubated organisation.</summary>
public sealed class CapacityEvent : IScoped
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly On { get; set; }
    public required string Topic { get; set; }
    public decimal Hours { get; set; }
    public int Attendees { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>A review criterion of a round and its weight (whole percent; the weights add up to 100).</summary>
public sealed record VentureCriterion(string? Name, int? WeightPercent, string? Description);

/// <summary>R-PS-02: a micro venture-philanthropy round (微公益创投) of a street (zone) for a year: the call, its panel and its state.</summary>
public sealed class VentureRound : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public long BudgetFen { get; set; }
    public long CapFen { get; set; }
    public DateOnly ApplyFrom { get; set; }
    public DateOnly ApplyTo { get; set; }
    public required string CriteriaJson { get; set; }

    /// <summary>The panel's members (评审专家), JSON list of names; each scores each application once.</summary>
    public required string PanelJson { get; set; }
    /// <summary>Moved only by <see cref="VentureWorkflows"/>.</summary>
    public VentureRoundState State { get; internal set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(VentureRound), Id, Title);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>An application to a round; once funded it is the funded project, with its progress entries and its close.</summary>
public sealed class VentureApplication : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public required string ScopePath { get; set; }
    public CommunityOrganisationKind ApplicantKind { get; set; }

    /// <summary>The incubated organisation applying, when it is one on record.</summary>
    public Guid? OrganisationId { get; set; }
    public required string ApplicantName { get; set; }
    public required string ProjectName { get; set; }
    public VentureCategory Category { get; set; }
    public required string Summary { get; set; }
    public long AmountFen { get; set; }
    public int Beneficiaries { get; set; }
    public DateOnly SubmittedOn { get; set; }
    /// <summary>Moved only by <see cref="VentureWorkflows"/>.</summary>
    public VentureApplicationState State { get; internal set; }

    /// <summary>The weighted mean of the panel's totals, kept with each score (two decimals).</summary>
    public decimal? AverageScore { get; set; }
    public int ScoreCount { get; set; }
    public long? GrantedFen { get; set; }
    public string? Result { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(VentureApplication), Id, ProjectName);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>One criterion's score by one panel member.</summary>
public sealed record CriterionScore(string? Criterion, decimal? Score);

/// <summary>A panel member's score sheet of one application: one per member and application (a second is a 409).</summary>
public sealed class VentureScore : IScoped
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid RoundId { get; set; }
    public required string ScopePath { get; set; }
    public required string Reviewer { get; set; }
    public required string ScoresJson { get; set; }
    public decimal Total { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>A progress entry of a funded project: date, what happened, optionally a photo or file.</summary>
public sealed class VentureProgress : IScoped
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public Guid? AttachmentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>The review's arithmetic and the funding check (ADR 0035).</summary>
public static class VentureRules
{
    /// <summary>Criteria: 1..10 named, distinct, whole-percent weights 1..100 that add up to 100.</summary>
    public static void CheckCriteria(Check c, IReadOnlyList<VentureCriterion>? criteria, string field = "criteria")
    {
        if (criteria is null || criteria.Count == 0)
        {
            c.Add(field, "required", "请列出评审标准及其权重", "List the review criteria and their weights");
            return;
        }
        c.When(criteria.Count > 10, field, "too_many", "评审标准最多10项", "At most 10 criteria");
        for (var i = 0; i < criteria.Count; i++)
        {
            var x = criteria[i];
            c.Required($"{field}[{i}].name", x.Name, "标准名称", "Criterion name").MaxLength($"{field}[{i}].name", x.Name, 50, "标准名称", "Criterion name")
                .When(x.WeightPercent is null or < 1 or > 100, $"{field}[{i}].weightPercent", "out_of_range", "权重须为1到100之间的整数（%）",
                    "weightPercent must be a whole number from 1 to 100")
                .MaxLength($"{field}[{i}].description", x.Description, 500, "说明", "Description");
        }
        var names = criteria.Where(x => !string.IsNullOrWhiteSpace(x.Name)).Select(x => x.Name!.Trim()).ToList();
        c.When(names.Count != names.Distinct().Count(), field, "duplicate", "评审标准名称不能重复", "Criterion names must differ");
        if (criteria.Any(x => x.WeightPercent is null or < 1 or > 100)) return;
        var total = criteria.Sum(x => x.WeightPercent!.Value);
        c.When(total != 100, field, "weights_not_100", $"各项评审标准的权重之和须为100%，现为{total}%", $"The weights must add up to 100%; they add up to {total}%");
    }

    /// <summary>A sheet scores every criterion once, 0–100 with at most two decimals.</summary>
    public static void CheckScores(Check c, IReadOnlyList<VentureCriterion> criteria, IReadOnlyList<CriterionScore>? scores, string field = "scores")
    {
        var list = scores ?? [];
        foreach (var cr in criteria)
        {
            var i = list.ToList().FindIndex(s => s.Criterion?.Trim() == cr.Name);
            if (i < 0)
            {
                c.Add(field, "missing_criterion", $"请为“{cr.Name}”评分", $"Score the criterion {cr.Name}");
                continue;
            }
            var v = list[i].Score;
            c.When(v is null or < 0 or > 100 || (v is { } d && decimal.Round(d, 2) != d), $"{field}[{i}].score", "out_of_range",
                "得分须在0到100之间（最多两位小数）", "score must be between 0 and 100 with at most two decimals");
        }
        c.When(list.Any(s => criteria.All(cr => cr.Name != s.Criterion?.Trim())), field, "unknown_criterion", "评分中有本轮没有的评审标准",
            "A score names a criterion the round does not have");
    }

    /// <summary>One sheet's total: Σ weight × score / 100, two decimals.</summary>
    public static decimal Total(IReadOnlyList<VentureCriterion> criteria, IReadOnlyList<CriterionScore> scores) =>
        decimal.Round(criteria.Sum(cr => cr.WeightPercent!.Value * (scores.First(s => s.Criterion?.Trim() == cr.Name).Score ?? 0)) / 100m, 2,
            MidpointRounding.AwayFromZero);

    /// <summary>The application's score: the mean of the panel's totals, two decimals.</summary>
    public static decimal? Mean(IReadOnlyCollection<decimal> totals) =>
        totals.Count == 0 ? null : decimal.Round(totals.Sum() / totals.Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The funding set fits the round's budget: Σ grants ≤ budget.</summary>
    public static bool WithinBudget(long budgetFen, IEnumerable<long> grantsFen) => grantsFen.Sum() <= budgetFen;
}

/// <summary>The transition tables of incubation, rounds and applications (ADR 0019, ADR 0035).</summary>
public static class VentureWorkflows
{
    public const string System = "system";

    public static readonly IReadOnlyList<Transition<IncubatedOrganisation, IncubationState>> IncubationTable =
    [
        new("Register", [IncubationState.New], IncubationState.Incubating, Permissions.PurchasingManage, "R-CA-10",
            "登记孵化培育的社区社会组织（名称、所属社区街道、类别、服务对象、孵化单位）"),
        new("Graduate", [IncubationState.Incubating], IncubationState.Graduated, Permissions.PurchasingManage, "R-CA-10", "孵化期满，组织出壳"),
        new("File", [IncubationState.Incubating, IncubationState.Graduated], IncubationState.Filed, Permissions.PurchasingManage, "R-CA-10",
            "社区社会组织在街道（乡镇）备案"),
        new("Withdraw", [IncubationState.Incubating], IncubationState.Withdrawn, Permissions.PurchasingManage, "R-CA-10", "组织退出孵化"),
    ];

    public static readonly Workflow<IncubatedOrganisation, IncubationState> Incubation =
        new("IncubatedOrganisation", o => o.State, (o, s) => o.State = s, IncubationTable);

    public static readonly IReadOnlyList<Transition<VentureRound, VentureRoundState>> RoundTable =
    [
        new("Draft", [VentureRoundState.New], VentureRoundState.Draft, Permissions.PurchasingManage, "R-PS-02",
            "拟定微公益创投公告：预算、单个项目上限、申报时间、评审标准及权重、评审小组"),
        new("Open", [VentureRoundState.Draft], VentureRoundState.Open, Permissions.PurchasingManage, "R-PS-02",
            "发布公告，开始申报；当年的街镇开发区年度创投义务随之完成"),
        new("StartReview", [VentureRoundState.Open], VentureRoundState.Reviewing, Permissions.PurchasingManage, "R-PS-02, R-CA-10",
            "申报截止后，评审小组逐项评分"),
        new("Decide", [VentureRoundState.Reviewing], VentureRoundState.Decided, Permissions.PurchasingManage, "R-PS-02",
            "按评审结果确定资助项目及金额，合计不超过本届预算"),
        new("Close", [VentureRoundState.Decided], VentureRoundState.Closed, Permissions.PurchasingManage, "R-PS-02", "资助项目全部结项，本届创投结束"),
    ];

    public static readonly Workflow<VentureRound, VentureRoundState> Round = new("VentureRound", r => r.State, (r, s) => r.State = s, RoundTable);

    public static readonly IReadOnlyList<Transition<VentureApplication, VentureApplicationState>> ApplicationTable =
    [
        new("Submit", [VentureApplicationState.New], VentureApplicationState.Submitted, Permissions.PurchasingManage, "R-PS-02, R-CA-10",
            "社区社会组织、社居委下设委员会或楼栋团队在申报期内申报项目，金额不超过单个项目上限"),
        new("Decide", [VentureApplicationState.Submitted], VentureApplicationState.Funded, Permissions.PurchasingManage, "R-PS-02", "确定资助")
            { Outcome = "Funded" },
        new("Decide", [VentureApplicationState.Submitted], VentureApplicationState.NotFunded, Permissions.PurchasingManage, "R-PS-02", "未获资助")
            { Outcome = "NotFunded" },
        new("Complete", [VentureApplicationState.Funded], VentureApplicationState.Completed, Permissions.PurchasingManage, "R-PS-02",
            "资助项目结项，记录实施成效"),
    ];

    public static readonly Workflow<VentureApplication, VentureApplicationState> Application =
        new("VentureApplication", a => a.State, (a, s) => a.State = s, ApplicationTable);
}

/// <summary>The Chinese words of incubation and the rounds.</summary>
public static class VentureTerms
{
    public static string Zh(CommunityOrganisationKind k) => k switch
    {
        CommunityOrganisationKind.SocialOrganisation => "社会组织",
        CommunityOrganisationKind.CommunitySocialOrganisation => "社区社会组织",
        CommunityOrganisationKind.ResidentsCommitteeSubcommittee => "居民委员会下属委员会",
        CommunityOrganisationKind.BuildingTeam => "楼栋团队",
        _ => k.ToString(),
    };

    public static string Zh(VentureRoundState s) => s switch
    {
        VentureRoundState.Draft => "草拟", VentureRoundState.Open => "申报中", VentureRoundState.Reviewing => "评审中",
        VentureRoundState.Decided => "已确定资助", VentureRoundState.Closed => "已结束", _ => "新建",
    };
}
