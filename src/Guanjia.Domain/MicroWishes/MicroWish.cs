using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
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
public sealed class MicroWish : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid AppealId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int RulesVersion { get; set; }
    public WishState State { get; set; }
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
}

/// <summary>The wish's process as one table, like the micro-project's (R-MW-02..05).</summary>
public static class WishWorkflow
{
    public sealed record Transition(string Action, WishState[] From, WishState[] To, string Permission, string[] Meets, string[] Starts, string Rule, string Zh);

    public static readonly IReadOnlyList<Transition> Table =
    [
        new("Verify", [WishState.AwaitingVerification], [WishState.AwaitingDecision, WishState.PolicyReferred, WishState.Rejected],
            Permissions.ProjectsTown, [Obligations.WishVerification], [], "R-MW-02, R-IN-05", "镇（街道）会同相关部门核查真实性、合理性和资金预算"),
        new("Decide", [WishState.AwaitingDecision], [WishState.Handling, WishState.Routed], Permissions.ProjectsTown, [],
            [Obligations.WishExpressHandling, Obligations.DirectPublication], "R-MW-03, R-MW-04, R-RT-02", "专家评审或联席会议确定办理方式、资助金额、资助方式"),
        new("ConnectClaim", [WishState.Routed], [WishState.Handling], Permissions.ProjectsTown, [Obligations.DirectStart], [],
            "R-RT-03", "镇（街道）对接认领方与受助方，启动办理"),
        new("ReturnUnclaimed", [WishState.Routed], [WishState.Handling], Permissions.ClaimsPublish, [],
            [Obligations.WishExpressHandling], "R-RT-04", "无人认领，纳入专项资金按流程办理"),
        new("Complete", [WishState.Handling], [WishState.Completed], Permissions.ProjectsTown, [Obligations.WishExpressHandling],
            [Obligations.WishResultFeedback], "R-MW-04", "办理完成"),
        new("Close", [WishState.Completed], [WishState.Closed], Permissions.ProjectsTown, [Obligations.WishResultFeedback], [],
            "R-MW-05", "反馈办理结果"),
    ];

    public static Transition? Find(string action, WishState state) => Table.FirstOrDefault(t => t.Action == action && t.From.Contains(state));
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
        TargetGroup.SuddenHardship => "因突发事件、意外事故、重大疾病陷入困境的群众", _ => g.ToString(),
    };

    public static string Zh(InclusiveServiceType s) => s switch
    {
        InclusiveServiceType.Counselling => "心理疏导", InclusiveServiceType.RightsProtection => "权益维护",
        InclusiveServiceType.YouthBehaviour => "青少年不良行为矫正", InclusiveServiceType.MarriageRepair => "婚姻修复",
        InclusiveServiceType.FamilyRelations => "家庭及亲子关系调适", InclusiveServiceType.EmploymentHelp => "就业帮扶",
        InclusiveServiceType.MedicalPolicyAdvice => "医疗政策咨询", InclusiveServiceType.ResourceLinking => "资源链接与转介",
        InclusiveServiceType.HospiceCare => "临终关怀", _ => s.ToString(),
    };
}
