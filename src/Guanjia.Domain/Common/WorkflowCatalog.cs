using System.Text;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Domain.PolicyCatalogue;

namespace Guanjia.Domain.Common;

/// <summary>Every process of the programme as its table, and docs/workflow.md made from them (a test keeps the file equal).</summary>
public static class WorkflowCatalog
{
    public sealed record Entry(string Name, string Title, string Source, string Intro, IReadOnlyList<WorkflowRow> Rows, string Initial, string CreatedBy,
        IReadOnlyList<string> Terminal);

    public static IReadOnlyList<Entry> All =>
    [
        new("Appeal", "Appeal (诉求)", "Appeals/Appeal.cs (`AppealWorkflow`)",
            "Intake fires `Dispatch`: to the village (R-IN-04), or, for a wish from any channel, straight to the town's verification (R-MW-06).",
            AppealWorkflow.Rows, nameof(AppealState.Dispatched), "Dispatch", [nameof(AppealState.BecameProject), nameof(AppealState.BecameWish),
                nameof(AppealState.ReferredToPolicy), nameof(AppealState.NotAccepted)]),
        new("MicroProject", "Micro-project (民生微实事)", "MicroProjects/ProjectWorkflow.cs",
            "The committee's decision of `MicroProject` fires `Create`. \"5万元以下\" is a budget under the direct-implementation threshold (R-MS-07); " +
            "rows marked `system` are fired by the system right after the step that makes them due.",
            ProjectWorkflow.Rows, nameof(ProjectState.AwaitingConsultation), "Create",
            Enum.GetValues<ProjectState>().Where(ProjectWorkflow.IsTerminal).Select(s => s.ToString()).ToList()),
        new("MicroWish", "Micro-wish (民生微心愿)", "MicroWishes/MicroWish.cs (`WishWorkflow`)",
            "A wish is made by the committee's decision or straight from intake (R-MW-06) and goes to its town for verification (R-MW-02).",
            WishWorkflow.Rows, nameof(WishState.AwaitingVerification), "Create",
            Enum.GetValues<WishState>().Where(WishWorkflow.IsTerminal).Select(s => s.ToString()).ToList()),
        new("ClaimItem", "Claim board (莞家直达)", "Claims/ClaimItem.cs (`ClaimBoardWorkflow`)",
            "The town's review funding a `Direct` project (it waits in `AwaitingClaim`), or a wish decided `Direct` (it waits in `Routed`), opens " +
            "a claim item (R-RT-02; ADR 0012). Its deadlines live on the project or wish.",
            ClaimBoardWorkflow.Rows, nameof(ClaimItemState.AwaitingPublication), "Open", [nameof(ClaimItemState.Started), nameof(ClaimItemState.Returned)]),
        new("PolicyReferral", "Policy referral (转现行政策办理)", "PolicyCatalogue/Policy.cs (`PolicyReferralWorkflow`)",
            "Made by the committee's decision, the village's policy check at filing, the town's review or the town's verification of a wish (R-IN-05).",
            PolicyReferralWorkflow.Rows, nameof(ReferralState.Referred), "Refer", [nameof(ReferralState.Resolved), nameof(ReferralState.NotResolved)]),
        new("ProcurementFiling", "Procurement filing (采购备案表)", "Stations/Station.cs (`ProcurementWorkflow`)",
            "A purchased or packaged station item's filing (R-ST-05): the village drafts it, the supervisory committee reviews it, the town records it.",
            Stations.ProcurementWorkflow.Rows, nameof(Stations.ProcurementState.Draft), "Draft", [nameof(Stations.ProcurementState.Recorded)]),
        new("InclusiveServiceReferral", "Inclusive-service referral (普惠型个人服务转介)", "Stations/Station.cs (`InclusiveReferralWorkflow`)",
            "The station head connects a resident with a social-work service point (R-ST-08); the service record completes a wish sent to the station (R-MW-05).",
            Stations.InclusiveReferralWorkflow.Rows, nameof(Stations.ReferralState.Referred), "Refer", [nameof(Stations.ReferralState.Filed)]),
        // 政府购买社区服务 (004; ADR 0041): the deadlines of these rows are dates the contract and the bureau set, started by the use case.
        new("ServiceContract", "Purchase contract (政府购买服务合同)", "Purchasing/PurchasingWorkflows.cs (`Contract`)",
            "The bureau signs with the package's tender winner (R-PS-08: within the year's budget); the last instalment's acceptance completes it.",
            WorkflowDocs.RowsOf(Purchasing.PurchasingWorkflows.Contract), nameof(Purchasing.ContractState.Active), "Sign", [nameof(Purchasing.ContractState.Completed)]),
        new("ContractInstalment", "Instalment (分期付款)", "Purchasing/PurchasingWorkflows.cs (`Instalment`)",
            "Each instalment of the signed contract waits for its milestone's acceptance; only an accepted one may be paid, less its penalties (R-PS-06).",
            WorkflowDocs.RowsOf(Purchasing.PurchasingWorkflows.Instalment), nameof(Purchasing.InstalmentState.Pending), "Plan",
            [nameof(Purchasing.InstalmentState.Accepted)]),
        new("ContractReport", "Contractor's report (工作简报和报告)", "Purchasing/PurchasingWorkflows.cs (`Report`)",
            "The signing schedules the monthly briefs, the mid-term and the final report on their working days (R-CA-12); a major event is filed at once " +
            "and acknowledged by the street and the bureau, each within its hours.",
            WorkflowDocs.RowsOf(Purchasing.PurchasingWorkflows.Report), nameof(Purchasing.ReportState.Due), "Schedule", [nameof(Purchasing.ReportState.Filed)]),
        new("ThirdPartyEvaluation", "Third-party evaluation (第三方评估)", "Purchasing/PurchasingWorkflows.cs (`Evaluation`)",
            "The bureau commissions an evaluator on weighted indicators (R-PS-06); the evaluator may rescore until the bureau accepts.",
            WorkflowDocs.RowsOf(Purchasing.PurchasingWorkflows.Evaluation), nameof(Purchasing.EvaluationState.Commissioned), "Commission",
            [nameof(Purchasing.EvaluationState.Accepted)]),
        new("Rectification", "Rectification (整改)", "Purchasing/PurchasingWorkflows.cs (`Rectification`)",
            "Each finding of an inspection (R-PS-05) or an accepted evaluation opens one, due on the date the bureau sets (R-PS-06).",
            WorkflowDocs.RowsOf(Purchasing.PurchasingWorkflows.Rectification), nameof(Purchasing.RectificationState.Open), "Open",
            [nameof(Purchasing.RectificationState.Closed)]),
        // Incubation and the micro venture-philanthropy rounds (R-CA-10, R-PS-02; ADR 0035).
        new("IncubatedOrganisation", "Incubated organisation (孵化社区社会组织)", "Purchasing/Venture.cs (`VentureWorkflows.Incubation`)",
            "A community social organisation incubated in a street (R-CA-10) graduates, is filed (备案) or withdraws; its capacity-building events are recorded meanwhile.",
            WorkflowDocs.RowsOf(Purchasing.VentureWorkflows.Incubation), nameof(Purchasing.IncubationState.Incubating), "Register",
            [nameof(Purchasing.IncubationState.Filed), nameof(Purchasing.IncubationState.Withdrawn)]),
        new("VentureRound", "Micro venture-philanthropy round (微公益创投)", "Purchasing/Venture.cs (`VentureWorkflows.Round`)",
            "A street's round (R-PS-02): the call is drafted, opened (which meets the street's yearly `VentureRoundYearly` row, done by the use case " +
            "because the row hangs on the street and year, not on the round), reviewed by the panel, decided within its budget and closed when every " +
            "funded project is completed.",
            WorkflowDocs.RowsOf(Purchasing.VentureWorkflows.Round), nameof(Purchasing.VentureRoundState.Draft), "Draft", [nameof(Purchasing.VentureRoundState.Closed)]),
        new("VentureApplication", "Venture application and funded project (创投项目)", "Purchasing/Venture.cs (`VentureWorkflows.Application`)",
            "An application within the window, at most the cap; the round's decision funds it or not; a funded project takes progress entries and is completed with its result.",
            WorkflowDocs.RowsOf(Purchasing.VentureWorkflows.Application), nameof(Purchasing.VentureApplicationState.Submitted), "Submit",
            [nameof(Purchasing.VentureApplicationState.NotFunded), nameof(Purchasing.VentureApplicationState.Completed)]),
        new("CaseFile", "Casework file (一人一档)", "CivilAffairs/Workflows.cs (`CaseFileWorkflow`)",
            "A worker or the town registers a person (R-CA-13), one at a time or by import; the ending rows cancel the file's open obligations.",
            CivilAffairs.CaseFileWorkflow.Rows, nameof(CivilAffairs.CaseStatus.InCare), "Register",
            [nameof(CivilAffairs.CaseStatus.Died), nameof(CivilAffairs.CaseStatus.LeftCare), nameof(CivilAffairs.CaseStatus.TransferredOut)]),
        new("CasePlan", "Casework plan (一人一策)", "CivilAffairs/Workflows.cs (`CasePlanWorkflow`)",
            "A plan of a person in care (R-CA-13): entries are added while it is open; feedback and evaluation may follow its closing.",
            CivilAffairs.CasePlanWorkflow.Rows, nameof(CivilAffairs.PlanState.Open), "Make", [nameof(CivilAffairs.PlanState.Closed)]),
        new("ResourceLink", "Resource link (资源链接)", "CivilAffairs/Workflows.cs (`ResourceLinkWorkflow`)",
            "A link of a person to policy aid or charity (R-CA-09), tracked to its result.",
            CivilAffairs.ResourceLinkWorkflow.Rows, nameof(CivilAffairs.LinkState.Linked), "Link",
            [nameof(CivilAffairs.LinkState.Succeeded), nameof(CivilAffairs.LinkState.Failed)]),
        new("TransferRequest", "Casework transfer request (转入申请)", "CivilAffairs/Workflows.cs (`TransferRequestWorkflow`)",
            "A town that finds a person registered in another town asks for the file; accepting fires the file's `TransferOut` in the same save.",
            CivilAffairs.TransferRequestWorkflow.Rows, nameof(CivilAffairs.TransferState.Pending), "Request",
            [nameof(CivilAffairs.TransferState.Accepted), nameof(CivilAffairs.TransferState.Refused)]),
    ];

    /// <summary>What an audit entry's action means for a record of this type: the row it fired, in Chinese, with its first rule ID.</summary>
    /// <param name="toState">The state the entry moved to, when it moved: it tells apart rows of one action for subjects of different sizes.</param>
    public static (string Zh, string Rule)? Describe(string entityType, string action, string? toState = null)
    {
        var rows = All.FirstOrDefault(e => e.Name == entityType)?.Rows
            .Where(r => (r.Outcome is null ? r.Action : r.Action + r.Outcome) == action).ToList() ?? [];
        var row = rows.FirstOrDefault(r => r.To == toState) ?? rows.FirstOrDefault();
        return row is null ? null : (row.Zh, row.Rule.Split(',')[0].Trim());
    }

    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# The programme's processes");
        sb.AppendLine();
        sb.AppendLine("Generated from the transition tables in `src/Guanjia.Domain`; a test (`WorkflowTableTests`) fails when this file and the code");
        sb.AppendLine("differ. Regenerate with `GUANJIA_WRITE_DOCS=1 dotnet test tests/Guanjia.Domain.Tests --filter WorkflowTableTests`.");
        sb.AppendLine();
        sb.AppendLine("Firing a row is the only way a state changes (ADR 0019): it checks the row's `from` and conditions, meets the subject's open");
        sb.AppendLine("deadlines of `meets` (judged by when the step is recorded; a late one needs its reason), sets `to`, starts `starts`, sends");
        sb.AppendLine("the appellant the `sends` feedback, and with `ends` cancels what is left open, in the save that writes its audit entry.");
        sb.AppendLine("`when` says which subjects a row is for (known before the step: it decides who may act); after `；` comes what the step");
        sb.AppendLine("itself settles (checked when firing).");
        foreach (var e in All)
        {
            sb.AppendLine();
            sb.AppendLine($"## {e.Title}");
            sb.AppendLine();
            sb.AppendLine($"`{e.Source}`. {e.Intro}");
            sb.AppendLine();
            WorkflowDocs.AppendTable(sb, e.Rows);
            sb.AppendLine();
            WorkflowDocs.AppendDiagram(sb, e.Rows.Where(r => r.From.All(f => f != "New")).ToList(), e.Initial, e.CreatedBy, e.Terminal);
        }
        sb.AppendLine();
        sb.AppendLine("## Deadlines");
        sb.AppendLine();
        sb.AppendLine("| obligation | rule | zh |");
        sb.AppendLine("| --- | --- | --- |");
        foreach (var o in Obligations.All.Values)
            sb.AppendLine($"| {o.Key} | {o.RuleId} | {o.Zh} |");
        sb.AppendLine();
        sb.AppendLine("`ConcentratedCollection` and `AnnualPlan` are every town's yearly duties from 1 January, rows on the town's year (R-IN-02, R-MS-17).");
        return sb.ToString();
    }
}
