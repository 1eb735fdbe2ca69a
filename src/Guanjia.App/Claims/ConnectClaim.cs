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
        var (item, _) = await ClaimBoard.LoadForAsync(db, id, "Connect", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.ConnectedAt ?? now;
        new Check()
            .When(at > now, "connectedAt", "in_future", "对接时间不能晚于现在", "connectedAt cannot be in the future")
            .When(at < item.ClaimedAt, "connectedAt", "before_claim", "对接时间不能早于认领时间", "connectedAt cannot be before the claim")
            .Required("note", r.Note, "对接情况", "Note").MaxLength("note", r.Note, 1000, "对接情况", "Note")
            .ThrowIfFailed();
        item.State = ClaimItemState.Connected;
        item.ConnectedAt = at;
        item.ConnectionNote = r.Note!.Trim();
        if (item.SubjectType == "MicroProject")
        {
            var (p, _) = await ProjectSteps.LoadForAsync(db, item.SubjectId, "ConnectClaim", null, ct);
            p.State = ProjectState.AwaitingPublicity;
        }
        else
        {
            var w = await db.MicroWishes.SingleAsync(x => x.Id == item.SubjectId, ct);
            var row = WishWorkflow.Find("ConnectClaim", w.State)
                ?? throw new Conflict($"微心愿当前状态为 {w.State}，不能对接", $"The wish is {w.State}; it cannot be connected");
            await s.Deadlines.MeetAsync(db, w.Id, row.Meets, r.LateReason, ct, at);
            w.State = WishState.Handling;
            item.State = ClaimItemState.Started;
            item.StartedAt = at;
        }
        await db.Audit("ConnectClaim", r.Note).SaveChangesAsync(ct);
        return await ClaimQueries.GetAsync(db, s.Clock, id, ct);
    }

    /// <summary>Called when a connected project starts implementation: the claim board shows it started.</summary>
    public static async Task MarkStartedAsync(GuanjiaDb db, Guid projectId, DateTimeOffset at, CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(i => i.SubjectId == projectId && i.State == ClaimItemState.Connected, ct);
        if (item is null) return;
        item.State = ClaimItemState.Started;
        item.StartedAt = at;
    }
}
