using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// The town lead department connects the claimant with the beneficiary (R-RT-03). A project then goes on
/// to its publicity and implementation, which must start within a month of the claim; a wish's handling
/// starts with the connection itself.
/// </summary>
public static class ConnectClaim
{
    public sealed record Request(DateTimeOffset? ConnectedAt, string? Note, string? LateReason, int? Version);

    public static async Task<ClaimItemDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var item = await ClaimBoard.LoadForAsync(db, id, "Connect", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.ConnectedAt ?? now;
        new Check()
            .When(at > now, "connectedAt", "in_future", "对接时间不能晚于现在", "connectedAt cannot be in the future")
            .When(at < item.ClaimedAt, "connectedAt", "before_claim", "对接时间不能早于认领时间", "connectedAt cannot be before the claim")
            .Required("note", r.Note, "对接情况", "Note").MaxLength("note", r.Note, 1000, "对接情况", "Note")
            .ThrowIfFailed();
        item.ConnectedAt = at;
        item.ConnectionNote = r.Note!.Trim();
        var firing = s.Workflow.At(at, r.LateReason, r.Note);
        if (item.SubjectType == "MicroProject")
        {
            var p = await ProjectSteps.LoadForAsync(db, item.SubjectId, "ConnectClaim", null, ct);
            await ProjectSteps.FireAsync(db, s, p, "ConnectClaim", null, firing, ct);
        }
        else
        {
            var w = await db.MicroWishes.SingleAsync(x => x.Id == item.SubjectId, ct);
            // A wish's handling starts with the connection: it meets the month to start (R-RT-03).
            await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "ConnectClaim", null, firing, ct);
            item.StartedAt = at;
        }
        await s.Workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "Connect", null, firing, ct);
        await db.Audit("ConnectClaim", r.Note).SaveChangesAsync(ct);
        return await ClaimQueries.GetAsync(db, s.Clock, id, ct);
    }

    /// <summary>Called when a connected project starts implementation: the claim board shows it started.</summary>
    public static async Task MarkStartedAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid projectId, Domain.Common.Firing firing, CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(i => i.SubjectId == projectId && i.State == ClaimItemState.Connected, ct);
        if (item is null) return;
        item.StartedAt = firing.EventAt ?? firing.Now;
        await workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "Start", null, firing, ct);
    }
}
