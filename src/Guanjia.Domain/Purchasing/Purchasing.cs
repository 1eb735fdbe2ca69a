using Guanjia.Domain.Common;

namespace Guanjia.Domain.Purchasing;

// Government purchase of community services (004; ADR 0041). Where each record lives in the scope tree:
// - the bureau's own records (budget lines, packages, tenders) at the bureau's path: only the jurisdiction's top sees them;
// - a contract and what hangs on it (instalments, reports, inspections, rectifications, penalties) at the contractor's
//   path, so the contractor sees its own and the bureau sees all;
// - an evaluation at the evaluator's path, so the evaluator sees only what it was commissioned for.

/// <summary>A qualification a contractor holds (资质): what, its number, who issued it, until when.</summary>
public sealed record Qualification(string? Name, string? Number, string? Issuer, DateOnly? ValidUntil);

/// <summary>A contact person of a contractor.</summary>
public sealed record ContractorContact(string? Name, string? Title, string? Phone);

/// <summary>R-PS-01: the registry entry of a contractor (承接方); the organisation itself is a node of the tree.</summary>
public sealed class ContractorProfile : IScoped, IVersioned
{
    public Guid OrganizationId { get; set; }
    public required string ScopePath { get; set; }
    public ContractorKind Kind { get; set; }

    /// <summary>统一社会信用代码, checked by its GB 32100 check character; unique.</summary>
    public required string CreditCode { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }

    /// <summary>The kinds of service it offers (R-PS-02), comma-joined.</summary>
    public required string ServiceContents { get; set; }
    public required string QualificationsJson { get; set; }
    public required string ContactsJson { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>R-PS-08: the bureau's budget line for the year (年初预算), from which its purchase contracts are paid.</summary>
public sealed class BudgetLine : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid BureauId { get; set; }
    public required string ScopePath { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>R-PS-03: a purchase package (购买服务包): communities tendered together to one contractor for a period.</summary>
public sealed class ServicePackage : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid BureauId { get; set; }
    public required string ScopePath { get; set; }
    public required string Name { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>R-PS-02: what is bought, comma-joined.</summary>
    public required string Contents { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool Overlaps(DateOnly start, DateOnly end) => PeriodStart <= end && start <= PeriodEnd;
}

/// <summary>A community of a package, with the package's period copied so "one package per period" is one indexed query (R-PS-03).</summary>
public sealed class PackageCommunity : IScoped
{
    public Guid PackageId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
}

/// <summary>A bidder of a tender: a registered contractor and its bid.</summary>
public sealed record Bidder(Guid? ContractorId, long? BidFen);

/// <summary>The tender record of a package: method, date, bidders, winner, amount (R-PS-03, R-PS-08).</summary>
public sealed class TenderRecord : IScoped
{
    public Guid Id { get; set; }
    public Guid PackageId { get; set; }
    public required string ScopePath { get; set; }
    public TenderMethod Method { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Agency { get; set; }
    public required string BiddersJson { get; set; }
    public Guid WinnerId { get; set; }
    public long AmountFen { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>A performance indicator of a contract (绩效评估指标): what is measured and the target.</summary>
public sealed record PerformanceIndicator(string? Name, IndicatorCategory? Category, string? Target);

/// <summary>A planned inspection (检查方案): by whom, of what, when.</summary>
public sealed record PlannedInspection(InspectionBody? Body, string? Subject, DateOnly? PlannedOn);

/// <summary>A penalty clause of the contract (按合同约定予以处罚): its number, what it punishes, the most it may cost.</summary>
public sealed record PenaltyClause(string? Code, string? Description, long? MaxFen);

/// <summary>
/// The purchase agreement with a contractor (政府购买服务协议): term, amount in fen, instalments tied to acceptance,
/// performance indicators, inspection plan and penalty clauses (R-PS-06, R-PS-07, R-PS-08).
/// </summary>
public sealed class ServiceContract : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }

    /// <summary>GM2026-0001: the system's number; <see cref="AgreementNumber"/> is the paper's own.</summary>
    public required string Number { get; set; }
    public string? AgreementNumber { get; set; }
    public Guid PackageId { get; set; }
    public Guid TenderId { get; set; }
    public Guid ContractorId { get; set; }
    public Guid BureauId { get; set; }

    /// <summary>The contractor's path: the contractor sees its own contracts, the bureau all of them.</summary>
    public required string ScopePath { get; set; }
    public int BudgetYear { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public long AmountFen { get; set; }
    public required string IndicatorsJson { get; set; }
    public required string InspectionPlanJson { get; set; }
    public required string PenaltyClausesJson { get; set; }
    /// <summary>Moved only by <see cref="PurchasingWorkflows"/>.</summary>
    public ContractState State { get; internal set; }

    /// <summary>The jurisdiction's configuration it was signed under: its reporting days never move.</summary>
    public int RulesVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    // The workflow's view (PurchasingWorkflows): deadlines on this record; no appeal, village or programme rule set takes part.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(ServiceContract), Id, Number);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>
/// One instalment of a contract's payment schedule, payable only once the bureau accepts its milestone. A ledger payment
/// points to it by <see cref="Id"/>; what may still be paid is <see cref="AmountDueFen"/>: the amount less the penalties
/// recorded against it and what was paid.
/// </summary>
public sealed class ContractInstalment : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public required string ScopePath { get; set; }
    public int Seq { get; set; }
    public required string Name { get; set; }
    public long AmountFen { get; set; }
    public InstalmentMilestone Milestone { get; set; }
    public DateOnly? PlannedOn { get; set; }
    /// <summary>Moved only by <see cref="PurchasingWorkflows"/>.</summary>
    public InstalmentState State { get; internal set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByName { get; set; }
    public string? AcceptanceNote { get; set; }

    /// <summary>Penalties recorded against this instalment (R-PS-06), kept in the same save as each penalty.</summary>
    public long PenaltyFen { get; set; }

    /// <summary>What the ledger has paid against it (kept by the ledger's payments; 0 until they exist).</summary>
    public long PaidFen { get; set; }
    public int Version { get; set; }

    public long AmountDueFen => Math.Max(0, AmountFen - PenaltyFen - PaidFen);

    // The workflow's view (PurchasingWorkflows): deadlines on this record; no appeal, village or programme rule set takes part.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(ContractInstalment), Id, Name);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>The structured summary a report is uploaded with: what was done and for how many, what went well and wrong, what comes next.</summary>
public sealed record ReportSummary(int? PeopleServed, int? ServiceSessions, int? Activities, int? HomeVisits, string? Highlights, string? Problems,
    string? NextPlan);

/// <summary>
/// A report of the contractor to the bureau (R-CA-12, R-PS-05): the monthly brief, mid-term and final reports are rows from
/// the signing on (state Due, each with its deadline); a major event is filed at once and reaches the town and the bureau.
/// </summary>
public sealed class ContractReport : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public required string ScopePath { get; set; }
    public ReportKind Kind { get; set; }

    /// <summary>yyyy-MM for a monthly brief, "mid" and "final" for the others: one each per contract; null for a major event.</summary>
    public string? Period { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Moved only by <see cref="PurchasingWorkflows"/>.</summary>
    public ReportState State { get; internal set; }
    public DateTimeOffset? FiledAt { get; set; }
    public Guid? FiledById { get; set; }
    public string? FiledByName { get; set; }
    public string? SummaryJson { get; set; }
    public Guid? AttachmentId { get; set; }
    public string? LateReason { get; set; }

    // A major event: what, when, where; the town it reached and when it was delivered to the town and the bureau.
    public string? Title { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public Guid? TownId { get; set; }
    public string? TownPath { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    // The workflow's view (PurchasingWorkflows): deadlines on this record; no appeal, village or programme rule set takes part.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(ContractReport), Id, Period ?? Title ?? "");
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>
/// The bureau's (or, for a major event, the town's) acknowledgement of a report, kept in the acknowledging unit's scope, so a
/// street acknowledges what a contractor sent without writing into the contractor's records.
/// </summary>
public sealed class ReportAcknowledgement : IScoped
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public AcknowledgingParty Party { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByName { get; set; }
    public string? Note { get; set; }
}

/// <summary>An inspection by civil affairs, finance or audit (R-PS-05), with its findings (each a rectification).</summary>
public sealed class Inspection : IScoped
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public required string ScopePath { get; set; }
    public InspectionBody Body { get; set; }
    public DateOnly InspectedOn { get; set; }
    public string? Inspectors { get; set; }
    public required string Summary { get; set; }
    public int FindingCount { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>An indicator of an evaluation: its weight in percent and, once scored, its score out of 100.</summary>
public sealed record EvaluationIndicator(string? Name, IndicatorCategory? Category, int? WeightPercent, string? Criteria, decimal? Score, string? Comment);

/// <summary>A finding of an evaluation or an inspection, and by when the evaluator suggests it be put right.</summary>
public sealed record Finding(string? Description, DateOnly? DueOn, string? PenaltyClause);

/// <summary>
/// R-PS-06: the independent third-party evaluation of a contract on an indicator set with weights; real effect and beneficiaries'
/// satisfaction carry the jurisdiction's minimum weights. Its findings become rectifications when the bureau accepts it.
/// </summary>
public sealed class ThirdPartyEvaluation : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public Guid ContractorId { get; set; }
    public Guid EvaluatorId { get; set; }

    /// <summary>The evaluator's path: it sees only the evaluations it was commissioned for.</summary>
    public required string ScopePath { get; set; }
    public required string IndicatorsJson { get; set; }
    /// <summary>Moved only by <see cref="PurchasingWorkflows"/>.</summary>
    public EvaluationState State { get; internal set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset CommissionedAt { get; set; }
    public DateTimeOffset? ScoredAt { get; set; }
    public decimal? TotalScore { get; set; }
    public Grade? Grade { get; set; }

    /// <summary>The beneficiaries' satisfaction survey behind the satisfaction indicators: how many answered, the rate in percent.</summary>
    public int? SurveyRespondents { get; set; }
    public decimal? SurveySatisfactionPercent { get; set; }
    public string? Summary { get; set; }
    public string? FindingsJson { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public int RulesVersion { get; set; }
    public int Version { get; set; }

    // The workflow's view (PurchasingWorkflows): deadlines on this record; no appeal, village or programme rule set takes part.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(ThirdPartyEvaluation), Id, "");
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>R-PS-06: a finding tracked to its correction: due date, the contractor's evidence, the bureau's closure.</summary>
public sealed class Rectification : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public required string ScopePath { get; set; }
    public FindingSource Source { get; set; }
    public Guid SourceId { get; set; }
    public required string Finding { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Moved only by <see cref="PurchasingWorkflows"/>.</summary>
    public RectificationState State { get; internal set; }
    public string? Evidence { get; set; }

    /// <summary>Attachment ids of the evidence, comma-joined.</summary>
    public string? EvidenceAttachmentIds { get; set; }
    public DateTimeOffset? EvidenceAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }
    public string? ClosureNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    // The workflow's view (PurchasingWorkflows): deadlines on this record; no appeal, village or programme rule set takes part.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (nameof(Rectification), Id, Finding);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>R-PS-06: a penalty under a contract clause, recorded against the next instalment not yet paid in full.</summary>
public sealed class ContractPenalty : IScoped
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public Guid InstalmentId { get; set; }
    public required string ScopePath { get; set; }
    public required string ClauseCode { get; set; }
    public long AmountFen { get; set; }
    public required string Reason { get; set; }
    public Guid? RectificationId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}
