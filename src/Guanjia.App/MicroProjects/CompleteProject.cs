using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The project is finished: meets the works' finish limit (R-MS-12) and starts the completion form's 5 working days
/// from the date it finished (R-MS-13). The result's 5 working days start at closing, not here (R-MS-15).
/// </summary>
public static class CompleteProject
{
    public sealed record Request(DateTimeOffset? CompletedAt, string? Note, string? LateReason, int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "Complete", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.CompletedAt ?? now;
        new Check()
            .When(at > now, "completedAt", "in_future", "完成时间不能晚于现在", "completedAt cannot be in the future")
            .When(at < p.ImplementationStartedAt, "completedAt", "before_start", "完成时间不能早于开始实施时间", "completedAt cannot be before the start")
            .MaxLength("note", r.Note, 1000, "备注", "Note")
            .ThrowIfFailed();
        p.CompletedAt = at;
        await ProjectSteps.FireAsync(db, s, p, "Complete", null, s.Workflow.At(at, r.LateReason, r.Note), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
