using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;

namespace Guanjia.Domain.Purchasing;

/// <summary>
/// The purchase of community services (004, 001 for the reports) as transition tables, like the programme's own (ADR 0019):
/// firing a row is the only way a contract, an instalment, a report, an evaluation or a rectification changes state. Their
/// deadlines are dates the contract and the bureau set (a report's day in the schedule, a rectification's due date), so the
/// use case starts them; a row meets them. No row sends an appellant anything: a purchase has no appeal.
/// </summary>
public static class PurchasingWorkflows
{
    /// <summary>The system acts: the signing lays out the schedule, the last acceptance completes the contract, findings open rectifications.</summary>
    public const string System = "system";

    public static readonly IReadOnlyList<Transition<ServiceContract, ContractState>> ContractTable =
    [
        new("Sign", [ContractState.New], ContractState.Active, Permissions.PurchasingManage, "R-PS-06, R-PS-08",
            "民政局与中标承接方签订购买服务合同，列入年初预算，分期付款与验收挂钩"),
        new("Complete", [ContractState.Active], ContractState.Completed, System, "R-PS-06", "各期款项均已验收，合同履行完毕"),
    ];

    public static readonly Workflow<ServiceContract, ContractState> Contract = new("ServiceContract", c => c.State, (c, s) => c.State = s, ContractTable);

    public static readonly IReadOnlyList<Transition<ContractInstalment, InstalmentState>> InstalmentTable =
    [
        new("Plan", [InstalmentState.New], InstalmentState.Pending, Permissions.PurchasingManage, "R-PS-06", "签订合同时约定分期付款及其验收节点"),
        new("Accept", [InstalmentState.Pending], InstalmentState.Accepted, Permissions.PurchasingManage, "R-PS-06",
            "按顺序验收：中期报告经确认后中期款，末期报告确认、第三方评估确认且整改全部销号后末期款"),
    ];

    public static readonly Workflow<ContractInstalment, InstalmentState> Instalment =
        new("ContractInstalment", i => i.State, (i, s) => i.State = s, InstalmentTable);

    public static readonly IReadOnlyList<Transition<ContractReport, ReportState>> ReportTable =
    [
        new("Schedule", [ReportState.New], ReportState.Due, System, "R-CA-12", "签订合同时排定月度工作简报、中期和末期工作报告及其报送期限"),
        new("File", [ReportState.Due], ReportState.Filed, Permissions.PurchasingReport, "R-CA-12", "承接方按期报送工作报告，超期须说明原因")
            { Meets = [Obligations.MonthlyBrief, Obligations.MidTermReport, Obligations.FinalReport] },
        new("ReportMajorEvent", [ReportState.New], ReportState.Filed, Permissions.PurchasingReport, "R-CA-12",
            "重大事件即时报告所在镇（街道）和民政局，双方限时确认收到"),
    ];

    public static readonly Workflow<ContractReport, ReportState> Report = new("ContractReport", r => r.State, (r, s) => r.State = s, ReportTable);

    public static readonly IReadOnlyList<Transition<ThirdPartyEvaluation, EvaluationState>> EvaluationTable =
    [
        new("Commission", [EvaluationState.New], EvaluationState.Commissioned, Permissions.PurchasingManage, "R-PS-06",
            "民政局委托第三方评估机构，按含实际效果和满意度最低权重的指标体系评估"),
        new("Score", [EvaluationState.Commissioned, EvaluationState.Scored], EvaluationState.Scored, Permissions.PurchasingEvaluate, "R-PS-06",
            "评估机构逐项评分，得出总分、等级和发现的问题（确认前可修改）"),
        new("Accept", [EvaluationState.Scored], EvaluationState.Accepted, Permissions.PurchasingManage, "R-PS-06",
            "民政局确认评估结果，发现的问题列为整改事项"),
    ];

    public static readonly Workflow<ThirdPartyEvaluation, EvaluationState> Evaluation =
        new("ThirdPartyEvaluation", e => e.State, (e, s) => e.State = s, EvaluationTable);

    public static readonly IReadOnlyList<Transition<Rectification, RectificationState>> RectificationTable =
    [
        new("Open", [RectificationState.New], RectificationState.Open, System, "R-PS-05, R-PS-06",
            "监督检查或第三方评估发现的问题列为整改事项，限期整改"),
        new("SubmitEvidence", [RectificationState.Open], RectificationState.EvidenceSubmitted, Permissions.PurchasingReport, "R-PS-06",
            "承接方按期提交整改情况和佐证材料，超期须说明原因") { Meets = [Obligations.Rectification] },
        new("Review", [RectificationState.EvidenceSubmitted], RectificationState.Closed, Permissions.PurchasingManage, "R-PS-06", "整改到位，民政局销号")
            { Outcome = "Closed" },
        new("Review", [RectificationState.EvidenceSubmitted], RectificationState.Open, Permissions.PurchasingManage, "R-PS-06",
            "整改不到位，退回并重新限期整改") { Outcome = "Returned" },
    ];

    public static readonly Workflow<Rectification, RectificationState> Rectification =
        new("Rectification", r => r.State, (r, s) => r.State = s, RectificationTable);
}
