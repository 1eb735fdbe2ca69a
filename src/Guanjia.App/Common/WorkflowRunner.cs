using Guanjia.App.Deadlines;
using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Common;

/// <summary>
/// Fires transition-table rows against the database: the deadlines a row meets and starts, the feedback it sends and
/// the audit entry it names all land in the caller's next save, with the state change itself (ADR 0006, ADR 0019).
/// </summary>
public sealed class WorkflowRunner(DeadlineBook deadlines, FeedbackWriter feedback, ProgrammeRulesProvider rules, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The circumstances of a step recorded now; <paramref name="eventAt"/> is when the user says it happened.</summary>
    public Firing At(DateTimeOffset? eventAt = null, string? lateReason = null, string? reason = null, IReadOnlyDictionary<string, string?>? values = null) =>
        new(clock.GetUtcNow(), eventAt, lateReason, reason, values);

    public Task FireAsync<T, TState>(GuanjiaDb db, Workflow<T, TState> workflow, T subject, Transition<T, TState> row, Firing firing, CancellationToken ct)
        where T : IWorkflowSubject where TState : struct, Enum =>
        workflow.FireAsync(subject, row, firing, new Effects<T>(this, db), ct);

    /// <summary>Finds the row of this action (and outcome) that applies to the subject now and fires it; 409 when none does.</summary>
    public async Task<Transition<T, TState>> FireAsync<T, TState>(GuanjiaDb db, Workflow<T, TState> workflow, T subject, string action, string? outcome,
        Firing firing, CancellationToken ct) where T : IWorkflowSubject where TState : struct, Enum
    {
        var row = workflow.Find(subject, action, outcome)
            ?? throw new Conflict($"当前状态（{workflow.StateOf(subject)}）不能执行此步骤", $"{workflow.Name} is {workflow.StateOf(subject)}; {action} {outcome} does not apply");
        await FireAsync(db, workflow, subject, row, firing, ct);
        return row;
    }

    private sealed class Effects<T>(WorkflowRunner runner, GuanjiaDb db) : IWorkflowEffects<T> where T : IWorkflowSubject
    {
        public async Task MeetAsync(T subject, IReadOnlyList<string> obligations, Firing firing, CancellationToken ct) =>
            // Judged by when the step is recorded: an event dated earlier but entered late is late (issue 12, backdating).
            await runner.Deadlines.MeetAsync(db, subject.DeadlineSubject.Id, obligations, firing.LateReason, firing.Now, ct);

        public async Task StartAsync(T subject, DeadlineStart<T> start, DateTimeOffset from, CancellationToken ct)
        {
            var set = await runner.Rules.GetAsync(db, subject.RulesVersion, ct);
            var (type, id, reference) = subject.DeadlineSubject;
            var owner = start.Owner switch
            {
                Owner.Village => subject.VillageId,
                Owner.Town => subject.TownId,
                _ => await JurisdictionOfAsync(db, subject.ScopePath, ct),
            };
            await runner.Deadlines.StartAsync(db, set, start.Obligation, new DeadlineBook.Subject(type, id, reference, subject.ScopePath), owner, from,
                start.Limit(set), ct);
        }

        public async Task SendAsync(T subject, FeedbackKind kind, Firing firing, CancellationToken ct)
        {
            var appeal = db.Appeals.Local.FirstOrDefault(a => a.Id == subject.AppealId)
                ?? await db.Appeals.IgnoreQueryFilters().SingleAsync(a => a.Id == subject.AppealId, ct);
            await runner.Feedback.AddAsync(db, appeal, kind, firing.Values ?? new Dictionary<string, string?>(), ct);
        }

        public Task EndAsync(T subject, string reason, CancellationToken ct) => runner.Deadlines.CancelOpenAsync(db, subject.DeadlineSubject.Id, reason, ct);

        public void Audit(string action, string? reason) => db.Audit(action, reason);
    }

    private DeadlineBook Deadlines => deadlines;
    private FeedbackWriter Feedback => feedback;
    private ProgrammeRulesProvider Rules => rules;

    /// <summary>The root of the tree the record lies in (the city): who owes the city's deadlines.</summary>
    private static async Task<Guid> JurisdictionOfAsync(GuanjiaDb db, string scopePath, CancellationToken ct)
    {
        var root = "/" + scopePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/";
        return await db.Organizations.AsNoTracking().Where(o => o.Path == root).Select(o => o.Id).SingleAsync(ct);
    }
}
