using Guanjia.Domain.Common;

namespace Guanjia.Domain.Deadlines;

public enum DeadlineStatus { Open = 1, DueSoon = 2, Overdue = 3, Met = 4, MetLate = 5, Cancelled = 6 }

/// <summary>
/// One obligation with its rule, responsible unit and due time (R-PL-08). Rows, not recomputation:
/// overdue lists, warnings and statistics are indexed queries over this table.
/// </summary>
public sealed class Deadline : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public required string Obligation { get; set; }
    public required string RuleId { get; set; }
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }

    /// <summary>Tracking number or project number, so lists read without a join.</summary>
    public string? SubjectRef { get; set; }
    public Guid ResponsibleOrgId { get; set; }

    /// <summary>The subject's scope: the village sees the town's deadline on its project, the town sees all.</summary>
    public required string ScopePath { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset WarnAt { get; set; }

    /// <summary>True until met or cancelled; the index of every "what is due" query starts with it.</summary>
    public bool IsOpen { get; set; } = true;
    public DateTimeOffset? MetAt { get; set; }
    public bool? MetLate { get; set; }
    public string? LateReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? OverdueNotifiedAt { get; set; }

    /// <summary>
    /// Counted in working days across a year whose official notice was not loaded yet: weekends only for that year, so
    /// the due time is provisional (R-PL-01, ADR 0021). Set when the deadline starts; it stays true as a record of how
    /// the due time was counted.
    /// </summary>
    public bool WorkingDaysProvisional { get; set; }
    public int Version { get; set; }

    public DeadlineStatus StatusAt(DateTimeOffset now) =>
        CancelledAt is not null ? DeadlineStatus.Cancelled
        : MetAt is not null ? (MetLate == true ? DeadlineStatus.MetLate : DeadlineStatus.Met)
        : now > DueAt ? DeadlineStatus.Overdue
        : now >= WarnAt ? DeadlineStatus.DueSoon
        : DeadlineStatus.Open;

    public void Meet(DateTimeOffset now, string? lateReason)
    {
        MetAt = now;
        MetLate = now > DueAt;
        LateReason = MetLate == true ? lateReason : null;
        IsOpen = false;
    }

    public void Cancel(DateTimeOffset now, string reason)
    {
        CancelledAt = now;
        CancelReason = reason;
        IsOpen = false;
    }
}

/// <summary>The obligations of the micro-project process: key, rule, what it asks, who owes it.</summary>
public static class Obligations
{
    public const string Acknowledge = "Acknowledge";
    public const string CommitteeMeeting = "CommitteeMeeting";
    public const string Consultation = "Consultation";
    public const string TownReview = "TownReview";
    public const string ServiceStart = "ServiceStart";
    public const string WorksFinish = "WorksFinish";
    public const string DirectStart = "DirectStart";
    public const string CompletionForm = "CompletionForm";
    public const string TownSurvey = "TownSurvey";
    public const string ResultFeedback = "ResultFeedback";
    public const string ConcentratedCollection = "ConcentratedCollection";
    public const string AnnualPlan = "AnnualPlan";
    public const string WishVerification = "WishVerification";
    public const string WishExpressHandling = "WishExpressHandling";
    public const string WishResultFeedback = "WishResultFeedback";
    public const string DirectPublication = "DirectPublication";
    public const string FinalAccounts = "FinalAccounts";

    // Government purchase of community services (004) and the station's reports (001): ADR 0041.
    public const string RulesRenewal = "RulesRenewal";
    public const string MonthlyBrief = "MonthlyBrief";
    public const string MidTermReport = "MidTermReport";
    public const string FinalReport = "FinalReport";
    public const string MajorEventTownAcknowledgement = "MajorEventTownAck";
    public const string MajorEventBureauAcknowledgement = "MajorEventBureauAck";
    public const string Rectification = "Rectification";

    /// <summary>R-PS-02: at least one micro venture-philanthropy round per street (town, zone) a year (ADR 0035).</summary>
    public const string VentureRoundYearly = "VentureRoundYearly";

    /// <summary>One obligation; <c>Programme</c> says which programme's process it belongs to (ADR 0040).</summary>
    public sealed record Info(string Key, string RuleId, string Zh, string En, bool TownOwes,
        Jurisdictions.ProgrammeCode Programme = Jurisdictions.ProgrammeCode.Livelihood);

    public static readonly IReadOnlyDictionary<string, Info> All = new[]
    {
        new Info(Acknowledge, "R-MS-02", "接收诉求并反馈接收情况", "Acknowledge the appeal", false),
        new Info(CommitteeMeeting, "R-MS-03", "召开“两委”联席会议", "Hold the two-committee meeting", false),
        new Info(Consultation, "R-MS-04", "召开城乡社区协商会议", "Hold the community consultation", false),
        new Info(TownReview, "R-MS-08", "镇（街道）审核确认", "Town review", true),
        new Info(ServiceStart, "R-MS-12", "公益服务组织开展", "Start the service", false),
        new Info(WorksFinish, "R-MS-12", "便民工程完工", "Finish the works", false),
        new Info(DirectStart, "R-RT-03", "认领后1个月内启动", "Start within a month of the claim", true),
        new Info(CompletionForm, "R-MS-13", "填报结项表", "File the completion form", false),
        new Info(TownSurvey, "R-MS-14", "镇（街道）开展满意度测评", "Town satisfaction survey", true),
        new Info(ResultFeedback, "R-MS-15", "办结并反馈办理结果", "Publish and feed back the result", false),
        new Info(ConcentratedCollection, "R-IN-02", "完成年度集中征集", "Finish the concentrated collection", true),
        new Info(AnnualPlan, "R-MS-17", "报送年度项目实施计划", "File the annual implementation plan", true),
        new Info(WishVerification, "R-MW-02", "核查微心愿", "Verify the wish", true),
        new Info(WishExpressHandling, "R-MW-04", "莞家速递办理微心愿", "Handle the wish by express", true),
        new Info(WishResultFeedback, "R-MW-05", "反馈微心愿办理结果", "Feed back the wish's result", true),
        new Info(DirectPublication, "R-RT-02", "市牵头部门公布莞家直达项目", "Publish the direct-route item for claims", false),
        new Info(FinalAccounts, "R-MS-19", "完成项目决算和审计并公示", "Final accounts and audit, published", true),
        new Info(RulesRenewal, "R-PS-07", "实施办法有效期届满前修订或延续", "Renew the purchase rules before they lapse", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(MonthlyBrief, "R-CA-12", "报送月度工作简报", "File the monthly brief", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(MidTermReport, "R-CA-12", "报送中期工作报告", "File the mid-term report", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(FinalReport, "R-CA-12", "报送末期工作报告", "File the final report", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(MajorEventTownAcknowledgement, "R-CA-12", "镇（街道）确认收到重大事件报告", "The town acknowledges the major event", true, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(MajorEventBureauAcknowledgement, "R-CA-12", "民政局确认收到重大事件报告", "The bureau acknowledges the major event", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(Rectification, "R-PS-06", "按期完成整改并提交佐证", "Rectify the finding and submit evidence", false, Jurisdictions.ProgrammeCode.Purchasing),
        new Info(VentureRoundYearly, "R-PS-02", "街镇开发区每年至少开展一届微公益创投", "Hold at least one micro venture-philanthropy round this year", true,
            Jurisdictions.ProgrammeCode.Purchasing),
    }.Concat(CivilAffairs.CaseworkObligations.All).ToDictionary(i => i.Key);
}
