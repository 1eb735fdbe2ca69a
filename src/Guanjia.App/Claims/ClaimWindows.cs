using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Claims;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// Closes claim windows that have ended (a background job). Nobody claimed: the item returns to the
/// special fund and its normal process, by express, and the proposer is told (R-RT-04). Claimed in part:
/// the shares stand, the fund makes up the rest, and the month to start begins (R-RT-03).
/// </summary>
public sealed class ClaimWindows(ProjectServices s)
{
    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var ended = await db.ClaimItems.Where(i => i.State == ClaimItemState.Open && i.WindowTo < now).OrderBy(i => i.WindowTo)
            .Select(i => i.Id).Take(100).ToListAsync(ct);
        foreach (var id in ended)
        {
            try
            {
                var item = await db.ClaimItems.SingleAsync(i => i.Id == id, ct);
                await CloseAsync(db, item, now, ct);
                await db.Audit(item.State == ClaimItemState.Returned ? "ReturnUnclaimed" : "ClosePartlyClaimed").SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A claim landed at the same moment; the next run sees the new state.
            }
            db.ChangeTracker.Clear();
        }
        return ended.Count;
    }

    private async Task CloseAsync(GuanjiaDb db, ClaimItem item, DateTimeOffset now, CancellationToken ct)
    {
        var firing = s.Workflow.At();
        if (item.ClaimedFen > 0)
        {
            item.ClaimedAt = now;
            await s.Workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "CloseWindow", "PartlyClaimed",
                firing with { Values = await ClaimBoard.ClaimResultValuesAsync(db, item, null, ct) }, ct);
            return;
        }
        item.ReturnedAt = now;
        await s.Workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "CloseWindow", "Unclaimed", firing, ct);
        var values = new Dictionary<string, string?> { ["projectName"] = item.Title };
        if (item.SubjectType == "MicroProject")
        {
            var p = await db.MicroProjects.SingleAsync(x => x.Id == item.SubjectId, ct);
            if (!ProjectWorkflow.Workflow.Allows(p, "ReturnUnclaimed")) return;
            // The fund's normal process is the express route: publish, then the express limits from the end of publicity.
            p.Route = Route.Express;
            p.ExpressForm = ExpressForm.DirectImplementation;
            await s.Workflow.FireAsync(db, ProjectWorkflow.Workflow, p, "ReturnUnclaimed", null, firing with { Values = values }, ct);
        }
        else
        {
            var w = await db.MicroWishes.SingleAsync(x => x.Id == item.SubjectId, ct);
            if (!WishWorkflow.Workflow.Allows(w, "ReturnUnclaimed")) return;
            w.Route = Route.Express;
            w.ExpressForm = ExpressForm.DirectGrant;
            await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "ReturnUnclaimed", null, firing with { Values = values }, ct);
        }
    }
}
