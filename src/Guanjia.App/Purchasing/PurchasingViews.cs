using Guanjia.App.Deadlines;
using Guanjia.App.MicroProjects;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;

namespace Guanjia.App.Purchasing;

public sealed record ContractorListItem(Guid Id, string Name, ContractorKind Kind, string KindZh, string CreditCode, IReadOnlyList<ServiceContent> ServiceContents,
    int Contracts, int Version);

public sealed record ContractorView(Guid Id, string Name, ContractorKind Kind, string KindZh, string CreditCode, string? LegalRepresentative, string? Address,
    string? Phone, IReadOnlyList<ServiceContent> ServiceContents, IReadOnlyList<Qualification> Qualifications, IReadOnlyList<ContractorContact> Contacts,
    string? Note, int Version, IReadOnlyList<ContractSummary> Contracts, IReadOnlyList<EvaluationSummary> Evaluations, IReadOnlyList<PenaltyView> Penalties,
    long PenaltyTotalFen, int OpenRectifications);

public sealed record BudgetLineView(Guid Id, int Year, long AmountFen, long CommittedFen, long RemainingFen, string? DocumentNumber, string? Note, int Version);

public sealed record NamedRef(Guid Id, string Name);

/// <summary>R-PS-04: a street of the package, its communities, and the workstation staff it needs at the jurisdiction's ratio.</summary>
public sealed record PackageTownView(Guid TownId, string TownName, IReadOnlyList<NamedRef> Communities, int WorkersNeeded);

public sealed record PackageView(Guid Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<ServiceContent> Contents, string? Note,
    int CommunityCount, IReadOnlyList<PackageTownView> Towns, decimal CommunitiesPerWorker, int WorkersNeeded, int ManagersNeeded, int SupervisorsNeeded,
    Guid? TenderId, Guid? ContractId, int Version);

public sealed record BidderView(Guid? ContractorId, string? Name, long? BidFen);

public sealed record TenderView(Guid Id, Guid PackageId, string PackageName, TenderMethod Method, string MethodZh, DateOnly HeldOn, string? Agency,
    IReadOnlyList<BidderView> Bidders, Guid WinnerId, string WinnerName, long AmountFen, string? Note, DateTimeOffset RecordedAt, string RecordedByName);

public sealed record ContractSummary(Guid Id, string Number, string? AgreementNumber, Guid PackageId, string PackageName, Guid ContractorId, string ContractorName,
    DateOnly SignedOn, DateOnly TermStart, DateOnly TermEnd, long AmountFen, int BudgetYear, ContractState State);

/// <summary>
/// An instalment as the ledger needs it: accepted or not, and what may be paid — the amount less the penalties recorded against it
/// and what was paid already (<c>payable</c> when accepted and something is due).
/// </summary>
public sealed record InstalmentView(Guid Id, Guid ContractId, string ContractNumber, Guid ContractorId, int Seq, string Name, long AmountFen,
    InstalmentMilestone Milestone, string MilestoneZh, DateOnly? PlannedOn, InstalmentState State, DateTimeOffset? AcceptedAt, string? AcceptedByName,
    string? AcceptanceNote, long PenaltyFen, long PaidFen, long AmountDueFen, bool Payable, int Version);

public sealed record AcknowledgementView(AcknowledgingParty Party, Guid OrganizationId, string? OrganizationName, DateTimeOffset At, string ByName, string? Note);

public sealed record ReportView(Guid Id, Guid ContractId, string ContractNumber, ReportKind Kind, string KindZh, string? Period, DateTimeOffset? DueAt,
    ReportState State, DateTimeOffset? FiledAt, string? FiledByName, bool Late, bool Overdue, string? LateReason, ReportSummary? Summary, Guid? AttachmentId,
    string? Title, DateTimeOffset? OccurredAt, Guid? TownId, string? TownName, DateTimeOffset? DeliveredAt, IReadOnlyList<AcknowledgementView> Acknowledgements,
    bool AwaitingAcknowledgement, int Version);

public sealed record InspectionView(Guid Id, Guid ContractId, string ContractNumber, InspectionBody Body, string BodyZh, DateOnly InspectedOn, string? Inspectors,
    string Summary, int FindingCount, DateTimeOffset RecordedAt, string RecordedByName);

public sealed record EvaluationSummary(Guid Id, Guid ContractId, string ContractNumber, Guid EvaluatorId, string EvaluatorName, EvaluationState State,
    decimal? TotalScore, Grade? Grade, string? GradeZh, DateTimeOffset? ScoredAt);

public sealed record EvaluationView(Guid Id, Guid ContractId, string ContractNumber, Guid ContractorId, string ContractorName, string PackageName,
    DateOnly TermStart, DateOnly TermEnd, Guid EvaluatorId, string EvaluatorName, IReadOnlyList<EvaluationIndicator> Indicators, int EffectWeightPercent,
    int SatisfactionWeightPercent, EvaluationState State, DateOnly? DueOn, DateTimeOffset CommissionedAt, DateTimeOffset? ScoredAt, decimal? TotalScore,
    Grade? Grade, string? GradeZh, int? SurveyRespondents, decimal? SurveySatisfactionPercent, string? Summary, IReadOnlyList<Finding> Findings,
    DateTimeOffset? AcceptedAt, int Version);

public sealed record RectificationView(Guid Id, Guid ContractId, string ContractNumber, FindingSource Source, Guid SourceId, string Finding, DateOnly DueOn,
    RectificationState State, string StateZh, string? Evidence, IReadOnlyList<Guid> EvidenceAttachmentIds, DateTimeOffset? EvidenceAt, DateTimeOffset? ClosedAt,
    string? ClosedByName, string? ClosureNote, bool Overdue, int Version);

public sealed record PenaltyView(Guid Id, Guid ContractId, string ContractNumber, Guid InstalmentId, string InstalmentName, string ClauseCode, long AmountFen,
    string Reason, Guid? RectificationId, DateTimeOffset RecordedAt, string RecordedByName);

public sealed record ContractView(Guid Id, string Number, string? AgreementNumber, Guid PackageId, string PackageName, Guid TenderId, Guid ContractorId,
    string ContractorName, int BudgetYear, DateOnly SignedOn, DateOnly TermStart, DateOnly TermEnd, long AmountFen, ContractState State, int RulesVersion,
    IReadOnlyList<PerformanceIndicator> Indicators, IReadOnlyList<PlannedInspection> InspectionPlan, IReadOnlyList<PenaltyClause> PenaltyClauses,
    IReadOnlyList<InstalmentView> Instalments, IReadOnlyList<ReportView> Reports, IReadOnlyList<InspectionView> Inspections,
    IReadOnlyList<RectificationView> Rectifications, IReadOnlyList<PenaltyView> Penalties, EvaluationSummary? Evaluation,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<DeadlineView> Deadlines, int Version);
