using Guanjia.Domain.Common;

namespace Guanjia.Domain.PolicyCatalogue;

/// <summary>
/// One entry of the 现行民生保障政策清单 (R-IN-05): what a current policy covers and who handles it. What
/// a policy can resolve goes to its department; the programme funds only what no policy resolves.
/// </summary>
public sealed class Policy : IVersioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public Guid? DepartmentOrgId { get; set; }
    public required string Contact { get; set; }
    public required string Covers { get; set; }

    /// <summary>Comma-separated words that suggest the policy for an appeal (低保, 残疾, 助学, …).</summary>
    public required string Keywords { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public IEnumerable<string> KeywordList => Keywords.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How many of the policy's keywords the text contains; 0 means no suggestion.</summary>
    public int MatchScore(string text) => KeywordList.Count(k => text.Contains(k, StringComparison.Ordinal));
}

public enum ReferralState
{
    /// <summary>Being made by the step that refers the item: never saved in this state.</summary>
    New = 0,
    Referred = 1,
    Accepted = 2,
    Resolved = 3,
    NotResolved = 4,
}

/// <summary>
/// An item handed to a department under a current policy (R-IN-05, R-MS-09): the referral, the
/// department's handling and its result are tracked, and the result is fed back to the appellant.
/// </summary>
public sealed class PolicyReferral : IScoped, IVersioned, IWorkflowSubject
{
    public Guid Id { get; set; }
    public Guid AppealId { get; set; }
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string SubjectRef { get; set; }
    public required string ScopePath { get; set; }
    public Guid? PolicyId { get; set; }
    public required string Department { get; set; }
    public required string Contact { get; set; }
    /// <summary>Moved only by <see cref="PolicyReferralWorkflow"/>.</summary>
    public ReferralState State { get; internal set; }
    public DateTimeOffset ReferredAt { get; set; }
    public string? ReferredBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? Handler { get; set; }
    public DateTimeOffset? ResultAt { get; set; }
    public string? Result { get; set; }
    public int Version { get; set; }

    // A referral starts no deadline: the department's handling has none in the documents; only feedback goes out.
    (string Type, Guid Id, string Ref) IWorkflowSubject.DeadlineSubject => (SubjectType, SubjectId, SubjectRef);
    Guid IWorkflowSubject.VillageId => Guid.Empty;
    Guid IWorkflowSubject.TownId => Guid.Empty;
    int IWorkflowSubject.RulesVersion => 0;
}

/// <summary>A referral from the department's acceptance to its result, which reaches the proposer (R-IN-05, R-IN-06, R-MS-09).</summary>
public static class PolicyReferralWorkflow
{
    public static readonly IReadOnlyList<Transition<PolicyReferral, ReferralState>> Table =
    [
        new("Refer", [ReferralState.New], ReferralState.Referred, "system", "R-IN-05, R-MS-09",
            "可由现行政策解决的事项转交相关部门，登记跟办部门及联系方式"),
        new("Accept", [ReferralState.Referred], ReferralState.Accepted, Accounts.Permissions.ReferralsHandle, "R-IN-06", "相关部门受理转办事项"),
        new("RecordResult", [ReferralState.Referred, ReferralState.Accepted], ReferralState.Resolved, Accounts.Permissions.ReferralsHandle, "R-IN-06",
            "相关部门按现行政策办结，结果反馈提议人") { Outcome = "Resolved", Sends = Feedback.FeedbackKind.PolicyResult },
        new("RecordResult", [ReferralState.Referred, ReferralState.Accepted], ReferralState.NotResolved, Accounts.Permissions.ReferralsHandle, "R-IN-06",
            "现行政策未能解决，结果反馈提议人") { Outcome = "NotResolved", Sends = Feedback.FeedbackKind.PolicyResult },
    ];

    public static readonly Workflow<PolicyReferral, ReferralState> Workflow = new("PolicyReferral", r => r.State, (r, s) => r.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);

    public static string Zh(ReferralState s) => s switch
    {
        ReferralState.New => "新建",
        ReferralState.Referred => "已转办，待受理",
        ReferralState.Accepted => "已受理",
        ReferralState.Resolved => "已按政策解决",
        ReferralState.NotResolved => "现行政策未能解决",
        _ => s.ToString(),
    };
}
