using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;

namespace Guanjia.Domain.Claims;

/// <summary>Where a 莞家直达 item stands on the claim board (002 §四(三)2, R-RT-02..04).</summary>
public enum ClaimItemState
{
    /// <summary>Being made from its confirmed subject: never saved in this state.</summary>
    New = 0,
    /// <summary>The town has confirmed it; the city lead department has 10 working days to publish it.</summary>
    AwaitingPublication = 1,
    Open = 2,
    /// <summary>Fully claimed: by one claimant, or by shares adding up to the amount.</summary>
    Claimed = 3,
    /// <summary>The town has connected claimant and beneficiary; work starts within a month of the claim.</summary>
    Connected = 4,
    Started = 5,
    /// <summary>Nobody claimed it in its window: back to the special fund and the normal process (R-RT-04).</summary>
    Returned = 6,
}

/// <summary>爱心企业、社会组织、爱心人士.</summary>
public enum ClaimantKind { Enterprise = 1, SocialOrganization = 2, Donor = 3 }

/// <summary>A micro-project or micro-wish on the direct route, as the public claim board shows it.</summary>
public sealed class ClaimItem : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public required string Number { get; set; }

    /// <summary>"MicroProject" or "MicroWish".</summary>
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string SubjectRef { get; set; }
    public Guid AppealId { get; set; }
    public Guid TownId { get; set; }
    public Guid VillageId { get; set; }
    public required string ScopePath { get; set; }
    public int RulesVersion { get; set; }
    /// <summary>Moved only by <see cref="ClaimBoardWorkflow"/>.</summary>
    public ClaimItemState State { get; internal set; }

    /// <summary>Masked when the item is made from its subject, so nothing personal reaches the board (R-PL-07).</summary>
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public long AmountFen { get; set; }

    /// <summary>Several claimants may share the item, each with an amount; otherwise one claimant takes it all.</summary>
    public bool AllowsShares { get; set; }
    public long? MinimumShareFen { get; set; }
    public long ClaimedFen { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WindowFrom { get; set; }
    public DateTimeOffset? WindowTo { get; set; }
    public string? Platforms { get; set; }
    public string? ExtraChannels { get; set; }
    public Guid? NoticeId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? ConnectedAt { get; set; }
    public string? ConnectionNote { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public long RemainingFen => AmountFen - ClaimedFen;

    /// <summary>The item's deadlines live on its subject, so the project's or wish's page shows them too.</summary>
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (SubjectType, SubjectId, SubjectRef);
}

/// <summary>An enterprise, social organisation or donor registered with a verified phone.</summary>
public sealed class Claimant
{
    public Guid Id { get; set; }
    public ClaimantKind Kind { get; set; }

    /// <summary>The organisation's name; a donor's own name, shown on the board only masked.</summary>
    public required string Name { get; set; }
    public string? CreditCode { get; set; }
    [Sensitive] public required string ContactName { get; set; }
    [Sensitive] public required string Phone { get; set; }

    /// <summary>SHA-256 of the phone, so a returning claimant is found without searching phones in clear.</summary>
    public required string PhoneHash { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What the public board may say about a claimant: organisations by name, donors masked.</summary>
    public static string PublicName(ClaimantKind kind, string name) => kind == ClaimantKind.Donor ? "爱心人士" + Masking.Name(name) : name;
}

/// <summary>One claimant's claim on an item: all of it, or a share of it.</summary>
public sealed class Claim
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid ClaimantId { get; set; }
    public long AmountFen { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}

/// <summary>The claim board's process as one table (R-RT-02..04), like the project's and the wish's.</summary>
public static class ClaimBoardWorkflow
{
    /// <summary>The public claims through the portal with a verified phone; no staff permission applies.</summary>
    public const string Public = "public";

    /// <summary>The system acts: opening an item for a confirmed subject, the sweep that ends windows, a project's start.</summary>
    public const string System = "system";

    private static readonly When<ClaimItem> FullyClaimed = new("已认领足额", "claimed in full", i => i.ClaimedFen >= i.AmountFen);
    private static readonly When<ClaimItem> PartlyClaimed = new("尚未认领足额", "not yet claimed in full", i => i.ClaimedFen < i.AmountFen);
    private static readonly When<ClaimItem> SomeClaimed = new("有部分认领", "claimed in part", i => i.ClaimedFen > 0);
    private static readonly When<ClaimItem> NoneClaimed = new("无人认领", "not claimed", i => i.ClaimedFen == 0);
    private static readonly When<ClaimItem> Project = new("民生微实事", "a micro-project", i => i.SubjectType == "MicroProject");
    private static readonly When<ClaimItem> Wish = new("民生微心愿", "a micro-wish", i => i.SubjectType == "MicroWish");

    private static readonly DeadlineStart<ClaimItem> StartWithinAMonth =
        new(Obligations.DirectStart, Owner.Town, nameof(Programme.ProgrammeRuleSet.DirectStartAfterClaim), r => r.DirectStartAfterClaim, Anchor<ClaimItem>.Now);

    public static readonly IReadOnlyList<Transition<ClaimItem, ClaimItemState>> Table =
    [
        new("Open", [ClaimItemState.New], ClaimItemState.AwaitingPublication, System, "R-RT-02",
            "镇（街道）确认后，交市牵头部门10个工作日内公布")
        {
            Starts = [new(Obligations.DirectPublication, Owner.City, nameof(Programme.ProgrammeRuleSet.DirectPublication), r => r.DirectPublication,
                Anchor<ClaimItem>.Now)],
        },
        new("Publish", [ClaimItemState.AwaitingPublication], ClaimItemState.Open, Permissions.ClaimsPublish, "R-RT-02, R-PL-07",
            "市牵头部门公布项目信息，组织认领") { Meets = [Obligations.DirectPublication] },
        new("Claim", [ClaimItemState.Open], ClaimItemState.Open, Public, "R-RT-03", "爱心企业、社会组织、爱心人士认领部分份额")
            { Outcome = "Share", If = PartlyClaimed },
        new("Claim", [ClaimItemState.Open], ClaimItemState.Claimed, Public, "R-RT-03", "认领足额，1个月内启动，反馈认领结果")
            { Outcome = "Full", If = FullyClaimed, Starts = [StartWithinAMonth], Sends = FeedbackKind.ClaimResult },
        new("CloseWindow", [ClaimItemState.Open], ClaimItemState.Claimed, System, "R-RT-03",
            "认领期结束，已认领份额保留，其余由专项资金补足，1个月内启动")
            { Outcome = "PartlyClaimed", If = SomeClaimed, Starts = [StartWithinAMonth], Sends = FeedbackKind.ClaimResult },
        new("CloseWindow", [ClaimItemState.Open], ClaimItemState.Returned, System, "R-RT-04", "公布后无人认领，纳入专项资金按流程办理")
            { Outcome = "Unclaimed", If = NoneClaimed },
        new("Connect", [ClaimItemState.Claimed], ClaimItemState.Connected, Permissions.ProjectsTown, "R-RT-03",
            "镇（街道）对接承接方与受助方，项目进入公示") { When = Project },
        new("Connect", [ClaimItemState.Claimed], ClaimItemState.Started, Permissions.ProjectsTown, "R-RT-03",
            "镇（街道）对接承接方与受助方，启动办理") { When = Wish },
        new("Start", [ClaimItemState.Connected], ClaimItemState.Started, System, "R-RT-03", "项目组织实施，认领后1个月内启动"),
    ];

    public static readonly Workflow<ClaimItem, ClaimItemState> Workflow = new("ClaimItem", i => i.State, (i, s) => i.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static string Zh(ClaimItemState s) => s switch
    {
        ClaimItemState.AwaitingPublication => "待公布",
        ClaimItemState.Open => "认领中",
        ClaimItemState.Claimed => "已认领，待对接",
        ClaimItemState.Connected => "已对接，待启动",
        ClaimItemState.Started => "已启动",
        ClaimItemState.Returned => "无人认领，转专项资金",
        ClaimItemState.New => "新建",
        _ => s.ToString(),
    };
}
