using Guanjia.Domain.Feedback;
using Guanjia.Domain.Programme;

namespace Guanjia.Domain.Common;

/// <summary>What a workflow's subject offers the engine: who owes its deadlines and where they are filed.</summary>
public interface IWorkflowSubject
{
    /// <summary>The record the deadlines hang on (a claim item's deadlines live on its project or wish).</summary>
    (string Type, Guid Id, string Ref) DeadlineSubject { get; }

    /// <summary>The appeal whose appellant a row's feedback goes to.</summary>
    Guid AppealId { get; }
    Guid VillageId { get; }
    Guid TownId { get; }
    string ScopePath { get; }

    /// <summary>The rule set the subject started under: its deadlines count by it.</summary>
    int RulesVersion { get; }
}

/// <summary>Who owes a deadline a row starts; the engine's host resolves it to an organisation of the subject.</summary>
public enum Owner { Village = 1, Town = 2, City = 3 }

/// <summary>A named condition on the subject: a row applies, or a deadline starts, only when it holds.</summary>
public sealed record When<T>(string Zh, string En, Func<T, bool> Holds)
{
    public When<T> And(When<T> other) => new($"{Zh}且{other.Zh}", $"{En} and {other.En}", x => Holds(x) && other.Holds(x));
}

/// <summary>From which instant a deadline counts: the recording, the event the user dates, or a field of the subject.</summary>
public sealed record Anchor<T>(string Zh, string En, Func<T, Firing, DateTimeOffset> At)
{
    /// <summary>When the step is recorded.</summary>
    public static Anchor<T> Now { get; } = new("办理时", "when recorded", (_, f) => f.Now);

    /// <summary>When the user says the event happened (a meeting, a completion), within the step's bounds.</summary>
    public static Anchor<T> Event { get; } = new("事项发生时", "when the event happened", (_, f) => f.EventAt ?? f.Now);

    public static Anchor<T> Field(string zh, string en, Func<T, DateTimeOffset?> field) =>
        new(zh, en, (x, f) => field(x) ?? f.EventAt ?? f.Now);
}

/// <summary>A deadline a row starts: the obligation, who owes it, its limit from the subject's rule set, and from when.</summary>
public sealed record DeadlineStart<T>(string Obligation, Owner Owner, string LimitName, Func<ProgrammeRuleSet, TimeLimit> Limit, Anchor<T> From,
    When<T>? When = null);

/// <summary>The circumstances of one firing: when it is recorded, the date the user gives the event, the late reason.</summary>
public sealed record Firing(DateTimeOffset Now, DateTimeOffset? EventAt = null, string? LateReason = null, string? Reason = null,
    IReadOnlyDictionary<string, string?>? Values = null);

/// <summary>
/// One row of a transition table: the action (and, where an action has several results, the outcome) may be fired
/// from one of its From states when its condition holds, by a holder of its permission; firing sets To, meets the
/// subject's open deadlines of Meets, starts Starts, sends the appellant the Sends feedback, and with Ends cancels
/// whatever else is still open, all in the save that writes its audit entry.
/// </summary>
public sealed record Transition<T, TState>(string Action, TState[] From, TState To, string Permission, string Rule, string Zh)
    where TState : struct, Enum
{
    public string? Outcome { get; init; }

    /// <summary>Which subjects the row is for, known before the step (a project's size, its route): it decides who may act.</summary>
    public When<T>? When { get; init; }

    /// <summary>What the step itself settles (the route a decision chooses, a claim completing the amount): checked when firing.</summary>
    public When<T>? If { get; init; }
    public string[] Meets { get; init; } = [];
    public DeadlineStart<T>[] Starts { get; init; } = [];
    public FeedbackKind? Sends { get; init; }

    /// <summary>A terminal row: the subject's other open deadlines are cancelled with this reason.</summary>
    public string? Ends { get; init; }

    /// <summary>The name the audit trail gives the firing: the action, with its outcome where it has one.</summary>
    public string AuditAction => Outcome is null ? Action : $"{Action}{Outcome}";

    /// <summary>May be taken now, before the step's own input is known.</summary>
    public bool Offered(T subject, TState state) => From.Contains(state) && (When?.Holds(subject) ?? true);

    /// <summary>Fires now, the step's input applied to the subject.</summary>
    public bool Applies(T subject, TState state) => Offered(subject, state) && (If?.Holds(subject) ?? true);
}

/// <summary>What firing a row does outside the subject itself: deadlines, messages. The host implements it over the database.</summary>
public interface IWorkflowEffects<T>
{
    /// <summary>Meets the open deadlines of these obligations, judged by when the step is recorded; throws (changing nothing) when a late one has no reason.</summary>
    Task MeetAsync(T subject, IReadOnlyList<string> obligations, Firing firing, CancellationToken ct);

    Task StartAsync(T subject, DeadlineStart<T> start, DateTimeOffset from, CancellationToken ct);

    Task SendAsync(T subject, FeedbackKind kind, Firing firing, CancellationToken ct);

    Task EndAsync(T subject, string reason, CancellationToken ct);

    void Audit(string action, string? reason);
}

/// <summary>
/// A subject's process as one table. Firing a row is the only way its state changes: the state's setter is private
/// to the entity, which hands this workflow its setter and nobody else (a test checks).
/// </summary>
public sealed class Workflow<T, TState>(string name, Func<T, TState> state, Action<T, TState> enter, IReadOnlyList<Transition<T, TState>> table)
    where TState : struct, Enum
{
    public string Name { get; } = name;
    public IReadOnlyList<Transition<T, TState>> Table { get; } = table;

    public TState StateOf(T subject) => state(subject);

    /// <summary>The rows of an action (any state), to check the permission before the state.</summary>
    public IReadOnlyList<Transition<T, TState>> RowsOf(string action) => Table.Where(t => t.Action == action).ToList();

    /// <summary>The rows that may be taken now (their If is settled by the step itself).</summary>
    public IEnumerable<Transition<T, TState>> Available(T subject) => Table.Where(t => t.Offered(subject, state(subject)));

    public bool Allows(T subject, string action) => Available(subject).Any(t => t.Action == action);

    /// <summary>The one row of this action and outcome (null: the row without one) that applies to the subject now, or null.</summary>
    public Transition<T, TState>? Find(T subject, string action, string? outcome = null)
    {
        var rows = Table.Where(t => t.Action == action && t.Outcome == outcome && t.Applies(subject, state(subject))).ToList();
        if (rows.Count > 1)
            throw new InvalidOperationException($"{Name}: {rows.Count} rows of {action}/{outcome} apply in {state(subject)}; the table must say which");
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// Fires the row: meets its deadlines first (a late one without a reason stops everything here), then moves the
    /// subject, starts the row's deadlines, sends its feedback, ends what is left open, and names the audit entry.
    /// </summary>
    public async Task FireAsync(T subject, Transition<T, TState> row, Firing firing, IWorkflowEffects<T> fx, CancellationToken ct)
    {
        if (!Table.Contains(row)) throw new InvalidOperationException($"{Name}: the row {row.AuditAction} is not in the table");
        var from = state(subject);
        if (!row.Applies(subject, from))
            throw new Conflict($"当前状态不能执行“{row.Zh}”", $"{Name} is {from}; {row.AuditAction} needs {string.Join(" or ", row.From)}");
        if (row.Meets.Length > 0) await fx.MeetAsync(subject, row.Meets, firing, ct);
        enter(subject, row.To);
        foreach (var start in row.Starts.Where(s => s.When?.Holds(subject) ?? true))
            await fx.StartAsync(subject, start, start.From.At(subject, firing), ct);
        if (row.Sends is { } kind) await fx.SendAsync(subject, kind, firing, ct);
        if (row.Ends is { } reason) await fx.EndAsync(subject, reason, ct);
        fx.Audit(row.AuditAction, firing.Reason);
    }
}
