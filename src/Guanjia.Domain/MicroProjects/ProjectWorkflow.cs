using System.Text;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Deadlines;

namespace Guanjia.Domain.MicroProjects;

public enum ProjectState
{
    AwaitingConsultation = 1,
    ConsultationFailed = 2,
    Consulted = 3,
    TownReview = 4,
    AwaitingPublicity = 5,
    Publicity = 6,
    Implementation = 7,
    Completed = 8,
    AwaitingSurvey = 9,
    Closed = 10,
    PolicyReferred = 11,
    Rejected = 12,
    /// <summary>莞家直达: on the claim board until claimed and connected, or returned unclaimed (R-RT-02..04).</summary>
    AwaitingClaim = 13,
}

/// <summary>Which projects a row of the table applies to: all, those under the threshold, or the rest.</summary>
public enum SizeRule { Any = 0, Small = 1, Large = 2 }

/// <summary>
/// The whole 民生微实事 process in one table (003 §二, R-MS-03..15): each row says from which state an
/// action may be taken, by whom, to which states it leads, which deadlines it meets and which it starts.
/// Use cases consult it before doing anything; docs/workflow.md is generated from it.
/// </summary>
public static class ProjectWorkflow
{
    public sealed record Transition(
        string Action,
        ProjectState[] From,
        ProjectState[] To,
        SizeRule Size,
        string Permission,
        string[] Meets,
        string[] Starts,
        string Rule,
        string Zh);

    private static ProjectState[] S(params ProjectState[] s) => s;
    private static string[] O(params string[] o) => o;

    public static readonly IReadOnlyList<Transition> Table =
    [
        // From Consulted too: a project the town returned (budget, route) is settled again before it is filed again.
        new("RecordConsultation", S(ProjectState.AwaitingConsultation, ProjectState.ConsultationFailed, ProjectState.Consulted),
            S(ProjectState.Consulted, ProjectState.ConsultationFailed), SizeRule.Any, Permissions.ProjectsVillage,
            O(Obligations.Consultation), O(), "R-MS-04, R-MS-05, R-MS-06", "召开城乡社区协商会议并上传协商记录"),
        new("RecordAssemblyVote", S(ProjectState.ConsultationFailed),
            S(ProjectState.Consulted, ProjectState.ConsultationFailed), SizeRule.Any, Permissions.ProjectsVillage,
            O(), O(), "R-MS-06", "提交村（居）民（代表）会议表决"),
        new("FileRegistration", S(ProjectState.Consulted), S(ProjectState.AwaitingPublicity), SizeRule.Small,
            Permissions.ProjectsVillage, O(), O(Obligations.ServiceStart, Obligations.WorksFinish), "R-MS-07, R-MS-12",
            "填报登记备案表（5万元以下，无须镇街确认）"),
        new("FileRegistration", S(ProjectState.Consulted), S(ProjectState.TownReview), SizeRule.Large,
            Permissions.ProjectsVillage, O(), O(Obligations.TownReview), "R-MS-07, R-MS-01", "填报登记备案表并提交镇（街道）"),
        new("RecordDepartmentOpinion", S(ProjectState.TownReview), S(ProjectState.TownReview), SizeRule.Large,
            Permissions.ProjectsOpinion, O(), O(), "R-MS-08", "相关职能部门出具审核意见"),
        new("Review", S(ProjectState.TownReview),
            S(ProjectState.AwaitingPublicity, ProjectState.AwaitingClaim, ProjectState.PolicyReferred, ProjectState.Consulted, ProjectState.Rejected),
            SizeRule.Large, Permissions.ProjectsTown, O(Obligations.TownReview), O(Obligations.DirectPublication), "R-MS-08, R-MS-09, R-MS-10, R-RT-02",
            "镇（街道）牵头部门审核：四项审核内容；莞家直达项目确认后交市牵头部门公布认领"),
        new("ConnectClaim", S(ProjectState.AwaitingClaim), S(ProjectState.AwaitingPublicity), SizeRule.Large,
            Permissions.ProjectsTown, O(), O(), "R-RT-03", "镇（街道）对接认领方与受助方"),
        new("ReturnUnclaimed", S(ProjectState.AwaitingClaim), S(ProjectState.AwaitingPublicity), SizeRule.Large,
            Permissions.ClaimsPublish, O(), O(), "R-RT-04", "无人认领，纳入专项资金按流程办理"),
        new("Publish", S(ProjectState.AwaitingPublicity), S(ProjectState.Publicity), SizeRule.Small,
            Permissions.ProjectsVillage, O(), O(), "R-MS-07", "村（社区）自行公示"),
        new("Publish", S(ProjectState.AwaitingPublicity), S(ProjectState.Publicity), SizeRule.Large,
            Permissions.ProjectsTown, O(), O(Obligations.ServiceStart, Obligations.WorksFinish), "R-MS-11, R-MS-12",
            "关联平台公示不少于5日"),
        new("StartImplementation", S(ProjectState.Publicity), S(ProjectState.Implementation), SizeRule.Any,
            Permissions.ProjectsVillage, O(Obligations.ServiceStart, Obligations.DirectStart), O(), "R-MS-11, R-MS-12",
            "公示期满后组织实施"),
        new("ReportProgress", S(ProjectState.Implementation), S(ProjectState.Implementation), SizeRule.Any,
            Permissions.ProjectsVillage, O(), O(), "R-MS-18", "上报实施进度和照片"),
        new("Complete", S(ProjectState.Implementation), S(ProjectState.Completed), SizeRule.Any,
            Permissions.ProjectsVillage, O(Obligations.WorksFinish), O(Obligations.CompletionForm, Obligations.ResultFeedback),
            "R-MS-12, R-MS-13", "项目完成"),
        new("RecordSurveyResponse", S(ProjectState.Completed), S(ProjectState.Completed), SizeRule.Small,
            Permissions.ProjectsVillage, O(), O(), "R-MS-14", "村（社区）组织满意度测评"),
        new("FileCompletion", S(ProjectState.Completed), S(ProjectState.Closed), SizeRule.Small,
            Permissions.ProjectsVillage, O(Obligations.CompletionForm, Obligations.ResultFeedback), O(), "R-MS-13, R-MS-14, R-MS-15",
            "填报结项表（含满意度测评），办结并反馈"),
        new("FileCompletion", S(ProjectState.Completed), S(ProjectState.AwaitingSurvey), SizeRule.Large,
            Permissions.ProjectsVillage, O(Obligations.CompletionForm), O(Obligations.TownSurvey), "R-MS-13",
            "填报结项表，提交镇（街道）测评"),
        new("RecordSurveyResponse", S(ProjectState.AwaitingSurvey), S(ProjectState.AwaitingSurvey), SizeRule.Large,
            Permissions.ProjectsTown, O(), O(), "R-MS-14", "镇（街道）组织满意度测评"),
        new("FinishSurvey", S(ProjectState.AwaitingSurvey), S(ProjectState.Closed), SizeRule.Large,
            Permissions.ProjectsTown, O(Obligations.TownSurvey, Obligations.ResultFeedback), O(), "R-MS-14, R-MS-15",
            "录入测评结果，办结并反馈"),
    ];

    public static bool IsTerminal(ProjectState s) => s is ProjectState.Closed or ProjectState.PolicyReferred or ProjectState.Rejected;

    /// <summary>The row for this action on this project, or null when the action is not allowed in its state.</summary>
    public static Transition? Find(string action, ProjectState state, bool? isSmall) =>
        Table.FirstOrDefault(t => t.Action == action && t.From.Contains(state) && Fits(t.Size, isSmall));

    public static IEnumerable<Transition> Available(ProjectState state, bool? isSmall) =>
        Table.Where(t => t.From.Contains(state) && Fits(t.Size, isSmall));

    public static bool Fits(SizeRule size, bool? isSmall) => size switch
    {
        SizeRule.Any => true,
        SizeRule.Small => isSmall == true,
        _ => isSmall != true,
    };

    public static string Zh(ProjectState s) => s switch
    {
        ProjectState.AwaitingConsultation => "待协商",
        ProjectState.ConsultationFailed => "协商未通过",
        ProjectState.Consulted => "协商通过，待备案",
        ProjectState.TownReview => "镇（街道）审核中",
        ProjectState.AwaitingPublicity => "待公示",
        ProjectState.Publicity => "公示中",
        ProjectState.Implementation => "实施中",
        ProjectState.Completed => "已完成，待结项",
        ProjectState.AwaitingSurvey => "待镇（街道）测评",
        ProjectState.Closed => "已办结",
        ProjectState.PolicyReferred => "转现行政策办理",
        ProjectState.Rejected => "不予立项",
        ProjectState.AwaitingClaim => "莞家直达认领中",
        _ => s.ToString(),
    };

    /// <summary>The table as Markdown, with a Mermaid diagram; docs/workflow.md must equal it (a test checks).</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# The 民生微实事 workflow");
        sb.AppendLine();
        sb.AppendLine("Generated from `src/Guanjia.Domain/MicroProjects/ProjectWorkflow.cs` and `Appeals/Appeal.cs`");
        sb.AppendLine("(`AppealWorkflow`); a test (`ProjectWorkflowTests`) fails when this file and the code differ. Regenerate with");
        sb.AppendLine("`GUANJIA_WRITE_DOCS=1 dotnet test tests/Guanjia.Domain.Tests --filter ProjectWorkflowTests`.");
        sb.AppendLine();
        sb.AppendLine("## Appeal (诉求)");
        sb.AppendLine();
        sb.AppendLine("| action | from | to | who | meets | zh |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var s in Appeals.AppealWorkflow.Steps)
            sb.AppendLine($"| {s.Action} | {s.From} | {string.Join(", ", s.To)} | `{s.Permission}` | {Deadlines(s.Meets)} | {s.Zh} |");
        sb.AppendLine();
        sb.AppendLine("A committee decision of `MicroProject` creates the project below in `AwaitingConsultation` and starts");
        sb.AppendLine("its consultation deadline (R-MS-04).");
        sb.AppendLine();
        sb.AppendLine("## Micro-project (民生微实事)");
        sb.AppendLine();
        sb.AppendLine("| action | from | to | size | who | meets | starts | rules | zh |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in Table)
            sb.AppendLine($"| {t.Action} | {string.Join(", ", t.From)} | {string.Join(", ", t.To)} | {t.Size} | `{t.Permission}` | {Deadlines(t.Meets)} | {Deadlines(t.Starts)} | {t.Rule} | {t.Zh} |");
        sb.AppendLine();
        sb.AppendLine("Size `Small` is a budget under the direct-implementation threshold (5万元 by default, R-MS-07).");
        sb.AppendLine();
        sb.AppendLine("## Micro-wish (民生微心愿)");
        sb.AppendLine();
        sb.AppendLine("A committee decision of `MicroWish` creates the wish in `AwaitingVerification` for the town (R-MW-02).");
        sb.AppendLine();
        sb.AppendLine("| action | from | to | who | meets | starts | rules | zh |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in MicroWishes.WishWorkflow.Table)
            sb.AppendLine($"| {t.Action} | {string.Join(", ", t.From)} | {string.Join(", ", t.To)} | `{t.Permission}` | {Deadlines(t.Meets)} | {Deadlines(t.Starts)} | {t.Rule} | {t.Zh} |");
        sb.AppendLine();
        sb.AppendLine("## Claim board (莞家直达)");
        sb.AppendLine();
        sb.AppendLine("The town's review funding a `Direct` project (it waits in `AwaitingClaim`), or a wish decided `Direct` (it");
        sb.AppendLine("waits in `Routed`), creates a claim item in `AwaitingPublication` (R-RT-02; ADR 0012).");
        sb.AppendLine();
        sb.AppendLine("| action | from | to | who | meets | starts | rules | zh |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in Claims.ClaimBoardWorkflow.Table)
            sb.AppendLine($"| {t.Action} | {string.Join(", ", t.From)} | {string.Join(", ", t.To)} | `{t.Who}` | {Deadlines(t.Meets)} | {Deadlines(t.Starts)} | {t.Rule} | {t.Zh} |");
        sb.AppendLine();
        sb.AppendLine("## Deadlines");
        sb.AppendLine();
        sb.AppendLine("| obligation | rule | owed by | zh |");
        sb.AppendLine("| --- | --- | --- | --- |");
        foreach (var o in Obligations.All.Values.Where(o => o.Programme == Jurisdictions.ProgrammeCode.Livelihood))
            sb.AppendLine($"| {o.Key} | {o.RuleId} | {(o.Key == Obligations.DirectPublication ? "city" : o.TownOwes ? "town" : "village")} | {o.Zh} |");
        sb.AppendLine();
        sb.AppendLine("## Diagram");
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.AppendLine("stateDiagram-v2");
        sb.AppendLine("    [*] --> AwaitingConsultation: RecordCommitteeDecision");
        foreach (var t in Table)
            foreach (var from in t.From)
                foreach (var to in t.To.Where(to => to != from))
                    sb.AppendLine($"    {from} --> {to}: {t.Action}{(t.Size == SizeRule.Any ? "" : $" ({t.Size})")}");
        foreach (var s in Enum.GetValues<ProjectState>().Where(IsTerminal))
            sb.AppendLine($"    {s} --> [*]");
        sb.AppendLine("```");
        return sb.ToString();
    }

    private static string Deadlines(string[] keys) => keys.Length == 0 ? "" : string.Join(", ", keys.Select(k => $"{k} ({Obligations.All[k].RuleId})"));
}
