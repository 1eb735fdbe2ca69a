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
public sealed class ProcurementFiling : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid StationId { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public ProcurementState State { get; set; }
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
public sealed class InclusiveServiceReferral : IScoped, IVersioned
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
    public ReferralState State { get; set; }
    public DateTimeOffset ReferredAt { get; set; }
    public string? ReferredByName { get; set; }
    public DateOnly? ServedFrom { get; set; }
    public DateOnly? ServedTo { get; set; }
    public string? ServiceSummary { get; set; }
    public DateTimeOffset? ServedRecordedAt { get; set; }
    public DateTimeOffset? FiledAt { get; set; }
    public int Version { get; set; }
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
