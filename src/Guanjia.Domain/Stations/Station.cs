using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Stations;

/// <summary>
/// A 莞家驿站: an existing platform of the village with the station's sign added (R-ST-01). Its head is a
/// community worker, so the head's name and phone are staff data and are published citywide (R-ST-02).
/// </summary>
public sealed class Station : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public required string Name { get; set; }
    public HostPlatform HostPlatform { get; set; }

    /// <summary>What the platform is when <see cref="HostPlatform"/> is Other.</summary>
    public string? HostPlatformOther { get; set; }
    public required string Address { get; set; }
    public required string HeadName { get; set; }
    public required string HeadPhone { get; set; }
    public string? OpeningHours { get; set; }

    /// <summary>R-ST-06: the forms of service the station offers, comma-separated <see cref="ServiceForm"/> names.</summary>
    public required string ServiceForms { get; set; }
    public string? Description { get; set; }

    /// <summary>R-ST-04: the social organisation that already runs the host platform, if it is run by one.</summary>
    public Guid? OperatorId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A public-welfare service item handled through the station, with the operating mode its consultation
/// chose (R-ST-03) and the mode's conditions; the forms of service it uses (R-ST-06).
/// </summary>
public sealed class StationItem : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid StationId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }

    /// <summary>The year the item counts in, for the packaged-operation threshold (R-ST-03).</summary>
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Content { get; set; }

    /// <summary>The 民生微实事 the item serves, when it came through the micro-project process.</summary>
    public Guid? MicroProjectId { get; set; }
    public DateOnly ConsultedOn { get; set; }
    public DecisionBody DecidedBy { get; set; }
    public OperatingMode Mode { get; set; }
    public required string ServiceForms { get; set; }
    public string? LinkedResources { get; set; }

    /// <summary>Purchased: the candidate contractors the consultation named, one per line.</summary>
    public string? CandidateContractors { get; set; }

    /// <summary>R-ST-04: the host platform's operator took part in the consultation.</summary>
    public bool OperatorInvited { get; set; }

    /// <summary>Who delivers a purchased or packaged item; the host platform's operator unless a reason says otherwise (R-ST-04).</summary>
    public Guid? OperatorId { get; set; }
    public string? OperatorOverrideReason { get; set; }

    /// <summary>Purchased: the fee; packaged: the whole amount. Paid from the village's special fund.</summary>
    public long? AmountFen { get; set; }
    public int? Years { get; set; }
    public int? TeamSize { get; set; }

    /// <summary>Packaged operation below the yearly item threshold, "in principle" allowed with a reason (R-ST-03).</summary>
    public string? PackagedOverrideReason { get; set; }

    /// <summary>
    /// What the funds ledger paid for the item, net of reversals (R-ST-10, R-ST-11): kept by the ledger's posting in the same save, like a
    /// project's (ADR 0015), so the town reads paid against the agreed fee and two payments racing past it conflict.
    /// </summary>
    public long LedgerPaidFen { get; set; }
    public int RulesVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool NeedsProcurement => Mode is OperatingMode.Purchased or OperatingMode.Packaged;
}

/// <summary>
/// The 采购备案表 of a purchased or packaged item (R-ST-05): drafted by the village, reviewed by the village
/// affairs supervisory committee, filed with the town lead department, recorded by it.
/// </summary>
public sealed class ProcurementFiling : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid StationId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    /// <summary>Moved only by <see cref="ProcurementWorkflow"/>.</summary>
    public ProcurementState State { get; internal set; }
    public ProcurementMethod Method { get; set; }
    public string? MethodOther { get; set; }
    public Guid? SupplierId { get; set; }
    public required string SupplierName { get; set; }
    public long AmountFen { get; set; }
    public DateOnly AgreementSignedOn { get; set; }
    public Guid AgreementAttachmentId { get; set; }

    /// <summary>
    /// R-ST-10: why the procured amount differs from the item's agreed fee (required then, kept only then); the town confirms the
    /// difference when it records the filing.
    /// </summary>
    public string? DifferenceReason { get; set; }
    public DateTimeOffset? DifferenceConfirmedAt { get; set; }
    public string? DifferenceConfirmedByName { get; set; }

    /// <summary>The item's agreed fee the town confirmed the difference against.</summary>
    public long? ConfirmedItemAmountFen { get; set; }

    // The supervisory committee's review opinion (村（居）务监督委员会审核意见).
    public string? OpinionText { get; set; }
    public string? OpinionBy { get; set; }
    public DateOnly? OpinionOn { get; set; }
    public Guid? OpinionById { get; set; }
    public DateTimeOffset? OpinionAt { get; set; }

    public DateTimeOffset? FiledAt { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public string? RecordedByName { get; set; }
    public string? RecordNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    // A filing starts no deadline and sends no feedback: the documents set neither.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("ProcurementFiling", Id, Id.ToString());
    Guid IWorkflowSubject.AppealId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>
/// One of the three publications of a station item (R-ST-07). Title and text are masked when published,
/// so nothing personal can reach the public later (R-PL-07).
/// </summary>
public sealed class StationPublication : IScoped
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid StationId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public PublicationKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public required string Platforms { get; set; }
    public DateOnly PublishedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByName { get; set; }
}

/// <summary>
/// An inclusive personal service (R-ST-08): the station head connects a resident with a social-work service
/// point, which serves free of charge; the head uploads the service records and files them with the town.
/// </summary>
public sealed class InclusiveServiceReferral : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid? StationId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public Guid SocialWorkPointId { get; set; }
    public Guid? AppealId { get; set; }
    [Sensitive] public required string ResidentName { get; set; }
    [Sensitive] public required string ResidentPhone { get; set; }
    public InclusiveService Service { get; set; }
    public required string Need { get; set; }

    /// <summary>Moved only by <see cref="InclusiveReferralWorkflow"/>.</summary>
    public ReferralState State { get; internal set; }
    public DateTimeOffset ReferredAt { get; set; }
    public string? ReferredByName { get; set; }
    public DateOnly? ServedFrom { get; set; }
    public DateOnly? ServedTo { get; set; }
    public string? ServiceSummary { get; set; }
    public DateTimeOffset? ServedRecordedAt { get; set; }
    public DateTimeOffset? FiledAt { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("InclusiveServiceReferral", Id, Id.ToString());
    Guid IWorkflowSubject.AppealId => AppealId ?? Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>
/// The 采购备案表 of a purchased or packaged station item (R-ST-05, R-ST-10): drafted and edited by the village, reviewed by the
/// village affairs supervisory committee, filed with the town lead department once reviewed, recorded by it.
/// </summary>
public static class ProcurementWorkflow
{
    private static readonly When<ProcurementFiling> Reviewed = new("已出具监委会审核意见", "reviewed by the committee", f => f.OpinionText is not null);

    public static readonly IReadOnlyList<Transition<ProcurementFiling, ProcurementState>> Table =
    [
        new("Draft", [ProcurementState.New], ProcurementState.Draft, Permissions.StationsManage, "R-ST-05, R-ST-10", "村（社区）起草采购备案表并上传购买服务协议"),
        new("Edit", [ProcurementState.Draft], ProcurementState.Draft, Permissions.StationsManage, "R-ST-05, R-ST-10", "修改采购备案表（已出具的审核意见随之作废）"),
        new("GiveOpinion", [ProcurementState.Draft], ProcurementState.Draft, Permissions.StationsSupervise, "R-ST-05", "村（居）务监督委员会出具审核意见"),
        new("File", [ProcurementState.Draft], ProcurementState.Filed, Permissions.StationsManage, "R-ST-05", "经监委会审核后报镇（街道）备案") { If = Reviewed },
        new("Record", [ProcurementState.Filed], ProcurementState.Recorded, Permissions.StationsRecord, "R-ST-05, R-ST-10", "镇（街道）牵头部门备案"),
    ];

    public static readonly Workflow<ProcurementFiling, ProcurementState> Workflow = new("ProcurementFiling", f => f.State, (f, s) => f.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static string Zh(ProcurementState s) => s switch
    {
        ProcurementState.New => "新建",
        ProcurementState.Draft => "草稿（待监委会审核）",
        ProcurementState.Filed => "已报镇街备案",
        ProcurementState.Recorded => "镇街已备案",
        _ => s.ToString(),
    };
}

/// <summary>An inclusive personal service from the referral to the service record and its filing with the town (R-ST-08, R-MW-05).</summary>
public static class InclusiveReferralWorkflow
{
    public static readonly IReadOnlyList<Transition<InclusiveServiceReferral, ReferralState>> Table =
    [
        new("Refer", [ReferralState.New], ReferralState.Referred, Permissions.StationsManage, "R-ST-08", "驿站负责人对接社工服务点"),
        new("RecordService", [ReferralState.Referred], ReferralState.Served, Permissions.StationsManage, "R-ST-08, R-MW-05", "记录社工服务点的无偿服务情况"),
        new("FileRecords", [ReferralState.Served], ReferralState.Filed, Permissions.StationsManage, "R-ST-08", "收集并上传服务档案，报镇（街道）备案"),
    ];

    public static readonly Workflow<InclusiveServiceReferral, ReferralState> Workflow =
        new("InclusiveServiceReferral", r => r.State, (r, s) => r.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static string Zh(ReferralState s) => s switch
    {
        ReferralState.New => "新建",
        ReferralState.Referred => "已转介，待服务",
        ReferralState.Served => "已服务，待归档",
        ReferralState.Filed => "已报镇街归档",
        _ => s.ToString(),
    };
}

/// <summary>The city's directory entry of a social-work service point (000 attachment 2): what it serves, when, whom to call.</summary>
public sealed class SocialWorkPointProfile : IVersioned
{
    public Guid OrganizationId { get; set; }
    public required string Services { get; set; }
    public string? OpeningHours { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
