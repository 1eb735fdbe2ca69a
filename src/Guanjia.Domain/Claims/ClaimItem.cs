using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;

namespace Guanjia.Domain.Claims;

/// <summary>Where a 莞家直达 item stands on the claim board (002 §四(三)2, R-RT-02..04).</summary>
public enum ClaimItemState
{
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
public sealed class ClaimItem : IScoped, IVersioned
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
    public ClaimItemState State { get; set; }

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
    public sealed record Transition(string Action, ClaimItemState[] From, ClaimItemState[] To, string Who, string[] Meets, string[] Starts, string Rule, string Zh);

    /// <summary>The public claims through the portal with a verified phone; no staff permission applies.</summary>
    public const string Public = "public";

    /// <summary>The sweep job returns items whose window ended; it acts for the city lead department.</summary>
    public const string System = "system";

    public static readonly IReadOnlyList<Transition> Table =
    [
        new("Publish", [ClaimItemState.AwaitingPublication], [ClaimItemState.Open], Permissions.ClaimsPublish,
            [Obligations.DirectPublication], [], "R-RT-02, R-PL-07", "市牵头部门公布项目信息，组织认领"),
        new("Claim", [ClaimItemState.Open], [ClaimItemState.Open, ClaimItemState.Claimed], Public,
            [], [Obligations.DirectStart], "R-RT-03", "爱心企业、社会组织、爱心人士认领"),
        new("Connect", [ClaimItemState.Claimed], [ClaimItemState.Connected], Permissions.ProjectsTown,
            [], [], "R-RT-03", "镇（街道）对接承接方与受助方"),
        new("Start", [ClaimItemState.Connected], [ClaimItemState.Started], System,
            [Obligations.DirectStart], [], "R-RT-03", "认领后1个月内启动"),
        new("ReturnUnclaimed", [ClaimItemState.Open], [ClaimItemState.Returned], System,
            [], [], "R-RT-04", "公布后无人认领，纳入专项资金按流程办理"),
    ];

    public static Transition? Find(string action, ClaimItemState state) => Table.FirstOrDefault(t => t.Action == action && t.From.Contains(state));

    public static string Zh(ClaimItemState s) => s switch
    {
        ClaimItemState.AwaitingPublication => "待公布",
        ClaimItemState.Open => "认领中",
        ClaimItemState.Claimed => "已认领，待对接",
        ClaimItemState.Connected => "已对接，待启动",
        ClaimItemState.Started => "已启动",
        ClaimItemState.Returned => "无人认领，转专项资金",
        _ => s.ToString(),
    };
}
