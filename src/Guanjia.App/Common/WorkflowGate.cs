using Guanjia.App.Persistence;
using Guanjia.Domain.Common;

namespace Guanjia.App.Common;

/// <summary>
/// Checks a step against its transition table before anything is read from the request, in the order people
/// understand: the step does not apply to this record (409), your role may not take it (403), the record is in
/// another state (409), someone changed it since you read it (409).
/// </summary>
public static class WorkflowGate
{
    public static void Check<T, TState>(GuanjiaDb db, Workflow<T, TState> workflow, T subject, string action, string stateZh, int? version,
        int currentVersion, string nounZh, string nounEn) where TState : struct, Enum
    {
        var rows = workflow.RowsOf(action).Where(t => t.When?.Holds(subject) ?? true).ToList();
        if (rows.Count == 0)
            throw new Conflict($"该{nounZh}不适用此步骤", $"{action} does not apply to this {nounEn}");
        var mine = rows.Where(t => db.Actor.Has(t.Permission)).ToList();
        if (mine.Count == 0)
            throw new Forbidden($"您的角色不能执行“{rows[0].Zh}”", $"Your role may not perform {action}");
        if (!mine.Any(t => t.From.Contains(workflow.StateOf(subject))))
            throw new Conflict($"{nounZh}当前状态为“{stateZh}”，不能执行“{mine[0].Zh}”",
                $"The {nounEn} is {workflow.StateOf(subject)}; {action} needs {string.Join(" or ", mine.SelectMany(t => t.From).Distinct())}");
        if (version is { } v && v != currentVersion)
            throw new Conflict($"{nounZh}已被他人处理，请刷新后重试", $"The {nounEn} was changed by someone else; reload and try again");
    }

    /// <summary>The actions the actor may take on the subject now, each with the deadlines its rows meet (for the forms' late reason).</summary>
    public static IReadOnlyList<AllowedStep> Allowed<T, TState>(GuanjiaDb db, Workflow<T, TState> workflow, T subject) where TState : struct, Enum =>
        workflow.Available(subject).Where(t => db.Actor.Has(t.Permission)).GroupBy(t => t.Action)
            .Select(g => new AllowedStep(g.Key, g.First().Zh, g.SelectMany(t => t.Meets).Distinct().ToArray(),
                g.Where(t => t.Outcome is not null).Select(t => t.Outcome!).Distinct().ToArray()))
            .ToList();
}

/// <summary>A step the caller may take now: its action, what it is called, the deadlines it meets, and its outcomes.</summary>
public sealed record AllowedStep(string Action, string Zh, string[] Meets, string[] Outcomes);
