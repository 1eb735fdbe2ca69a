using Guanjia.Domain.Common;

namespace Guanjia.Domain.CivilAffairs;

/// <summary>Moved only by <see cref="CaseFileWorkflow"/>; New is never saved.</summary>
public enum CaseStatus { New = 0, InCare = 1, LeftCare = 2, Died = 3, TransferredOut = 4 }

public enum Relation { Head = 1, Spouse = 2, Child = 3, Parent = 4, Grandchild = 5, Grandparent = 6, Sibling = 7, Other = 9 }

public enum VisitMode { Home = 1, Phone = 2, Video = 3 }

public enum MentalState { Good = 1, Fair = 2, Poor = 3 }

public enum BasicLiving { Secure = 1, Difficult = 2, Urgent = 3 }

/// <summary>Home-safety hazards checked on a visit (居所安全隐患排查).</summary>
public enum Hazard { Electrical = 1, Gas = 2, Fire = 3, Structure = 4, Slippery = 5, Hygiene = 6, Other = 9 }

/// <summary>Care given on a visit (001 §三(一)5).</summary>
public enum CareGiven { Meals = 1, Water = 2, Medicine = 3, Dressing = 4, Washing = 5, Bathing = 6, Toileting = 7, SickCare = 8 }

public enum SuddenChange { None = 0, Fall = 1, HospitalStay = 2, Other = 9 }

public enum ProblemArea { Living = 1, Housing = 2, Medical = 3, Education = 4, Employment = 5, Safety = 6, Other = 9 }

public enum ProblemSource { Visit = 1, Screening = 2 }

public enum AssessmentReason { Yearly = 1, SuddenChange = 2, Initial = 3 }

public enum ScreeningMethod { DataComparison = 1, HomeVisits = 2, ActiveDiscovery = 3 }

public enum InvestigationMethod { HomeVisit = 1, NeighbourInterview = 2, DataCheck = 3 }

public enum TownDecision { Pending = 1, StatusChangeStarted = 2, NoChange = 3 }

public enum LinkKind { Policy = 1, Charity = 2 }

public enum LinkSource { CivilAffairs = 1, Education = 2, Employment = 3, Health = 4, Organisation = 11, Firm = 12, Individual = 13 }

/// <summary>Moved only by <see cref="ResourceLinkWorkflow"/>; New is never saved.</summary>
public enum LinkState { New = 0, Linked = 1, Succeeded = 2, Failed = 3 }

public enum PlanKind { Individual = 1, Group = 2, Community = 3 }

/// <summary>Moved only by <see cref="CasePlanWorkflow"/>; New is never saved.</summary>
public enum PlanState { New = 0, Open = 1, Closed = 2 }

public enum PlanEntryKind { Action = 1, FollowUp = 2, Feedback = 3, Evaluation = 4 }

public enum Satisfaction { VerySatisfied = 1, Satisfied = 2, Neutral = 3, Dissatisfied = 4, VeryDissatisfied = 5 }

/// <summary>Moved only by <see cref="TransferRequestWorkflow"/>; New is never saved.</summary>
public enum TransferState { New = 0, Pending = 1, Accepted = 2, Refused = 3 }

/// <summary>
/// A township civil-affairs service station (民政服务站, R-CA-01): one per town, named "××镇(街道)民政服务站". Kept simple
/// on purpose: issue 14 adds its contractor, venue, staff records and training to this entity.
/// </summary>
public sealed class CivilAffairsStation : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }

    /// <summary>The town's path: the station serves every village of its town.</summary>
    public required string ScopePath { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    /// <summary>The station's public contact phone (shown on its public page; workers' own phones never are).</summary>
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    // Issue 14 (R-CA-01, R-CA-14, R-PS-04; ADR 0042): what the station is, who runs it, where, what it offers and how to complain.

    /// <summary>The 001 民政服务站 or the 004 社会服务工作站 of the town (one station per town either way).</summary>
    public StationKind Kind { get; set; } = StationKind.CivilAffairsStation;

    /// <summary>The contractor that runs the station (承接方), when it is bought.</summary>
    public Guid? ContractorId { get; set; }

    /// <summary>The station's public contact person (联系人).</summary>
    public string? ContactName { get; set; }
    public string? Venue { get; set; }

    /// <summary>场所使用: opening hours and how residents may use the rooms.</summary>
    public string? VenueUse { get; set; }

    /// <summary>服务内容, one per line.</summary>
    public string? Services { get; set; }

    /// <summary>投诉建议方式.</summary>
    public string? ComplaintChannel { get; set; }

    /// <summary>服务流程.</summary>
    public string? ServiceProcess { get; set; }

    /// <summary>The communities (villages) the station covers, as a JSON array of ids; its staffing need is counted from them (R-PS-04).</summary>
    public string? CommunityIdsJson { get; set; }

    /// <summary>一站一品 (R-CA-14): the station's brand project and its own indicators.</summary>
    public string? BrandProject { get; set; }
    public string? BrandIndicators { get; set; }
}

/// <summary>A resident worker (驻站人员) linked to a station: a user of the role StationWorker at the station's town.</summary>
public sealed class StationWorker : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid StationId { get; set; }
    public Guid UserId { get; set; }
    public required string DisplayName { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }
    public int Version { get; set; }
}

/// <summary>A household of the casework, at an address in a village or community.</summary>
public sealed class CaseHousehold : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public required string Address { get; set; }

    /// <summary>Under the town's dynamic adjustment: investigated every month (R-CA-05).</summary>
    public bool UnderDynamicAdjustment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One person, one file (一人一档, R-CA-13). The ID number and the health details are encrypted at rest; the keyed hash
/// finds a person by number without decrypting anything (ADR 0024).
/// </summary>
public sealed class CaseFile : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid HouseholdId { get; set; }
    public Relation Relation { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public required string Name { get; set; }
    public DocumentKind DocumentKind { get; set; }
    [Sensitive] public required string DocumentCipher { get; set; }

    /// <summary>HMAC-SHA256 of the normalised document number under the lookup key.</summary>
    public required string DocumentHash { get; set; }

    /// <summary>The hash again while the file is open (in care), null after: unique, so one open file per person.</summary>
    public string? ActiveDocumentHash { get; set; }
    public required string DocumentMasked { get; set; }
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public bool LocalHukou { get; set; }
    public required string Address { get; set; }
    [Sensitive] public string? HealthCipher { get; set; }
    public int? DisabilityGrade { get; set; }
    public SelfCareResult? SelfCare { get; set; }
    public CareLevel? CareLevel { get; set; }
    /// <summary>Moved only by <see cref="CaseFileWorkflow"/>.</summary>
    public CaseStatus Status { get; internal set; }
    public DateOnly? StatusChangedOn { get; set; }
    public string? StatusNote { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public Guid? AssignedWorkerId { get; set; }

    /// <summary>In the 分散特困 category today: visited monthly (R-CA-08), assessed yearly (R-CA-07).</summary>
    public bool IsDispersedExtremelyPoor { get; set; }
    public bool IsExtremelyPoor { get; set; }
    public DateTimeOffset? LastVisitAt { get; set; }
    public DateTimeOffset? LastHomeVisitAt { get; set; }
    public DateOnly? LastAssessedOn { get; set; }
    public Guid? ScreeningId { get; set; }
    public int Version { get; set; }

    // The file's obligations (visits, assessments) are deadline rows on it; the ending rows cancel what is still open.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("CaseFile", Id, Number);
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>A category of a person with its validity period; several at once (低保 and 残疾人, say).</summary>
public sealed class CaseCategory : IScoped
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public required string ScopePath { get; set; }
    public required string Code { get; set; }
    public int? Grade { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Note { get; set; }

    public bool ValidOn(DateOnly d) => ValidFrom <= d && (ValidTo is null || ValidTo >= d);
}

/// <summary>One person, one plan (一人一策, R-CA-13): needs, goals, the kind of service, closure.</summary>
public sealed class CasePlan : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public required string ScopePath { get; set; }
    public PlanKind Kind { get; set; }
    public required string Needs { get; set; }
    public required string Goals { get; set; }
    /// <summary>Moved only by <see cref="CasePlanWorkflow"/>.</summary>
    public PlanState State { get; internal set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosureNote { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("CasePlan", Id, Id.ToString());
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>An action, follow-up, the person's feedback or the evaluation of a plan.</summary>
public sealed class CasePlanEntry : IScoped
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public required string ScopePath { get; set; }
    public PlanEntryKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A visit (探视巡访, R-CA-08) with its checklist. Health notes are encrypted.</summary>
public sealed class Visit : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public Guid? WorkerUserId { get; set; }
    public required string WorkerName { get; set; }
    public VisitMode Mode { get; set; }
    public DateTimeOffset VisitedAt { get; set; }

    /// <summary>yyyyMM of the Beijing date of the visit.</summary>
    public int Month { get; set; }
    [Sensitive] public string? HealthCipher { get; set; }
    public MentalState MentalState { get; set; }
    public BasicLiving BasicLiving { get; set; }
    public required string Hazards { get; set; }
    public required string CareGiven { get; set; }
    public string? Referrals { get; set; }
    public SuddenChange SuddenChange { get; set; }
    public string? SuddenChangeNote { get; set; }
    public string? Notes { get; set; }

    /// <summary>The key the phone made for this visit offline; a replay answers the same visit.</summary>
    public string? ClientKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A problem found on a visit or a screening, reported to the village and the town and tracked until answered.</summary>
public sealed class ReportedProblem : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public ProblemSource Source { get; set; }
    public Guid SourceId { get; set; }
    public Guid? CaseFileId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public ProblemArea Area { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>Screening problems go to the town only (R-CA-04); visit problems to both (R-CA-08).</summary>
    public bool VillageMustAnswer { get; set; }
    public string? VillageAnswer { get; set; }
    public DateTimeOffset? VillageAnsweredAt { get; set; }
    public string? VillageAnsweredBy { get; set; }
    public string? TownAnswer { get; set; }
    public DateTimeOffset? TownAnsweredAt { get; set; }
    public string? TownAnsweredBy { get; set; }
    public bool IsOpen { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>A self-care assessment (R-CA-07): six items, the result and the care level it sets; never edited, the history stays.</summary>
public sealed class SelfCareAssessment : IScoped
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly AssessedOn { get; set; }
    public AssessmentReason Reason { get; set; }
    public Guid? TriggerVisitId { get; set; }
    public bool Eating { get; set; }
    public bool Bathing { get; set; }
    public bool Dressing { get; set; }
    public bool Toileting { get; set; }
    public bool Transfer { get; set; }
    public bool Walking { get; set; }
    public int NotMet { get; set; }
    public SelfCareResult Result { get; set; }
    public CareLevel CareLevel { get; set; }
    public required string AssessorName { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A monthly means investigation of a household (R-CA-05). Members, income and health are encrypted together.</summary>
public sealed class MeansInvestigation : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int Month { get; set; }
    public DateOnly InvestigatedOn { get; set; }
    public required string Methods { get; set; }
    public required string Economy { get; set; }
    public required string Housing { get; set; }
    public string? Education { get; set; }

    /// <summary>Encrypted JSON: health and each member's employment, income, expenditure, hardship type and degree.</summary>
    [Sensitive] public required string DetailsCipher { get; set; }
    [Sensitive] public required string IncomePerHeadCipher { get; set; }
    public int MemberCount { get; set; }
    public long StandardFen { get; set; }
    public MeansFlag Flag { get; set; }
    public TownDecision Decision { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public required string InvestigatorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A village's monthly target screening (对象排查, R-CA-04).</summary>
public sealed class TargetScreening : IScoped
{
    public Guid Id { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int Month { get; set; }
    public DateOnly ScreenedOn { get; set; }
    public required string Methods { get; set; }
    public int HouseholdsChecked { get; set; }
    public int PeopleFound { get; set; }
    public string? Notes { get; set; }
    public required string RecordedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A referral of a person to policy aid or charity (资源链接, R-CA-09), tracked to its result.</summary>
public sealed class ResourceLink : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public required string ScopePath { get; set; }
    public LinkKind Kind { get; set; }
    public LinkSource Source { get; set; }
    public required string ProviderName { get; set; }

    /// <summary>A donor already known to the claim board (Claims.Claimant), when the charity is one.</summary>
    public Guid? ClaimantId { get; set; }
    public required string Need { get; set; }
    public DateOnly LinkedOn { get; set; }
    /// <summary>Moved only by <see cref="ResourceLinkWorkflow"/>.</summary>
    public LinkState State { get; internal set; }
    public string? Result { get; set; }
    public DateOnly? ResultOn { get; set; }
    public long? AmountFen { get; set; }
    public required string ByName { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("ResourceLink", Id, Id.ToString());
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>A town's quarterly policy evaluation (绩效评价, R-CA-06); its rates are computed from the interviews.</summary>
public sealed class PolicyEvaluation : IScoped
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public DateOnly EvaluatedOn { get; set; }
    public required string Methods { get; set; }
    public int Interviews { get; set; }
    public int StandardsRight { get; set; }
    public int PaymentsRight { get; set; }
    public int Aware { get; set; }
    public int Satisfied { get; set; }
    public string? Findings { get; set; }
    public required string RecordedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PolicyEvaluationInterview : IScoped
{
    public Guid Id { get; set; }
    public Guid EvaluationId { get; set; }
    public required string ScopePath { get; set; }
    public Guid? CaseFileId { get; set; }
    public bool StandardRight { get; set; }
    public bool PaymentRight { get; set; }
    public bool AwareOfPolicy { get; set; }
    public Satisfaction Satisfaction { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Someone opened a person's full file (ID number and health): who, whose, when. Kept in the audit trail.</summary>
public sealed class CaseFileAccess : IScoped
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }
    public required string ScopePath { get; set; }
    public Guid? ViewerId { get; set; }
    public required string ViewerName { get; set; }
    public required string What { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A town asks the town holding a person's open file to hand it over; the requester learns nothing else.</summary>
public sealed class TransferRequest : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid CaseFileId { get; set; }

    /// <summary>The holding file's path: the holding town answers.</summary>
    public required string ScopePath { get; set; }
    public Guid FromVillageId { get; set; }
    public required string FromName { get; set; }
    public Guid? RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public required string Reason { get; set; }
    /// <summary>Moved only by <see cref="TransferRequestWorkflow"/>.</summary>
    public TransferState State { get; internal set; }
    public string? Answer { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("TransferRequest", Id, Id.ToString());
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    Guid IWorkflowSubject.VillageId => FromVillageId;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>The casework settings row: <see cref="CaseworkSettings"/> as JSON, edited by the city.</summary>
public sealed class CaseworkSettingsRecord : IVersioned
{
    public int Id { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
}

public static class Months
{
    public static int Of(DateOnly d) => d.Year * 100 + d.Month;

    public static DateOnly First(int month) => new(month / 100, month % 100, 1);

    public static int Next(int month) => Of(First(month).AddMonths(1));

    public static string Text(int month) => $"{month / 100}-{month % 100:00}";
}
