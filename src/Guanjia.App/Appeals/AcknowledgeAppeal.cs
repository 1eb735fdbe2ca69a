using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;

namespace Guanjia.App.Appeals;

/// <summary>The village acknowledges a dispatched appeal within 24 hours: the first feedback (R-MS-02, R-MS-16).</summary>
public static class AcknowledgeAppeal
{
    public sealed record Request(string? Note, string? LateReason, int? Version);

    public static async Task<AppealDetail> HandleAsync(GuanjiaDb db, AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var appeal = await AppealSteps.LoadForAsync(db, id, "Acknowledge", r.Version, ct);
        new Check().MaxLength("note", r.Note, 500, "备注", "Note").ThrowIfFailed();
        var village = await db.Organizations.FindAsync([appeal.VillageId], ct);
        var firing = s.Workflow.At(lateReason: r.LateReason, reason: r.Note, values: new Dictionary<string, string?> { ["village"] = village?.Name });
        await s.Workflow.FireAsync(db, AppealWorkflow.Workflow, appeal, "Acknowledge", null, firing, ct);
        appeal.AcknowledgedAt = firing.Now;
        await db.SaveChangesAsync(ct);
        return await AppealQueries.GetAsync(db, s.Clock, id, ct);
    }
}
