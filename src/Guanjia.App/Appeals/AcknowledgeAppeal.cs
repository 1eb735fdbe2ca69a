using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;

namespace Guanjia.App.Appeals;

/// <summary>The village acknowledges a dispatched appeal within 24 hours: the first feedback (R-MS-02, R-MS-16).</summary>
public static class AcknowledgeAppeal
{
    public sealed record Request(string? Note, string? LateReason, int? Version);

    public static async Task<AppealDetail> HandleAsync(GuanjiaDb db, AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var step = AppealWorkflow.Get("Acknowledge");
        var appeal = await AppealSteps.LoadForAsync(db, id, step, r.Version, ct);
        new Check().MaxLength("note", r.Note, 500, "备注", "Note").ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, appeal.Id, step.Meets, r.LateReason, ct);
        appeal.State = AppealState.Acknowledged;
        appeal.AcknowledgedAt = s.Clock.GetUtcNow();
        var village = await db.Organizations.FindAsync([appeal.VillageId], ct);
        await s.Feedback.AddAsync(db, appeal, FeedbackKind.Receipt, new Dictionary<string, string?> { ["village"] = village?.Name }, ct);
        await db.Audit("AcknowledgeAppeal", r.Note).SaveChangesAsync(ct);
        return await AppealQueries.GetAsync(db, s.Clock, id, ct);
    }
}
