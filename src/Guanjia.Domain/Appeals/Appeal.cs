using System.Security.Cryptography;
using System.Text;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.Appeals;

public enum CollectionKind { Daily = 1, Concentrated = 2 }

public enum AppealState
{
    /// <summary>Being entered: an appeal is never saved in this state, its intake row moves it on in the same save.</summary>
    New = 0,
    /// <summary>Entered and dispatched to its village; waiting for the village to acknowledge (R-MS-02).</summary>
    Dispatched = 1,
    /// <summary>Acknowledged; waiting for the two-committee meeting (R-MS-03).</summary>
    Acknowledged = 2,
    /// <summary>The committee turned it into a micro-project; the project carries on.</summary>
    BecameProject = 3,
    /// <summary>Current policy resolves it; handed to the responsible department (R-IN-05).</summary>
    ReferredToPolicy = 4,
    /// <summary>Not a programme item; the reason was sent to the appellant.</summary>
    NotAccepted = 5,
    /// <summary>An individual's need: the town verifies and handles it as a 民生微心愿.</summary>
    BecameWish = 6,
}

/// <summary>What the two-committee joint meeting decided (R-MS-03).</summary>
public enum CommitteeOutcome { MicroProject = 1, PolicyReferral = 2, NotAccepted = 3, MicroWish = 4 }

/// <summary>An appeal from any channel (R-IN-01, R-IN-04), dispatched to the village of its location.</summary>
public sealed class Appeal : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }

    /// <summary>Public number the appellant tracks it with; not guessable.</summary>
    public required string TrackingNumber { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The work-order number of an integration such as 12345; one appeal per number.</summary>
    public string? ExternalRef { get; set; }
    public CollectionKind Collection { get; set; }
    public int? CollectionYear { get; set; }
    public Guid? CampaignId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public ProjectCategory? Category { get; set; }

    /// <summary>Exact address; personal when it names a home, so never published.</summary>
    [Sensitive] public string? Address { get; set; }
    [Sensitive] public string? AppellantName { get; set; }
    [Sensitive] public string? AppellantPhone { get; set; }

    /// <summary>SHA-256 of tracking number + last four digits of the phone: tracking works without keeping the digits apart.</summary>
    [Sensitive] public string? TrackingKeyHash { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    /// <summary>Moved only by <see cref="AppealWorkflow"/>.</summary>
    public AppealState State { get; internal set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>yyyyMM of the local (Beijing) date received, so statistics group by month in an index.</summary>
    public int ReceivedMonth { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public CommitteeOutcome? Outcome { get; set; }
    public string? DecisionNote { get; set; }
    public string? PolicyDepartment { get; set; }
    public string? PolicyContact { get; set; }
    public Guid? MicroProjectId { get; set; }
    public Guid? MicroWishId { get; set; }
    public int RulesVersion { get; set; }
    public Guid? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
    public int Version { get; set; }

    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => ("Appeal", Id, TrackingNumber);
    Guid IWorkflowSubject.AppealId => Id;

    public static string TrackingKey(string trackingNumber, string last4) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{trackingNumber.ToUpperInvariant()}|{last4}")));
}

/// <summary>The appeal's own steps, before it becomes a project or a wish: one table (R-IN-04, R-MS-02, R-MS-03, R-MW-06).</summary>
public static class AppealWorkflow
{
    private static readonly AppealState[] Entered = [AppealState.New];

    public static readonly IReadOnlyList<Transition<Appeal, AppealState>> Table =
    [
        new("Dispatch", Entered, AppealState.Dispatched, Permissions.AppealsCreate, "R-IN-04, R-MS-02, R-MS-03",
            "录入诉求，即时交派属地村（社区）")
        {
            Starts = [new(Obligations.Acknowledge, Owner.Village, nameof(Programme.ProgrammeRuleSet.Acknowledge), r => r.Acknowledge, Anchor<Appeal>.Now),
                new(Obligations.CommitteeMeeting, Owner.Village, nameof(Programme.ProgrammeRuleSet.CommitteeMeeting), r => r.CommitteeMeeting, Anchor<Appeal>.Now)],
        },
        new("Dispatch", Entered, AppealState.BecameWish, Permissions.AppealsCreate, "R-MW-06, R-MW-02",
            "民生微心愿直接交属地镇（街道）核查") { Outcome = "ToTown", Sends = FeedbackKind.WishReceipt },
        new("Acknowledge", [AppealState.Dispatched], AppealState.Acknowledged, Permissions.ProjectsVillage, "R-MS-02, R-MS-16",
            "村（社区）接收并反馈接收情况") { Meets = [Obligations.Acknowledge], Sends = FeedbackKind.Receipt },
        new("RecordCommitteeDecision", [AppealState.Acknowledged], AppealState.BecameProject, Permissions.ProjectsVillage, "R-MS-03",
            "召开“两委”联席会议：纳入民生微实事") { Outcome = "MicroProject", Meets = [Obligations.CommitteeMeeting] },
        new("RecordCommitteeDecision", [AppealState.Acknowledged], AppealState.BecameWish, Permissions.ProjectsVillage, "R-MS-03, R-MW-06",
            "召开“两委”联席会议：属个人或家庭诉求，交镇（街道）核查") { Outcome = "MicroWish", Meets = [Obligations.CommitteeMeeting] },
        new("RecordCommitteeDecision", [AppealState.Acknowledged], AppealState.ReferredToPolicy, Permissions.ProjectsVillage, "R-MS-03, R-IN-05",
            "召开“两委”联席会议：可由现行政策解决，转相关部门办理")
            { Outcome = "PolicyReferral", Meets = [Obligations.CommitteeMeeting], Sends = FeedbackKind.CommitteePolicyReferral },
        new("RecordCommitteeDecision", [AppealState.Acknowledged], AppealState.NotAccepted, Permissions.ProjectsVillage, "R-MS-03",
            "召开“两委”联席会议：不属于服务范围，不予受理")
            { Outcome = "NotAccepted", Meets = [Obligations.CommitteeMeeting], Sends = FeedbackKind.NotAccepted },
    ];

    public static readonly Workflow<Appeal, AppealState> Workflow = new("Appeal", a => a.State, (a, s) => a.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static string Zh(AppealState s) => s switch
    {
        AppealState.New => "录入中",
        AppealState.Dispatched => "已交派，待村（社区）接收",
        AppealState.Acknowledged => "已接收，待“两委”联席会议研究",
        AppealState.BecameProject => "已纳入民生微实事",
        AppealState.ReferredToPolicy => "已转现行政策办理",
        AppealState.NotAccepted => "不属于受理范围",
        AppealState.BecameWish => "已转镇（街道）核查微心愿",
        _ => s.ToString(),
    };
}
