using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.MicroProjects;

/// <summary>A 民生微实事 from the committee's decision to its closing (003 §二).</summary>
public sealed class MicroProject : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }

    /// <summary>Public project number, e.g. MS2026-000123.</summary>
    public required string Number { get; set; }
    public Guid AppealId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int RulesVersion { get; set; }
    /// <summary>Moved only by <see cref="ProjectWorkflow"/>.</summary>
    public ProjectState State { get; internal set; }
    public CollectionKind Collection { get; set; }
    public int Year { get; set; }

    // From the appeal until the registration form names it properly.
    public required string Name { get; set; }
    public ProjectCategory? Category { get; set; }
    public ProjectSubType? SubType { get; set; }
    public string? Content { get; set; }
    public ProposalSource? Source { get; set; }
    public string? Location { get; set; }
    public string? ContactName { get; set; }
    public string? ContactTitle { get; set; }
    public string? ContactPhone { get; set; }

    // Settled by the passed consultation (R-MS-05).
    public Guid? ConsultationId { get; set; }
    public DateTimeOffset? ConsultedAt { get; set; }
    public string? Beneficiaries { get; set; }
    public Route? Route { get; set; }
    public ExpressForm? ExpressForm { get; set; }
    public string? PairedUnit { get; set; }

    /// <summary>R-RT-02: why a direct-route item below the programme's hint still needs society's help.</summary>
    public string? DirectRouteReason { get; set; }
    public long? BudgetFen { get; set; }
    public string? FundingSources { get; set; }
    public string? ImplementingBody { get; set; }
    public string? ImplementationPeriod { get; set; }

    /// <summary>Under the threshold when filed: the village implements and publicises it itself (R-MS-07).</summary>
    public bool? IsSmall { get; set; }
    public string? CapOverrideReason { get; set; }
    public DateTimeOffset? CommitteeDecidedAt { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }

    // The town's review (R-MS-08..10).
    public DateTimeOffset? ReviewedAt { get; set; }
    public ReviewDecision? ReviewDecision { get; set; }
    public bool? CheckConsultationCompliant { get; set; }
    public bool? CheckBudgetReasonable { get; set; }
    public bool? CheckRouteFeasible { get; set; }
    public bool? CheckResolvableByPolicy { get; set; }
    public string? ReviewOpinion { get; set; }
    public string? PolicyDepartment { get; set; }
    public string? PolicyContact { get; set; }

    /// <summary>The village's note on its policy check at filing, for a project the town does not review (R-IN-05).</summary>
    public string? PolicyCheckNote { get; set; }

    /// <summary>R-MS-20: where the money comes from, and whose budget or fund it is, as the town's opinion states it.</summary>
    public FundingChannel? Funding { get; set; }
    public string? FundingPayer { get; set; }

    // Publicity and implementation (R-MS-11, R-MS-12).
    public DateTimeOffset? PublicityFrom { get; set; }
    public DateTimeOffset? PublicityTo { get; set; }
    public string? PublicityPlatforms { get; set; }

    /// <summary>R-MS-11: why a linked platform was left out of a confirmed project's publicity.</summary>
    public string? PlatformOverrideReason { get; set; }
    public DateTimeOffset? ImplementationStartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    // The completion form (R-MS-13).
    public DateTimeOffset? CompletionFiledAt { get; set; }
    public string? CompletionFormJson { get; set; }
    public long? ActualProgrammeFen { get; set; }
    public long? ActualVillageFen { get; set; }
    public long? ActualSocialFen { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    // The final accounts and audit after completion, published with the fund use and effect (R-MS-19).
    public long? FinalAccountsFen { get; set; }
    public string? AuditResult { get; set; }
    public string? AuditBody { get; set; }
    public string? Effect { get; set; }
    public DateTimeOffset? FinalAccountsAt { get; set; }

    /// <summary>Confirmed items of concentrated collection go into the town's pool for the year (R-MS-17).</summary>
    public bool InAnnualPool { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>yyyyMM of the local (Beijing) date made, so statistics group and filter by month in an index.</summary>
    public int CreatedMonth { get; set; }

    /// <summary>
    /// What the funds ledger has paid to the project, net of reversals: the sum of its Expenditure lines, kept by the
    /// ledger's posting in the same save (ADR 0015), so statistics sum it without reading the ledger.
    /// </summary>
    public long LedgerPaidFen { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("MicroProject", Id, Number);
}

/// <summary>One consultation meeting or assembly vote with the registration form's fields (R-MS-05, R-MS-06).</summary>
public sealed class Consultation : IScoped
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string ScopePath { get; set; }
    public ConsultationKind Kind { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public required string Place { get; set; }
    public required string Host { get; set; }
    public required string Recorder { get; set; }
    public ConsultationForm Form { get; set; }
    public string? FormOther { get; set; }
    public required string ParticipantTypes { get; set; }
    public int HeadCount { get; set; }
    public bool Passed { get; set; }
    public string? Content { get; set; }
    public string? Beneficiaries { get; set; }
    public Route? Route { get; set; }
    public long? BudgetFen { get; set; }
    public string? FundingSources { get; set; }
    public string? ImplementingBody { get; set; }
    public string? ImplementationPeriod { get; set; }
    public string? FailureNote { get; set; }
    public string? FeasibilityStudy { get; set; }
    public Guid MinutesAttachmentId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
}

/// <summary>A town department's opinion in the review, with its sign-off (R-MS-08, R-MS-09).</summary>
public sealed class DepartmentOpinion : IScoped
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string ScopePath { get; set; }
    public Guid DepartmentId { get; set; }
    public required string DepartmentName { get; set; }
    public required string Opinion { get; set; }
    public bool Agrees { get; set; }
    public bool SignedOff { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
}

/// <summary>A progress update during implementation, with photos as attachments.</summary>
public sealed class ProgressReport : IScoped
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string ScopePath { get; set; }
    public required string Text { get; set; }
    public int? PercentDone { get; set; }
    public string? PhotoIds { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
}

/// <summary>
/// One filled questionnaire of attachment 3 (R-MS-14): seven aspects on five levels, and the optional 其他. Its subject is a
/// micro project, or a purchased-service contract whose third-party evaluation surveys the beneficiaries (R-PS-06, ADR 0036):
/// exactly one of <see cref="ProjectId"/> and <see cref="ContractId"/> is set.
/// </summary>
public sealed class SurveyResponse : IScoped
{
    public Guid Id { get; set; }
    public Guid? ProjectId { get; set; }

    /// <summary>The purchased-service contract whose beneficiaries answered (R-PS-06), when the subject is not a project.</summary>
    public Guid? ContractId { get; set; }
    public required string ScopePath { get; set; }
    public SatisfactionLevel Overall { get; set; }
    public SatisfactionLevel Quality { get; set; }
    public SatisfactionLevel Effect { get; set; }
    public SatisfactionLevel Attitude { get; set; }
    public SatisfactionLevel Efficiency { get; set; }
    public SatisfactionLevel Closeness { get; set; }
    public SatisfactionLevel Openness { get; set; }

    /// <summary>The questionnaire's optional eighth row 其他: a level for an aspect the respondent names (R-MS-14).</summary>
    public SatisfactionLevel? Other { get; set; }
    public string? OtherAspect { get; set; }
    public string? Suggestion { get; set; }
    [Sensitive] public string? Signature { get; set; }

    /// <summary>Paper (entered by staff) or online (one per verified phone, kept as a hash).</summary>
    public bool Online { get; set; }
    public string? RespondentKeyHash { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? EnteredById { get; set; }

    public static readonly string[] Aspects = ["overall", "quality", "effect", "attitude", "efficiency", "closeness", "openness"];

    public SatisfactionLevel[] Ratings => [Overall, Quality, Effect, Attitude, Efficiency, Closeness, Openness];
}

/// <summary>
/// The town commissions a third-party evaluator to run a project's satisfaction survey (002 §四(四)3, R-MS-18): the
/// evaluator then sees that project's survey and enters its responses, and nothing else of the town's.
/// </summary>
public sealed class SurveyCommission : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid EvaluatorId { get; set; }
    public required string ScopePath { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CommissionedAt { get; set; }
    public string? CommissionedBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public int Version { get; set; }
}
