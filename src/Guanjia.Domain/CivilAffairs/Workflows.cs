using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.CivilAffairs;

// The casework's own small processes as transition tables (ADR 0019): a file from registration to the end of care or its
// transfer, a plan to its closing, a resource link to its result, a transfer request to its answer. None starts a deadline
// row of its own (the obligations are opened per period by CaseworkDeadlines); a file's ending rows cancel what it still owes.

/// <summary>A person's file (一人一档, R-CA-13): in care from registration until death, leaving care or a transfer to another town.</summary>
public static class CaseFileWorkflow
{
    public static readonly IReadOnlyList<Transition<CaseFile, CaseStatus>> Table =
    [
        new("Register", [CaseStatus.New], CaseStatus.InCare, Permissions.CaseworkRecord, "R-CA-13", "登记建档（一人一档）"),
        new("EndCare", [CaseStatus.InCare], CaseStatus.Died, Permissions.CaseworkRecord, "R-CA-13", "服务对象死亡，档案终止")
            { Outcome = "Died", Ends = "服务对象死亡" },
        new("EndCare", [CaseStatus.InCare], CaseStatus.LeftCare, Permissions.CaseworkRecord, "R-CA-13", "服务对象退出救助，档案终止")
            { Outcome = "LeftCare", Ends = "服务对象退出救助" },
        new("TransferOut", [CaseStatus.InCare], CaseStatus.TransferredOut, Permissions.CaseworkTown, "R-CA-13", "同意转入申请，档案转出")
            { Ends = "档案已转出" },
    ];

    public static readonly Workflow<CaseFile, CaseStatus> Workflow = new("CaseFile", f => f.Status, (f, s) => f.Status = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);
}

/// <summary>A person's plan (一人一策, R-CA-13): open for actions and follow-ups until it is closed.</summary>
public static class CasePlanWorkflow
{
    public static readonly IReadOnlyList<Transition<CasePlan, PlanState>> Table =
    [
        new("Make", [PlanState.New], PlanState.Open, Permissions.CaseworkRecord, "R-CA-13", "制定服务方案（一人一策）"),
        new("Close", [PlanState.Open], PlanState.Closed, Permissions.CaseworkRecord, "R-CA-13", "服务方案结案"),
    ];

    public static readonly Workflow<CasePlan, PlanState> Workflow = new("CasePlan", p => p.State, (p, s) => p.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);
}

/// <summary>A resource link (资源链接, R-CA-09) tracked to its result.</summary>
public static class ResourceLinkWorkflow
{
    public static readonly IReadOnlyList<Transition<ResourceLink, LinkState>> Table =
    [
        new("Link", [LinkState.New], LinkState.Linked, Permissions.CaseworkRecord, "R-CA-09", "链接政策救助或慈善资源"),
        new("RecordOutcome", [LinkState.Linked], LinkState.Succeeded, Permissions.CaseworkRecord, "R-CA-09", "登记链接结果：成功")
            { Outcome = "Succeeded" },
        new("RecordOutcome", [LinkState.Linked], LinkState.Failed, Permissions.CaseworkRecord, "R-CA-09", "登记链接结果：未成功")
            { Outcome = "Failed" },
    ];

    public static readonly Workflow<ResourceLink, LinkState> Workflow = new("ResourceLink", l => l.State, (l, s) => l.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);
}

/// <summary>A town asks the town holding a person's open file for it; the holding town accepts (its file is transferred out) or refuses.</summary>
public static class TransferRequestWorkflow
{
    public static readonly IReadOnlyList<Transition<TransferRequest, TransferState>> Table =
    [
        new("Request", [TransferState.New], TransferState.Pending, Permissions.CaseworkRecord, "R-CA-13", "申请转入在他镇（街道）建档的服务对象"),
        new("Answer", [TransferState.Pending], TransferState.Accepted, Permissions.CaseworkTown, "R-CA-13", "持档镇（街道）同意转出")
            { Outcome = "Accepted" },
        new("Answer", [TransferState.Pending], TransferState.Refused, Permissions.CaseworkTown, "R-CA-13", "持档镇（街道）不同意转出")
            { Outcome = "Refused" },
    ];

    public static readonly Workflow<TransferRequest, TransferState> Workflow = new("TransferRequest", t => t.State, (t, s) => t.State = s, Table);

    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);
}
