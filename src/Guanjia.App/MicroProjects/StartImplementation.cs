using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>Implementation starts only after publicity has run its course (R-MS-11); it meets a service's start limit (R-MS-12).</summary>
public static class StartImplementation
{
    public sealed record Request(DateTimeOffset? StartedAt, string? Note, string? LateReason, int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "StartImplementation", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.StartedAt ?? now;
        new Check()
            .When(at > now, "startedAt", "in_future", "开始时间不能晚于现在", "startedAt cannot be in the future")
            .When(at <= p.PublicityTo, "startedAt", "publicity_not_over",
                $"公示期至 {Domain.Calendar.ChinaTime.ToLocal(p.PublicityTo!.Value):yyyy-MM-dd HH:mm} 结束，公示期满后方可实施",
                "Implementation may start only after the publicity period has ended (R-MS-11)")
            .MaxLength("note", r.Note, 1000, "备注", "Note")
            .ThrowIfFailed();
        p.ImplementationStartedAt = at;
        var firing = s.Workflow.At(at, r.LateReason, r.Note);
        await Claims.ConnectClaim.MarkStartedAsync(db, s.Workflow, p.Id, firing, ct);
        await ProjectSteps.FireAsync(db, s, p, "StartImplementation", null, firing, ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
