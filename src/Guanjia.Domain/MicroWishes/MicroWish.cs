using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.MicroWishes;

/// <summary>R-MW-01: the two kinds of 民生微心愿.</summary>
public enum WishKind { SpecialGroupAid = 1, InclusiveService = 2 }

/// <summary>R-MW-01: who special-group assistance is for.</summary>
public enum TargetGroup
{
    MinimumLivingAllowance = 1, ExtremelyPoor = 2, VeryOld = 3, LonelyElderly = 4, Disabled = 5, LowIncomeFamily = 6,
    SingleMother = 7, Veteran = 8, ChildInDifficulty = 9, LeftBehindChild = 10, StreetMinor = 11, FamilyInDifficulty = 12,
    SuddenHardship = 13,
}

/// <summary>R-MW-01: the forms of special-group assistance.</summary>
public enum AssistanceType { LivingAid = 1, MedicalAid = 2, ElderlySupport = 3, EducationAid = 4, EmploymentAid = 5, Housing = 6 }

/// <summary>R-MW-01: inclusive personal services open to every resident.</summary>
public enum InclusiveServiceType
{
    Counselling = 1, RightsProtection = 2, YouthBehaviour = 3, MarriageRepair = 4, FamilyRelations = 5, EmploymentHelp = 6,
    MedicalPolicyAdvice = 7, ResourceLinking = 8, HospiceCare = 9,
}

/// <summary>R-RT-01: how an express item is delivered.</summary>

public enum WishState
{
    /// <summary>Being made: never saved in this state, its Create row moves it on in the same save.</summary>
    New = 0,
    AwaitingVerification = 1,
    AwaitingDecision = 2,
    Handling = 3,
    Completed = 4,
    Closed = 5,
    PolicyReferred = 6,
    Rejected = 7,
    /// <summary>Routed 莞家直达 or 莞家驿站: carried on by the claim board or the station (issue 4's routes).</summary>
    Routed = 8,
}

/// <summary>An individual's or a household's need (民生微心愿), handled by the town (002 §四(二)).</summary>
public sealed class MicroWish : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid AppealId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int RulesVersion { get; set; }
    /// <summary>Moved only by <see cref="WishWorkflow"/>.</summary>
    public WishState State { get; internal set; }
    public WishKind Kind { get; set; }
    public TargetGroup? TargetGroup { get; set; }
    public AssistanceType? AssistanceType { get; set; }
    public InclusiveServiceType? ServiceType { get; set; }
    public required string Need { get; set; }
    public long? RequestedFen { get; set; }

    /// <summary>The person helped: visible only to the staff handling the case (R-MW-02 note in issue 4).</summary>
    [Sensitive] public string? BeneficiaryName { get; set; }
    [Sensitive] public string? BeneficiaryIdNumber { get; set; }
    [Sensitive] public string? Household { get; set; }

    // Verification by the town with the departments (R-MW-02).
    public DateTimeOffset? VerifiedAt { get; set; }
    public bool? CheckAuthentic { get; set; }
    public bool? CheckReasonable { get; set; }
    public bool? CheckBudget { get; set; }
    public string? VerificationNote { get; set; }
    public string? Departments { get; set; }

    // The expert review or joint meeting (R-MW-03).
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionBody { get; set; }
    public string? Participants { get; set; }
    public Route? Route { get; set; }
    public long? AmountFen { get; set; }
    public ExpressForm? ExpressForm { get; set; }
    public string? PairedUnit { get; set; }
    public string? AssistanceForm { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
    public long? PaidFen { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>yyyyMM of the local (Beijing) date made, so statistics filter by month in an index.</summary>
    public int CreatedMonth { get; set; }

    /// <summary>
    /// What the funds ledger has paid to the wish, net of reversals, kept by the ledger's posting in the same save.
    /// <see cref="PaidFen"/> stays the amount reported at completion (R-MW-04), which may include help not paid through the ledger.
    /// </summary>
    public long LedgerPaidFen { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("MicroWish", Id, Number);
}

/// <summary>The wish's process as one table, like the micro-project's (R-MW-02..06, R-RT-02..05).</summary>
public static class WishWorkflow
{
    private static readonly When<MicroWish> Express = new("莞家速递", "express route", w => w.Route == Route.Express);
    private static readonly When<MicroWish> Direct = new("莞家直达", "direct route", w => w.Route == Route.Direct);
    private static readonly When<MicroWish> Station = new("莞家驿站", "station route", w => w.Route == Route.Station);
    private static readonly When<MicroWish> Authentic = new("经核查属实", "verified as true", w => w.CheckAuthentic == true);

    private static DeadlineStart<MicroWish> D(string obligation, string limit, Func<Programme.ProgrammeRuleSet, Programme.TimeLimit> l, Anchor<MicroWish> from) =>
        new(obligation, Owner.Town, limit, l, from);

    public static readonly IReadOnlyList<Transition<MicroWish, WishState>> Table =
    [
        new("Create", [WishState.New], WishState.AwaitingVerification, Permissions.AppealsCreate, "R-MW-06, R-MW-02",
            "微心愿交属地镇（街道）牵头部门核查") { Starts = [D(Obligations.WishVerification, "WishVerification", r => r.WishVerification, Anchor<MicroWish>.Now)] },
        new("Verify", [WishState.AwaitingVerification], WishState.AwaitingDecision, Permissions.ProjectsTown, "R-MW-02",
            "镇（街道）会同相关部门核查真实性、合理性和资金预算：属实，进入办理") { Outcome = "Verified", Meets = [Obligations.WishVerification] },
        new("Verify", [WishState.AwaitingVerification], WishState.PolicyReferred, Permissions.ProjectsTown, "R-MW-02, R-IN-05",
            "核查属实，优先由现行政策办理，转相关部门")
        {
            Outcome = "PolicyReferral", If = Authentic, Meets = [Obligations.WishVerification], Sends = FeedbackKind.TownDecisionPolicy,
            Ends = "转现行政策办理",
        },
        new("Verify", [WishState.AwaitingVerification], WishState.Rejected, Permissions.ProjectsTown, "R-MW-02",
            "核查不属实或不属于服务范围，反馈不予受理意见")
            { Outcome = "Reject", Meets = [Obligations.WishVerification], Sends = FeedbackKind.WishRejected, Ends = "不予受理" },
        new("Decide", [WishState.AwaitingDecision], WishState.Handling, Permissions.ProjectsTown, "R-MW-03, R-MW-04",
            "专家评审或联席会议确定莞家速递办理，5个工作日内办理")
        {
            If = Express, Sends = FeedbackKind.WishDecision,
            Starts = [D(Obligations.WishExpressHandling, "WishExpressHandling", r => r.WishExpressHandling, Anchor<MicroWish>.Event)],
        },
        new("Decide", [WishState.AwaitingDecision], WishState.Routed, Permissions.ProjectsTown, "R-MW-03, R-RT-02",
            "专家评审或联席会议确定莞家直达办理，公布认领") { If = Direct, Sends = FeedbackKind.WishDecision },
        new("Decide", [WishState.AwaitingDecision], WishState.Routed, Permissions.ProjectsTown, "R-MW-03, R-RT-05",
            "专家评审或联席会议确定莞家驿站办理（普惠型服务）") { If = Station, Sends = FeedbackKind.WishDecision },
        new("ConnectClaim", [WishState.Routed], WishState.Handling, Permissions.ProjectsTown, "R-RT-03",
            "镇（街道）对接认领方与受助方，启动办理") { When = Direct, Meets = [Obligations.DirectStart] },
        new("ReturnUnclaimed", [WishState.Routed], WishState.Handling, "system", "R-RT-04", "无人认领，纳入专项资金按流程办理（莞家速递）")
        {
            If = Express, Sends = FeedbackKind.ClaimReturned,
            Starts = [D(Obligations.WishExpressHandling, "WishExpressHandling", r => r.WishExpressHandling, Anchor<MicroWish>.Now)],
        },
        // R-MW-05: the social-work point's service record completes a wish the station took on.
        new("ServeAtStation", [WishState.Routed], WishState.Completed, Permissions.StationsManage, "R-MW-05, R-ST-08",
            "社工服务点完成服务，驿站负责人记录服务情况")
            { When = Station, Starts = [D(Obligations.WishResultFeedback, "WishResultFeedback", r => r.WishResultFeedback, Anchor<MicroWish>.Event)] },
        new("Complete", [WishState.Handling], WishState.Completed, Permissions.ProjectsTown, "R-MW-04",
            "办理完成")
        {
            Meets = [Obligations.WishExpressHandling],
            Starts = [D(Obligations.WishResultFeedback, "WishResultFeedback", r => r.WishResultFeedback, Anchor<MicroWish>.Event)],
        },
        new("Close", [WishState.Completed], WishState.Closed, Permissions.ProjectsTown, "R-MW-05",
            "反馈办理结果") { Meets = [Obligations.WishResultFeedback], Sends = FeedbackKind.WishResult },
    ];

    public static readonly Workflow<MicroWish, WishState> Workflow = new("MicroWish", w => w.State, (w, s) => w.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static bool IsTerminal(WishState s) => s is WishState.Closed or WishState.PolicyReferred or WishState.Rejected;

    public static string Zh(WishState s) => s switch
    {
        WishState.New => "新建",
        WishState.AwaitingVerification => "待镇（街道）核查",
        WishState.AwaitingDecision => "核查属实，待评审确定办理方式",
        WishState.Handling => "办理中",
        WishState.Completed => "已办理完成，待反馈结果",
        WishState.Closed => "已办结",
        WishState.PolicyReferred => "转现行政策办理",
        WishState.Rejected => "不予受理",
        WishState.Routed => "转莞家直达或莞家驿站办理",
        _ => s.ToString(),
    };
}

/// <summary>The documents' Chinese names for the wish's groups and services (R-MW-01).</summary>
public static class WishTerms
{
    public static string Zh(TargetGroup g) => g switch
    {
        TargetGroup.MinimumLivingAllowance => "低保对象", TargetGroup.ExtremelyPoor => "特困人员", TargetGroup.VeryOld => "高龄老人",
        TargetGroup.LonelyElderly => "孤寡老人", TargetGroup.Disabled => "残疾人", TargetGroup.LowIncomeFamily => "低收入家庭",
        TargetGroup.SingleMother => "困难单亲母亲", TargetGroup.Veteran => "困难退役军人", TargetGroup.ChildInDifficulty => "困境儿童",
        TargetGroup.LeftBehindChild => "留守儿童", TargetGroup.StreetMinor => "流浪乞讨未成年人", TargetGroup.FamilyInDifficulty => "困难家庭",
        TargetGroup.SuddenHardship => "因突发事件、意外伤害、重大疾病等陷入困境的人员（含非户籍常住人口）", _ => g.ToString(),
    };

    /// <summary>002 §二(二)1's words: 临时生活救助、医疗救助、养老扶助、教育扶助、就业扶助、住房保障.</summary>
    public static string Zh(AssistanceType a) => a switch
    {
        AssistanceType.LivingAid => "临时生活救助", AssistanceType.MedicalAid => "医疗救助", AssistanceType.ElderlySupport => "养老扶助",
        AssistanceType.EducationAid => "教育扶助", AssistanceType.EmploymentAid => "就业扶助", AssistanceType.Housing => "住房保障", _ => a.ToString(),
    };

    public static string Zh(InclusiveServiceType s) => s switch
    {
        InclusiveServiceType.Counselling => "心理疏导", InclusiveServiceType.RightsProtection => "权益维护",
        InclusiveServiceType.YouthBehaviour => "青少年行为偏差纠正", InclusiveServiceType.MarriageRepair => "婚姻关系修复",
        InclusiveServiceType.FamilyRelations => "家庭和亲子关系调适", InclusiveServiceType.EmploymentHelp => "就业援助",
        InclusiveServiceType.MedicalPolicyAdvice => "医疗政策咨询", InclusiveServiceType.ResourceLinking => "资源链接及服务转介",
        InclusiveServiceType.HospiceCare => "安宁疗护", _ => s.ToString(),
    };
}
