using System.Text;
using Guanjia.Domain.Deadlines;

namespace Guanjia.Domain.Common;

/// <summary>A deadline a row starts, as text: the obligation, who owes it, its limit and from when.</summary>
public sealed record WorkflowStartView(string Obligation, string RuleId, Owner Owner, string Limit, string From, string? When);

/// <summary>One row of a transition table as data (no code): what the API's /workflow answers and the docs print.</summary>
public sealed record WorkflowRow(
    string Action, string? Outcome, string[] From, string To, string Permission, string? When, string[] Meets,
    IReadOnlyList<WorkflowStartView> Starts, string? Sends, string? Ends, string Rule, string Zh);

/// <summary>Renders transition tables as rows and as Markdown, so docs/workflow.md says exactly what the code does.</summary>
public static class WorkflowDocs
{
    public static IReadOnlyList<WorkflowRow> RowsOf<T, TState>(Workflow<T, TState> w) where TState : struct, Enum =>
        w.Table.Select(t => new WorkflowRow(t.Action, t.Outcome, t.From.Select(f => f.ToString()).ToArray(), t.To.ToString(), t.Permission,
            t.When is null ? t.If?.Zh : t.If is null ? t.When.Zh : $"{t.When.Zh}；{t.If.Zh}", t.Meets, t.Starts.Select(s => new WorkflowStartView(s.Obligation, Obligations.All[s.Obligation].RuleId, s.Owner, s.LimitName,
                s.From.Zh, s.When?.Zh)).ToList(), t.Sends?.ToString(), t.Ends, t.Rule, t.Zh)).ToList();

    public static void AppendTable(StringBuilder sb, IReadOnlyList<WorkflowRow> rows)
    {
        sb.AppendLine("| action | outcome | from | to | when | who | meets | starts | sends | rules | zh |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
            sb.AppendLine($"| {r.Action} | {r.Outcome} | {string.Join(", ", r.From)} | {r.To} | {r.When} | `{r.Permission}` | {Deadlines(r.Meets)} | " +
                $"{string.Join("; ", r.Starts.Select(Start))} | {r.Sends}{(r.Ends is null ? "" : $"{(r.Sends is null ? "" : "; ")}ends: {r.Ends}")} | {r.Rule} | {r.Zh} |");
    }

    public static void AppendDiagram(StringBuilder sb, IReadOnlyList<WorkflowRow> rows, string initial, string createdBy, IEnumerable<string> terminal)
    {
        sb.AppendLine("```mermaid");
        sb.AppendLine("stateDiagram-v2");
        sb.AppendLine($"    [*] --> {initial}: {createdBy}");
        foreach (var r in rows)
            foreach (var from in r.From.Where(f => f != r.To))
                sb.AppendLine($"    {from} --> {r.To}: {r.Action}{(r.Outcome is null ? "" : $" {r.Outcome}")}{(r.When is null ? "" : $" ({r.When})")}");
        foreach (var s in terminal)
            sb.AppendLine($"    {s} --> [*]");
        sb.AppendLine("```");
    }

    private static string Start(WorkflowStartView s) =>
        $"{s.Obligation} ({s.RuleId}; {s.Owner}; {s.Limit} from {s.From}{(s.When is null ? "" : $"; if {s.When}")})";

    private static string Deadlines(string[] keys) => keys.Length == 0 ? "" : string.Join(", ", keys.Select(k => $"{k} ({Obligations.All[k].RuleId})"));
}
