using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The project is finished: meets the works' finish limit (R-MS-12) and starts the completion form's
/// 5 working days (R-MS-13) and the result feedback's 5 working days (R-MS-15).
/// </summary>
public static class CompleteProject
{
    public sealed record Request(DateTimeOffset? CompletedAt, string? Note, string? LateReason, int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var (p, row) = await ProjectSteps.LoadForAsync(db, id, "Complete", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.CompletedAt ?? now;
        new Check()
            .When(at > now, "completedAt", "in_future", "完成时间不能晚于现在", "completedAt cannot be in the future")
            .When(at < p.ImplementationStartedAt, "completedAt", "before_start", "完成时间不能早于开始实施时间", "completedAt cannot be before the start")
            .MaxLength("note", r.Note, 1000, "备注", "Note")
            .ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, p.Id, row.Meets, r.LateReason, ct, at);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        p.State = ProjectState.Completed;
        p.CompletedAt = at;
        var subject = ProjectSteps.Subject(p);
        await s.Deadlines.StartAsync(db, rules, Obligations.CompletionForm, subject, p.VillageId, at, rules.CompletionForm, ct);
        // A large project closes after the town's survey, so the town answers for the result's timeliness.
        await s.Deadlines.StartAsync(db, rules, Obligations.ResultFeedback, subject, p.IsSmall == true ? p.VillageId : p.TownId, at, rules.ResultFeedback, ct);
        await db.Audit("Complete", r.Note).SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
